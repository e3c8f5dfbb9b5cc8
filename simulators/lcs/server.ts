/**
 * The simulated LCS: people, social care records, workers, teams, caseloads and the statutory
 * lists (referrals, assessments, s47 enquiries, CP plans, CLA episodes, CIN plans) and the cohorts
 * the returns count apart (care leavers, UASC) over one county's records.
 */
import { LcsPerson, LcsSocialCareRecord, LcsTeam, LcsWorker } from '../contracts/lcs.ts';
import type { County, RecordSet } from '../county/types.ts';
import { batchRead } from '../kit/batch.ts';
import { groupBy, memoByVersion, ResultCache } from '../kit/indexes.ts';
import {
  derivedOrderedBy,
  isBatch,
  pageByKeyRange,
  pageByPeriod,
  storeOrder,
  storeOrderedBy,
} from '../kit/lists.ts';
import { paginateAll, type Entry } from '../kit/paging.ts';
import { canonicalInstant } from '../kit/query.ts';
import { createSimulator, type SimulatorHandle, type SimulatorOptions } from '../kit/server.ts';
import { RecordStore } from '../kit/store.ts';
import { badRequest, foundOr404 } from '../kit/errors.ts';

const same = <T>(value: T): T => value;

/*
 * The fields this simulator indexes on. The contract's Static types carry no property types (its
 * `obj` helper widens the property map to TProperties), so the records are read through these views.
 */
interface PersonView {
  personId: string;
  updatedAt: string;
}
interface WorkerView {
  workerId: string;
  teamId: string;
}
interface DatedView {
  referralDate: string;
  startDate: string;
}
interface PeriodView {
  startDate: string;
  endDate: string | null;
  ceasedDate: string | null;
}
interface InvolvementView {
  workerId: string;
  teamId: string;
  endDate: string | null;
}
interface CohortView {
  personId: string;
  updatedAt: string;
}
interface SocialCareView {
  cinPlans: PeriodView[];
  careLeaver?: CohortView | null;
  uasc?: CohortView | null;
  referrals: DatedView[];
  assessments: DatedView[];
  s47Enquiries: DatedView[];
  cpPlans: PeriodView[];
  claEpisodes: PeriodView[];
  placements: PeriodView[];
  involvements: InvolvementView[];
}
const view = <V>(set: RecordSet<unknown>): RecordSet<V> => set as RecordSet<V>;

export function createLcsSimulator(county: County, options: SimulatorOptions = {}): SimulatorHandle {
  const people = new RecordStore<PersonView>(view(county.lcs.people), {
    idField: 'personId',
    schema: LcsPerson,
    touchField: 'updatedAt',
  });
  const socialCare = new RecordStore<SocialCareView>(view(county.lcs.socialCare), {
    idField: 'personId',
    schema: LcsSocialCareRecord,
  });
  const workers = new RecordStore<WorkerView>(view(county.lcs.workers), {
    idField: 'workerId',
    schema: LcsWorker,
  });
  const teams = new RecordStore<unknown>(county.lcs.teams, { idField: 'teamId', schema: LcsTeam });

  const peopleInOrder = storeOrder(people);
  const peopleByUpdate = storeOrderedBy(people, (p) => canonicalInstant(p.updatedAt));
  const workersInOrder = storeOrder(workers);
  const teamsInOrder = storeOrder(teams);
  const workersByTeam = memoByVersion(
    () => [workers.version],
    () => groupBy(workersInOrder(), (e) => [(workers.get(e.value) as WorkerView).teamId]),
  );

  const referrals = derivedOrderedBy(
    socialCare,
    (r) => r.referrals,
    (x) => x.referralDate,
  );
  const assessments = derivedOrderedBy(
    socialCare,
    (r) => r.assessments,
    (x) => x.startDate,
  );
  const s47s = derivedOrderedBy(
    socialCare,
    (r) => r.s47Enquiries,
    (x) => x.startDate,
  );
  const cpPlans = derivedOrderedBy(
    socialCare,
    (r) => r.cpPlans,
    (x) => x.startDate,
  );
  const claEpisodes = derivedOrderedBy(
    socialCare,
    (r) => r.claEpisodes,
    (x) => x.startDate,
  );
  const placements = derivedOrderedBy(
    socialCare,
    (r) => r.placements,
    (x) => x.startDate,
  );
  const cinPlans = derivedOrderedBy(
    socialCare,
    (r) => r.cinPlans,
    (x) => x.startDate,
  );
  /** A cohort list (care leavers, UASC) in person id order, and by update for incremental loads. */
  const cohort = (of: (r: SocialCareView) => CohortView | null | undefined) => {
    const list = (r: SocialCareView) => {
      const item = of(r);
      return item ? [item] : [];
    };
    const byPerson = derivedOrderedBy(socialCare, list, (x) => x.personId.padStart(20, '0'));
    const byUpdate = derivedOrderedBy(socialCare, list, (x) => canonicalInstant(x.updatedAt));
    return (query: Parameters<typeof paginateAll>[1]) => {
      const since = query.string('updatedSince');
      if (since === undefined) return paginateAll(byPerson(), query, same);
      return pageByKeyRange(byUpdate(), query, same, { from: since });
    };
  };
  const careLeavers = cohort((r) => r.careLeaver);
  const uasc = cohort((r) => r.uasc);
  const cinPlanResults = new ResultCache<Entry<PeriodView>[]>();
  const placementResults = new ResultCache<Entry<PeriodView>[]>();
  const cpPlanResults = new ResultCache<Entry<PeriodView>[]>();
  const claResults = new ResultCache<Entry<PeriodView>[]>();

  /** Caseloads: involvements under "worker:<id>" and "team:<id>", each also split by open/ended. */
  const caseloads = memoByVersion(
    () => [socialCare.version],
    () =>
      groupBy(
        derivedOrderedBy(
          socialCare,
          (r) => r.involvements,
          () => '',
        )(),
        (e: Entry<InvolvementView>) => {
          const state = e.value.endDate === null ? 'open' : 'ended';
          const worker = `worker:${e.value.workerId}`;
          const team = `team:${e.value.teamId}`;
          return [worker, `${worker}:${state}`, team, `${team}:${state}`];
        },
      ),
  );

  const person = (id: string) => people.get(id);
  const worker = (id: string) => workers.get(id);
  const team = (id: string) => teams.get(id);

  return createSimulator(
    {
      system: 'lcs',
      resources: { people, 'social-care': socialCare, workers, teams } as Record<
        string,
        RecordStore<unknown>
      >,
      handlers: {
        getPeople: ({ query }) => {
          if (isBatch(query, ['ids'])) return batchRead(query.idList('ids') ?? [], person);
          const since = query.string('updatedSince');
          if (since === undefined) return paginateAll(peopleInOrder(), query, person);
          return pageByKeyRange(peopleByUpdate(), query, person, { from: since });
        },
        getPerson: ({ params }) => foundOr404(person(params['personId'] as string), 'person'),
        getSocialCareRecord: ({ params }) =>
          foundOr404(socialCare.get(params['personId'] as string), 'person'),
        getWorkers: ({ query }) => {
          if (isBatch(query, ['ids'])) return batchRead(query.idList('ids') ?? [], worker);
          const teamId = query.string('teamId');
          const entries = teamId === undefined ? workersInOrder() : (workersByTeam().get(teamId) ?? []);
          return paginateAll(entries, query, worker);
        },
        getTeams: ({ query }) => {
          if (isBatch(query, ['ids'])) return batchRead(query.idList('ids') ?? [], team);
          return paginateAll(teamsInOrder(), query, team);
        },
        listInvolvements: ({ query }) => {
          const workerId = query.string('workerId');
          const teamId = query.string('teamId');
          if ((workerId === undefined) === (teamId === undefined)) {
            throw badRequest('exactly one of "workerId" and "teamId" is required');
          }
          const open = query.boolean('open');
          const owner = workerId !== undefined ? `worker:${workerId}` : `team:${teamId}`;
          const key = open === undefined ? owner : `${owner}:${open ? 'open' : 'ended'}`;
          return paginateAll(caseloads().get(key) ?? [], query, same);
        },
        listReferrals: ({ query }) => pageByKeyRange(referrals(), query, same),
        listAssessments: ({ query }) => pageByKeyRange(assessments(), query, same),
        listS47Enquiries: ({ query }) => pageByKeyRange(s47s(), query, same),
        listCpPlans: ({ query }) =>
          pageByPeriod(cpPlans(), socialCare.version, query, cpPlanResults, (p) => p.endDate, same),
        listClaEpisodes: ({ query }) =>
          pageByPeriod(claEpisodes(), socialCare.version, query, claResults, (e) => e.ceasedDate, same),
        listPlacements: ({ query }) =>
          pageByPeriod(placements(), socialCare.version, query, placementResults, (p) => p.endDate, same),
        listCinPlans: ({ query }) =>
          pageByPeriod(cinPlans(), socialCare.version, query, cinPlanResults, (p) => p.endDate, same),
        listCareLeavers: ({ query }) => careLeavers(query),
        listUasc: ({ query }) => uasc(query),
      },
    },
    options,
  );
}
