import { describe, expect, it } from 'vitest';
import {
  corruptNhsNumber,
  generateNhsNumber,
  generateUln,
  isTemporaryUpn,
  isValidNhsNumber,
  isValidUln,
  isValidUpn,
  makeTemporaryUpn,
  makeUpn,
  nhsCheckDigit,
  upnCheckLetter,
} from '../../../simulators/county/identifiers.ts';
import { Rng } from '../../../simulators/county/prng.ts';

describe('NHS number check digit (mod 11, weights 10..2)', () => {
  it('accepts the published test number 943 476 5919 and rejects it with any other check digit', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    for (let d = 0; d <= 9; d++) if (d !== 9) expect(isValidNhsNumber(`943476591${d}`)).toBe(false);
  });
  it('treats a remainder giving 10 as never valid and 11 as check digit 0', () => {
    let sawTen = false;
    let sawZero = false;
    for (let n = 0; n < 2000 && !(sawTen && sawZero); n++) {
      const nine = String(100000000 + n);
      const check = nhsCheckDigit(nine);
      if (check === null) {
        sawTen = true;
        for (let d = 0; d <= 9; d++) expect(isValidNhsNumber(nine + d)).toBe(false);
      }
      if (check === 0) sawZero = true;
    }
    expect(sawTen && sawZero).toBe(true);
  });
  it('generates valid numbers and corrupts them into invalid ones', () => {
    const rng = new Rng('nhs');
    for (let n = 0; n < 500; n++) {
      const valid = generateNhsNumber(rng);
      expect(isValidNhsNumber(valid)).toBe(true);
      expect(isValidNhsNumber(corruptNhsNumber(valid, rng))).toBe(false);
    }
  });
});

describe('UPN check letter', () => {
  it('computes the letter from digits weighted by position 2..13, mod 23, over ABCDEFGHJKLMNPQRTUVWXYZ', () => {
    // 938 2001 25 000: Σ = 9*2+3*3+8*4+2*5+0+0+1*8+2*9+5*10+0+0+0 = 145; 145 mod 23 = 7 -> H
    expect(upnCheckLetter('938200125000')).toBe('H');
    expect(makeUpn('938', '2001', 2025, 0)).toBe('H938200125000');
  });
  it('rejects any single changed digit, letters I, O and S, and the wrong length', () => {
    const upn = makeUpn('938', '4012', 2019, 517);
    expect(isValidUpn(upn)).toBe(true);
    for (let pos = 1; pos < 13; pos++) {
      const digit = Number(upn[pos]);
      const changed = upn.slice(0, pos) + String((digit + 1) % 10) + upn.slice(pos + 1);
      expect(isValidUpn(changed)).toBe(false);
    }
    expect(isValidUpn('I938401219517')).toBe(false);
    expect(isValidUpn(upn.slice(0, 12))).toBe(false);
  });
  it('makes temporary UPNs that end in a letter and still carry a valid check letter', () => {
    const temp = makeTemporaryUpn('938', '1001', 2026, 12, 5);
    expect(temp).toMatch(/^[A-Z]\d{11}[A-Z]$/);
    expect(isValidUpn(temp)).toBe(true);
    expect(isTemporaryUpn(temp)).toBe(true);
    expect(isTemporaryUpn(makeUpn('938', '1001', 2026, 12))).toBe(false);
  });
});

describe('ULN', () => {
  it('accepts ten digits, first non-zero, whose Σ d×(10..1) mod 11 is 10', () => {
    const rng = new Rng('uln');
    for (let n = 0; n < 300; n++) {
      const uln = generateUln(rng);
      expect(uln).toMatch(/^[1-9]\d{9}$/);
      expect(isValidUln(uln)).toBe(true);
      const bumped = uln.slice(0, 9) + String((Number(uln[9]) + 1) % 10);
      expect(isValidUln(bumped)).toBe(false);
    }
    expect(isValidUln('0123456789')).toBe(false);
  });
});
