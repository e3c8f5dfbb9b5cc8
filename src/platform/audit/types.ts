/**
 * The audit trail's records and the contract every sink (file, Redis stream, memory) fulfils.
 */
import type { AuditChainAlarm } from './errors.ts';

export const AUDIT_ACTIONS = [
  'VIEW',
  'SEARCH',
  'DENY',
  'BREAK_GLASS',
  'AUDIT_QUERY',
  'EXPORT',
  /** A team's or worker's caseload (list or summary) was shown. */
  'CASELOAD',
  /** A service report (performance, finance) was answered. */
  'REPORT',
  /** A data steward confirmed, rejected or split a link, or reversed such a decision. */
  'LINK_DECISION',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_DECISIONS = ['ALLOWED', 'DENIED', 'NOT_FOUND'] as const;
export type AuditDecision = (typeof AUDIT_DECISIONS)[number];

/** What a caller hands to `record`: who, which child, what was seen or refused, and why. */
export interface AuditEntry {
  /** The hub's own id for the request (never the client's). */
  requestId: string;
  /** The client's x-request-id, when it sent a sane one: for tracing a request across systems. */
  correlationId?: string;
  userId: string;
  roles: string[];
  teamId: string | null;
  /** The hub id of the child; null for actions not about one child (a search, an audit query). */
  childId: string | null;
  action: AuditAction;
  /**
   * Hub ids of the children a list disclosed (search hits, caseload entries, report lines naming
   * children), in the order shown; ids only, never names.
   */
  childIds?: string[];
  /** Field groups shown (or, for DENY, refused). */
  groups: string[];
  /** The GraphQL fields actually resolved, when the caller tracks them. */
  fields?: string[];
  /** The purpose the viewer stated, if any. */
  purpose?: string;
  breakGlass?: { reasonCode: string; justification: string };
  decision: AuditDecision;
}

/**
 * A sealed record as stored. `hash` = HMAC-SHA256, under the chain key, of the canonical JSON of
 * every other field (prevHash included), so each record vouches for the whole chain before it.
 */
export interface AuditRecord extends AuditEntry {
  /** 1, 2, 3, … with no gaps: a missing seq is a deleted record. */
  seq: number;
  /** ISO-8601 instant the hub recorded the access. */
  at: string;
  prevHash: string;
  hash: string;
}

/** An entry stamped with its time, waiting for a seq and hashes from the sink. */
export type TimedEntry = AuditEntry & { at: string };

export interface AuditQuery {
  userId?: string;
  /** Records about this child: its `childId`, or a list naming it in `childIds`. */
  childId?: string;
  /** Inclusive bounds on `at`. */
  from?: Date | string;
  to?: Date | string;
  limit: number;
}

export interface AuditSink {
  readonly kind: 'file' | 'redis-stream' | 'memory';
  /** An alarm the sink raised and holds to (it refuses every batch until an operator acts). */
  readonly alarm?: AuditChainAlarm | null;
  /**
   * Seals the batch onto the sink's true last record, makes it durable and anchors the new head;
   * resolves only then. On a failure the batch's requests are refused; the chain never has a gap
   * (a batch that failed may still be on the trail, as an attempt: that errs on the safe side).
   * Rejects with AuditSinkError (its `reason`) or AuditChainAlarm.
   */
  append(batch: readonly TimedEntry[]): Promise<AuditRecord[]>;
  /** Matching records, newest first. */
  query(query: AuditQuery): Promise<AuditRecord[]>;
  /** Break-glass records, newest first. */
  alerts(limit: number): Promise<AuditRecord[]>;
  close(): Promise<void>;
}
