/**
 * What the audit trail reports about itself. Labels are the sink kind and small fixed sets of
 * reasons and alarm kinds: never an id, a seq or anything from a record. The prom-client
 * implementation lives with the HTTP layer's /metrics; the trail only calls this interface.
 */
import type { AuditAlarmKind, AuditFailureReason } from './errors.ts';
import type { AuditSink } from './types.ts';

export type AuditSinkKind = AuditSink['kind'];

export interface AuditMetrics {
  /** Records (so requests) refused because their batch could not be made durable. */
  refused(sink: AuditSinkKind, reason: AuditFailureReason, count: number): void;
  /** The chain's integrity came into doubt (counted once per alarm raised, not per refusal). */
  alarm(sink: AuditSinkKind, kind: AuditAlarmKind): void;
  /** Whether the last batch was written (1) or refused (0). */
  writable(sink: AuditSinkKind, ok: boolean): void;
  /**
   * The seq of the last record written. Scraped into a metrics history, it is one more witness of
   * the trail's length kept outside the hub's stores: a trail restarted from seq 1 shows as a drop.
   */
  head(sink: AuditSinkKind, seq: number): void;
}

export const NO_AUDIT_METRICS: AuditMetrics = {
  refused() {},
  alarm() {},
  writable() {},
  head() {},
};
