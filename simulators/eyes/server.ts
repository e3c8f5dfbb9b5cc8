/**
 * The simulated EYES: pupils, education records, settings, EHCP requests, EHC plans with their
 * annual reviews, and children missing education, over one county.
 */
import { EyesEducationRecord, EyesPupil, EyesSetting } from '../contracts/eyes.ts';
import type { County, RecordSet } from '../county/types.ts';
import { batchRead } from '../kit/batch.ts';
import { badRequest, foundOr404 } from '../kit/errors.ts';
import { memoByVersion, ResultCache } from '../kit/indexes.ts';
import {
  derivedOrderedBy,
  isBatch,
  pageByKeyRange,
  pageByPeriod,
  storeOrder,
  storeOrderedBy,
} from '../kit/lists.ts';
import { sortEntries, type Entry } from '../kit/paging.ts';
import { paginateAll } from '../kit/paging.ts';
import { canonicalInstant } from '../kit/query.ts';
import { createSimulator, type SimulatorHandle, type SimulatorOptions } from '../kit/server.ts';
import { RecordStore } from '../kit/store.ts';

const same = <T>(value: T): T => value;

/*
 * The fields this simulator indexes on. The contract's Static types carry no property types (its
 * `obj` helper widens the property map to TProperties), so the records are read through these views.
 */
interface PupilView {
  pupilId: string;
  updatedAt: string;
}
interface PlanView {
  planId: string;
  startDate: string;
  ceasedDate: string | null;
  annualReviews: unknown[];
}
interface PlanSummary extends PlanView {
  pupilId: string;
  requestId: string;
}
interface CmeView {
  reportedMissingDate: string;
  closedDate: string | null;
  updatedAt: string;
}
interface EducationRecordView {
  pupilId: string;
  ehcpRequests: { requestId: string; requestDate: string; plan: PlanView | null }[];
  missingEducation: CmeView[];
}
const view = <V>(set: RecordSet<unknown>): RecordSet<V> => set as RecordSet<V>;

export function createEyesSimulator(county: County, options: SimulatorOptions = {}): SimulatorHandle {
  const pupils = new RecordStore<PupilView>(view(county.eyes.pupils), {
    idField: 'pupilId',
    schema: EyesPupil,
    touchField: 'updatedAt',
  });
  const records = new RecordStore<EducationRecordView>(view(county.eyes.records), {
    idField: 'pupilId',
    schema: EyesEducationRecord,
  });
  const settings = new RecordStore<unknown>(county.eyes.settings, {
    idField: 'settingId',
    schema: EyesSetting,
  });

  const pupilsInOrder = storeOrder(pupils);
  const pupilsByUpdate = storeOrderedBy(pupils, (p) => canonicalInstant(p.updatedAt));
  const ehcpRequests = derivedOrderedBy(
    records,
    (r) => r.ehcpRequests,
    (x) => x.requestDate,
  );
  // Plans (each with its reviews, SEN2's plan-level view) and CME referrals, gathered in ONE pass
  // over the education records: a county's records are derived on demand, so each pass costs seconds.
  const sendLists = memoByVersion(
    () => [records.version],
    () => {
      const plans: Entry<PlanSummary>[] = [];
      const cme: Entry<CmeView>[] = [];
      let seq = 0;
      for (const id of records.ids()) {
        const record = records.get(id) as EducationRecordView;
        for (const { requestId, plan } of record.ehcpRequests) {
          if (!plan) continue;
          const { planId, startDate, ceasedDate, annualReviews } = plan;
          const value = { planId, pupilId: record.pupilId, requestId, startDate, ceasedDate, annualReviews };
          plans.push({ key: startDate, seq: seq++, value });
        }
        for (const value of record.missingEducation)
          cme.push({ key: value.reportedMissingDate, seq: seq++, value });
      }
      const cmeByUpdate = cme.map((e) => ({ ...e, key: canonicalInstant(e.value.updatedAt) }));
      return { plans: sortEntries(plans), cme: sortEntries(cme), cmeByUpdate: sortEntries(cmeByUpdate) };
    },
  );
  const planResults = new ResultCache<Entry<PlanSummary>[]>();
  const cmeResults = new ResultCache<Entry<CmeView>[]>();
  const pupil = (id: string) => pupils.get(id);

  return createSimulator(
    {
      system: 'eyes',
      resources: { pupils, records, settings } as Record<string, RecordStore<unknown>>,
      handlers: {
        getPupils: ({ query }) => {
          if (isBatch(query, ['ids'])) return batchRead(query.idList('ids') ?? [], pupil);
          const since = query.string('updatedSince');
          if (since === undefined) return paginateAll(pupilsInOrder(), query, pupil);
          return pageByKeyRange(pupilsByUpdate(), query, pupil, { from: since });
        },
        getPupil: ({ params }) => foundOr404(pupil(params['pupilId'] as string), 'pupil'),
        getEducationRecord: ({ params }) => foundOr404(records.get(params['pupilId'] as string), 'pupil'),
        getSettings: ({ query }) => batchRead(query.idList('ids') ?? [], (id) => settings.get(id)),
        listEhcpRequests: ({ query }) => pageByKeyRange(ehcpRequests(), query, same),
        listEhcpPlans: ({ query }) =>
          pageByPeriod(sendLists().plans, records.version, query, planResults, (p) => p.ceasedDate, same),
        listMissingEducation: ({ query }) => {
          const since = query.string('updatedSince');
          if (since === undefined)
            return pageByPeriod(
              sendLists().cme,
              records.version,
              query,
              cmeResults,
              (c) => c.closedDate,
              same,
            );
          if (query.has('activeOn') || query.has('from') || query.has('to'))
            throw badRequest('"updatedSince" cannot be combined with "activeOn", "from" or "to"');
          return pageByKeyRange(sendLists().cmeByUpdate, query, same, { from: since });
        },
      },
    },
    options,
  );
}
