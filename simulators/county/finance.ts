/**
 * LIFT, built eagerly from LCS placements: finance follows social care. One client per child who has
 * been placed; a PLACEMENT agreement per commissioned placement (placements with parents cost
 * nothing), with fostering fees, allowances and transport beside it; monthly payments in pence.
 */
import { Rng } from './prng.ts';
import { addMonths, dayOf, fromIso, monthOf, toIso, yearOf } from './dates.ts';
import { placementKind, type PlacementKind } from './codes.ts';
import { providerByName } from './providers.ts';
import { recordIdentity, trueIdentity } from './identity.ts';
import type { Population } from './population.ts';
import type { LcsPlacementForFinance } from './lcsSystem.ts';
import type { LiftAgreementRecord, LiftClientRecord, LiftPaymentRecord, LiftRateRecord } from './records.ts';

export interface LiftSystem {
  clientRefs: string[];
  clients: Map<string, LiftClientRecord>;
  agreementIds: string[];
  agreements: Map<string, LiftAgreementRecord>;
  paymentIds: string[];
  payments: Map<string, LiftPaymentRecord>;
  clientRefByChild: Map<number, string>;
}

/** Payment history LIFT keeps online: three years. */
const PAYMENT_HISTORY_MONTHS = 36;

/** Opening rates in pence, and their unit, per kind of placement. */
const PLACEMENT_RATES: Record<PlacementKind, { unit: 'WEEKLY' | 'DAILY'; min: number; max: number }> = {
  FOSTER: { unit: 'WEEKLY', min: 40_000, max: 110_000 },
  FOSTER_RELATIVE: { unit: 'WEEKLY', min: 25_000, max: 40_000 },
  RESIDENTIAL: { unit: 'DAILY', min: 70_000, max: 150_000 },
  PARENTS: { unit: 'WEEKLY', min: 0, max: 0 },
  ADOPTION: { unit: 'WEEKLY', min: 15_000, max: 25_000 },
  INDEPENDENT: { unit: 'WEEKLY', min: 80_000, max: 250_000 },
  SECURE: { unit: 'DAILY', min: 120_000, max: 200_000 },
  OTHER: { unit: 'WEEKLY', min: 200_000, max: 400_000 },
};

/** Cost of days [from, to] inclusive, in pence, at the rates in force each day. */
export function costOfDays(rates: readonly LiftRateRecord[], from: number, to: number): number {
  const starts = rates.map((rate) => fromIso(rate.effectiveFrom));
  let pence = 0;
  for (let day = from; day <= to; day++) {
    let current = rates[0]!;
    for (let n = 0; n < rates.length; n++) if (starts[n]! <= day) current = rates[n]!;
    pence += current.unit === 'DAILY' ? current.amountPence : current.amountPence / 7;
  }
  return Math.round(pence);
}

/** End of the financial year (31 March) on or after `day`. */
function financialYearEnd(day: number): number {
  const march = dayOf(yearOf(day), 3, 31);
  return day <= march ? march : dayOf(yearOf(day) + 1, 3, 31);
}

export function buildLift(
  seed: string,
  pop: Population,
  placements: readonly LcsPlacementForFinance[],
): LiftSystem {
  const asOf = pop.asOf;
  const clients = new Map<string, LiftClientRecord>();
  const clientRefByChild = new Map<number, string>();
  const agreements = new Map<string, LiftAgreementRecord>();
  const payments = new Map<string, LiftPaymentRecord>();
  const historyStart = addMonths(dayOf(yearOf(asOf), monthOf(asOf), 1), -PAYMENT_HISTORY_MONTHS);
  let agreementSeq = 0;
  let paymentSeq = 0;

  const ordered = [...placements].sort((a, b) =>
    a.placement.startDate < b.placement.startDate
      ? -1
      : a.placement.startDate > b.placement.startDate
        ? 1
        : 0,
  );
  for (const { child, personId, placement, teamId } of ordered) {
    const kind = placementKind(placement.placementType);
    if (kind === 'PARENTS') continue;
    const rng = new Rng(seed, 'lift', placement.placementId);
    let clientRef = clientRefByChild.get(child);
    if (clientRef === undefined) {
      clientRef = `CL${String(clients.size + 1).padStart(6, '0')}`;
      const identity = trueIdentity(seed, pop, child);
      const recorded = recordIdentity(
        identity,
        { nicknameRate: 0.05, typoRate: 0.01, transposeRate: 0 },
        rng,
      );
      clients.set(clientRef, {
        clientRef,
        lcsPersonId: personId,
        name: `${recorded.forename} ${recorded.surname}`,
        dateOfBirth: rng.chance(0.97) ? toIso(identity.dob) : null,
      });
      clientRefByChild.set(child, clientRef);
    }
    const provider = providerByName(placement.providerName)!;
    const start = fromIso(placement.startDate);
    const end = placement.endDate === null ? null : fromIso(placement.endDate);

    const lines: { serviceType: string; unit: 'WEEKLY' | 'DAILY'; amount: number }[] = [];
    const main = PLACEMENT_RATES[kind];
    lines.push({
      serviceType: 'PLACEMENT',
      unit: main.unit,
      amount: rng.int(main.min / 100, main.max / 100) * 100,
    });
    if (kind === 'FOSTER' && provider.providerType === 'PR1')
      lines.push({ serviceType: 'FOSTERING_FEE', unit: 'WEEKLY', amount: rng.int(100, 250) * 100 });
    if ((kind === 'FOSTER' || kind === 'FOSTER_RELATIVE') && rng.chance(0.5))
      lines.push({ serviceType: 'ALLOWANCE', unit: 'WEEKLY', amount: rng.int(15, 40) * 100 });
    if (provider.outOfArea && rng.chance(0.4))
      lines.push({ serviceType: 'TRANSPORT', unit: 'DAILY', amount: rng.int(30, 90) * 100 });

    const openEnded = rng.chance(0.5);
    const plannedEnd = openEnded
      ? null
      : Math.max(start + rng.int(180, 720), end === null ? asOf + rng.int(30, 365) : start + 30);
    for (const line of lines) {
      const agreementId = `AG${String(++agreementSeq).padStart(7, '0')}`;
      // Agreements are often keyed after the placement began (backdated); a quarter see a rate change.
      const recordedAt = Math.min(asOf, start + (rng.chance(0.3) ? rng.int(7, 60) : rng.int(0, 3)));
      const rates: LiftRateRecord[] = [
        {
          effectiveFrom: toIso(start),
          amountPence: line.amount,
          unit: line.unit,
          recordedAt: toIso(recordedAt),
        },
      ];
      const last = end ?? asOf;
      if (last - start > 120 && rng.chance(0.25)) {
        const changeDay = start + rng.int(60, last - start - 30);
        const backdated = rng.chance(0.4);
        rates.push({
          effectiveFrom: toIso(changeDay),
          amountPence: Math.round((line.amount * (102 + rng.int(0, 8))) / 100),
          unit: line.unit,
          recordedAt: toIso(
            Math.min(asOf, backdated ? changeDay + rng.int(14, 90) : changeDay - rng.int(0, 14)),
          ),
        });
      }
      const commitmentEnd = plannedEnd ?? financialYearEnd(asOf);
      const commitment =
        end === null && commitmentEnd > asOf ? costOfDays(rates, asOf + 1, commitmentEnd) : 0;
      agreements.set(agreementId, {
        agreementId,
        clientRef,
        lcsPersonId: personId,
        lcsPlacementId: placement.placementId,
        serviceType: line.serviceType,
        placementType: placement.placementType,
        providerId: provider.providerId,
        providerName: provider.name,
        providerType: provider.providerType,
        teamId,
        startDate: toIso(start),
        plannedEndDate: plannedEnd === null ? null : toIso(plannedEnd),
        endDate: end === null ? null : toIso(end),
        status: end === null ? 'ACTIVE' : 'ENDED',
        rates,
        commitmentPence: commitment,
      });

      // Monthly payments in arrears, for the months LIFT still holds.
      let month = dayOf(yearOf(start), monthOf(start), 1);
      while (month <= last) {
        const monthEnd = addMonths(month, 1) - 1;
        const periodStart = Math.max(month, start);
        const periodEnd = Math.min(monthEnd, last);
        const paidOn = monthEnd + rng.int(5, 20);
        if (month >= historyStart && paidOn <= asOf && periodEnd === Math.min(monthEnd, end ?? monthEnd)) {
          const paymentId = `PM${String(++paymentSeq).padStart(8, '0')}`;
          payments.set(paymentId, {
            paymentId,
            agreementId,
            clientRef,
            periodStart: toIso(periodStart),
            periodEnd: toIso(periodEnd),
            paidOn: toIso(paidOn),
            amountPence: costOfDays(rates, periodStart, periodEnd),
            invoiceRef:
              provider.providerType === 'PR4' || provider.providerType === 'PR5'
                ? `INV-${provider.providerId}-${toIso(month).slice(0, 7)}-${paymentSeq}`
                : null,
          });
        }
        month = addMonths(month, 1);
      }
    }
  }
  return {
    clientRefs: [...clients.keys()],
    clients,
    agreementIds: [...agreements.keys()],
    agreements,
    paymentIds: [...payments.keys()],
    payments,
    clientRefByChild,
  };
}
