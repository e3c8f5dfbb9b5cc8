/** Per-request LIFT loaders: clients and agreements in batches, payments by single (capped) reads. */
import type { EntityCache } from '../../src/cache/types.ts';
import { cachedLoader, fetchEach, fetchInChunks, readAllPages } from '../shared/loaderKit.ts';
import { nullIfNotFound } from '../shared/notFound.ts';
import type { RequestScope } from '../shared/scope.ts';
import { LIFT_BATCH_LIMIT, type LiftHttpClient } from './client.ts';
import type { LiftAgreement, LiftPayment, LiftSendCost } from './types.ts';

/** Groups a batch answer under the keys asked for; a key with no items maps to an empty list. */
function groupBy<T>(
  keys: readonly string[],
  items: readonly T[],
  key: (item: T) => string,
): Map<string, T[]> {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const item of items) groups.get(key(item))?.push(item);
  return groups;
}

export function createLiftLoaders(client: LiftHttpClient, cache: EntityCache, scope: RequestScope) {
  return {
    /** Client ref -> its service agreements. */
    agreementsByClient: cachedLoader<LiftAgreement[]>({
      cache,
      system: 'lift',
      resource: 'agreements-by-client',
      maxBatchSize: LIFT_BATCH_LIMIT,
      fetch: (ids) =>
        fetchInChunks(ids, LIFT_BATCH_LIMIT, async (chunk) =>
          groupBy(chunk, (await client.agreementsByClientRefs(chunk, scope)).items, (a) => a.clientRef),
        ),
    }),
    /** EYES pupil id -> the pupil's SEND costs (LIFT phase two). */
    sendCostsByPupil: cachedLoader<LiftSendCost[]>({
      cache,
      system: 'lift',
      resource: 'send-costs-by-pupil',
      maxBatchSize: LIFT_BATCH_LIMIT,
      fetch: (ids) =>
        fetchInChunks(ids, LIFT_BATCH_LIMIT, async (chunk) =>
          groupBy(chunk, (await client.sendCostsByPupilIds(chunk, scope)).items, (c) => c.pupilId),
        ),
    }),
    /** Client ref -> every payment (single reads: LIFT offers no batch for payments). */
    paymentsByClient: cachedLoader<LiftPayment[]>({
      cache,
      system: 'lift',
      resource: 'payments-by-client',
      maxBatchSize: 1,
      fetch: (ids) =>
        fetchEach(ids, (clientRef) =>
          nullIfNotFound(readAllPages((cursor) => client.paymentsPage(clientRef, cursor, scope))),
        ),
    }),
  };
}

export type LiftLoaders = ReturnType<typeof createLiftLoaders>;
