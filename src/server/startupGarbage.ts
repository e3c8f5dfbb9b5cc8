/**
 * One full garbage collection once the child directory is in memory, before the hub says it is
 * ready. A county's restart (a ~100 MB link checkpoint read whole, decoded and copied into columns,
 * the id map read in pages) leaves some 200 MB of garbage, which V8 keeps resident until its next
 * full collection; a hub just started and lightly used may not run one for a long while. Measured
 * over a county register: 554 MB resident at ready, 340 MB after this collection. The process runs
 * without --expose-gc, so the collection is asked for through the inspector protocol, in this
 * process (no port is opened). Some hundreds of milliseconds, once; skipped where the inspector is
 * not built in.
 */
import { Session } from 'node:inspector/promises';
import type { Logger } from 'pino';

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

export async function collectStartupGarbage(logger: Logger): Promise<void> {
  const started = performance.now();
  const before = process.memoryUsage.rss();
  let session: Session;
  try {
    session = new Session();
    session.connect();
  } catch {
    return;
  }
  try {
    await session.post('HeapProfiler.collectGarbage');
  } catch (error) {
    logger.warn({ err: error }, 'start-up garbage could not be collected');
    return;
  } finally {
    session.disconnect();
  }
  logger.info(
    {
      ms: Math.round(performance.now() - started),
      residentMbBefore: mb(before),
      residentMbAfter: mb(process.memoryUsage.rss()),
    },
    'start-up garbage collected',
  );
}
