/**
 * The one error the domain rules throw: an input that breaks a rule's preconditions (a malformed
 * date, a non-integer amount, a year outside the supported range).
 *
 * Messages name the offending parameter and the expectation, never the value itself: the values are
 * dates and amounts from a child's record, and error messages end up in logs.
 */
export class DomainInputError extends RangeError {
  override readonly name = 'DomainInputError';

  constructor(
    /** The parameter (or field path) that was rejected, e.g. `rates[2].effectiveFrom`. */
    readonly parameter: string,
    expectation: string,
  ) {
    super(`${parameter}: ${expectation}`);
  }
}
