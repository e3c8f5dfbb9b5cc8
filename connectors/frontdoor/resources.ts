/**
 * The shared cache's resource names for front-door entries: the loader caches under them and
 * change events (src/server/http/events.ts) drop them, so the two cannot disagree.
 */
export const FRONTDOOR_RESOURCES = {
  contact: 'contact',
} as const;
