/**
 * register_changes names the ids each register version changed, so an instance re-reads only those.
 * Without pruning it grows by every change forever. Every instance polls the register every few
 * seconds (and hears each version announced), so a live instance is never an hour behind; rows older
 * than that are deleted, and an instance that is further behind (suspended, cut off) re-reads the
 * whole id map instead (store.changesSince says so).
 */
import type { Logger } from 'pino';
import type { RegisterStore } from './store.ts';

/** How long a changed-id row is kept: far beyond how far behind a live instance falls. */
export const CHANGES_KEPT_MS = 60 * 60 * 1000;
/** How often an instance tries to prune (one prunes at a time; the others skip their turn). */
export const PRUNE_EVERY_MS = 5 * 60 * 1000;

/** Every `everyMs`, off the request path, prunes rows older than `keepMs`; returns the function that stops it. */
export function pruneChangesPeriodically(
  store: Pick<RegisterStore, 'pruneChanges'>,
  options: { everyMs?: number; keepMs?: number; logger?: Logger } = {},
): () => Promise<void> {
  const keepMs = options.keepMs ?? CHANGES_KEPT_MS;
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = store
      .pruneChanges(keepMs)
      .then((pruned) => {
        if (pruned && pruned.deleted > 0)
          options.logger?.debug(pruned, 'child register: changed-id rows pruned');
      })
      .catch((error: unknown) =>
        options.logger?.warn(
          { err: error },
          'child register: pruning changed ids failed; the next turn tries again',
        ),
      )
      .finally(() => (running = null));
  }, options.everyMs ?? PRUNE_EVERY_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
