/**
 * Per-request LIFT loaders: clients and agreements in batches, payments by single (capped) reads.
 * Each record is mapped to its domain model once, as it is fetched: the cache holds the model.
 */
import type { EntityCache } from '../../src/platform/cache/types.ts';
import type { Payment, SendCost, ServiceAgreement } from '../../src/domain/models/finance.ts';
import { cachedLoader, fetchEach, fetchInChunks, readAllPages } from '../shared/loaderKit.ts';
import { nullIfNotFound } from '../shared/notFound.ts';
import type { RequestScope } from '../shared/scope.ts';
import { LIFT_BATCH_LIMIT, type LiftHttpClient } from './client.ts';
import { toPayment, toSendCost, toServiceAgreement } from './map.ts';
import { LIFT_RESOURCES } from './resources.ts';

/** Groups a batch answer under the keys asked for; a key with no items maps to an empty list. */
function groupBy<W, T>(
  keys: readonly string[],
  items: readonly W[],
  key: (item: W) => string,
  toModel: (item: W) => T,
): Map<string, T[]> {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const item of items) groups.get(key(item))?.push(toModel(item));
  return groups;
}

export function createLiftLoaders(client: LiftHttpClient, cache: EntityCache, scope: RequestScope) {
  return {
    /** Client ref -> its service agreements. */
    agreementsByClient: cachedLoader<ServiceAgreement[]>({
      cache,
      system: 'lift',
      resource: LIFT_RESOURCES.agreementsByClient,
      maxBatchSize: LIFT_BATCH_LIMIT,
      fetch: (ids) =>
        fetchInChunks(ids, LIFT_BATCH_LIMIT, async (chunk) =>
          groupBy(
            chunk,
            (await client.agreementsByClientRefs(chunk, scope)).items,
            (a) => a.clientRef,
            toServiceAgreement,
          ),
        ),
    }),
    /** EYES pupil id -> the pupil's SEND costs (LIFT phase two). */
    sendCostsByPupil: cachedLoader<SendCost[]>({
      cache,
      system: 'lift',
      resource: LIFT_RESOURCES.sendCostsByPupil,
      maxBatchSize: LIFT_BATCH_LIMIT,
      fetch: (ids) =>
        fetchInChunks(ids, LIFT_BATCH_LIMIT, async (chunk) =>
          groupBy(
            chunk,
            (await client.sendCostsByPupilIds(chunk, scope)).items,
            (c) => c.pupilId,
            toSendCost,
          ),
        ),
    }),
    /** Client ref -> every payment (single reads: LIFT offers no batch for payments). */
    paymentsByClient: cachedLoader<Payment[]>({
      cache,
      system: 'lift',
      resource: LIFT_RESOURCES.paymentsByClient,
      maxBatchSize: 1,
      fetch: (ids) =>
        fetchEach(ids, async (clientRef) => {
          const payments = await nullIfNotFound(
            readAllPages((cursor) => client.paymentsPage(clientRef, cursor, scope)),
          );
          return payments && payments.map(toPayment);
        }),
    }),
  };
}

export type LiftLoaders = ReturnType<typeof createLiftLoaders>;
