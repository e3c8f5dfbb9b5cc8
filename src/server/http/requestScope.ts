/**
 * The scope a GraphQL request hands its upstream calls: its deadline, its id and an AbortSignal
 * that fires when the deadline passes. The signal (an AbortController and a timer) is made only
 * when a call first asks for it: a view answered wholly from the cache makes no upstream call, and
 * building both for every request was about 2% of a warm view's CPU. The timer is cleared when the
 * answer has gone (AbortSignal.timeout cannot be, and every finished request would still build and
 * dispatch its TimeoutError later).
 */
import type { RequestScope } from '../../../connectors/shared/scope.ts';

export interface DeadlineScope extends RequestScope {
  readonly signal: AbortSignal;
  readonly deadlineAt: number;
  readonly requestId: string;
}

export function requestScope(
  requestId: string,
  deadlineMs: number,
  /** The response: its 'close' clears the deadline's timer. */
  res: { once(event: 'close', listener: () => void): unknown },
  now: () => number = Date.now,
): DeadlineScope {
  const deadlineAt = now() + deadlineMs;
  let signal: AbortSignal | undefined;
  return {
    requestId,
    deadlineAt,
    get signal(): AbortSignal {
      if (signal !== undefined) return signal;
      const left = deadlineAt - now();
      if (left <= 0) return (signal = AbortSignal.abort());
      const deadline = new AbortController();
      const timer = setTimeout(() => deadline.abort(), left);
      res.once('close', () => clearTimeout(timer));
      return (signal = deadline.signal);
    },
  };
}
