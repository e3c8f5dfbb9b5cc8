/**
 * Where the chain key comes from: AUDIT_CHAIN_KEY (required in production), or outside production
 * a random key generated on first start and kept beside the development signing key.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { readOrCreateSecretFile } from '../config/secretFile.ts';
import { chainKey, type ChainKey } from './chain.ts';

export type ChainKeySetting = { secret: string } | { devFile: string };

const newDevelopmentKey = async (): Promise<string> => randomBytes(32).toString('base64url') + '\n';

/** For the hub: the configured key, or the development key file (created on first start). */
export async function loadChainKey(setting: ChainKeySetting): Promise<ChainKey> {
  if ('secret' in setting) return chainKey(setting.secret);
  return chainKey((await readOrCreateSecretFile(setting.devFile, newDevelopmentKey)).trim());
}

/** For the verifier: never creates a key (a new key would only make every record look forged). */
export async function readChainKey(setting: ChainKeySetting): Promise<ChainKey> {
  if ('secret' in setting) return chainKey(setting.secret);
  return chainKey((await readFile(setting.devFile, 'utf8')).trim());
}
