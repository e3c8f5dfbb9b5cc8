/**
 * Apollo Server chooses response media types with `negotiator`, parsing the request's Accept header
 * afresh up to three times a request. One of those runs on every operation, in Apollo's request
 * pipeline, to ask whether incremental results (@defer) should use the legacy multipart format:
 * the hub, on graphql 16, never sends incremental results. The parsing was 2.9 % of the hub's CPU per
 * cold single view (Node 24 profile, 2026-12-07) and Apollo has no option to skip it. A choice
 * depends on nothing but the Accept header and the types offered, so the hub remembers it; the
 * header is the client's to write, so only ordinary ones are remembered, in a bounded LRU.
 *
 * Apollo resolves the same `negotiator` module as the hub (one copy in the lock file; a test
 * checks it), so remembering here is remembering for Apollo.
 */
import Negotiator from 'negotiator';
import { BoundedLru } from './lru.ts';

/** Distinct Accept headers remembered: clients send a handful; the rest are worked out each time. */
const REMEMBERED = 256;
/** Longer headers are worked out each time rather than kept (a key is the header itself). */
const LONGEST_REMEMBERED = 256;

let remembering = false;

/** Makes every `negotiator` media-type choice in this process remembered. Idempotent. */
export function rememberMediaTypeChoices(): void {
  if (remembering) return;
  remembering = true;
  const choose = Negotiator.prototype.mediaType;
  /** null: none of the offered types is acceptable. */
  const chosen = new BoundedLru<string, string | null>(REMEMBERED);
  Negotiator.prototype.mediaType = function mediaType(this: Negotiator, available?: readonly string[]) {
    const accept = this.request.headers['accept'];
    const ordinary =
      accept === undefined || (typeof accept === 'string' && accept.length <= LONGEST_REMEMBERED);
    if (available === undefined || !ordinary) return choose.call(this, available);
    // No header and an empty one are different requests ("*/*" and nothing).
    const key = `${accept === undefined ? '-' : `=${accept}`}\n${available.join('\n')}`;
    const known = chosen.get(key);
    if (known !== undefined) return known ?? undefined;
    const choice = choose.call(this, available);
    chosen.set(key, choice ?? null);
    return choice;
  };
}
