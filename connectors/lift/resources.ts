/**
 * The shared cache's resource names for LIFT entries: the loaders cache under them and change
 * events (src/server/http/events.ts) drop them, so the two cannot disagree.
 */
export const LIFT_RESOURCES = {
  /** Keyed by client ref. */
  agreementsByClient: 'agreements-by-client',
  /** Keyed by EYES pupil id (SEND finance follows education). */
  sendCostsByPupil: 'send-costs-by-pupil',
  /** Keyed by client ref. */
  paymentsByClient: 'payments-by-client',
} as const;
