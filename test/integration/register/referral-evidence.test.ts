/**
 * An LCS person's record carries every referral LCS holds for them (linking evidence for front-door
 * contacts decided as referrals) on every path that builds it: the full load, the reconciliation
 * scan (a referral added leaves the person's `updatedAt` as it was, so the scan finds them by
 * referral date, without moving its mark) and change notifications (`social-care` re-applies the
 * person as `people` does). The hub's connectors over the simulators' HTTP servers, the register on
 * PGlite (the scan) and on PostgreSQL (a real hub, whose stored records a second store reads).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEyesClient } from '../../../connectors/eyes/client.ts';
import { createFrontDoorClient } from '../../../connectors/frontdoor/client.ts';
import { createLcsClient } from '../../../connectors/lcs/client.ts';
import { createLiftClient } from '../../../connectors/lift/client.ts';
import {
  createChangedPeopleFeeds,
  createPersonFeeds,
  referralLookbackFrom,
} from '../../../connectors/personFeeds.ts';
import type { LcsPerson, LcsReferral, LcsSocialCareRecord } from '../../../simulators/contracts/lcs.ts';
import { loadChildDirectory } from '../../../src/domain/identity/directory.ts';
import type { ReferralEvidence, SourceRecord } from '../../../src/domain/identity/types.ts';
import { startChildRegister, type ChildRegister } from '../../../src/platform/register/childRegister.ts';
import { recordKey } from '../../../src/platform/register/keys.ts';
import { scanForChanges } from '../../../src/platform/register/scan.ts';
import { openRegisterStore, type RegisterStore } from '../../../src/platform/register/store.ts';
import { testUpstreamClient } from '../../support/upstreamClients.ts';
import type { SystemName } from '../../../src/platform/systems.ts';
import { countyRecords } from '../../support/county-sources.ts';
import { createTestDatabase, type TestDatabase } from '../../support/registerDatabases.ts';
import { recordingWatch } from '../../unit/connectors/support.ts';
import { startHarness, type Harness } from '../hub/harness.ts';

const EVENTS_TOKEN = 'referral-evidence-events-token-0123';

let h: Harness;
let hubDb: TestDatabase;

beforeAll(async () => {
  hubDb = await createTestDatabase('postgres');
  h = await startHarness(
    {
      DATABASE_URL: hubDb.settings.url!,
      EVENTS_TOKEN,
      // No scan while the tests run: a change reaches the hub's register only by its notification.
      REGISTER_SCAN_MS: '86400000',
    },
    { seed: 'referral-evidence' },
  );
}, 240_000);

afterAll(async () => {
  await h?.close();
  await hubDb?.drop();
});

/** The hub's clients over the simulators' HTTP servers. */
function clients() {
  const { watch } = recordingWatch();
  const http = (system: SystemName) => testUpstreamClient(system, h.sims.urls[system]!);
  return {
    lcs: createLcsClient(http('lcs'), watch),
    eyes: createEyesClient(http('eyes'), watch),
    lift: createLiftClient(http('lift'), watch),
    frontdoor: createFrontDoorClient(http('frontdoor'), watch),
  };
}

/** The county as generated (the simulators keep later changes apart from it). */
const generated = (personId: string) =>
  h.sims.county.lcs.socialCare.get(personId) as LcsSocialCareRecord | undefined;

/** A person's social-care record as LCS holds it now. */
async function socialCareInLcs(personId: string): Promise<LcsSocialCareRecord> {
  const response = await fetch(`${h.sims.urls.lcs}/people/${personId}/social-care`);
  expect(response.status).toBe(200);
  return (await response.json()) as LcsSocialCareRecord;
}

/** Referrals as evidence, worked out here: by date then source, each once. */
function evidence(referrals: readonly LcsReferral[]): ReferralEvidence[] {
  const seen = new Map<string, ReferralEvidence>();
  for (const r of referrals)
    seen.set(`${r.referralDate}|${r.referralSource}`, {
      date: r.referralDate,
      source: r.referralSource,
      recorded: 'REFERRAL',
    });
  return [...seen.values()].sort((a, b) =>
    a.date === b.date ? (a.source < b.source ? -1 : 1) : a.date < b.date ? -1 : 1,
  );
}

/** The evidence of the referrals LCS holds for the person now. */
const evidenceInLcs = async (personId: string) => evidence((await socialCareInLcs(personId)).referrals);

/** People with at least one referral: the n-th of them (each test changes its own). */
function personWithReferrals(n: number): string {
  const ids = h.sims.county.lcs.people.ids().filter((id) => (generated(id)?.referrals.length ?? 0) > 0);
  const id = ids[n];
  if (id === undefined) throw new Error('the county has too few people with referrals');
  return id;
}

/** Adds a referral to a person's social-care record in LCS (the person record itself untouched). */
async function addReferral(personId: string, referralDate: string, referralSource: string) {
  const record = await socialCareInLcs(personId);
  const added: LcsReferral = {
    ...record.referrals[0]!,
    referralId: `${personId}-itest-referral-${referralSource}`,
    referralDate,
    referralSource,
  };
  const response = await fetch(`${h.sims.urls.lcs}/__sim/records/social-care/${personId}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ referrals: [...record.referrals, added] }),
  });
  expect(response.status).toBe(200);
  return { date: referralDate, source: referralSource, recorded: 'REFERRAL' as const };
}

async function personInLcs(personId: string): Promise<LcsPerson> {
  return (await (await fetch(`${h.sims.urls.lcs}/people/${personId}`)).json()) as LcsPerson;
}

const stored = async (store: RegisterStore, personId: string): Promise<SourceRecord | undefined> =>
  (await store.storedRecords([recordKey('lcs', personId)])).get(recordKey('lcs', personId))?.record;

describe('the LCS feeds', () => {
  it('the full load gives every LCS person every referral LCS holds for them, as the county support maps them', async () => {
    const lcs = createPersonFeeds(clients()).find((feed) => feed.system === 'lcs')!;
    const loaded = new Map<string, SourceRecord>();
    for await (const page of lcs.pages()) for (const { record } of page) loaded.set(record.localId, record);

    expect(loaded.size).toBe(h.sims.county.lcs.people.size);
    for (const [personId, record] of loaded)
      expect(record.referrals, personId).toEqual(evidence(generated(personId)?.referrals ?? []));
    expect([...loaded.values()].filter((r) => (r.referrals?.length ?? 0) > 0).length).toBeGreaterThan(10);
    // Tests and `npm run linkage:measure` judge the same records the hub's connector gives.
    const support = [...countyRecords(h.sims.county)].filter((r) => r.system === 'lcs');
    expect(new Map(support.map((r) => [r.localId, r]))).toEqual(loaded);
  });

  it('a referral added to a person, the person untouched, is on their record after the next scan, and the scan’s mark stays where people’s changes put it', async () => {
    const db = await createTestDatabase('pglite');
    const store = await openRegisterStore(db.settings);
    let register: ChildRegister | null = null;
    try {
      const hubClients = clients();
      register = await startChildRegister(store, {
        pollMs: 60_000,
        loadFromSystems: (wrap) => loadChildDirectory(wrap(createPersonFeeds(hubClients))),
      });
      const feeds = createChangedPeopleFeeds(hubClients);
      const personId = personWithReferrals(0);
      const mark = (await store.feedMarks()).get('lcs')!;
      expect((await stored(store, personId))?.referrals).toEqual(await evidenceInLcs(personId));
      // Nothing changed since the load: the scan settles nothing (every path builds the same record).
      expect(await scanForChanges(register, store, feeds)).toMatchObject({ changed: 0, removed: 0 });

      // A referral keyed late, dated the day before the mark.
      const contactDay = new Date(Date.parse(mark) - 86_400_000).toISOString().slice(0, 10);
      expect(contactDay >= referralLookbackFrom(mark) && contactDay < mark).toBe(true);
      const updatedBefore = (await personInLcs(personId)).updatedAt;
      const added = await addReferral(personId, contactDay, '10');
      expect((await personInLcs(personId)).updatedAt).toBe(updatedBefore);
      expect((await stored(store, personId))?.referrals).not.toContainEqual(added);

      // The scan's LCS feed gives the person (found only through the referral) without an updatedAt.
      const lcsFeed = feeds.find((feed) => feed.system === 'lcs')!;
      const read: { record: SourceRecord; updatedAt: string | null }[] = [];
      for await (const page of lcsFeed.changedSince(mark)) read.push(...page);
      expect(read.find((item) => item.record.localId === personId)).toMatchObject({
        updatedAt: null,
        record: { referrals: expect.arrayContaining([added]) as unknown },
      });

      expect(await scanForChanges(register, store, feeds)).toMatchObject({ changed: 1, removed: 0 });
      expect((await stored(store, personId))?.referrals).toEqual(await evidenceInLcs(personId));
      expect(await evidenceInLcs(personId)).toContainEqual(added);
      expect((await store.feedMarks()).get('lcs')).toBe(mark);
      // Settled: the next scan reads the person again (the referral is recent) and changes nothing.
      expect(await scanForChanges(register, store, feeds)).toMatchObject({ changed: 0, removed: 0 });
    } finally {
      await register?.close();
      await db.drop();
    }
  }, 120_000);
});

describe('LCS change notifications', () => {
  const postEvent = async (body: unknown) => {
    const response = await fetch(h.url.replace(/\/graphql$/, '/events'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${EVENTS_TOKEN}` },
      body: JSON.stringify(body),
    });
    await response.body?.cancel();
    return response.status;
  };

  it('a social-care notification re-applies the person with the referral added, and a people notification keeps every referral', async () => {
    const store = await openRegisterStore(hubDb.settings);
    try {
      const personId = personWithReferrals(1);
      // The hub's full load stored the person with their referrals.
      expect((await stored(store, personId))?.referrals).toEqual(await evidenceInLcs(personId));

      const added = await addReferral(personId, h.sims.county.asOf, '9');
      expect((await stored(store, personId))?.referrals).not.toContainEqual(added);

      const lcsControl = `${h.sims.urls.lcs}/__sim/stats`;
      expect((await fetch(lcsControl, { method: 'DELETE' })).ok).toBe(true);
      expect(await postEvent({ system: 'lcs', resource: 'social-care', id: personId })).toBe(202);
      expect((await stored(store, personId))?.referrals).toContainEqual(added);
      // The social-care record is read once, for the person's referrals and for the caseloads alike.
      const { byRoute } = (await (await fetch(lcsControl)).json()) as { byRoute: Record<string, number> };
      expect(byRoute).toMatchObject({
        'GET /people/{personId}': 1,
        'GET /people/{personId}/social-care': 1,
      });
      expect((await stored(store, personId))?.referrals).toEqual(await evidenceInLcs(personId));

      // The person changes in LCS: re-read, their record still carries every referral.
      const patched = await fetch(`${h.sims.urls.lcs}/__sim/records/people/${personId}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ surname: 'Referralton' }),
      });
      expect(patched.status).toBe(200);
      expect(await postEvent({ system: 'lcs', resource: 'people', id: personId })).toBe(202);
      expect(await stored(store, personId)).toMatchObject({
        surname: 'Referralton',
        referrals: await evidenceInLcs(personId),
      });
    } finally {
      await store.close();
    }
  }, 120_000);
});
