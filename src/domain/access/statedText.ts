/**
 * Free text a viewer states with an access (a purpose, a break-glass justification) goes into every
 * audit record of the request, so it is bounded: a sentence or two, never a case note or a payload.
 */
import { PurposeError } from './errors.ts';

export const STATED_TEXT_MAX_LENGTH = 500;

/**
 * Characters as a reader counts them (code points). Exact up to twice the limit; beyond that only
 * "over the limit" matters, so a 95 kB payload is not walked.
 */
export function characterCount(text: string): number {
  if (text.length > 2 * STATED_TEXT_MAX_LENGTH + 2) return text.length;
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** The purpose as recorded (trimmed; undefined when none was given); throws PurposeError. */
export function validatePurpose(purpose: string | null | undefined): string | undefined {
  if (purpose == null) return undefined;
  if (characterCount(purpose) > STATED_TEXT_MAX_LENGTH) throw new PurposeError();
  const text = purpose.trim();
  return text === '' ? undefined : text;
}
