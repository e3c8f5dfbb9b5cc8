/** The simulated front door (C-SPA and L-SPA): contacts over one county. */
import { FrontDoorContact, type FrontDoorContact as FrontDoorContactRecord } from '../contracts/frontdoor.ts';
import type { County } from '../county/types.ts';
import { batchRead } from '../kit/batch.ts';
import { foundOr404 } from '../kit/errors.ts';
import { groupBy, memoByVersion, ResultCache } from '../kit/indexes.ts';
import { isBatch, pageByKeyRange, storeOrder, storeOrderedBy } from '../kit/lists.ts';
import { keyRange, paginate, paginateAll, type Entry } from '../kit/paging.ts';
import { canonicalInstant } from '../kit/query.ts';
import { createSimulator, type SimulatorHandle, type SimulatorOptions } from '../kit/server.ts';
import { RecordStore } from '../kit/store.ts';
import { badRequest } from '../kit/errors.ts';

export function createFrontDoorSimulator(county: County, options: SimulatorOptions = {}): SimulatorHandle {
  const contacts = new RecordStore<FrontDoorContactRecord>(county.frontdoor.contacts, {
    idField: 'contactId',
    schema: FrontDoorContact,
    touchField: 'updatedAt',
  });
  const inOrder = storeOrder(contacts);
  const byContactDate = storeOrderedBy(contacts, (c) => c.contactDate);
  const byUpdate = storeOrderedBy(contacts, (c) => canonicalInstant(c.updatedAt));
  const byLcsPerson = memoByVersion(
    () => [contacts.version],
    () =>
      groupBy(inOrder(), (e) => {
        const personId = (contacts.get(e.value) as FrontDoorContactRecord).subject.lcsPersonId;
        return personId === null ? [] : [personId];
      }),
  );
  const combinedResults = new ResultCache<Entry<string>[]>();
  const contact = (id: string) => contacts.get(id);

  return createSimulator(
    {
      system: 'frontdoor',
      resources: { contacts } as Record<string, RecordStore<unknown>>,
      handlers: {
        getContacts: ({ query }) => {
          if (isBatch(query, ['ids', 'lcsPersonIds'])) {
            const ids = query.idList('ids');
            if (ids) return batchRead(ids, contact);
            const index = byLcsPerson();
            return batchRead(query.idList('lcsPersonIds') ?? [], (personId) =>
              (index.get(personId) ?? []).map((e) => contacts.get(e.value) as FrontDoorContactRecord),
            );
          }
          const since = query.string('updatedSince');
          const from = query.string('from');
          const to = query.string('to');
          if (since === undefined) {
            if (from === undefined && to === undefined) return paginateAll(inOrder(), query, contact);
            return pageByKeyRange(byContactDate(), query, contact);
          }
          if (from === undefined && to === undefined)
            return pageByKeyRange(byUpdate(), query, contact, { from: since });
          // Both filters: contact-date order, keeping contacts updated since the instant.
          if (from !== undefined && to !== undefined && from > to)
            throw badRequest('"from" must not be after "to"');
          const entries = byContactDate();
          const matching = combinedResults.get(`${contacts.version}|${query.fingerprint}`, () => {
            const { lo, hi } = keyRange(entries, from, to);
            return entries
              .slice(lo, hi)
              .filter(
                (e) => canonicalInstant((contacts.get(e.value) as FrontDoorContactRecord).updatedAt) >= since,
              );
          });
          return paginate(matching, { lo: 0, hi: matching.length }, query, contact);
        },
        getContact: ({ params }) => foundOr404(contact(params['contactId'] as string), 'contact'),
      },
    },
    options,
  );
}
