import { describe, expect, it } from 'vitest';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { TSchema } from '@sinclair/typebox';
import { LcsPerson, LcsSocialCareRecord, LcsTeam, LcsWorker } from '../../../simulators/contracts/lcs.ts';
import { EyesEducationRecord, EyesPupil, EyesSetting } from '../../../simulators/contracts/eyes.ts';
import { LiftAgreement, LiftClient, LiftPayment } from '../../../simulators/contracts/lift.ts';
import { FrontDoorContact } from '../../../simulators/contracts/frontdoor.ts';
import { county } from './fixtures.ts';

/** One Ajv per schema: the contracts embed shared $ids (Address) that one instance would refuse twice. */
function validator(schema: TSchema): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: false });
  (addFormats as unknown as (a: Ajv) => void)(ajv);
  return ajv.compile(schema);
}

function expectAllValid(schema: TSchema, set: { ids(): readonly string[]; get(id: string): unknown }) {
  const validate = validator(schema);
  const failures: string[] = [];
  for (const id of set.ids()) {
    if (!validate(set.get(id))) failures.push(`${id}: ${JSON.stringify(validate.errors?.slice(0, 2))}`);
  }
  expect(failures.slice(0, 5)).toEqual([]);
  expect(set.ids().length).toBeGreaterThan(0);
}

describe('every record of a tiny county validates against its contract schema', () => {
  const c = county('tiny');
  it('LCS people, social care records, workers and teams', () => {
    expectAllValid(LcsPerson, c.lcs.people);
    expectAllValid(LcsSocialCareRecord, c.lcs.socialCare);
    expectAllValid(LcsWorker, c.lcs.workers);
    expectAllValid(LcsTeam, c.lcs.teams);
  });
  it('EYES pupils, education records and settings', () => {
    expectAllValid(EyesPupil, c.eyes.pupils);
    expectAllValid(EyesEducationRecord, c.eyes.records);
    expectAllValid(EyesSetting, c.eyes.settings);
  });
  it('LIFT clients, agreements and payments', () => {
    expectAllValid(LiftClient, c.lift.clients);
    expectAllValid(LiftAgreement, c.lift.agreements);
    expectAllValid(LiftPayment, c.lift.payments);
  });
  it('rejects a record that breaks its schema (the check can fail)', () => {
    const person = c.lcs.people.get(c.lcs.people.ids()[0]!) as Record<string, unknown>;
    expect(validator(LcsPerson)(person)).toBe(true);
    expect(validator(LcsPerson)({ ...person, personId: 'P-1' })).toBe(false);
    expect(validator(LcsPerson)({ ...person, dateOfBirth: '2020-13-40' })).toBe(false);
    expect(validator(LcsPerson)({ ...person, shoeSize: 3 })).toBe(false);
  });
  it('front-door contacts', () => {
    expectAllValid(FrontDoorContact, c.frontdoor.contacts);
  });
});
