import { describe, expect, it } from 'vitest';
import {
  BREAK_GLASS_REASON_CODES,
  BreakGlassError,
  validateBreakGlass,
} from '../../../src/domain/access/index.ts';

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

  it('requires every reason code, IMMEDIATE_RISK included, to be explained in words', () => {
    for (const reasonCode of BREAK_GLASS_REASON_CODES) {
      expect(problemOf({ reasonCode })).toBe('JUSTIFICATION_TOO_SHORT');
      expect(problemOf({ reasonCode, justification: '' })).toBe('JUSTIFICATION_TOO_SHORT');
      expect(problemOf({ reasonCode, justification: ' \t\n '.repeat(20) })).toBe('JUSTIFICATION_TOO_SHORT');
    }
  });

  it('rejects an unknown reason code', () => {
    expect(problemOf({ reasonCode: 'CURIOSITY', justification: 'I wanted to see the record' })).toBe(
      'UNKNOWN_REASON_CODE',
    );
  });

  it('counts at least 10 characters besides spaces, so padding and gaps do not make up the length', () => {
    expect(problemOf({ reasonCode: 'OTHER', justification: '   short    ' })).toBe('JUSTIFICATION_TOO_SHORT');
    expect(problemOf({ reasonCode: 'IMMEDIATE_RISK', justification: 'a b c d e f g h i' })).toBe(
      'JUSTIFICATION_TOO_SHORT',
    );
    expect(
      validateBreakGlass({ reasonCode: 'IMMEDIATE_RISK', justification: ' Tenchars!! ' }).justification,
    ).toBe('Tenchars!!');
  });

  it('accepts 500 characters and rejects 501, without quoting the text', () => {
    expect(
      validateBreakGlass({ reasonCode: 'OTHER', justification: 'x'.repeat(500) }).justification,
    ).toHaveLength(500);
    const text = 'x'.repeat(501);
    const problem = problemOf({ reasonCode: 'OTHER', justification: text });
    expect(problem).toBe('JUSTIFICATION_TOO_LONG');
    expect(() => validateBreakGlass({ reasonCode: 'OTHER', justification: text })).toThrow(/too long/);
  });
});
