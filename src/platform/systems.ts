/**
 * The upstream systems the hub joins, declared once: configuration, clients, health, events, the
 * link index and the register all take their list and their names from here.
 */
export const SYSTEMS = ['lcs', 'eyes', 'lift', 'frontdoor'] as const;
export type SystemName = (typeof SYSTEMS)[number];
