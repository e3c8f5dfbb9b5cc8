/**
 * LIFT, built eagerly from LCS placements: finance follows social care. One client per child who has
 * been placed; a PLACEMENT agreement per commissioned placement (placements with parents cost
 * nothing), with fostering fees, allowances and transport beside it; monthly payments in pence.
 * Some placements still open have passed their planned end without LIFT recording an end (the
 * agreement stays ACTIVE). Budget lines per service line and cost centre (placement service lines
 * split by placement type) for the current and previous financial years, set near what the lines
 * were expected to cost, with in-year virements between a cost centre's lines.
 */
import { Rng } from './prng.ts';
import { addMonths, dayOf, fromIso, monthOf, toIso, yearOf } from './dates.ts';
import { placementKind, type PlacementKind } from './codes.ts';
import { providerByName } from './providers.ts';
import { recordedIn, trueIdentity, type RecordFlaw } from './identity.ts';
import { SenStatus, type Population } from './population.ts';
import type { LcsPlacementForFinance } from './lcsSystem.ts';
import type {
  LiftAgreementRecord,
  LiftBudgetLineRecord,
  LiftClientRecord,
  LiftPaymentRecord,
  LiftRateRecord,
  LiftSendCostRecord,
} from './records.ts';

export interface LiftSystem {
  clientRefs: string[];
  clients: Map<string, LiftClientRecord>;
  agreementIds: string[];
  agreements: Map<string, LiftAgreementRecord>;
  paymentIds: string[];
  payments: Map<string, LiftPaymentRecord>;
  budgetLineIds: string[];
  budgetLines: Map<string, LiftBudgetLineRecord>;
  sendCostIds: string[];
  sendCosts: Map<string, LiftSendCostRecord>;
  /** Child index -> client refs, the first client first, then any duplicate. */
  clientRefsByChild: Map<number, string[]>;
  /** Client ref -> how its identity departs from the child's (only records with a flaw). */
  flaws: Map<string, RecordFlaw[]>;
}

/**
 * How often a placement with a new provider is keyed against a new client instead of the child's
 * existing one: LIFT's clerks set clients up from each placement's paperwork, and a search by a
 * name spelled another way misses the first. Master person indexes carry duplicate rates of 5-10%
 * (AHIMA, "Building an Enterprise Master Person Index"); set lower here, since LIFT always holds the
 * LCS person id the paperwork came with.
 */
export const LIFT_DUPLICATE_RATE = 0.05;

/** The budget service line a line of service is charged to. */
function serviceLineOf(serviceType: string, kind: PlacementKind, providerType: string): string {
  if (serviceType === 'FOSTERING_FEE') return 'FOSTERING_FEES';
  if (serviceType === 'ALLOWANCE') return 'ALLOWANCES';
  if (serviceType === 'TRANSPORT') return 'TRANSPORT';
  if (serviceType !== 'PLACEMENT') return 'SUPPORT';
  const byKind: Record<PlacementKind, string> = {
    FOSTER: providerType === 'PR1' ? 'FOSTERING_IN_HOUSE' : 'FOSTERING_AGENCY',
    FOSTER_RELATIVE: 'FOSTERING_CONNECTED',
    RESIDENTIAL: 'RESIDENTIAL',
    PARENTS: 'OTHER_PLACEMENTS',
    ADOPTION: 'ADOPTION',
    INDEPENDENT: 'SUPPORTED_ACCOMMODATION',
    SECURE: 'SECURE_WELFARE',
    OTHER: 'OTHER_PLACEMENTS',
  };
  return byKind[kind];
}

const costCentreOf = (teamId: string | null) => (teamId === null ? 'CC-CENTRAL' : `CC-${teamId}`);

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
  pupilOf: (child: number) => { pupilId: string | null; upn: string | null },
): LiftSystem {
  const asOf = pop.asOf;
  const clients = new Map<string, LiftClientRecord>();
  const clientRefsByChild = new Map<number, string[]>();
  const providerOfClient = new Map<string, string>();
  const flaws = new Map<string, RecordFlaw[]>();
  const newClient = (child: number, personId: string): string => {
    const clientRef = `CL${String(clients.size + 1).padStart(6, '0')}`;
    const identity = trueIdentity(seed, pop, child);
    const recorded = recordedIn(seed, 'lift', clientRef, identity);
    const rng = new Rng(seed, 'lift-client', clientRef);
    const dateOfBirth = rng.chance(0.97) ? toIso(recorded.dob) : null;
    const refs = clientRefsByChild.get(child) ?? [];
    const recordFlaws = recorded.flaws.filter((flaw) => dateOfBirth !== null || flaw !== 'DOB_TRANSPOSED');
    if (refs.length > 0) recordFlaws.unshift('DUPLICATE');
    if (recordFlaws.length > 0) flaws.set(clientRef, recordFlaws);
    clients.set(clientRef, {
      clientRef,
      lcsPersonId: personId,
      name: `${recorded.forename} ${recorded.surname}`,
      dateOfBirth,
    });
    clientRefsByChild.set(child, [...refs, clientRef]);
    return clientRef;
  };
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
    const provider = providerByName(placement.providerName)!;
    const refs = clientRefsByChild.get(child);
    let clientRef = refs?.[refs.length - 1];
    // A placement with a new provider is sometimes keyed against a new client: a duplicate.
    if (
      clientRef === undefined ||
      (providerOfClient.get(clientRef) !== provider.providerId && rng.chance(LIFT_DUPLICATE_RATE))
    )
      clientRef = newClient(child, personId);
    providerOfClient.set(clientRef, provider.providerId);
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
    // An eighth of open placements with a planned end have overrun it: still ACTIVE, no end recorded.
    const overrun = end === null && asOf - start > 90 && rng.chance(0.125);
    const plannedEnd = openEnded
      ? null
      : overrun
        ? Math.max(start + 60, asOf - rng.int(1, 200))
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
      const commitmentEnd = plannedEnd === null || plannedEnd < asOf ? financialYearEnd(asOf) : plannedEnd;
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
        serviceLine: serviceLineOf(line.serviceType, kind, provider.providerType),
        costCentre: costCentreOf(teamId),
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
  const sendCosts = buildSendCosts(seed, pop, pupilOf);
  const budgetLines = buildBudgetLines(seed, asOf, [...agreements.values(), ...sendCosts.values()]);
  return {
    budgetLineIds: [...budgetLines.keys()],
    budgetLines,
    sendCostIds: [...sendCosts.keys()],
    sendCosts,
    clientRefs: [...clients.keys()],
    clients,
    agreementIds: [...agreements.keys()],
    agreements,
    paymentIds: [...payments.keys()],
    payments,
    clientRefsByChild,
    flaws,
  };
}

const yearLabel = (startYear: number) => `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;

/**
 * Budget lines for the financial year holding `asOf` and the one before: per service line and cost
 * centre, placement service lines split by placement type. Each is set at 85-108% of what the line's
 * agreements were expected to cost that year (so some lines overspend), rounded to £1,000; a quarter
 * of each cost centre's lines give budget to another of its lines by virement during the year.
 */
/** What a budget line is set from: an agreement or a SEND cost. */
type Costed = Pick<
  LiftAgreementRecord,
  'serviceLine' | 'costCentre' | 'startDate' | 'plannedEndDate' | 'endDate' | 'status' | 'rates'
> & {
  serviceType?: string;
  placementType?: string | null;
  teamId?: string | null;
  fundingStream?: 'GENERAL_FUND' | 'HIGH_NEEDS_BLOCK';
};

function buildBudgetLines(
  seed: string,
  asOf: number,
  agreements: readonly Costed[],
): Map<string, LiftBudgetLineRecord> {
  const lines = new Map<string, LiftBudgetLineRecord>();
  const currentEnd = financialYearEnd(asOf);
  for (const yearEnd of [financialYearEnd(currentEnd - 366), currentEnd]) {
    const yearStart = dayOf(yearOf(yearEnd) - 1, 4, 1);
    const label = yearLabel(yearOf(yearEnd) - 1);
    const expected = new Map<
      string,
      {
        line: Omit<LiftBudgetLineRecord, 'budgetLineId' | 'originalBudgetPence' | 'virements'>;
        pence: number;
      }
    >();
    for (const a of agreements) {
      if (a.status === 'CANCELLED') continue;
      const start = Math.max(fromIso(a.startDate), yearStart);
      const planned = a.plannedEndDate === null ? null : fromIso(a.plannedEndDate);
      const last =
        a.endDate !== null ? fromIso(a.endDate) : planned === null || planned < asOf ? yearEnd : planned;
      const to = Math.min(last, yearEnd);
      if (start > to) continue;
      const placementType = a.serviceType === 'PLACEMENT' ? (a.placementType ?? null) : null;
      const key = `${a.serviceLine}|${a.costCentre}|${placementType ?? ''}`;
      let entry = expected.get(key);
      if (!entry) {
        entry = {
          line: {
            financialYear: label,
            serviceLine: a.serviceLine,
            costCentre: a.costCentre,
            teamId: a.teamId ?? null,
            placementType,
            fundingStream: a.fundingStream ?? 'GENERAL_FUND',
          },
          pence: 0,
        };
        expected.set(key, entry);
      }
      entry.pence += costOfDays(a.rates, start, to);
    }
    const keys = [...expected.keys()].sort();
    const created: LiftBudgetLineRecord[] = [];
    for (const key of keys) {
      const { line, pence } = expected.get(key)!;
      const rng = new Rng(seed, 'lift-budget', label, key);
      const budgetLineId = `BL${label.slice(2, 4)}${String(created.length + 1).padStart(5, '0')}`;
      const record: LiftBudgetLineRecord = {
        budgetLineId,
        ...line,
        originalBudgetPence: Math.max(1, Math.round((pence * rng.int(85, 108)) / 100 / 100_000)) * 100_000,
        virements: [],
      };
      created.push(record);
    }
    // Virements: within one cost centre, from a line to the next one, summing to zero.
    let virementSeq = 0;
    for (let i = 0; i + 1 < created.length; i++) {
      const from = created[i]!;
      const to = created[i + 1]!;
      if (from.costCentre !== to.costCentre) continue;
      const rng = new Rng(seed, 'lift-virement', from.budgetLineId);
      if (!rng.chance(0.25)) continue;
      const amount =
        Math.max(1, Math.round((from.originalBudgetPence * rng.int(3, 12)) / 100 / 100_000)) * 100_000;
      const effectiveDate = toIso(yearStart + rng.int(30, 330));
      const virementId = `VR${label.slice(2, 4)}${String(++virementSeq).padStart(5, '0')}`;
      from.virements.push({
        virementId,
        effectiveDate,
        amountPence: -amount,
        reason: `To ${to.budgetLineId}`,
      });
      to.virements.push({
        virementId,
        effectiveDate,
        amountPence: amount,
        reason: `From ${from.budgetLineId}`,
      });
    }
    for (const record of created) lines.set(record.budgetLineId, record);
  }
  return lines;
}

/** SEND cost types: funding stream, weekly or daily, the range of the opening rate (pence), and how often. */
const SEND_COSTS = [
  { costType: 'TOP_UP', stream: 'HIGH_NEEDS_BLOCK', unit: 'WEEKLY', min: 8_000, max: 40_000, chance: 0.7 },
  {
    costType: 'INDEPENDENT_SPECIAL_SCHOOL',
    stream: 'HIGH_NEEDS_BLOCK',
    unit: 'WEEKLY',
    min: 100_000,
    max: 250_000,
    chance: 0.07,
  },
  {
    costType: 'NON_MAINTAINED_SPECIAL_SCHOOL',
    stream: 'HIGH_NEEDS_BLOCK',
    unit: 'WEEKLY',
    min: 80_000,
    max: 180_000,
    chance: 0.03,
  },
  {
    costType: 'PERSONAL_BUDGET',
    stream: 'HIGH_NEEDS_BLOCK',
    unit: 'WEEKLY',
    min: 5_000,
    max: 30_000,
    chance: 0.06,
  },
  { costType: 'SEN_TRANSPORT', stream: 'GENERAL_FUND', unit: 'DAILY', min: 2_500, max: 9_000, chance: 0.25 },
] as const;

const SEND_PROVIDERS: Record<string, string> = {
  TOP_UP: 'Maintained school (top-up)',
  INDEPENDENT_SPECIAL_SCHOOL: 'Independent special school',
  NON_MAINTAINED_SPECIAL_SCHOOL: 'Non-maintained special school',
  PERSONAL_BUDGET: 'Personal budget (direct payment)',
  SEN_TRANSPORT: 'SEN transport contractor',
};

/**
 * LIFT phase two: SEND costs for each pupil with an active EHC plan, keyed by EYES pupil id.
 * Each cost runs from a start in the last three years; a tenth have ended; a few rates rose.
 */
function buildSendCosts(
  seed: string,
  pop: Population,
  pupilOf: (child: number) => { pupilId: string | null; upn: string | null },
): Map<string, LiftSendCostRecord> {
  const asOf = pop.asOf;
  const costs = new Map<string, LiftSendCostRecord>();
  for (let child = 0; child < pop.size; child++) {
    if (pop.senStatus[child] !== SenStatus.EHCP_ACTIVE) continue;
    const { pupilId, upn } = pupilOf(child);
    if (pupilId === null) continue;
    const rng = new Rng(seed, 'lift-send', pupilId);
    for (const kind of SEND_COSTS) {
      if (!rng.chance(kind.chance)) continue;
      const start = asOf - rng.int(20, 1100);
      const ended = rng.chance(0.1) ? Math.min(asOf - 1, start + rng.int(30, 400)) : null;
      // Costs are planned to the end of an academic year (31 July); some have run on past it.
      const july = dayOf(yearOf(start) + rng.int(1, 3), 7, 31);
      const amount = rng.int(kind.min / 100, kind.max / 100) * 100;
      const rates: LiftRateRecord[] = [
        {
          effectiveFrom: toIso(start),
          amountPence: amount,
          unit: kind.unit,
          recordedAt: toIso(start + rng.int(0, 20)),
        },
      ];
      if ((ended ?? asOf) - start > 200 && rng.chance(0.3)) {
        const change = start + rng.int(100, (ended ?? asOf) - start - 20);
        rates.push({
          effectiveFrom: toIso(change),
          amountPence: Math.round((amount * (102 + rng.int(0, 6))) / 100),
          unit: kind.unit,
          recordedAt: toIso(Math.min(asOf, change + rng.int(-10, 60))),
        });
      }
      const sendCostId = `SC${String(costs.size + 1).padStart(7, '0')}`;
      costs.set(sendCostId, {
        sendCostId,
        pupilId,
        upn,
        costType: kind.costType,
        fundingStream: kind.stream,
        providerName: SEND_PROVIDERS[kind.costType]!,
        serviceLine: kind.costType,
        costCentre: kind.stream === 'HIGH_NEEDS_BLOCK' ? 'CC-HIGH-NEEDS' : 'CC-SEN-TRANSPORT',
        startDate: toIso(start),
        plannedEndDate: rng.chance(0.3) ? null : toIso(july),
        endDate: ended === null ? null : toIso(ended),
        status: ended === null ? 'ACTIVE' : 'ENDED',
        rates,
      });
    }
  }
  return costs;
}
