/** The simulated LIFT: clients, service agreements and payments over one county. */
import { LiftAgreement, LiftBudgetLine, LiftClient, LiftPayment, LiftSendCost } from '../contracts/lift.ts';
import type { County, RecordSet } from '../county/types.ts';
import { batchRead } from '../kit/batch.ts';
import { foundOr404 } from '../kit/errors.ts';
import { groupBy, memoByVersion, ResultCache } from '../kit/indexes.ts';
import { isBatch, pageByKeyRange, pageByPeriod, storeOrder, storeOrderedBy } from '../kit/lists.ts';
import { paginateAll, type Entry } from '../kit/paging.ts';
import { createSimulator, type SimulatorHandle, type SimulatorOptions } from '../kit/server.ts';
import { RecordStore } from '../kit/store.ts';

/*
 * The fields this simulator indexes on. The contract's Static types carry no property types (its
 * `obj` helper widens the property map to TProperties), so the records are read through these views.
 */
interface ClientView {
  clientRef: string;
  lcsPersonId: string;
}
interface AgreementView {
  clientRef: string;
  startDate: string;
  plannedEndDate: string | null;
  endDate: string | null;
  status: string;
}
interface PaymentView {
  clientRef: string;
  paidOn: string;
}
interface BudgetLineView {
  financialYear: string;
}
interface SendCostView extends AgreementView {
  pupilId: string;
}
const view = <V>(set: RecordSet<unknown>): RecordSet<V> => set as RecordSet<V>;

/**
 * When an agreement stops being open: its actual end; with none recorded, never for an ACTIVE
 * agreement (it runs on past its planned end until an end is recorded), else its planned end. A
 * cancelled agreement never ran, so it is treated as ending before anything could overlap it.
 */
const agreementEnd = (a: AgreementView): string | null =>
  a.status === 'CANCELLED' ? '0000-00-00' : (a.endDate ?? (a.status === 'ACTIVE' ? null : a.plannedEndDate));

export function createLiftSimulator(county: County, options: SimulatorOptions = {}): SimulatorHandle {
  const clients = new RecordStore<ClientView>(view(county.lift.clients), {
    idField: 'clientRef',
    schema: LiftClient,
  });
  const agreements = new RecordStore<AgreementView>(view(county.lift.agreements), {
    idField: 'agreementId',
    schema: LiftAgreement,
  });
  const payments = new RecordStore<PaymentView>(view(county.lift.payments), {
    idField: 'paymentId',
    schema: LiftPayment,
  });
  const budgetLines = new RecordStore<BudgetLineView>(view(county.lift.budgetLines), {
    idField: 'budgetLineId',
    schema: LiftBudgetLine,
  });
  const sendCosts = new RecordStore<SendCostView>(view(county.lift.sendCosts), {
    idField: 'sendCostId',
    schema: LiftSendCost,
  });

  const clientsInOrder = storeOrder(clients);
  const clientsByPerson = memoByVersion(
    () => [clients.version],
    () => groupBy(clientsInOrder(), (e) => [(clients.get(e.value) as ClientView).lcsPersonId]),
  );
  const agreementsByClient = memoByVersion(
    () => [agreements.version],
    () => groupBy(storeOrder(agreements)(), (e) => [(agreements.get(e.value) as AgreementView).clientRef]),
  );
  const agreementsByStart = storeOrderedBy(agreements, (a) => a.startDate);
  const agreementResults = new ResultCache<Entry<string>[]>();
  const paymentsByClient = memoByVersion(
    () => [payments.version],
    () => groupBy(storeOrder(payments)(), (e) => [(payments.get(e.value) as PaymentView).clientRef]),
  );
  const paymentsByPaidOn = storeOrderedBy(payments, (p) => p.paidOn);
  const sendCostsByPupil = memoByVersion(
    () => [sendCosts.version],
    () => groupBy(storeOrder(sendCosts)(), (e) => [(sendCosts.get(e.value) as SendCostView).pupilId]),
  );
  const sendCostsByStart = storeOrderedBy(sendCosts, (c) => c.startDate);
  const sendCostResults = new ResultCache<Entry<string>[]>();
  const budgetLinesByYear = memoByVersion(
    () => [budgetLines.version],
    () =>
      groupBy(storeOrder(budgetLines)(), (e) => [(budgetLines.get(e.value) as BudgetLineView).financialYear]),
  );

  const client = (id: string) => clients.get(id);
  const agreement = (id: string) => agreements.get(id);
  const payment = (id: string) => payments.get(id);

  return createSimulator(
    {
      system: 'lift',
      resources: { clients, agreements, payments, budgetLines, sendCosts } as Record<
        string,
        RecordStore<unknown>
      >,
      handlers: {
        getClients: ({ query }) => {
          if (isBatch(query, ['lcsPersonIds'])) {
            const byPerson = clientsByPerson();
            return batchRead(query.idList('lcsPersonIds') ?? [], (personId) =>
              (byPerson.get(personId) ?? []).map((e) => clients.get(e.value) as ClientView),
            );
          }
          return paginateAll(clientsInOrder(), query, client);
        },
        getAgreements: ({ query }) => {
          if (isBatch(query, ['ids', 'clientRefs'])) {
            const ids = query.idList('ids');
            if (ids) return batchRead(ids, agreement);
            const byClient = agreementsByClient();
            return batchRead(query.idList('clientRefs') ?? [], (clientRef) =>
              (byClient.get(clientRef) ?? []).map((e) => agreements.get(e.value) as AgreementView),
            );
          }
          return pageByPeriod(
            agreementsByStart(),
            agreements.version,
            query,
            agreementResults,
            (id) => agreementEnd(agreements.get(id) as AgreementView),
            agreement,
          );
        },
        listClientPayments: ({ params, query }) => {
          const clientRef = foundOr404(client(params['clientRef'] as string), 'client').clientRef;
          return paginateAll(paymentsByClient().get(clientRef) ?? [], query, payment);
        },
        listPayments: ({ query }) =>
          isBatch(query, ['ids'])
            ? batchRead(query.idList('ids') ?? [], payment)
            : pageByKeyRange(paymentsByPaidOn(), query, payment),
        getSendCosts: ({ query }) => {
          if (isBatch(query, ['ids', 'pupilIds'])) {
            const ids = query.idList('ids');
            if (ids) return batchRead(ids, (id) => sendCosts.get(id));
            const byPupil = sendCostsByPupil();
            return batchRead(query.idList('pupilIds') ?? [], (pupilId) =>
              (byPupil.get(pupilId) ?? []).map((e) => sendCosts.get(e.value) as SendCostView),
            );
          }
          return pageByPeriod(
            sendCostsByStart(),
            sendCosts.version,
            query,
            sendCostResults,
            (id) => agreementEnd(sendCosts.get(id) as SendCostView),
            (id) => sendCosts.get(id),
          );
        },
        listBudgetLines: ({ query }) =>
          paginateAll(budgetLinesByYear().get(query.string('financialYear') ?? '') ?? [], query, (id) =>
            budgetLines.get(id),
          ),
      },
    },
    options,
  );
}
