/**
 * Break-glass: a practitioner without a legitimate relationship overrides access for a stated,
 * recorded reason. Every use is audited and raised as an alert for review afterwards.
 */
import { BreakGlassError } from './errors.ts';
import { STATED_TEXT_MAX_LENGTH, characterCount } from './statedText.ts';

export const BREAK_GLASS_REASON_CODES = [
  'IMMEDIATE_RISK',
  'COURT_ORDER',
  'OUT_OF_HOURS_DUTY',
  'SAFEGUARDING_REFERRAL',
  'OTHER',
] as const;
export type BreakGlassReasonCode = (typeof BREAK_GLASS_REASON_CODES)[number];

/**
 * Every override must be explained in words, whatever its reason code: a bare code (or a few
 * spaces) is how curiosity browsing hides. Counted in characters that are not white space.
 */
export const JUSTIFICATION_MIN_NON_BLANK = 10;
/** Keeps audit records bounded; a justification is a sentence or two, not a case note. */
export const JUSTIFICATION_MAX_LENGTH = STATED_TEXT_MAX_LENGTH;

export interface BreakGlassRequest {
  reasonCode: string;
  justification?: string | null;
}

export interface BreakGlass {
  reasonCode: BreakGlassReasonCode;
  /** Trimmed. */
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
  const given = justification ?? '';
  if (characterCount(given) > JUSTIFICATION_MAX_LENGTH) throw new BreakGlassError('JUSTIFICATION_TOO_LONG');
  const text = given.trim();
  if (characterCount(text.replace(/\s+/g, '')) < JUSTIFICATION_MIN_NON_BLANK) {
    throw new BreakGlassError('JUSTIFICATION_TOO_SHORT');
  }
  return { reasonCode: reasonCode as BreakGlassReasonCode, justification: text };
}
