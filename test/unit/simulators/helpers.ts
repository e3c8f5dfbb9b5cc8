/** Shared test plumbing: start a simulator on an ephemeral port, fetch JSON, validate against its OpenAPI. */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { buildOpenApiDocument, CONTRACTS, type SystemName } from '../../../simulators/contracts/openapi.ts';
import type { County } from '../../../simulators/county/types.ts';
import type { SimulatorHandle, SimulatorOptions } from '../../../simulators/kit/server.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export interface RunningSim {
  url: string;
  handle: SimulatorHandle;
}

export async function startSim(
  factory: (county: County, options?: SimulatorOptions) => SimulatorHandle,
  county: County,
  options: SimulatorOptions = {},
): Promise<RunningSim> {
  const handle = factory(county, options);
  const { url } = await handle.listen(0, '127.0.0.1');
  return { url, handle };
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export async function getJson(url: string, init?: RequestInit): Promise<JsonResponse> {
  const response = await fetch(url, init);
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text.length ? JSON.parse(text) : undefined,
  };
}

export const sendJson = (url: string, method: string, body: unknown): Promise<JsonResponse> =>
  getJson(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const pointer = (...segments: string[]) =>
  segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

/** Validates response bodies against one system's own OpenAPI document. */
export class ContractValidator {
  private readonly ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(readonly system: SystemName) {
    this.ajv.addSchema({ $id: 'doc', ...buildOpenApiDocument(CONTRACTS[system]) });
  }

  /** Throws, with ajv's errors, unless `body` is a valid `status` response of the route template. */
  check(template: string, status: number, body: unknown): void {
    const key = `${template} ${status}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      const statusKey = status === 200 || status === 400 || status === 404 ? String(status) : 'default';
      const ref = `doc#/${pointer('paths', template, 'get', 'responses', statusKey, 'content', 'application/json', 'schema')}`;
      validate = this.ajv.compile({ $ref: ref });
      this.compiled.set(key, validate);
    }
    if (!validate(body)) {
      throw new Error(
        `${this.system} ${key} does not match the contract: ${this.ajv.errorsText(validate.errors)}`,
      );
    }
  }
}

/** Every item of a paginated list, following nextCursor; checks each page against the contract. */
export async function walkPages(
  base: string,
  template: string,
  path: string,
  validator: ContractValidator,
): Promise<{ items: Record<string, unknown>[]; pages: number }> {
  const items: Record<string, unknown>[] = [];
  let url = `${base}${path}`;
  for (let pages = 1; ; pages++) {
    const { status, body } = await getJson(url);
    if (status !== 200)
      throw new Error(`page ${pages} of ${path} answered ${status}: ${JSON.stringify(body)}`);
    validator.check(template, 200, body);
    const page = body as { items: Record<string, unknown>[]; nextCursor: string | null };
    items.push(...page.items);
    if (page.nextCursor === null) return { items, pages };
    const next = new URL(url);
    next.searchParams.set('cursor', page.nextCursor);
    url = next.toString();
  }
}
