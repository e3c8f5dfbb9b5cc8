/**
 * Cache key names. A key says which system, resource and contract version it belongs to, but
 * the entity id is replaced by a keyed HMAC-SHA256 (truncated to 128 bits), so neither ids nor
 * anything else about a child can be read from, or guessed into, a key name.
 *
 *   svoc:<contractVersion>:{<system>:<resource>:<bucket>}:<digest>
 *   e.g. svoc:v1:{lcs:person:a}:Qm9yZWQ-sW5nIGtleXM
 *
 * The `{...}` part is a Redis Cluster hash tag. Tagging by system+resource alone would put every
 * person record in one slot on one node (a hot spot that grows with the county); tagging by id
 * scatters a DataLoader batch over as many slots as ids. The middle way: 16 buckets per
 * system+resource, chosen by the digest, so a batch touches at most 16 slots (spread over the
 * nodes) and the cluster store sends one MGET per slot, pipelined per node.
 */
import { createHmac } from 'node:crypto';
import type { SystemName } from '../systems.ts';
import type { EntityRef } from './types.ts';
import { CacheConfigError, deriveKeyMaterial } from './secrets.ts';

export const KEY_NAMESPACE = 'svoc';
export const HASH_TAG_BUCKETS = 16;
const DIGEST_BYTES = 16;
/** Resource names and contract versions end up in key names: plain tokens only, no braces or colons. */
const TOKEN = /^[A-Za-z0-9_-]{1,40}$/;

export interface EntityKeyer {
  entityKey(ref: EntityRef, contractVersion: string): string;
}

export interface EntityKeyerOptions {
  /** Keys the id HMAC (see secrets.ts for accepted forms). Changing it orphans every entry. */
  secret: string;
  /**
   * Key names remembered in process, so a hot id costs one HMAC per process rather than one per
   * lookup (an HMAC costs about as much as decrypting a small entry). Holds up to twice this many names.
   * Default 20,000; 0 disables.
   */
  memoEntries?: number;
}

export function createEntityKeyer(options: EntityKeyerOptions): EntityKeyer {
  const hmacKey = deriveKeyMaterial(options.secret, 'key-names', 'cache key-name secret');
  const memoLimit = options.memoEntries ?? 20_000;
  // Two generations: when the young one fills, it becomes the old one and the previous old one is
  // dropped whole. Names in use keep being promoted, so hot ids stay; no per-entry eviction cost.
  let young = new Map<string, string>();
  let old = new Map<string, string>();
  const remember = (memoId: string, key: string): void => {
    if (young.size >= memoLimit) {
      old = young;
      young = new Map();
    }
    young.set(memoId, key);
  };
  // Validated prefixes by contract version + system + resource: a handful, built once each.
  const prefixes = new Map<string, string>();

  const prefixFor = (system: SystemName, resource: string, contractVersion: string): string => {
    const cacheId = `${contractVersion}\u0000${system}\u0000${resource}`;
    let prefix = prefixes.get(cacheId);
    if (prefix === undefined) {
      if (!TOKEN.test(resource)) throw new CacheConfigError(`cache resource name must match ${TOKEN.source}`);
      if (!TOKEN.test(contractVersion))
        throw new CacheConfigError(`contract version must match ${TOKEN.source}`);
      prefix = `${KEY_NAMESPACE}:${contractVersion}:{${system}:${resource}:`;
      prefixes.set(cacheId, prefix);
    }
    return prefix;
  };

  return {
    entityKey({ system, resource, id }, contractVersion) {
      const prefix = prefixFor(system, resource, contractVersion);
      // System and resource are in the MAC input too, so one id in two systems gives unrelated digests.
      const macInput = `${system}\u0000${resource}\u0000${id}`;
      const memoId = `${prefix}\u0000${macInput}`;
      const known = young.get(memoId);
      if (known !== undefined) return known;
      const aging = old.get(memoId);
      if (aging !== undefined) {
        remember(memoId, aging);
        return aging;
      }
      const digest = createHmac('sha256', hmacKey)
        .update(macInput, 'utf8')
        .digest()
        .subarray(0, DIGEST_BYTES);
      const bucket = ((digest[0] ?? 0) % HASH_TAG_BUCKETS).toString(16);
      const key = `${prefix}${bucket}}:${digest.toString('base64url')}`;
      if (memoLimit > 0) remember(memoId, key);
      return key;
    },
  };
}
