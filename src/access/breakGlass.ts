/**
 * Break-glass: a practitioner without a legitimate relationship overrides access for a stated,
 * recorded reason. Every use is audited and raised as an alert for review afterwards.
 */
import { BreakGlassError } from './errors.ts';

export const BREAK_GLASS_REASON_CODES = [
  'IMMEDIATE_RISK',
  'COURT_ORDER',
  'OUT_OF_HOURS_DUTY',
  'SAFEGUARDING_REFERRAL',
  'OTHER',
] as const;
export type BreakGlassReasonCode = (typeof BREAK_GLASS_REASON_CODES)[number];

/** A vague "OTHER" is how curiosity browsing hides; it must be explained in words. */
export const OTHER_JUSTIFICATION_MIN_LENGTH = 10;
/** Keeps audit records bounded; a justification is a sentence or two, not a case note. */
export const JUSTIFICATION_MAX_LENGTH = 2000;

export interface BreakGlassRequest {
  reasonCode: string;
  justification?: string | null;
}

export interface BreakGlass {
  reasonCode: BreakGlassReasonCode;
  /** Trimmed; empty when the reason code speaks for itself. */
  justification: string;
}

const REASON_CODES: ReadonlySet<string> = new Set(BREAK_GLASS_REASON_CODES);

/** Validates and normalises a break-glass request; throws BreakGlassError (BAD_USER_INPUT). */
export function validateBreakGlass(request: BreakGlassRequest): BreakGlass {
  const { reasonCode, justification } = request;
  if (typeof reasonCode !== 'string' || !REASON_CODES.has(reasonCode)) {
    throw new BreakGlassError('UNKNOWN_REASON_CODE');
  }
  if (justification != null && typeof justification !== 'string') {
    throw new BreakGlassError('JUSTIFICATION_NOT_TEXT');
  }
  const text = (justification ?? '').trim();
  if (text.length > JUSTIFICATION_MAX_LENGTH) throw new BreakGlassError('JUSTIFICATION_TOO_LONG');
  if (reasonCode === 'OTHER' && text.length < OTHER_JUSTIFICATION_MIN_LENGTH) {
    throw new BreakGlassError('JUSTIFICATION_TOO_SHORT');
  }
  return { reasonCode: reasonCode as BreakGlassReasonCode, justification: text };
}
