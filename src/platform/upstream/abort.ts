/**
 * Abort subscriptions that share one listener per signal. A GraphQL request hands the same
 * deadline signal to every upstream call it makes; adding a listener per call (per attempt, per
 * queue wait, per backoff) would pass Node's limit of 10 and print MaxListenersExceededWarning on
 * every wide query. Here each signal carries a single listener that fans out to the current
 * subscribers, and unsubscribing is a Set delete.
 */
const subscribers = new WeakMap<AbortSignal, Set<() => void>>();

/** Calls `callback` once when `signal` aborts; returns the unsubscribe function. */
export function onAbort(signal: AbortSignal, callback: () => void): () => void {
  let callbacks = subscribers.get(signal);
  if (!callbacks) {
    const created = new Set<() => void>();
    callbacks = created;
    subscribers.set(signal, created);
    signal.addEventListener(
      'abort',
      () => {
        subscribers.delete(signal);
        for (const notify of created) notify();
        created.clear();
      },
      { once: true },
    );
  }
  const own = callbacks;
  own.add(callback);
  return () => {
    own.delete(callback);
  };
}

export class WaitAborted extends Error {
  constructor() {
    super('wait abandoned: signal aborted');
    this.name = 'WaitAborted';
  }
}

/** Resolves after `ms`; rejects with WaitAborted as soon as `signal` aborts. */
export function abortableDelay(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(new WaitAborted());
  return new Promise<void>((resolve, reject) => {
    let unsubscribe: (() => void) | undefined;
    const timer = setTimeout(() => {
      unsubscribe?.();
      resolve();
    }, ms);
    if (signal) {
      unsubscribe = onAbort(signal, () => {
        clearTimeout(timer);
        reject(new WaitAborted());
      });
    }
  });
}
