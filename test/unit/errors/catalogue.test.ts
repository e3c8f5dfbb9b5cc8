import { describe, expect, it } from 'vitest';
import {
  CLIENT_SAFE_ERROR_CODES,
  HUB_ERRORS,
  HUB_ERROR_CODES,
  errorBody,
  errorMessage,
  errorStatus,
  hubError,
} from '../../../src/platform/errors.ts';
import { queryTooComplex } from '../../../src/server/hardening/errors.ts';

describe('the error catalogue', () => {
  it('gives every code an HTTP error status and a client message', () => {
    expect(HUB_ERROR_CODES.length).toBeGreaterThan(0);
    for (const code of HUB_ERROR_CODES) {
      expect(Number.isInteger(errorStatus(code)), code).toBe(true);
      expect(errorStatus(code), code).toBeGreaterThanOrEqual(400);
      expect(errorStatus(code), code).toBeLessThan(600);
      expect(errorMessage(code), code).toMatch(/\w/);
    }
    expect([...HUB_ERROR_CODES]).toEqual(Object.keys(HUB_ERRORS));
  });

  it('lets every code but INTERNAL keep its message past the error mask', () => {
    for (const code of HUB_ERROR_CODES)
      expect(CLIENT_SAFE_ERROR_CODES.has(code), code).toBe(code !== 'INTERNAL');
  });

  it('is what the raising helpers and the HTTP body use', () => {
    expect(queryTooComplex('too deep').extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      http: { status: errorStatus('QUERY_TOO_COMPLEX') },
    });
    expect(errorBody('RATE_LIMITED')).toEqual({
      errors: [{ message: errorMessage('RATE_LIMITED'), extensions: { code: 'RATE_LIMITED' } }],
    });
    expect(hubError('FORBIDDEN', 'No.').extensions).toEqual({ code: 'FORBIDDEN' });
  });
});
