/**
 * Change notifications: after a record changes, POST `{system, resource, id}` to the registered
 * URL with the registered bearer token. Fire and forget; a failure is logged (without the id, which
 * may be a child's identifier) and never affects the change itself.
 */
import { badRequest } from './errors.ts';
import type { SimLogger } from './logger.ts';

export interface WebhookTarget {
  url: string;
  token: string;
}

const NOTIFY_TIMEOUT_MS = 5_000;

export function parseWebhookTarget(body: unknown): WebhookTarget {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('webhook must be a JSON object {url, token}');
  }
  const { url, token, ...rest } = body as Record<string, unknown>;
  if (Object.keys(rest).length > 0) throw badRequest('webhook accepts only "url" and "token"');
  if (typeof url !== 'string' || !URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    throw badRequest('webhook "url" must be an http or https URL');
  }
  if (typeof token !== 'string' || token.length === 0 || /[\r\n]/.test(token)) {
    throw badRequest('webhook "token" must be a non-empty single-line string');
  }
  return { url, token };
}

export class WebhookNotifier {
  private target: WebhookTarget | null = null;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly system: string,
    private readonly logger: SimLogger,
  ) {}

  configure(target: WebhookTarget | null): void {
    this.target = target;
  }

  get configured(): boolean {
    return this.target !== null;
  }

  notify(resource: string, id: string): void {
    const target = this.target;
    if (!target) return;
    const sending = this.send(target, resource, id).finally(() => this.inFlight.delete(sending));
    this.inFlight.add(sending);
  }

  /** Waits for notifications already sent (used when the simulator closes). */
  async settle(): Promise<void> {
    await Promise.all([...this.inFlight]);
  }

  private async send(target: WebhookTarget, resource: string, id: string): Promise<void> {
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
        body: JSON.stringify({ system: this.system, resource, id }),
        signal: AbortSignal.timeout(NOTIFY_TIMEOUT_MS),
      });
      await response.body?.cancel();
      if (!response.ok) {
        this.logger.warn('change notification rejected', {
          system: this.system,
          resource,
          status: response.status,
        });
      }
    } catch (error) {
      this.logger.warn('change notification failed', {
        system: this.system,
        resource,
        error: error instanceof Error ? error.name : 'unknown',
      });
    }
  }
}
