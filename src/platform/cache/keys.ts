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

/** One system + resource + contract version: its key prefix and the names remembered for its ids. */
interface KeyScope {
  readonly prefix: string;
  readonly macPrefix: string;
  young: Map<string, string>;
  old: Map<string, string>;
}

export function createEntityKeyer(options: EntityKeyerOptions): EntityKeyer {
  const hmacKey = deriveKeyMaterial(options.secret, 'key-names', 'cache key-name secret');
  const memoLimit = options.memoEntries ?? 20_000;
  // Names are remembered per scope, by the bare id: a lookup builds no string (a caseload of 50
  // asks for hundreds of names, and three concatenated memo keys per name were 5% of what it
  // allocated). Two generations, counted over every scope: when the young ones together fill, each
  // becomes its scope's old one and the previous old ones are dropped whole. Names in use keep
  // being promoted, so hot ids stay; no per-entry eviction cost.
  let youngCount = 0;
  const scopeList: KeyScope[] = [];
  const remember = (scope: KeyScope, id: string, key: string): void => {
    if (youngCount >= memoLimit) {
      for (const each of scopeList) {
        each.old = each.young;
        each.young = new Map();
      }
      youngCount = 0;
    }
    scope.young.set(id, key);
    youngCount++;
  };
  // Scopes by system, resource and contract version: a handful, each validated and built once.
  const scopes = new Map<string, Map<string, Map<string, KeyScope>>>();

  const scopeFor = (system: SystemName, resource: string, contractVersion: string): KeyScope => {
    let byResource = scopes.get(system);
    if (byResource === undefined) scopes.set(system, (byResource = new Map()));
    let byVersion = byResource.get(resource);
    if (byVersion === undefined) byResource.set(resource, (byVersion = new Map()));
    let scope = byVersion.get(contractVersion);
    if (scope === undefined) {
      if (!TOKEN.test(resource)) throw new CacheConfigError(`cache resource name must match ${TOKEN.source}`);
      if (!TOKEN.test(contractVersion))
        throw new CacheConfigError(`contract version must match ${TOKEN.source}`);
      scope = {
        prefix: `${KEY_NAMESPACE}:${contractVersion}:{${system}:${resource}:`,
        // System and resource are in the MAC input too, so one id in two systems gives unrelated digests.
        macPrefix: `${system}\u0000${resource}\u0000`,
        young: new Map(),
        old: new Map(),
      };
      byVersion.set(contractVersion, scope);
      scopeList.push(scope);
    }
    return scope;
  };

  return {
    entityKey({ system, resource, id }, contractVersion) {
      const scope = scopeFor(system, resource, contractVersion);
      const known = scope.young.get(id);
      if (known !== undefined) return known;
      const aging = scope.old.get(id);
      if (aging !== undefined) {
        remember(scope, id, aging);
        return aging;
      }
      const digest = createHmac('sha256', hmacKey)
        .update(scope.macPrefix + id, 'utf8')
        .digest()
        .subarray(0, DIGEST_BYTES);
      const bucket = ((digest[0] ?? 0) % HASH_TAG_BUCKETS).toString(16);
      const key = `${scope.prefix}${bucket}}:${digest.toString('base64url')}`;
      if (memoLimit > 0) remember(scope, id, key);
      return key;
    },
  };
}
