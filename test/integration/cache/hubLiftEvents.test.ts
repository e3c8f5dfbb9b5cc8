/**
 * LIFT change notifications through a real hub over HTTP. The hub caches LIFT agreements and
 * payments per client ref, but LIFT's notifications name the agreement or the payment: the hub
 * looks the record up in LIFT (`GET /agreements?ids=`, `GET /payments?ids=`) and drops that
 * client's entries, so the next view shows the change. Without the notification the cached answer
 * stands (that is what the cache is for); a record LIFT no longer knows is accepted and ignored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type CachingWorld, type RunningHub } from './support/hubs.ts';

interface AgreementRecord {
  agreementId: string;
  clientRef: string;
  lcsPersonId: string;
  providerName: string;
}
interface PaymentRecord {
  paymentId: string;
  clientRef: string;
  amountPence: number;
}

const FINANCE_VIEW = `query Finance($id: ID!) { child(id: $id) { id finance {
  agreements(first: 100) { nodes { id providerName } }
  payments(first: 100) { nodes { id amount } }
} } }`;

interface FinanceAnswer {
  agreements: { nodes: { id: string; providerName: string }[] };
  payments: { nodes: { id: string; amount: number }[] };
}

let world: CachingWorld;
let hub: RunningHub;
let token: string;

beforeAll(async () => {
  world = await startWorld('lift-events');
  hub = await world.startHub();
  token = await world.token({ userId: 'fin-lift-events', roles: ['FRONT_DOOR', 'FINANCE'] });
});

afterAll(async () => {
  await world?.close();
});

/** The finance branch of one child's view, failing the test on any error. */
async function financeOf(childId: string): Promise<FinanceAnswer> {
  const { status, body } = await hub.query(token, FINANCE_VIEW, { id: childId });
  expect(status).toBe(200);
  expect(body.errors).toBeUndefined();
  const finance = (body.data?.child as { finance?: FinanceAnswer | null } | null | undefined)?.finance;
  expect(finance).toBeTruthy();
  return finance!;
}

interface LiftChild {
  childId: string;
  clientRef: string;
  agreement: AgreementRecord;
  payment: PaymentRecord | undefined;
}

/**
 * Distinct children (unrestricted, known to LCS) each with one LIFT client that has agreements:
 * the client's first agreement and first payment (if any) in the county. Those with payments first.
 */
function liftChildren(): LiftChild[] {
  const { agreements, payments } = world.sims.county.lift;
  const firstAgreement = new Map<string, AgreementRecord>();
  for (const id of agreements.ids()) {
    const a = agreements.get(id) as AgreementRecord;
    if (!firstAgreement.has(a.clientRef)) firstAgreement.set(a.clientRef, a);
  }
  const firstPayment = new Map<string, PaymentRecord>();
  for (const id of payments.ids()) {
    const p = payments.get(id) as PaymentRecord;
    if (!firstPayment.has(p.clientRef)) firstPayment.set(p.clientRef, p);
  }
  const restricted = (personId: string) =>
    Boolean(
      (world.sims.county.lcs.people.get(personId) as { restriction?: unknown } | undefined)?.restriction,
    );
  const found: LiftChild[] = [];
  for (const child of world.sims.county.groundTruth()) {
    if (child.lift.length !== 1 || child.lcs.length === 0 || child.lcs.some(restricted)) continue;
    const clientRef = child.lift[0]!;
    const agreement = firstAgreement.get(clientRef);
    if (!agreement) continue;
    found.push({
      childId: `lcs:${child.lcs[0]}`,
      clientRef,
      agreement,
      payment: firstPayment.get(clientRef),
    });
  }
  return [...found.filter((c) => c.payment), ...found.filter((c) => !c.payment)];
}

describe('LIFT change notifications', () => {
  it('an agreement notification refreshes that child’s agreements on the next view; without it the cached one stays', async () => {
    const { childId, agreement } = liftChildren()[0]!;
    const providerOf = (finance: FinanceAnswer) =>
      finance.agreements.nodes.find((n) => n.id === agreement.agreementId)?.providerName;

    expect(providerOf(await financeOf(childId))).toBe(agreement.providerName);
    await hub.settled();

    const renamed = `${agreement.providerName} (renamed)`;
    await world.patch('lift', 'agreements', agreement.agreementId, { providerName: renamed });
    // No notification yet: the cache still answers with the old name.
    expect(providerOf(await financeOf(childId))).toBe(agreement.providerName);

    expect(await hub.postEvents({ system: 'lift', resource: 'agreements', id: agreement.agreementId })).toBe(
      202,
    );
    expect(providerOf(await financeOf(childId))).toBe(renamed);
  });

  it('a payment notification refreshes that child’s payments on the next view', async () => {
    const { childId, payment: found } = liftChildren()[1]!;
    expect(found).toBeDefined();
    const payment = found!;
    const amountOf = (finance: FinanceAnswer) =>
      finance.payments.nodes.find((n) => n.id === payment.paymentId)?.amount;

    expect(amountOf(await financeOf(childId))).toBe(payment.amountPence);
    await hub.settled();

    const corrected = payment.amountPence + 1234;
    await world.patch('lift', 'payments', payment.paymentId, { amountPence: corrected });
    expect(amountOf(await financeOf(childId))).toBe(payment.amountPence);

    expect(await hub.postEvents({ system: 'lift', resource: 'payments', id: payment.paymentId })).toBe(202);
    expect(amountOf(await financeOf(childId))).toBe(corrected);
  });

  it('a client notification still drops that client’s agreements and payments', async () => {
    const { childId, clientRef } = liftChildren()[2]!;
    await financeOf(childId);
    await hub.settled();
    await world.resetCalls();
    await financeOf(childId);
    expect((await world.calls()).lift).toBe(0);

    expect(await hub.postEvents({ system: 'lift', resource: 'clients', id: clientRef })).toBe(202);
    await world.resetCalls();
    await financeOf(childId);
    // Agreements (one batch read) and payments (one single read) are fetched again.
    expect((await world.calls()).lift).toBeGreaterThanOrEqual(2);
  });

  it('an agreement or payment LIFT no longer knows is accepted and drops nothing', async () => {
    const { childId } = liftChildren()[3]!;
    await financeOf(childId);
    await hub.settled();

    await world.resetCalls();
    expect(
      await hub.postEvents([
        { system: 'lift', resource: 'agreements', id: 'AG-UNKNOWN-1' },
        { system: 'lift', resource: 'payments', id: 'PAY-UNKNOWN-1' },
      ]),
    ).toBe(202);
    // One lookup per kind, nothing else.
    expect((await world.calls()).lift).toBe(2);

    await world.resetCalls();
    await financeOf(childId);
    expect((await world.calls()).lift).toBe(0);
  });

  it('answers 503 when LIFT cannot say whose agreement it is, and applies the change when sent again', async () => {
    const { childId, agreement } = liftChildren()[4]!;
    const providerOf = (finance: FinanceAnswer) =>
      finance.agreements.nodes.find((n) => n.id === agreement.agreementId)?.providerName;
    await financeOf(childId);
    await hub.settled();

    const renamed = `${agreement.providerName} (moved)`;
    await world.patch('lift', 'agreements', agreement.agreementId, { providerName: renamed });
    const event = { system: 'lift', resource: 'agreements', id: agreement.agreementId };
    await world.faults('lift', { errorRate: 1, status: 503, routes: ['GET /agreements'] });
    try {
      expect(await hub.postEvents(event)).toBe(503);
    } finally {
      await world.faults('lift', null);
    }
    expect(providerOf(await financeOf(childId))).toBe(agreement.providerName);

    expect(await hub.postEvents(event)).toBe(202);
    expect(providerOf(await financeOf(childId))).toBe(renamed);
  });
});
