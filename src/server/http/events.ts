/**
 * POST /events: upstream change notifications `{system, resource, id}` (or an array of them).
 * The cached entries are dropped in every hub instance (through the invalidation bus), and a
 * changed person is re-read so linking and restrictions take effect on the next request.
 *
 * LIFT caches agreements and payments per client, but its notifications name the agreement or the
 * payment. Those are looked up in LIFT (a batch read by id) to find the client whose entries to
 * drop; one LIFT no longer knows is ignored: there is nothing cached under an id it cannot name.
 * SEND costs are cached per EYES pupil and their notifications name the cost (`sendCosts`, as the
 * LIFT simulator names the store): the pupil is looked up the same way (`GET /send-costs?ids=`).
 *
 * Caseloads are cached per worker and per team (open involvements), and a team's workers per team;
 * LCS names only the person (`people`, `social-care`) or the worker (`workers`) that changed. So a
 * person's social-care record is read as LCS now holds it, and the open involvements of every worker
 * and team its involvements name are dropped: LCS keeps an involvement that was closed or handed
 * over (with its end date), so both the worker and team that lost the case and those that gained it
 * are named. A worker change drops every team's worker list (a worker who moved left one team and
 * joined another; the notification names neither). Only ids travel; nothing read is logged.
 *
 * An LCS person's record in the directory carries their referrals (linking evidence for front-door
 * contacts), which live in the social-care record: a `people` or a `social-care` notification (a
 * referral added leaves the person as it was) re-reads both and re-applies the person. The
 * social-care record is read once per notification, for this and for the caseloads.
 *
 * Report facts the change touches (connectors/reportFacts.ts) are re-read and replaced before the
 * answer, in every instance's view: a report asked after a 202 shows the change.
 *
 * A notification reaches one instance, but every instance keeps its own identity index. So each
 * instance also re-reads the people that other instances announce on the invalidation channel:
 * a restriction added upstream hides the child from search and from `child(id:)` everywhere,
 * not only on the instance the upstream happened to call.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { EntityRef } from '../../platform/cache/types.ts';
import type { SharedEntityCache } from '../../platform/cache/index.ts';
import type { ChildDirectory } from '../../domain/identity/directory.ts';
import { UpstreamError } from '../../platform/upstream/types.ts';
import { SYSTEMS, type SystemName } from '../../platform/systems.ts';
import type { LcsClient } from '../../../connectors/lcs/client.ts';
import type { LcsSocialCareRecord } from '../../../connectors/lcs/types.ts';
import { nullIfNotFound } from '../../../connectors/shared/notFound.ts';
import type { EyesClient } from '../../../connectors/eyes/client.ts';
import type { FrontDoorClient } from '../../../connectors/frontdoor/client.ts';
import { LIFT_BATCH_LIMIT, type LiftHttpClient } from '../../../connectors/lift/client.ts';
import { readAllPages } from '../../../connectors/shared/loaderKit.ts';
import type { RequestScope } from '../../../connectors/shared/scope.ts';
import { LCS_RESOURCES } from '../../../connectors/lcs/resources.ts';
import { EYES_RESOURCES } from '../../../connectors/eyes/resources.ts';
import { LIFT_RESOURCES } from '../../../connectors/lift/resources.ts';
import { FRONTDOOR_RESOURCES } from '../../../connectors/frontdoor/resources.ts';
import { toSourceRecord as lcsRecord } from '../../../connectors/lcs/map.ts';
import { toSourceRecord as eyesRecord } from '../../../connectors/eyes/map.ts';
import { toSourceRecord as frontDoorRecord } from '../../../connectors/frontdoor/map.ts';
import {
  errorMessage,
  errorStatus,
  NOT_READY_RETRY_AFTER_SECONDS,
  type HubErrorCode,
} from '../../platform/errors.ts';
import type { ReportFactPreparer } from '../../../connectors/reportFacts.ts';
import { readJsonBody } from './body.ts';
import { sendJson } from './respond.ts';

/** The largest notification body read (500 events fit with room to spare). */
export const EVENTS_BODY_LIMIT_BYTES = 256 * 1024;

/**
 * /events keeps its own body shape (`{ error: { code, message } }`); code and status come from
 * the catalogue unless the protocol has a more exact status.
 */
function sendEventError(
  res: ServerResponse,
  code: HubErrorCode,
  message: string,
  options: { status?: number; headers?: Record<string, string> } = {},
): void {
  sendJson(res, options.status ?? errorStatus(code), { error: { code, message } }, options.headers);
}

interface ChangeEvent {
  system: SystemName;
  resource: string;
  id: string;
}

/** Everything cached for one LIFT client (agreements and payments are both cached per client ref). */
const liftClientEntries = (clientRef: string): EntityRef[] => [
  { system: 'lift', resource: LIFT_RESOURCES.agreementsByClient, id: clientRef },
  { system: 'lift', resource: LIFT_RESOURCES.paymentsByClient, id: clientRef },
];

/**
 * Which cached entries an upstream change touches, keyed by the upstream's resource name; the
 * entries by the cache resource names the loaders use (connectors/<system>/resources.ts).
 */
const AFFECTED: Record<string, (id: string) => EntityRef[]> = {
  'lcs:people': (id) => [
    { system: 'lcs', resource: LCS_RESOURCES.person, id },
    { system: 'lcs', resource: LCS_RESOURCES.socialCare, id },
  ],
  'lcs:social-care': (id) => [{ system: 'lcs', resource: LCS_RESOURCES.socialCare, id }],
  'lcs:workers': (id) => [{ system: 'lcs', resource: LCS_RESOURCES.worker, id }],
  'lcs:teams': (id) => [
    { system: 'lcs', resource: LCS_RESOURCES.team, id },
    { system: 'lcs', resource: LCS_RESOURCES.workersByTeam, id },
    { system: 'lcs', resource: LCS_RESOURCES.openInvolvementsByTeam, id },
  ],
  'eyes:pupils': (id) => [
    { system: 'eyes', resource: EYES_RESOURCES.pupil, id },
    { system: 'eyes', resource: EYES_RESOURCES.record, id },
  ],
  'eyes:records': (id) => [{ system: 'eyes', resource: EYES_RESOURCES.record, id }],
  'lift:clients': liftClientEntries,
  'frontdoor:contacts': (id) => [{ system: 'frontdoor', resource: FRONTDOOR_RESOURCES.contact, id }],
};

/**
 * LIFT changes named by a record that is cached under its client ref, not its own id: the client
 * ref is read from LIFT (`GET /agreements?ids=`, `GET /payments?ids=`) before invalidating.
 */
const LIFT_BY_CLIENT = {
  agreements: (lift: LiftHttpClient) => lift.agreementsByIds,
  payments: (lift: LiftHttpClient) => lift.paymentsByIds,
} as const;
type LiftByClientResource = keyof typeof LIFT_BY_CLIENT;

const isLiftByClient = (system: string, resource: string): resource is LiftByClientResource =>
  system === 'lift' && Object.hasOwn(LIFT_BY_CLIENT, resource);

/** LIFT's notification naming a SEND cost, cached under its EYES pupil id. */
const LIFT_SEND_COSTS = 'sendCosts';

const isKnown = (system: string, resource: string): boolean =>
  Boolean(AFFECTED[`${system}:${resource}`]) ||
  isLiftByClient(system, resource) ||
  (system === 'lift' && resource === LIFT_SEND_COSTS);

/** A person's social-care record as LCS now holds it (null: it holds none). */
type SocialCareOf = (personId: string) => Promise<LcsSocialCareRecord | null>;

/** Social-care reads shared by everything one notification needs them for: each person read once. */
function sharedSocialCareReads(lcs: LcsClient, scope: RequestScope): SocialCareOf {
  const reads = new Map<string, Promise<LcsSocialCareRecord | null>>();
  return (personId) => {
    let read = reads.get(personId);
    if (!read) {
      read = nullIfNotFound(lcs.socialCare(personId, scope));
      reads.set(personId, read);
    }
    return read;
  };
}

/** The distinct ids of the events on these resources of one system. */
const idsOf = (events: readonly ChangeEvent[], system: SystemName, resources: readonly string[]) => [
  ...new Set(events.filter((e) => e.system === system && resources.includes(e.resource)).map((e) => e.id)),
];

/**
 * The SEND cost entries (per EYES pupil) of the SEND costs these events name, read from LIFT in
 * batches; a cost LIFT no longer knows is left out, a failed read rejects.
 */
async function sendCostEntriesOf(
  events: readonly ChangeEvent[],
  lift: LiftHttpClient,
  scope: RequestScope,
): Promise<EntityRef[]> {
  const ids = idsOf(events, 'lift', [LIFT_SEND_COSTS]);
  const pupils = new Set<string>();
  const reads: Promise<void>[] = [];
  for (let i = 0; i < ids.length; i += LIFT_BATCH_LIMIT)
    reads.push(
      lift.sendCostsByIds(ids.slice(i, i + LIFT_BATCH_LIMIT), scope).then(({ items }) => {
        for (const item of items) pupils.add(item.pupilId);
      }),
    );
  await Promise.all(reads);
  return [...pupils].map((id) => ({ system: 'lift', resource: LIFT_RESOURCES.sendCostsByPupil, id }));
}

/**
 * The caseload entries LCS changes touch: for a changed person, the open involvements of every
 * worker and team their involvements name as LCS now holds them (ended ones included); for a
 * changed worker, every team's worker list. A person LCS no longer knows names none.
 */
async function caseloadEntriesOf(
  events: readonly ChangeEvent[],
  lcs: LcsClient,
  socialCareOf: SocialCareOf,
  scope: RequestScope,
): Promise<EntityRef[]> {
  const refs: EntityRef[] = [];
  const workers = new Set<string>();
  const teams = new Set<string>();
  const people = idsOf(events, 'lcs', ['people', 'social-care']).map(async (personId) => {
    for (const { workerId, teamId } of (await socialCareOf(personId))?.involvements ?? []) {
      workers.add(workerId);
      teams.add(teamId);
    }
  });
  const workerChanged = idsOf(events, 'lcs', ['workers']).length > 0;
  const everyTeam = workerChanged
    ? readAllPages((cursor) => lcs.teamsPage(cursor, scope)).then((all) => all.map((t) => t.teamId))
    : Promise.resolve([]);
  const [teamIds] = await Promise.all([everyTeam, Promise.all(people)]);
  for (const id of workers)
    refs.push({ system: 'lcs', resource: LCS_RESOURCES.openInvolvementsByWorker, id });
  for (const id of teams) refs.push({ system: 'lcs', resource: LCS_RESOURCES.openInvolvementsByTeam, id });
  for (const id of teamIds) refs.push({ system: 'lcs', resource: LCS_RESOURCES.workersByTeam, id });
  return refs;
}

/**
 * The client refs of the LIFT agreements and payments these events name, read in batches. Ids LIFT
 * no longer knows are left out (reported in the batch's `missing`); a failed read rejects.
 */
async function liftClientRefsOf(
  events: readonly ChangeEvent[],
  lift: LiftHttpClient,
  scope: RequestScope,
): Promise<Set<string>> {
  const clientRefs = new Set<string>();
  const reads: Promise<void>[] = [];
  for (const resource of Object.keys(LIFT_BY_CLIENT) as LiftByClientResource[]) {
    const ids = [
      ...new Set(events.filter((e) => e.system === 'lift' && e.resource === resource).map((e) => e.id)),
    ];
    const read = LIFT_BY_CLIENT[resource](lift);
    for (let i = 0; i < ids.length; i += LIFT_BATCH_LIMIT) {
      reads.push(
        read(ids.slice(i, i + LIFT_BATCH_LIMIT), scope).then(({ items }) => {
          for (const item of items) clientRefs.add(item.clientRef);
        }),
      );
    }
  }
  await Promise.all(reads);
  return clientRefs;
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The person-level cache entries whose invalidation means "re-read this person into the index". */
const PERSON_RESOURCES: Record<string, ChangeEvent['resource']> = {
  [`lcs:${LCS_RESOURCES.person}`]: 'people',
  // A referral added changes the person's record here (its referrals), not the person in LCS.
  [`lcs:${LCS_RESOURCES.socialCare}`]: 'social-care',
  [`eyes:${EYES_RESOURCES.pupil}`]: 'pupils',
  [`frontdoor:${FRONTDOOR_RESOURCES.contact}`]: 'contacts',
};

/** The person changes behind invalidations another instance published (deduplicated). */
export function personChangesOf(refs: readonly EntityRef[]): ChangeEvent[] {
  const seen = new Set<string>();
  const events: ChangeEvent[] = [];
  for (const { system, resource, id } of refs) {
    const upstreamResource = PERSON_RESOURCES[`${system}:${resource}`];
    if (!upstreamResource || !ID.test(id)) continue;
    const key = `${system}:${id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    events.push({ system, resource: upstreamResource, id });
  }
  return events;
}

/** The notifications that re-read a person into the directory: those the person-level entries stand for. */
const REFRESHES = new Set(
  Object.entries(PERSON_RESOURCES).map(([entry, resource]) => `${entry.split(':')[0]}:${resource}`),
);

/** Those of `events` that re-read a person, once per person (an LCS person and their record are one). */
const personRefreshes = (events: readonly ChangeEvent[]): ChangeEvent[] => {
  const seen = new Set<string>();
  return events.filter((e) => {
    const key = `${e.system}:${e.id}`;
    if (!REFRESHES.has(`${e.system}:${e.resource}`) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

function parse(body: unknown): ChangeEvent[] | null {
  const items = Array.isArray(body) ? body : [body];
  if (items.length === 0 || items.length > 500) return null;
  const events: ChangeEvent[] = [];
  for (const item of items) {
    const { system, resource, id } = (item ?? {}) as Record<string, unknown>;
    if (typeof system !== 'string' || !(SYSTEMS as readonly string[]).includes(system)) return null;
    if (typeof resource !== 'string' || !isKnown(system, resource)) return null;
    if (typeof id !== 'string' || !ID.test(id)) return null;
    events.push({ system: system as SystemName, resource, id });
  }
  return events;
}

export function eventsRoute(deps: {
  token: string;
  cache: SharedEntityCache;
  /** The child directory; null while it loads at start-up (events are then refused NOT_READY, to be sent again). */
  directory: () => ChildDirectory | null;
  clients: { lcs: LcsClient; eyes: EyesClient; lift: LiftHttpClient; frontdoor: FrontDoorClient };
  logger: Logger;
  /** Prepared report facts: the keys a change touches are re-read before the event is acknowledged. */
  reportFacts?: Pick<ReportFactPreparer, 'applyChanges'> | null;
}) {
  const expected = Buffer.from(`Bearer ${deps.token}`);
  const authorised = (header: string | undefined) => {
    const given = Buffer.from(header ?? '');
    return given.length === expected.length && timingSafeEqual(given, expected);
  };

  const scope: RequestScope = { requestId: 'change-event' };

  const refreshPerson = async (
    event: ChangeEvent,
    socialCareOf: SocialCareOf = sharedSocialCareReads(deps.clients.lcs, scope),
  ) => {
    const directory = deps.directory();
    // Still loading: the load (or, after it, the reconciliation scan) reads the change.
    if (directory === null) return;
    try {
      if (event.system === 'lcs' && (event.resource === 'people' || event.resource === 'social-care')) {
        // Both at once; a person without a social-care record has no referrals, as the full load reads them.
        const [p, socialCare] = await Promise.all([
          deps.clients.lcs.person(event.id, scope),
          socialCareOf(event.id),
        ]);
        await directory.apply('lcs', event.id, {
          record: lcsRecord(p, socialCare?.referrals ?? []),
          restriction: p.restriction,
        });
      } else if (event.system === 'eyes' && event.resource === 'pupils') {
        await directory.apply('eyes', event.id, {
          record: eyesRecord(await deps.clients.eyes.pupil(event.id, scope)),
        });
      } else if (event.system === 'frontdoor' && event.resource === 'contacts') {
        await directory.apply('frontdoor', event.id, {
          record: frontDoorRecord(await deps.clients.frontdoor.contact(event.id, scope)),
        });
      }
    } catch (error) {
      if (error instanceof UpstreamError && error.code === 'NOT_FOUND')
        await directory.apply(event.system, event.id, null);
      else throw error;
    }
  };

  // Changes announced by other instances: re-read those people into this instance's index too.
  deps.cache.onRemoteInvalidate((refs) => {
    const changes = personChangesOf(refs);
    if (changes.length === 0) return;
    void Promise.allSettled(changes.map((change) => refreshPerson(change))).then((outcomes) => {
      const failed = outcomes.filter((o) => o.status === 'rejected').length;
      if (failed > 0)
        deps.logger.warn(
          { changes: changes.length, failed },
          'a change announced by another instance could not be applied',
        );
    });
  });

  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') {
      // 405 rather than the code's 400: the protocol's own answer to a wrong method.
      sendEventError(res, 'BAD_USER_INPUT', 'POST change notifications here.', {
        status: 405,
        headers: { allow: 'POST' },
      });
      return;
    }
    // The body first, as before the route: an unreadable or oversized one is refused (by the
    // router, with the catalogue's body) whoever sends it.
    const body = await readJsonBody(req, EVENTS_BODY_LIMIT_BYTES);
    if (!authorised(req.headers.authorization)) {
      sendEventError(res, 'UNAUTHENTICATED', 'A valid events token is required.');
      return;
    }
    const events = parse(body);
    if (!events) {
      sendEventError(
        res,
        'BAD_USER_INPUT',
        'Send {system, resource, id} or an array of up to 500 of them, with known systems and resources.',
      );
      return;
    }
    if (deps.directory() === null) {
      sendEventError(res, 'NOT_READY', errorMessage('NOT_READY'), {
        headers: { 'retry-after': String(NOT_READY_RETRY_AFTER_SECONDS) },
      });
      return;
    }
    try {
      const socialCareOf = sharedSocialCareReads(deps.clients.lcs, scope);
      // The directory first: a restriction added upstream must hide the child before the cache refills.
      const [, liftClientRefs, sendCostEntries, caseloadEntries] = await Promise.all([
        Promise.all(personRefreshes(events).map((event) => refreshPerson(event, socialCareOf))),
        liftClientRefsOf(events, deps.clients.lift, scope),
        sendCostEntriesOf(events, deps.clients.lift, scope),
        caseloadEntriesOf(events, deps.clients.lcs, socialCareOf, scope),
      ]);
      await deps.cache.invalidate([
        ...events.flatMap((e) => AFFECTED[`${e.system}:${e.resource}`]?.(e.id) ?? []),
        ...[...liftClientRefs].flatMap(liftClientEntries),
        ...sendCostEntries,
        ...caseloadEntries,
      ]);
      // So a report asked after this answer shows the change, not a TTL later.
      await deps.reportFacts?.applyChanges(events);
      sendJson(res, 202, { accepted: events.length });
    } catch {
      deps.logger.warn({ events: events.length }, 'change notification could not be applied');
      sendEventError(res, 'UPSTREAM_UNAVAILABLE', 'The change could not be applied; send it again.');
    }
  };
}
