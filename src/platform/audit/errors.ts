/**
 * Why a sink could not make a batch durable. The trail logs the reason and counts it in
 * /metrics; messages carry paths, key names and seqs, never anything from a record.
 */
import type { ChainHead } from './chain.ts';

/** Closed set: each is a metric label value. */
export const AUDIT_FAILURE_REASONS = ['storage', 'anchor', 'chain', 'contention', 'closed'] as const;
/**
 * storage: the file or stream could not be written (disk, permissions, Redis unreachable);
 * anchor: the records were written but the anchor could not be moved, so they were not acknowledged;
 * chain: the chain's integrity is in doubt (an alarm); contention: other instances kept moving
 * the head; closed: the hub is shutting down.
 */
export type AuditFailureReason = (typeof AUDIT_FAILURE_REASONS)[number];

export class AuditSinkError extends Error {
  constructor(
    readonly reason: AuditFailureReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AuditSinkError';
  }
}

/** Closed set: each is a metric label value. */
export const AUDIT_ALARMS = ['HEAD_REGRESSED', 'ANCHOR_MISMATCH', 'RECORD_INVALID'] as const;
/**
 * HEAD_REGRESSED: a head this sink wrote or saw is no longer in the trail (records lost, cut off,
 * or the store replaced); ANCHOR_MISMATCH: the anchor does not describe the trail's last record
 * (missing, behind, ahead, or not MAC'd with the key); RECORD_INVALID: a record the sink read back
 * is not one the key sealed.
 */
export type AuditAlarmKind = (typeof AUDIT_ALARMS)[number];

/**
 * The trail's chain went backwards or disagrees with its anchor. The sink refuses to write rather
 * than start a new chain over the gap: an operator has to look (see the README's threat model).
 */
export class AuditChainAlarm extends AuditSinkError {
  constructor(
    readonly kind: AuditAlarmKind,
    detail: string,
    readonly expected: ChainHead | null,
    readonly found: ChainHead | null,
  ) {
    super('chain', `Audit chain alarm ${kind}: ${detail}`);
    this.name = 'AuditChainAlarm';
  }
}

export function failureReasonOf(error: unknown): AuditFailureReason {
  return error instanceof AuditSinkError ? error.reason : 'storage';
}
