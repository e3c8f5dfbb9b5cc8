/**
 * The performance targets (issue 18, and issue 17's county restart), in one place: `npm run bench` checks them, and
 * `npm run bench:readme` prints them beside what it measured.
 */
export const TARGETS = {
  /** Cold single view at 50 connections: at least this share of the hand-written baseline's req/s. */
  coldThroughputRatio: 0.7,
  /** Hub CPU per cold single view at 50 connections, ms. */
  coldCpuMsPerView: 1.0,
  /** Warm single view at 50 connections: at least this multiple of the baseline's (cold) req/s. */
  warmThroughputRatio: 2.5,
  /** The README's report queries on a just-started hub (first asking), ms. */
  reportColdMs: 2000,
  /** The same, asked again (median), ms. */
  reportWarmMs: 200,
  /** Cold child views at 10 connections while those reports run: p99, ms. */
  viewsDuringReportsP99Ms: 100,
  /** The hub's peak resident memory at demo scale, MB. */
  demoPeakRssMb: 300,
  /** A county-scale instance restarting over a populated register (issue 17): ready within, ms. */
  countyRestartMs: 5000,
  /** The same instance's resident memory once ready, MB. */
  countyRestartRssMb: 400,
} as const;
