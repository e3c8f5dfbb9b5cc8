/**
 * Query-string parsing driven by the contract's parameter specs: unknown, repeated or malformed
 * parameters are a 400, so a connector bug shows up as a clear error rather than a silent default.
 */
import { DEFAULT_PAGE_SIZE, MAX_BATCH_IDS, MAX_PAGE_SIZE } from '../contracts/common.ts';
import type { ParamSpec } from '../contracts/openapi.ts';
import { badRequest } from './errors.ts';

type Value = string | number | boolean | readonly string[];

/** A request's validated query: typed getters over parameters the route declares. */
export class ParsedQuery {
  constructor(
    private readonly values: ReadonlyMap<string, Value>,
    /** Route template plus every filter (all parameters but limit and cursor): what a cursor is bound to. */
    readonly fingerprint: string,
  ) {}

  has(name: string): boolean {
    return this.values.has(name);
  }

  /** Names of the parameters present, other than paging. */
  filterNames(): string[] {
    return [...this.values.keys()].filter((name) => name !== 'limit' && name !== 'cursor');
  }

  string(name: string): string | undefined {
    const value = this.values.get(name);
    return typeof value === 'string' ? value : undefined;
  }

  idList(name: string): readonly string[] | undefined {
    const value = this.values.get(name);
    return Array.isArray(value) ? value : undefined;
  }

  boolean(name: string): boolean | undefined {
    const value = this.values.get(name);
    return typeof value === 'boolean' ? value : undefined;
  }

  get limit(): number {
    const value = this.values.get('limit');
    return typeof value === 'number' ? value : DEFAULT_PAGE_SIZE;
  }

  get cursor(): string | undefined {
    return this.string('cursor');
  }
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

export function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export function isDateTime(text: string): boolean {
  return DATE_TIME.test(text) && !Number.isNaN(Date.parse(text)) && isCalendarDate(text.slice(0, 10));
}

const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

/**
 * A date-time in one canonical form (UTC, milliseconds), so instants compare as strings. UTC
 * instants (the common case, and most of an index build) skip the slower Date round trip.
 */
export function canonicalInstant(text: string): string {
  if (UTC_INSTANT.test(text)) return text.length === 20 ? `${text.slice(0, 19)}.000Z` : text;
  return new Date(text).toISOString();
}

function parseValue(spec: ParamSpec, raw: string): Value {
  const name = spec.name;
  switch (spec.kind) {
    case 'id':
      if (raw.length === 0) throw badRequest(`parameter "${name}" must not be empty`);
      if (spec.pattern && !new RegExp(spec.pattern).test(raw)) {
        throw badRequest(`parameter "${name}" is not a well-formed id`);
      }
      return raw;
    case 'idList': {
      const ids = raw.split(',');
      if (ids.some((id) => id.length === 0)) throw badRequest(`parameter "${name}" has an empty id`);
      const unique = [...new Set(ids)];
      if (unique.length > MAX_BATCH_IDS) {
        throw badRequest(`parameter "${name}" names more than ${MAX_BATCH_IDS} ids`);
      }
      return unique;
    }
    case 'limit':
      if (!/^[1-9][0-9]{0,8}$/.test(raw)) throw badRequest(`parameter "${name}" must be a positive integer`);
      return Math.min(Number(raw), MAX_PAGE_SIZE);
    case 'cursor':
      if (raw.length === 0) throw badRequest(`parameter "${name}" must not be empty`);
      return raw;
    case 'date':
      if (!isCalendarDate(raw)) throw badRequest(`parameter "${name}" must be a calendar date (YYYY-MM-DD)`);
      return raw;
    case 'dateTime':
      if (!isDateTime(raw)) throw badRequest(`parameter "${name}" must be an ISO 8601 date-time with offset`);
      return canonicalInstant(raw);
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') throw badRequest(`parameter "${name}" must be true or false`);
      return raw === 'true';
  }
}

export function parseQuery(
  template: string,
  specs: readonly ParamSpec[],
  search: URLSearchParams,
): ParsedQuery {
  const byName = new Map(specs.filter((s) => s.in === 'query').map((s) => [s.name, s]));
  const values = new Map<string, Value>();
  for (const [name, raw] of search) {
    const spec = byName.get(name);
    if (!spec) throw badRequest(`unknown parameter "${name}"`);
    if (values.has(name)) throw badRequest(`parameter "${name}" is given more than once`);
    values.set(name, parseValue(spec, raw));
  }
  for (const spec of byName.values()) {
    if (spec.required && !values.has(spec.name)) throw badRequest(`parameter "${spec.name}" is required`);
  }
  const filters = [...values.entries()]
    .filter(([name]) => name !== 'limit' && name !== 'cursor')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new ParsedQuery(values, JSON.stringify([template, filters]));
}

export function validatePathParams(
  specs: readonly ParamSpec[],
  params: Readonly<Record<string, string>>,
): void {
  for (const spec of specs) {
    if (spec.in !== 'path') continue;
    const raw = params[spec.name];
    if (raw === undefined) throw badRequest(`path parameter "${spec.name}" is missing`);
    parseValue(spec, raw);
  }
}
