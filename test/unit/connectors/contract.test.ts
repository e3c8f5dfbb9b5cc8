/**
 * The connector edge's contract check: an answer that breaks its system's contract fails as that
 * system being unavailable, is never cached, and is logged and counted by where it broke, never
 * by what it held. msw plays a drifted adapter at the HTTP boundary.
 */
import { http, HttpResponse } from 'msw';
import { setupUpstreamServer } from '../../support/upstreamServer.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLcsClient } from '../../../connectors/lcs/client.ts';
import { LCS_CONTRACTS } from '../../../connectors/lcs/contracts.ts';
import { createLcsLoaders } from '../../../connectors/lcs/loaders.ts';
import type { LcsPerson } from '../../../connectors/lcs/types.ts';
import { createEyesClient } from '../../../connectors/eyes/client.ts';
import { createEyesLoaders } from '../../../connectors/eyes/loaders.ts';
import {
  CONTRACT_LOG_QUIET_MS,
  isCalendarDate,
  isDateTime,
  loggingContractWatch,
  type ContractViolation,
} from '../../../connectors/shared/contract.ts';
import { UpstreamError } from '../../../src/platform/upstream/types.ts';
import { BASE, memoryCache, recordingWatch, upstream } from './support.ts';

const person = (personId: string): LcsPerson => ({
  personId,
  legacyId: null,
  forename: 'Kestrel',
  surname: 'Quillfeather',
  aliases: [],
  sex: 'F',
  gender: null,
  ethnicity: 'WBRI',
  dateOfBirth: '2015-03-04',
  expectedDateOfBirth: null,
  deathDate: null,
  nhsNumber: '9434765919',
  upn: null,
  upnUnknownReason: null,
  sendFlag: false,
  nationality: null,
  addresses: [{ line1: '7 Heron Row', town: 'Town', postcode: 'AB1 2CD', from: '2015-03-04', to: null }],
  restriction: null,
  adoptionIdentity: null,
  updatedAt: '2026-01-01T00:00:00Z',
});

/** The values a log line must never carry (they are the child's). */
const CHILD_VALUES = ['Kestrel', 'Quillfeather', '9434765919', '7 Heron Row', 'AB1 2CD', '2015-02-30'];

/** How the drifted adapter changes each person it answers with; null answers as the contract says. */
let drift: ((record: Record<string, unknown>) => void) | null = null;
const calls: string[] = [];

const server = setupUpstreamServer(
  http.get(`${BASE('lcs')}/people`, ({ request }) => {
    const ids = (new URL(request.url).searchParams.get('ids') ?? '').split(',');
    calls.push(`/people?ids=${ids.join(',')}`);
    const items = ids.map((id) => {
      const record = { ...person(id) } as unknown as Record<string, unknown>;
      drift?.(record);
      return record;
    });
    return HttpResponse.json({ items, missing: [] });
  }),
  http.get(`${BASE('eyes')}/pupils/:id/record`, ({ params }) => {
    calls.push(`/pupils/${params['id']}/record`);
    return HttpResponse.json({
      pupilId: params['id'],
      enrolments: [],
      attendance: [],
      exclusions: [],
      fsmPeriods: [],
      earlyYearsFunding: [],
      senSupport: [],
      ehcpRequests: [],
      neet: [],
      missingEducation: [],
    });
  }),
);

beforeAll(() => server.listen());
afterEach(() => {
  drift = null;
  calls.length = 0;
  vi.restoreAllMocks();
});
afterAll(() => server.close());

async function loadPersonThroughDrift(id = '11') {
  const seen = recordingWatch();
  const loaders = createLcsLoaders(createLcsClient(upstream('lcs'), seen.watch), memoryCache(), {});
  const error = await loaders.person.load(id).catch((e: unknown) => e);
  return { error, ...seen };
}

describe('an LCS answer that breaks its contract', () => {
  it('fails as UPSTREAM_UNAVAILABLE naming LCS when a required field is missing', async () => {
    drift = (record) => delete record['surname'];
    const { error, logged, counted } = await loadPersonThroughDrift();
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).code).toBe('UPSTREAM_UNAVAILABLE');
    expect((error as UpstreamError).system).toBe('lcs');
    expect(counted).toEqual([{ system: 'lcs', schema: 'LcsPersonBatch' }]);
    expect(logged).toHaveLength(1);
    expect(logged[0]!.fields).toEqual({
      system: 'lcs',
      schema: 'LcsPersonBatch',
      path: '/items/0/surname',
      keyword: 'required',
      reason: 'contract',
    });
  });

  it('names the path and `type` of a field sent as the wrong type, and neither log nor error carries its value', async () => {
    drift = (record) => {
      record['forename'] = ['Kestrel', 'Quillfeather'];
    };
    const { error, logged } = await loadPersonThroughDrift();
    expect((error as UpstreamError).code).toBe('UPSTREAM_UNAVAILABLE');
    expect(logged[0]!.fields).toMatchObject({ path: '/items/0/forename', keyword: 'type' });
    const written = JSON.stringify(logged) + (error as Error).message;
    for (const value of CHILD_VALUES) expect(written).not.toContain(value);
  });

  it('judges a nullable date by its date member: 30 February fails on `format`, without the date in the log', async () => {
    drift = (record) => {
      record['dateOfBirth'] = '2015-02-30';
    };
    const { error, logged } = await loadPersonThroughDrift();
    expect((error as UpstreamError).code).toBe('UPSTREAM_UNAVAILABLE');
    expect(logged[0]!.fields).toMatchObject({ path: '/items/0/dateOfBirth', keyword: 'format' });
    expect(JSON.stringify(logged) + (error as Error).message).not.toContain('2015-02-30');
  });

  it('fails on `enum` for a code the contract does not list', async () => {
    drift = (record) => {
      record['sex'] = 'X';
    };
    const { logged } = await loadPersonThroughDrift();
    expect(logged[0]!.fields).toMatchObject({ path: '/items/0/sex', keyword: 'enum' });
  });

  it('is never cached: the next request asks LCS again, and a corrected answer then loads', async () => {
    const cache = memoryCache();
    const seen = recordingWatch();
    const client = createLcsClient(upstream('lcs'), seen.watch);
    drift = (record) => delete record['addresses'];
    await expect(createLcsLoaders(client, cache, {}).person.load('12')).rejects.toThrow(UpstreamError);
    await cache.flush();
    drift = null;
    const loaded = await createLcsLoaders(client, cache, {}).person.load('12');
    expect(loaded?.value.surname).toBe('Quillfeather');
    expect(calls).toEqual(['/people?ids=12', '/people?ids=12']);
    expect(seen.counted).toHaveLength(1);
  });
});

describe('an answer that keeps its contract', () => {
  it('loads even with a field the contract does not list (a system may add fields)', async () => {
    drift = (record) => {
      record['preferredName'] = 'Kes';
    };
    const { error, counted } = await loadPersonThroughDrift();
    expect(error).not.toBeInstanceOf(Error);
    expect(counted).toEqual([]);
  });

  it('is checked once, off the wire, and not again when a later request reads it from the cache', async () => {
    const checks = vi.spyOn(LCS_CONTRACTS.personBatch, 'check');
    const cache = memoryCache();
    const client = createLcsClient(upstream('lcs'), recordingWatch().watch);
    await createLcsLoaders(client, cache, {}).person.load('13');
    await cache.flush();
    const again = await createLcsLoaders(client, cache, {}).person.load('13');
    expect(again?.value.personId).toBe('13');
    expect(checks).toHaveBeenCalledTimes(1);
  });

  it('leaves other systems alone: an EYES record loads while LCS answers broken people', async () => {
    drift = (record) => delete record['personId'];
    const seen = recordingWatch();
    const cache = memoryCache();
    const lcs = createLcsLoaders(createLcsClient(upstream('lcs'), seen.watch), cache, {});
    const eyes = createEyesLoaders(createEyesClient(upstream('eyes'), seen.watch), cache, {});
    const [person, record] = await Promise.allSettled([lcs.person.load('14'), eyes.record.load('P14')]);
    expect(person.status).toBe('rejected');
    expect(record.status === 'fulfilled' && record.value?.value.pupilId).toBe('P14');
    expect(seen.counted.map((c) => c.system)).toEqual(['lcs']);
  });
});

describe('the contract watch', () => {
  it('counts every violation but logs one kind (any item of a list) once a quiet period, then says how many went unlogged', () => {
    const lines: Record<string, unknown>[] = [];
    const counted: string[] = [];
    let clock = 1_000_000;
    const watch = loggingContractWatch(
      { warn: (fields) => lines.push(fields as Record<string, unknown>) },
      (system, schema) => counted.push(`${system}/${schema}`),
      () => clock,
    );
    const at = (path: string): ContractViolation => ({
      system: 'lcs',
      schema: 'LcsPersonBatch',
      path,
      keyword: 'required',
    });
    watch.violated(at('/items/0/surname'));
    watch.violated(at('/items/7/surname'));
    watch.violated(at('/items/12/surname'));
    watch.violated(at('/items/3/forename'));
    expect(counted).toHaveLength(4);
    expect(lines.map((line) => line['path'])).toEqual(['/items/0/surname', '/items/3/forename']);

    clock += CONTRACT_LOG_QUIET_MS;
    watch.violated(at('/items/4/surname'));
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatchObject({ path: '/items/4/surname', unloggedSince: 2, reason: 'contract' });
  });
});

describe('the contract formats', () => {
  it('accepts real calendar dates only', () => {
    expect(['2024-02-29', '2026-12-31', '2026-06-30'].every(isCalendarDate)).toBe(true);
    expect(
      ['2023-02-29', '2026-06-31', '2026-13-01', '2026-00-10', '26-01-01', '2026-1-01'].some(isCalendarDate),
    ).toBe(false);
  });

  it('refuses anything but digits and dashes in their places, and days outside the month', () => {
    expect(['2000-02-29', '2026-01-31', '0001-01-01'].every(isCalendarDate)).toBe(true);
    const refused = [
      '1900-02-29',
      '2026-01-00',
      '2026-01-32',
      '2026-01-99',
      '2026/01/01',
      '2026-01-0a',
      '+026-01-01',
      ' 2026-01-01',
      '2026-01-01 ',
      '2026-01-01T00:00:00Z',
      '２０２６-01-01',
      '',
    ];
    expect(refused.filter(isCalendarDate)).toEqual([]);
  });

  it('accepts instants with an offset on a real date', () => {
    expect(['2026-01-01T00:00:00Z', '2026-01-01T23:59:59.123+01:00'].every(isDateTime)).toBe(true);
    expect(['2026-01-01T24:00:00Z', '2026-01-01T10:00:00', '2026-02-30T10:00:00Z'].some(isDateTime)).toBe(
      false,
    );
  });
});
