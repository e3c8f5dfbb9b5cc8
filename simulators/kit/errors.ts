/**
 * Errors a simulator answers with. Every error body matches the contracts' `Error` schema, and no
 * message ever echoes a parameter value (values may be children's identifiers).
 */
export type ErrorCode = 'NOT_FOUND' | 'BAD_REQUEST' | 'INTERNAL' | 'UNAVAILABLE' | 'RATE_LIMITED';

export interface ErrorBody {
  error: { code: ErrorCode; message: string };
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message } };
  }
}

export const badRequest = (message: string): HttpError => new HttpError(400, 'BAD_REQUEST', message);
export const notFound = (message: string): HttpError => new HttpError(404, 'NOT_FOUND', message);

/** The error code that best names an injected or unexpected failure status. */
export function codeForStatus(status: number): ErrorCode {
  if (status === 404) return 'NOT_FOUND';
  if (status === 429) return 'RATE_LIMITED';
  if (status === 502 || status === 503 || status === 504) return 'UNAVAILABLE';
  if (status >= 400 && status < 500) return 'BAD_REQUEST';
  return 'INTERNAL';
}

/** The record, or a 404 naming only the kind of record (never the id asked for). */
export function foundOr404<T>(record: T | undefined, what: string): T {
  if (record === undefined) throw notFound(`No ${what} has this id`);
  return record;
}
