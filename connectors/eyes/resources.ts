/**
 * The shared cache's resource names for EYES entries: the loaders cache under them and change
 * events (src/server/http/events.ts) drop them, so the two cannot disagree.
 */
export const EYES_RESOURCES = {
  pupil: 'pupil',
  record: 'record',
} as const;
