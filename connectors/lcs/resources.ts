/**
 * The shared cache's resource names for LCS entries: the loaders cache under them and change
 * events (src/server/http/events.ts) drop them, so the two cannot disagree.
 */
export const LCS_RESOURCES = {
  person: 'person',
  socialCare: 'social-care',
  worker: 'worker',
  team: 'team',
  openInvolvementsByWorker: 'open-involvements-by-worker',
  openInvolvementsByTeam: 'open-involvements-by-team',
  workersByTeam: 'workers-by-team',
} as const;
