/** The simulated EYES: pupils, education records, settings and EHCP requests over one county. */
import { EyesEducationRecord, EyesPupil, EyesSetting } from '../contracts/eyes.ts';
import type { County, RecordSet } from '../county/types.ts';
import { batchRead } from '../kit/batch.ts';
import { foundOr404 } from '../kit/errors.ts';
import { derivedOrderedBy, isBatch, pageByKeyRange, storeOrder, storeOrderedBy } from '../kit/lists.ts';
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
interface EducationRecordView {
  ehcpRequests: { requestDate: string }[];
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
      },
    },
    options,
  );
}
