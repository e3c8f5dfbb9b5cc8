import { describe, expect, it } from 'vitest';
import {
  classifyUpn,
  isValidNhsNumber,
  isValidUln,
  linkableNhsNumber,
  linkableUpn,
  normaliseIdentifier,
  recogniseIdentifier,
} from '../../../src/domain/identity/identifiers.ts';
import { NHS_A, TEMPORARY_UPN, UPN_A } from './records.ts';

describe('NHS number validation (mod 11)', () => {
  it('accepts numbers whose check digit is right, with or without spaces', () => {
    expect(isValidNhsNumber('943 476 5919')).toBe(true);
    expect(isValidNhsNumber(NHS_A)).toBe(true);
  });
  it('rejects a wrong check digit, the wrong length and non-digits', () => {
    expect(isValidNhsNumber('9434765918')).toBe(false);
    expect(isValidNhsNumber('943476591')).toBe(false);
    expect(isValidNhsNumber('94347659A9')).toBe(false);
  });
  it('rejects every number whose first nine digits give a check of 10', () => {
    // 000000040: sum = 4 x 3 = 12, 12 mod 11 = 1, 11 - 1 = 10: no tenth digit makes it valid.
    for (let digit = 0; digit <= 9; digit++) expect(isValidNhsNumber(`000000040${digit}`)).toBe(false);
  });
  it('rejects repeated-digit placeholders that pass the arithmetic', () => {
    expect(isValidNhsNumber('0000000000')).toBe(false);
    expect(isValidNhsNumber('1111111111')).toBe(false);
  });
});

describe('UPN validation', () => {
  it('accepts a permanent UPN with the right check letter', () => {
    expect(classifyUpn(UPN_A)).toBe('permanent');
    expect(classifyUpn(UPN_A.toLowerCase())).toBe('permanent');
  });
  it('recognises a temporary UPN (final letter) and keeps it out of linking', () => {
    expect(classifyUpn(TEMPORARY_UPN)).toBe('temporary');
    expect(linkableUpn(TEMPORARY_UPN)).toBeNull();
  });
  it('rejects a wrong check letter and letters outside the UPN alphabet', () => {
    expect(classifyUpn('A' + UPN_A.slice(1))).toBe('invalid');
    expect(classifyUpn('I820200115001')).toBe('invalid');
    expect(classifyUpn('X82020011500')).toBe('invalid');
  });
});

describe('ULN validation', () => {
  it('accepts ten digits, first non-zero, weighted sum mod 11 = 10', () => {
    expect(isValidUln('1000000019')).toBe(true);
  });
  it('rejects a leading zero or a wrong check', () => {
    expect(isValidUln('0100000000')).toBe(false);
    expect(isValidUln('1000000018')).toBe(false);
  });
});

describe('normalisation', () => {
  it('strips spaces and hyphens and upper-cases', () => {
    expect(normaliseIdentifier(' x820-200 115001 ')).toBe(UPN_A);
    expect(linkableNhsNumber('400 000 0004')).toBe(NHS_A);
  });
  it('recognises every kind a searched value could be', () => {
    expect(recogniseIdentifier(NHS_A).map((found) => found.kind)).toContain('nhsNumber');
    expect(recogniseIdentifier(UPN_A)).toEqual([{ kind: 'upn', value: UPN_A }]);
    expect(recogniseIdentifier('not an id')).toEqual([]);
  });
});
