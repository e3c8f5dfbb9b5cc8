/**
 * Each system's person list as a feed for the child directory: every page mapped by the system's
 * own connector. Reads are full loads at start-up; change events keep the directory current after.
 */
import type { PersonFeed } from '../src/domain/identity/directory.ts';
import type { ChangedPeopleFeed } from '../src/platform/register/scan.ts';
import { LCS_BATCH_LIMIT, type LcsClient } from './lcs/client.ts';
import { EYES_BATCH_LIMIT, type EyesClient } from './eyes/client.ts';
import type { LiftHttpClient } from './lift/client.ts';
import { FRONTDOOR_BATCH_LIMIT, type FrontDoorClient } from './frontdoor/client.ts';
import { toSourceRecord as lcsRecord } from './lcs/map.ts';
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
      changedSince: (from) =>
        pages(
          (c) => clients.lcs.peoplePage(c, scope, since(from)),
          (p) => ({ record: lcsRecord(p), restriction: p.restriction, updatedAt: p.updatedAt }),
        ),
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
      pages: () =>
        pages(
          (c) => clients.lcs.peoplePage(c, scope),
          (p) => ({ record: lcsRecord(p), restriction: p.restriction, updatedAt: p.updatedAt }),
        ),
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
