/**
 * Development secrets: generated at random on first start and kept in a private file beside the
 * development signing key (AUTH_LOCAL_KEY_FILE's directory), never in the source. Production
 * configures each secret instead (config refuses to start without it).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/** The file a named development secret lives in, beside the development signing key file. */
export function devSecretPath(signingKeyFile: string, name: string): string {
  return join(dirname(signingKeyFile), `dev-${name}`);
}

/** The secret in `path`; throws ENOENT (as a Node error) when there is none yet. */
export async function readDevSecret(path: string): Promise<string> {
  const secret = (await readFile(path, 'utf8')).trim();
  if (secret.length < 32) throw new Error(`Development secret file ${path} holds no usable secret`);
  return secret;
}

/**
 * Reads the secret, creating it (32 random bytes, base64url) if absent. Never replaces an existing
 * file: the secret is written to a private temporary file and hard-linked into place, which fails
 * atomically if another process starting at the same moment won; the loser reads the winner's.
 */
export async function readOrCreateDevSecret(path: string): Promise<string> {
  try {
    return await readDevSecret(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${randomUUID()}.tmp`;
  await writeFile(temporary, randomBytes(32).toString('base64url') + '\n', { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
  return readDevSecret(path);
}
