/**
 * Each system's person list as a feed for the child directory: every page mapped by the system's
 * own connector. Reads are full loads at start-up; change events keep the directory current after.
 *
 * An LCS record carries every referral LCS holds for the person (linking evidence for front-door
 * contacts decided as referrals). The full load reads the whole referral list once, before the
 * people; the scan reads each person's social-care record, and also re-reads the people with a
 * recent referral, since adding one does not change the person's `updatedAt`.
 */
import type { PersonFeed, Restriction } from '../src/domain/identity/directory.ts';
import type { SourceRecord } from '../src/domain/identity/types.ts';
import type { ChangedPeopleFeed } from '../src/platform/register/scan.ts';
import { LCS_BATCH_LIMIT, type LcsClient, type PeriodQuery } from './lcs/client.ts';
import type { LcsPerson } from './lcs/types.ts';
import { nullIfNotFound } from './shared/notFound.ts';
import { EYES_BATCH_LIMIT, type EyesClient } from './eyes/client.ts';
import type { LiftHttpClient } from './lift/client.ts';
import { FRONTDOOR_BATCH_LIMIT, type FrontDoorClient } from './frontdoor/client.ts';
import { toSourceRecord as lcsRecord, type ReferralOfPerson } from './lcs/map.ts';
import { toSourceRecord as eyesRecord } from './eyes/map.ts';
import { toSourceRecord as liftRecord } from './lift/map.ts';
import { toSourceRecord as frontDoorRecord } from './frontdoor/map.ts';
import type { RequestScope } from './shared/scope.ts';

async function* pages<T, R>(
  fetchPage: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>,
  map: (item: T) => R,
) {
  let cursor: string | null = null;
  do {
    const page: { items: T[]; nextCursor: string | null } = await fetchPage(cursor);
    yield page.items.map(map);
    cursor = page.nextCursor;
  } while (cursor);
}

/**
 * How far before the scan's mark (the newest `updatedAt` it read) referrals are looked for. A
 * referral added in LCS leaves the person's `updatedAt` as it was, so the scan finds those people
 * by referral date; one keyed in late can be dated before the mark. Each person found costs a
 * social-care read every scan (a county refers about 35 children a day), so the look-back is short:
 * a referral keyed later still is read by the sweep (REGISTER_SWEEP_MS), which reads every referral.
 */
export const REFERRAL_LOOKBACK_DAYS = 3;

/** Social-care records read at once while the scan gathers referrals: LCS serves practitioners too. */
const SOCIAL_CARE_READS = 4;

const DAY_MS = 86_400_000;

/** The first referral date the scan from `mark` looks at (YYYY-MM-DD, UTC). */
export function referralLookbackFrom(mark: string): string {
  const at = Date.parse(mark);
  // The mark is an `updatedAt` LCS sent, checked against its contract; anything else is a fault here.
  if (Number.isNaN(at)) throw new Error('the LCS scan mark is not an instant');
  return new Date(at - REFERRAL_LOOKBACK_DAYS * DAY_MS).toISOString().slice(0, 10);
}

interface LcsFeedItem {
  record: SourceRecord;
  restriction: Restriction | null;
  updatedAt: string | null;
}

const lcsItem = (
  p: LcsPerson,
  referrals: readonly ReferralOfPerson[],
  updatedAt: string | null,
): LcsFeedItem => ({ record: lcsRecord(p, referrals), restriction: p.restriction, updatedAt });

/** `map` over `items`, at most `limit` at a time, answers in order; the first failure stops the rest. */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  map: (item: T) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const at = next++;
      try {
        out[at] = await map(items[at] as T);
      } catch (error) {
        next = items.length;
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Every referral LCS lists in `period` (paged to the end), by person; only what the evidence needs is kept. */
async function referralsByPerson(
  lcs: LcsClient,
  scope: RequestScope,
  period: PeriodQuery,
): Promise<Map<string, ReferralOfPerson[]>> {
  const byPerson = new Map<string, ReferralOfPerson[]>();
  const listed = pages(
    (c) => lcs.referralsPage(c, scope, period),
    ({ personId, referralDate, referralSource }) => ({
      personId,
      referral: { referralDate, referralSource },
    }),
  );
  for await (const page of listed) {
    for (const { personId, referral } of page) {
      const known = byPerson.get(personId);
      if (known) known.push(referral);
      else byPerson.set(personId, [referral]);
    }
  }
  return byPerson;
}

/**
 * Each person's referrals as LCS now holds them (their social-care record), a few at a time. A
 * person without a social-care record has none, as the full load's referral list shows them.
 */
const referralsOfEach = (lcs: LcsClient, people: readonly LcsPerson[], scope: RequestScope) =>
  mapLimited(
    people,
    SOCIAL_CARE_READS,
    async (p): Promise<readonly ReferralOfPerson[]> =>
      (await nullIfNotFound(lcs.socialCare(p.personId, scope)))?.referrals ?? [],
  );

/** Every LCS person with every referral: the referral list first (unbounded period), then the people. */
async function* everyLcsPerson(lcs: LcsClient, scope: RequestScope): AsyncGenerator<LcsFeedItem[]> {
  const referrals = await referralsByPerson(lcs, scope, {});
  yield* pages(
    (c) => lcs.peoplePage(c, scope),
    (p) => lcsItem(p, referrals.get(p.personId) ?? [], p.updatedAt),
  );
}

/**
 * The LCS people changed at or after `from` (null: every person), oldest change first, then the
 * people with a referral dated from `REFERRAL_LOOKBACK_DAYS` before it whom no page held, each with
 * every referral LCS holds for them.
 *
 * Those found only through a referral carry no `updatedAt` (null), so they have no say in the scan's
 * mark: they are read after the pages, and one changed meanwhile would carry an `updatedAt` newer
 * than changes to others the pages did not show, which the next scan, reading from that mark, would
 * then skip. Left out of the mark, a change to them is read by the next scan from its page.
 */
async function* lcsChangedSince(
  lcs: LcsClient,
  scope: RequestScope,
  from: string | null,
): AsyncGenerator<LcsFeedItem[]> {
  if (from === null) {
    yield* everyLcsPerson(lcs, scope);
    return;
  }
  const yielded = new Set<string>();
  for await (const people of pages(
    (c) => lcs.peoplePage(c, scope, from),
    (p) => p,
  )) {
    const referrals = await referralsOfEach(lcs, people, scope);
    yield people.map((p, at) => lcsItem(p, referrals[at] ?? [], p.updatedAt));
    for (const p of people) yielded.add(p.personId);
  }

  const referred = await referralsByPerson(lcs, scope, { from: referralLookbackFrom(from) });
  const others = [...referred.keys()].filter((id) => !yielded.has(id));
  for (let at = 0; at < others.length; at += LCS_BATCH_LIMIT) {
    // A person LCS no longer holds is left out (`missing`): the sweep or a change event removes them.
    const { items } = await lcs.peopleByIds(others.slice(at, at + LCS_BATCH_LIMIT), scope);
    const referrals = await referralsOfEach(lcs, items, scope);
    yield items.map((p, i) => lcsItem(p, referrals[i] ?? [], null));
  }
}

/** Which of `ids` a system still holds, by its batch read (`missing` names the rest). */
async function stillHeld(
  ids: readonly string[],
  limit: number,
  read: (ids: readonly string[]) => Promise<{ missing: string[] }>,
): Promise<Set<string>> {
  const held = new Set<string>();
  for (let at = 0; at < ids.length; at += limit) {
    const chunk = ids.slice(at, at + limit);
    const missing = new Set((await read(chunk)).missing);
    for (const id of chunk) if (!missing.has(id)) held.add(id);
  }
  return held;
}

/**
 * Each system's people changed since an instant, for the register's reconciliation scan: LCS, EYES
 * and the front door answer `updatedSince`; LIFT cannot, so its whole list is read (`incremental`
 * false) and compared. Before the scan's sweep removes a person a list left out, LCS, EYES and the
 * front door are asked by id (their batch reads); LIFT has no read by client reference.
 */
export function createChangedPeopleFeeds(clients: {
  lcs: LcsClient;
  eyes: EyesClient;
  lift: LiftHttpClient;
  frontdoor: FrontDoorClient;
}): ChangedPeopleFeed[] {
  const scope: RequestScope = { requestId: 'register-scan' };
  const since = (value: string | null) => value ?? undefined;
  return [
    {
      system: 'lcs',
      incremental: true,
      stillHeld: (ids) => stillHeld(ids, LCS_BATCH_LIMIT, (chunk) => clients.lcs.peopleByIds(chunk, scope)),
      changedSince: (from) => lcsChangedSince(clients.lcs, scope, from),
    },
    {
      system: 'eyes',
      incremental: true,
      stillHeld: (ids) => stillHeld(ids, EYES_BATCH_LIMIT, (chunk) => clients.eyes.pupilsByIds(chunk, scope)),
      changedSince: (from) =>
        pages(
          (c) => clients.eyes.pupilsPage(c, scope, since(from)),
          (p) => ({ record: eyesRecord(p), updatedAt: p.updatedAt }),
        ),
    },
    {
      system: 'lift',
      incremental: false,
      changedSince: () =>
        pages(
          (c) => clients.lift.clientsPage(c, scope),
          (p) => ({ record: liftRecord(p), updatedAt: null }),
        ),
    },
    {
      system: 'frontdoor',
      incremental: true,
      stillHeld: (ids) =>
        stillHeld(ids, FRONTDOOR_BATCH_LIMIT, (chunk) => clients.frontdoor.contactsByIds(chunk, scope)),
      changedSince: (from) =>
        pages(
          (c) => clients.frontdoor.contactsPage(c, scope, from === null ? {} : { updatedSince: from }),
          (p) => ({ record: frontDoorRecord(p), updatedAt: p.updatedAt }),
        ),
    },
  ];
}

export function createPersonFeeds(clients: {
  lcs: LcsClient;
  eyes: EyesClient;
  lift: LiftHttpClient;
  frontdoor: FrontDoorClient;
}): PersonFeed[] {
  const scope: RequestScope = { requestId: 'directory-load' };
  return [
    {
      system: 'lcs',
      pages: () => everyLcsPerson(clients.lcs, scope),
    },
    {
      system: 'eyes',
      pages: () =>
        pages(
          (c) => clients.eyes.pupilsPage(c, scope),
          (p) => ({ record: eyesRecord(p), updatedAt: p.updatedAt }),
        ),
    },
    {
      system: 'lift',
      pages: () =>
        pages(
          (c) => clients.lift.clientsPage(c, scope),
          (p) => ({ record: liftRecord(p) }),
        ),
    },
    {
      system: 'frontdoor',
      pages: () =>
        pages(
          (c) => clients.frontdoor.contactsPage(c, scope),
          (p) => ({ record: frontDoorRecord(p), updatedAt: p.updatedAt }),
        ),
    },
  ];
}
