import { http, HttpResponse } from 'msw';
import { setupUpstreamServer } from '../../support/upstreamServer.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLcsClient } from '../../../connectors/lcs/client.ts';
import { createLcsLoaders } from '../../../connectors/lcs/loaders.ts';
import { toSourceRecord } from '../../../connectors/lcs/map.ts';
import type { LcsPerson } from '../../../connectors/lcs/types.ts';
import { UpstreamError } from '../../../src/platform/upstream/types.ts';
import { BASE, memoryCache, recordingWatch, upstream } from './support.ts';

const person = (personId: string, overrides: Partial<LcsPerson> = {}): LcsPerson => ({
  personId,
  legacyId: null,
  forename: 'Test',
  surname: 'Person',
  aliases: ['Former'],
  sex: 'F',
  gender: null,
  ethnicity: 'WBRI',
  dateOfBirth: '2015-03-04',
  expectedDateOfBirth: null,
  deathDate: null,
  nhsNumber: null,
  upn: null,
  upnUnknownReason: null,
  sendFlag: false,
  nationality: null,
  addresses: [{ line1: '1 Road', town: 'Town', postcode: 'AB1 2CD', from: '2015-03-04', to: null }],
  restriction: null,
  adoptionIdentity: null,
  updatedAt: '2026-01-01T00:00:00Z',
  ...overrides,
});

const calls: string[] = [];
const server = setupUpstreamServer(
  http.get(`${BASE('lcs')}/people`, ({ request }) => {
    const url = new URL(request.url);
    calls.push(`${url.pathname}?${url.searchParams.toString()}`);
    const ids = (url.searchParams.get('ids') ?? '').split(',');
    const known = ids.filter((id) => id !== '404');
    return HttpResponse.json({
      items: known.map((id) => person(id)),
      missing: ids.filter((id) => id === '404'),
    });
  }),
  http.get(`${BASE('lcs')}/people/:id/social-care`, ({ params }) => {
    calls.push(`/people/${params['id']}/social-care`);
    if (params['id'] === '404')
      return HttpResponse.json({ error: { code: 'NOT_FOUND', message: 'No such person' } }, { status: 404 });
    if (params['id'] === '503')
      return HttpResponse.json({ error: { code: 'UNAVAILABLE', message: 'down' } }, { status: 503 });
    // A record as LCS may send it: optional parts left out, and a field the hub does not know.
    if (params['id'] === 'sparse')
      return HttpResponse.json({
        ...emptySocialCare('sparse'),
        cinPlans: [{ cinPlanId: 'c1', personId: 'sparse', startDate: '2026-01-01', endDate: null }],
        caseNotes: 'a field LCS added',
      });
    return HttpResponse.json({
      personId: params['id'],
      contacts: [],
      referrals: [],
      assessments: [],
      s47Enquiries: [],
      cinPlans: [],
      cpPlans: [],
      visits: [],
      claEpisodes: [],
      placements: [],
      legalStatuses: [],
      claReviews: [],
      missingEpisodes: [],
      earlyHelpEpisodes: [],
      involvements: [],
    });
  }),
);

function emptySocialCare(personId: string) {
  return {
    personId,
    contacts: [],
    referrals: [],
    assessments: [],
    s47Enquiries: [],
    cinPlans: [],
    cpPlans: [],
    visits: [],
    claEpisodes: [],
    placements: [],
    legalStatuses: [],
    claReviews: [],
    missingEpisodes: [],
    earlyHelpEpisodes: [],
    involvements: [],
  };
}

beforeAll(() => server.listen());
afterEach(() => {
  calls.length = 0;
});
afterAll(() => server.close());

describe('the LCS connector', () => {
  it('batches person reads within a request into one upstream call', async () => {
    const loaders = createLcsLoaders(
      createLcsClient(upstream('lcs'), recordingWatch().watch),
      memoryCache(),
      {},
    );
    const [a, b, c] = await Promise.all(['1', '2', '3'].map((id) => loaders.person.load(id)));
    expect([a?.value.personId, b?.value.personId, c?.value.personId]).toEqual(['1', '2', '3']);
    expect(calls).toEqual(['/people?ids=1%2C2%2C3']);
  });

  it('answers null for a person the upstream does not hold', async () => {
    const loaders = createLcsLoaders(
      createLcsClient(upstream('lcs'), recordingWatch().watch),
      memoryCache(),
      {},
    );
    expect(await loaders.person.load('404')).toBeNull();
  });

  it('reads social care records one by one, and a missing one is null', async () => {
    const loaders = createLcsLoaders(
      createLcsClient(upstream('lcs'), recordingWatch().watch),
      memoryCache(),
      {},
    );
    const [found, missing] = await Promise.all([
      loaders.socialCare.load('7'),
      loaders.socialCare.load('404'),
    ]);
    expect(found?.value.personId).toBe('7');
    expect(missing).toBeNull();
    expect(sortedCalls()).toEqual(['/people/404/social-care', '/people/7/social-care']);
  });

  it('reports an upstream failure as UPSTREAM_UNAVAILABLE naming LCS, without the id', async () => {
    const loaders = createLcsLoaders(
      createLcsClient(upstream('lcs'), recordingWatch().watch),
      memoryCache(),
      {},
    );
    const error = await loaders.socialCare.load('503').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).code).toBe('UPSTREAM_UNAVAILABLE');
    expect((error as UpstreamError).system).toBe('lcs');
    expect((error as Error).message).not.toContain('503/');
  });

  it('answers the domain model, not the wire: optional parts filled in, unknown fields left behind', async () => {
    const cache = memoryCache();
    const client = createLcsClient(upstream('lcs'), recordingWatch().watch);
    const first = await createLcsLoaders(client, cache, {}).socialCare.load('sparse');
    expect(first?.value.cinPlans).toEqual([
      { cinPlanId: 'c1', personId: 'sparse', startDate: '2026-01-01', endDate: null, reviews: [] },
    ]);
    expect(first?.value.careLeaver).toBeNull();
    expect(first?.value.uasc).toBeNull();
    expect(first?.value).not.toHaveProperty('caseNotes');
    // The cache holds the model too: a second request reads it mapped, without calling LCS.
    await cache.flush();
    calls.length = 0;
    const again = await createLcsLoaders(client, cache, {}).socialCare.load('sparse');
    expect(again?.value).toEqual(first?.value);
    expect(calls).toEqual([]);
  });

  it('serves a second request from the shared cache without calling LCS', async () => {
    const cache = memoryCache();
    const client = createLcsClient(upstream('lcs'), recordingWatch().watch);
    await createLcsLoaders(client, cache, {}).person.load('9');
    await cache.flush();
    calls.length = 0;
    const again = await createLcsLoaders(client, cache, {}).person.load('9');
    expect(again?.value.personId).toBe('9');
    expect(calls).toEqual([]);
  });
});

describe('LCS records mapped for the link index', () => {
  it('maps a person to a source record with every postcode and no sex when unknown', () => {
    const record = toSourceRecord(
      person('5', { sex: 'U', restriction: { reason: 'ADOPTION', allowedRoles: [], allowedUsers: [] } }),
      [],
    );
    expect(record).toMatchObject({
      system: 'lcs',
      localId: '5',
      sex: null,
      postcodes: ['AB1 2CD'],
      aliases: ['Former'],
      restricted: true,
      referrals: [],
    });
  });

  it('carries the person’s referrals as evidence, by date then source, each once, whatever order LCS lists them in', () => {
    const referral = (referralDate: string, referralSource: string) => ({ referralDate, referralSource });
    const listed = [
      referral('2026-03-02', '5A'),
      referral('2025-11-20', '2A'),
      referral('2026-03-02', '1B'),
      referral('2025-11-20', '2A'),
    ];
    const expected = [
      { date: '2025-11-20', source: '2A', recorded: 'REFERRAL' },
      { date: '2026-03-02', source: '1B', recorded: 'REFERRAL' },
      { date: '2026-03-02', source: '5A', recorded: 'REFERRAL' },
    ];
    expect(toSourceRecord(person('6'), listed).referrals).toEqual(expected);
    // Built from the social-care record or from the referral list, the record is the same.
    expect(toSourceRecord(person('6'), [...listed].reverse())).toEqual(toSourceRecord(person('6'), listed));
  });
});

function sortedCalls() {
  return [...calls].sort();
}
