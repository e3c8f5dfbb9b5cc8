/**
 * Development secrets kept in files (the local signing key, the cache sealing key): created on
 * first use with mode 0600 and never overwritten, so every process sharing the directory (the hub,
 * its replicas, `npm run token`) ends up with the same secret.
 */
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';

/**
 * Reads `path`, or writes `create()` there first when it is absent. The new contents go to a
 * private temporary file that is then hard-linked into place, which fails atomically if another
 * process won the race; the loser reads the winner's file.
 */
export async function readOrCreateSecretFile(path: string, create: () => Promise<string>): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const contents = await create();
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${randomUUID()}.tmp`;
  await writeFile(temporary, contents, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, path);
    return contents;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFile(path, 'utf8');
    throw error;
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}
