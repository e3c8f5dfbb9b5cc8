/**
 * Front-door models -> the graph's field names, at field time (the models are built from the
 * front door's wire once, in connectors/frontdoor/map.ts).
 */
import type { FrontDoorContact } from '../../src/domain/models/frontDoor.ts';

export const mapContact = (c: FrontDoorContact) => ({
  id: c.contactId,
  route: c.route,
  date: c.contactDate,
  receivedAt: c.receivedAt,
  source: c.sourceCode,
  reason: c.reason,
  rag: c.rag,
  decision: c.decision,
  decidedAt: c.decidedAt,
  routedTo: c.routedTo,
});
