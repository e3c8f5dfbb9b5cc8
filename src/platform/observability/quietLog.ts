/**
 * A failure that repeats (every request, every reconnect attempt) is logged once per quiet period
 * for each kind of it, with how many like it went unlogged since: the log says what broke without a
 * line per occurrence. Callers still count every occurrence in their metrics.
 */
export function quietLog(
  quietMs: number,
  now: () => number = Date.now,
): (kind: string) => { unloggedSince: number } | null {
  const windows = new Map<string, { until: number; unlogged: number }>();
  return (kind) => {
    const at = now();
    const seen = windows.get(kind);
    if (seen !== undefined && at < seen.until) {
      seen.unlogged++;
      return null;
    }
    windows.set(kind, { until: at + quietMs, unlogged: 0 });
    return { unloggedSince: seen?.unlogged ?? 0 };
  };
}
