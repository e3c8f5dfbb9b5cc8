/**
 * Where the chain key comes from: AUDIT_CHAIN_KEY (required in production), or outside production
 * a random key generated on first start and kept beside the development signing key.
 */
import { readDevSecret, readOrCreateDevSecret } from '../config/devSecret.ts';
import { chainKey, type ChainKey } from './chain.ts';

export type ChainKeySetting = { secret: string } | { devFile: string };

/** For the hub: the configured key, or the development key file (created on first start). */
export async function loadChainKey(setting: ChainKeySetting): Promise<ChainKey> {
  return chainKey('secret' in setting ? setting.secret : await readOrCreateDevSecret(setting.devFile));
}

/** For the verifier: never creates a key (a new key would only make every record look forged). */
export async function readChainKey(setting: ChainKeySetting): Promise<ChainKey> {
  return chainKey('secret' in setting ? setting.secret : await readDevSecret(setting.devFile));
}
