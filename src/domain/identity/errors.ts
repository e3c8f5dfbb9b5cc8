/** Bad input to the link index (a malformed cursor, date or page size). Messages carry no child data. */
export class IdentityInputError extends Error {
  readonly code = 'BAD_USER_INPUT';

  constructor(message: string) {
    super(message);
    this.name = 'IdentityInputError';
  }
}
