/** Request counts per contract route template ("GET /people/{personId}"), for tests and benchmarks. */
export interface StatsSnapshot {
  total: number;
  byRoute: Record<string, number>;
}

export class RouteStats {
  private readonly counts = new Map<string, number>();

  constructor(private readonly routeKeys: readonly string[]) {
    this.reset();
  }

  count(routeKey: string): void {
    this.counts.set(routeKey, (this.counts.get(routeKey) ?? 0) + 1);
  }

  reset(): void {
    this.counts.clear();
    for (const key of this.routeKeys) this.counts.set(key, 0);
  }

  snapshot(): StatsSnapshot {
    const byRoute = Object.fromEntries(this.counts);
    const total = [...this.counts.values()].reduce((sum, n) => sum + n, 0);
    return { total, byRoute };
  }
}
