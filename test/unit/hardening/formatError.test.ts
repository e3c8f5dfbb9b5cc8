import { describe, expect, it } from 'vitest';

import { formatError, stripSuggestions } from '../../../src/server/hardening/formatError.ts';

describe('formatError masking', () => {
  it('turns an error with an unknown code into a bare INTERNAL error, dropping stack traces and internals', () => {
    const masked = formatError({
      message: 'select * from person where nhs_number = $1 failed',
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        stacktrace: ['Error: boom', '    at Pool.query (pg.js:1:1)'],
      },
    });
    expect(masked).toEqual({ message: 'Internal server error', extensions: { code: 'INTERNAL' } });
  });

  it('turns an error with no code at all into INTERNAL', () => {
    expect(formatError({ message: 'TypeError: cannot read properties of undefined' }).extensions).toEqual({
      code: 'INTERNAL',
    });
  });

  it('keeps message, code and system of a known error and nothing else from its extensions', () => {
    const masked = formatError({
      message: 'Education is unavailable',
      path: ['child', 'education'],
      extensions: {
        code: 'UPSTREAM_UNAVAILABLE',
        system: 'EYES',
        retryAfterMs: 200,
        url: 'http://eyes.internal/pupils',
      },
    });
    expect(masked).toEqual({
      message: 'Education is unavailable',
      path: ['child', 'education'],
      extensions: { code: 'UPSTREAM_UNAVAILABLE', system: 'EYES' },
    });
  });

  it('recovers QUERY_TOO_COMPLEX from a validation error Apollo re-coded', () => {
    const masked = formatError(
      {
        message: 'Query depth 20 exceeds the maximum of 12.',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      },
      { originalError: { extensions: { code: 'QUERY_TOO_COMPLEX' } } },
    );
    expect(masked.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX' });
  });

  it('strips "Did you mean" suggestions, whatever they list', () => {
    expect(
      stripSuggestions('Cannot query field "nhs" on type "Child". Did you mean "nhsNumber" or "name"?'),
    ).toBe('Cannot query field "nhs" on type "Child".');
    expect(
      formatError({
        message:
          'Value "LOOKED_AFTR" does not exist in "Status" enum. Did you mean the enum value "LOOKED_AFTER"?',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }).message,
    ).toBe('Value "LOOKED_AFTR" does not exist in "Status" enum.');
  });

  it('cuts values graphql echoes from variables and literals', () => {
    const fromVariable = formatError({
      message:
        'Variable "$first" got invalid value "9434765919"; Int cannot represent non-integer value: "9434765919"',
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(fromVariable.message).not.toContain('9434765919');
    expect(fromVariable.message).toMatch(
      /^Variable "\$first" got invalid value; Int cannot represent non-integer value$/,
    );
    const fromLiteral = formatError({
      message: 'Int cannot represent non-integer value: "Jane Doe"',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    expect(fromLiteral.message).toBe('Int cannot represent non-integer value');
  });
});
