import { describe, expect, it } from 'vitest';
import { BREAK_GLASS_REASON_CODES, BreakGlassError, validateBreakGlass } from '../../../src/access/index.ts';

function problemOf(request: Parameters<typeof validateBreakGlass>[0]): string {
  try {
    validateBreakGlass(request);
  } catch (error) {
    expect(error).toBeInstanceOf(BreakGlassError);
    expect((error as BreakGlassError).code).toBe('BAD_USER_INPUT');
    return (error as BreakGlassError).problem;
  }
  throw new Error('expected the break-glass request to be rejected');
}

describe('validateBreakGlass', () => {
  it('accepts every listed reason code, trimming the justification', () => {
    for (const reasonCode of BREAK_GLASS_REASON_CODES) {
      expect(validateBreakGlass({ reasonCode, justification: '  Strategy meeting at 9am today  ' })).toEqual({
        reasonCode,
        justification: 'Strategy meeting at 9am today',
      });
    }
  });

  it('lets a specific reason code stand without free text', () => {
    expect(validateBreakGlass({ reasonCode: 'COURT_ORDER' })).toEqual({
      reasonCode: 'COURT_ORDER',
      justification: '',
    });
  });

  it('rejects an unknown reason code', () => {
    expect(problemOf({ reasonCode: 'CURIOSITY', justification: 'I wanted to see the record' })).toBe(
      'UNKNOWN_REASON_CODE',
    );
  });

  it('requires OTHER to be explained in at least 10 characters, not counting padding', () => {
    expect(problemOf({ reasonCode: 'OTHER' })).toBe('JUSTIFICATION_TOO_SHORT');
    expect(problemOf({ reasonCode: 'OTHER', justification: '   short    ' })).toBe('JUSTIFICATION_TOO_SHORT');
    expect(validateBreakGlass({ reasonCode: 'OTHER', justification: 'Ten chars!' }).justification).toBe(
      'Ten chars!',
    );
  });

  it('rejects an overlong justification without quoting it', () => {
    const text = 'x'.repeat(2001);
    const problem = problemOf({ reasonCode: 'OTHER', justification: text });
    expect(problem).toBe('JUSTIFICATION_TOO_LONG');
    expect(() => validateBreakGlass({ reasonCode: 'OTHER', justification: text })).toThrow(/too long/);
  });
});
