/**
 * Caseload summaries for a worker or a team, as pure functions of the open involvements and the
 * social care records of the children on the caseload. Every figure counts CHILDREN (a manager's
 * question is "which of my children"), each child once however many plans or involvements they have.
 *
 * LCS offers no list of visits or looked-after reviews across children, so these are read from each
 * child's social care record: one cached read per child on the caseload, shared by every figure
 * here and by the rest of the hub, never one per child per figure.
 */
import {
  addDays,
  type AssessmentRecord,
  type RecurringTimescale,
  type TimescaleRules,
} from '../rules/index.ts';
import { openOn } from './periods.ts';

/**
 * What the caseload figures read of one involvement: a worker's allocation to a child. Declared
 * here, by what it is used for; the LCS connector's involvements have this shape.
 */
export interface CaseloadInvolvement {
  readonly personId: string;
  readonly workerId: string;
  readonly caseStatus: string;
  readonly startDate: string;
  readonly endDate: string | null;
}

interface Span {
  readonly startDate: string;
  readonly endDate: string | null;
}

/** A statutory visit: only those where the child was seen count. */
export interface CaseloadVisit {
  readonly kind: string;
  readonly seen: boolean;
  readonly visitDate: string;
}

/**
 * What the caseload figures read of one child's social care record (the LCS connector's social
 * care records have this shape): plans, placements and episodes with their reviews and visits.
 */
export interface CaseloadRecord {
  readonly cpPlans: readonly (Span & {
    readonly reviews: readonly { readonly reviewDate: string | null }[];
  })[];
  readonly cinPlans: readonly Span[];
  readonly placements: readonly Span[];
  readonly claEpisodes: readonly {
    readonly startDate: string;
    /** Reviews run from when the child entered care (the period of care), not from this episode. */
    readonly enteredCareDate: string;
    readonly ceasedDate: string | null;
  }[];
  readonly claReviews: readonly { readonly reviewDate: string | null }[];
  readonly visits: readonly CaseloadVisit[];
  readonly assessments: readonly AssessmentRecord[];
  readonly s47Enquiries: readonly {
    readonly strategyDiscussionDate: string;
    readonly icpc: { readonly conferenceDate: string | null } | null;
  }[];
}

export const CASE_STATUSES = ['CIN', 'CP', 'CLA', 'EARLY_HELP', 'CARE_LEAVER'] as const;

export interface CaseloadSummary {
  readonly asOf: string;
  /** Distinct children with an open involvement. */
  readonly children: number;
  /** Distinct children per case status of their open involvements (every status listed). */
  readonly openByStatus: { readonly status: string; readonly children: number }[];
  /** Children with a statutory visit (CP, CIN or CLA) not yet overdue but due within `dueWithinDays`. */
  readonly visitsDue: number;
  /** Children with a statutory visit past its due date. */
  readonly visitsOverdue: number;
  /** Children with a child and family assessment open past 45 working days. */
  readonly assessmentsOverdue: number;
  /** Children whose initial child protection conference is not held and past 15 working days. */
  readonly icpcsOverdue: number;
  /** Children on a CP plan whose review conference is overdue. */
  readonly cpReviewsOverdue: number;
  /** Looked-after children whose CLA review is overdue. */
  readonly claReviewsOverdue: number;
}

export interface CaseloadOptions {
  readonly rules: TimescaleRules;
  readonly asOf: string;
  /** A visit due on or before asOf + this many calendar days counts as due. */
  readonly dueWithinDays: number;
}

/** An involvement is open at `asOf` when it has started and has not ended on or before that day. */
export const isOpenOn = (involvement: CaseloadInvolvement, asOf: string): boolean =>
  openOn(involvement.startDate, involvement.endDate, asOf);

const seenVisitDates = (visits: readonly CaseloadVisit[], kind: 'CP' | 'CIN' | 'CLA') =>
  visits.filter((v) => v.kind === kind && v.seen).map((v) => v.visitDate);

/** What a statutory requirement is. */
export const STATUTORY_ITEMS = [
  'CP_VISIT',
  'CIN_VISIT',
  'CLA_VISIT',
  'CP_REVIEW',
  'CLA_REVIEW',
  'ASSESSMENT',
  'ICPC',
] as const;
export type StatutoryItem = (typeof STATUTORY_ITEMS)[number];

/** One requirement past its due date at asOf. */
export interface OverdueItem {
  readonly item: StatutoryItem;
  /** The last permitted day; overdue since the day after. */
  readonly dueDate: string;
  /** Working days from the due date to asOf. */
  readonly workingDaysLate: number;
}

/** What is next due and what is overdue for one child at asOf. */
export interface StatutoryPosition {
  readonly asOf: string;
  /** The earliest next statutory visit (CP, CIN or CLA) due; null when none is running. */
  readonly nextVisitDue: string | null;
  readonly nextCpReviewDue: string | null;
  readonly nextClaReviewDue: string | null;
  /** The earliest due date of an assessment still open. */
  readonly assessmentDue: string | null;
  /** The earliest due date of an ICPC not yet held. */
  readonly icpcDue: string | null;
  /** Every requirement past due, most working days late first. */
  readonly overdue: OverdueItem[];
}

const earliest = (dates: Iterable<string | null>): string | null => {
  let first: string | null = null;
  for (const date of dates) if (date !== null && (first === null || date < first)) first = date;
  return first;
};

/**
 * Positions already worked out, by rules, record and asOf. Records are never changed once read
 * (the cache hands them out shared), so a record judged twice (a team's summary and each worker's
 * row in one report, or the next asking of a record still cached) is judged once.
 */
const positions = new WeakMap<TimescaleRules, WeakMap<CaseloadRecord, Map<string, StatutoryPosition>>>();

/** A child's statutory position at `asOf`, from their social care record. */
export function statutoryPosition(
  record: CaseloadRecord,
  options: Pick<CaseloadOptions, 'rules' | 'asOf'>,
): StatutoryPosition {
  let byRecord = positions.get(options.rules);
  if (!byRecord) positions.set(options.rules, (byRecord = new WeakMap()));
  let byDay = byRecord.get(record);
  if (!byDay) byRecord.set(record, (byDay = new Map()));
  let position = byDay.get(options.asOf);
  if (!position) byDay.set(options.asOf, (position = judgePosition(record, options)));
  return position;
}

function judgePosition(
  record: CaseloadRecord,
  { rules, asOf }: Pick<CaseloadOptions, 'rules' | 'asOf'>,
): StatutoryPosition {
  const overdue: OverdueItem[] = [];
  const chains: { item: StatutoryItem; chain: RecurringTimescale }[] = [];
  const open = <T extends { startDate: string }>(list: readonly T[], end: (x: T) => string | null) =>
    list.filter((x) => openOn(x.startDate, end(x), asOf));
  for (const p of open(record.cpPlans, (p) => p.endDate)) {
    chains.push({
      item: 'CP_VISIT',
      chain: rules.childProtectionVisits(
        { startDate: p.startDate, endDate: p.endDate, eventDates: seenVisitDates(record.visits, 'CP') },
        asOf,
      ),
    });
    chains.push({
      item: 'CP_REVIEW',
      chain: rules.childProtectionReviews(
        {
          startDate: p.startDate,
          endDate: p.endDate,
          eventDates: p.reviews.flatMap((r) => (r.reviewDate ? [r.reviewDate] : [])),
        },
        asOf,
      ),
    });
  }
  for (const p of open(record.cinPlans, (p) => p.endDate)) {
    chains.push({
      item: 'CIN_VISIT',
      chain: rules.childInNeedVisits(
        { startDate: p.startDate, endDate: p.endDate, eventDates: seenVisitDates(record.visits, 'CIN') },
        asOf,
      ),
    });
  }
  for (const p of open(record.placements, (p) => p.endDate)) {
    chains.push({
      item: 'CLA_VISIT',
      chain: rules.lookedAfterVisits(
        { startDate: p.startDate, endDate: p.endDate, eventDates: seenVisitDates(record.visits, 'CLA') },
        asOf,
      ),
    });
  }
  const reviewDates = record.claReviews.flatMap((r) => (r.reviewDate ? [r.reviewDate] : []));
  for (const e of open(record.claEpisodes, (e) => e.ceasedDate)) {
    chains.push({
      item: 'CLA_REVIEW',
      chain: rules.lookedAfterReviews(
        { startDate: e.enteredCareDate, endDate: e.ceasedDate, eventDates: reviewDates },
        asOf,
      ),
    });
  }
  for (const { item, chain } of chains) {
    if (chain.overdue && chain.nextDueDate !== null)
      overdue.push({ item, dueDate: chain.nextDueDate, workingDaysLate: chain.daysOverdue ?? 0 });
  }
  const assessments = record.assessments
    .filter((a) => a.startDate <= asOf)
    .map((a) => rules.childAndFamilyAssessment(a, asOf))
    .filter((r) => r.completedDate === null);
  for (const r of assessments) {
    if (r.status === 'OVERDUE')
      overdue.push({ item: 'ASSESSMENT', dueDate: r.dueDate, workingDaysLate: r.daysLate ?? 0 });
  }
  const icpcs = record.s47Enquiries
    .filter((s) => s.icpc !== null && s.strategyDiscussionDate <= asOf)
    .map((s) =>
      rules.initialChildProtectionConference(
        { strategyDiscussionDate: s.strategyDiscussionDate, conferenceDate: s.icpc!.conferenceDate },
        asOf,
      ),
    )
    .filter((r) => r.completedDate === null);
  for (const r of icpcs) {
    if (r.status === 'OVERDUE')
      overdue.push({ item: 'ICPC', dueDate: r.dueDate, workingDaysLate: r.daysLate ?? 0 });
  }
  overdue.sort(
    (a, b) =>
      b.workingDaysLate - a.workingDaysLate ||
      (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0) ||
      STATUTORY_ITEMS.indexOf(a.item) - STATUTORY_ITEMS.indexOf(b.item),
  );
  const next = (kinds: readonly StatutoryItem[]) =>
    earliest(chains.filter((c) => kinds.includes(c.item)).map((c) => c.chain.nextDueDate));
  return {
    asOf,
    nextVisitDue: next(['CP_VISIT', 'CIN_VISIT', 'CLA_VISIT']),
    nextCpReviewDue: next(['CP_REVIEW']),
    nextClaReviewDue: next(['CLA_REVIEW']),
    assessmentDue: earliest(assessments.map((r) => r.dueDate)),
    icpcDue: earliest(icpcs.map((r) => r.dueDate)),
    overdue,
  };
}

interface ChildFlags {
  visitDue: boolean;
  visitOverdue: boolean;
  assessmentOverdue: boolean;
  icpcOverdue: boolean;
  cpReviewOverdue: boolean;
  claReviewOverdue: boolean;
}

const VISITS: readonly StatutoryItem[] = ['CP_VISIT', 'CIN_VISIT', 'CLA_VISIT'];

/** What is due or overdue for one child at `asOf`. */
export function judgeChild(record: CaseloadRecord, options: CaseloadOptions): ChildFlags {
  const position = statutoryPosition(record, options);
  const has = (items: readonly StatutoryItem[]) => position.overdue.some((o) => items.includes(o.item));
  const visitOverdue = has(VISITS);
  const dueBy = addDays(options.asOf, options.dueWithinDays);
  return {
    visitOverdue,
    visitDue: !visitOverdue && position.nextVisitDue !== null && position.nextVisitDue <= dueBy,
    assessmentOverdue: has(['ASSESSMENT']),
    icpcOverdue: has(['ICPC']),
    cpReviewOverdue: has(['CP_REVIEW']),
    claReviewOverdue: has(['CLA_REVIEW']),
  };
}

/** A child on a caseload with something overdue. */
export interface OverdueChild {
  readonly personId: string;
  /** The workers holding the child's open involvements in this caseload. */
  readonly workerIds: string[];
  readonly overdue: OverdueItem[];
  /** The largest working days late among `overdue`: the urgency order. */
  readonly mostWorkingDaysLate: number;
}

/**
 * The children of a caseload with anything overdue at asOf, most urgent first: most working days
 * late, then the oldest due date, then the person id (a stable order for paging).
 */
export function overdueChildren(
  involvements: readonly CaseloadInvolvement[],
  records: ReadonlyMap<string, CaseloadRecord>,
  options: Pick<CaseloadOptions, 'rules' | 'asOf'>,
): OverdueChild[] {
  const workers = new Map<string, Set<string>>();
  for (const i of involvements) {
    if (!isOpenOn(i, options.asOf)) continue;
    let set = workers.get(i.personId);
    if (!set) workers.set(i.personId, (set = new Set()));
    set.add(i.workerId);
  }
  const children: OverdueChild[] = [];
  for (const [personId, workerIds] of workers) {
    const record = records.get(personId);
    if (!record) continue;
    const { overdue } = statutoryPosition(record, options);
    if (overdue.length === 0) continue;
    children.push({
      personId,
      workerIds: [...workerIds].sort(),
      overdue,
      mostWorkingDaysLate: overdue[0]!.workingDaysLate,
    });
  }
  const oldestDue = (c: OverdueChild) => earliest(c.overdue.map((o) => o.dueDate))!;
  return children.sort(
    (a, b) =>
      b.mostWorkingDaysLate - a.mostWorkingDaysLate ||
      (oldestDue(a) < oldestDue(b) ? -1 : oldestDue(a) > oldestDue(b) ? 1 : 0) ||
      (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0),
  );
}

/**
 * Summarise a caseload: `involvements` are the open involvements to count (already limited to the
 * children the viewer may see); `records` maps LCS person id to the child's social care record
 * (a child without one is counted in the statuses but has nothing due).
 */
export function summariseCaseload(
  involvements: readonly CaseloadInvolvement[],
  records: ReadonlyMap<string, CaseloadRecord>,
  options: CaseloadOptions,
): CaseloadSummary {
  const open = involvements.filter((i) => isOpenOn(i, options.asOf));
  const byStatus = new Map<string, Set<string>>(CASE_STATUSES.map((status) => [status, new Set()]));
  for (const involvement of open) {
    let children = byStatus.get(involvement.caseStatus);
    if (!children) byStatus.set(involvement.caseStatus, (children = new Set()));
    children.add(involvement.personId);
  }
  const people = [...new Set(open.map((i) => i.personId))];
  const counts = {
    visitsDue: 0,
    visitsOverdue: 0,
    assessmentsOverdue: 0,
    icpcsOverdue: 0,
    cpReviewsOverdue: 0,
    claReviewsOverdue: 0,
  };
  for (const personId of people) {
    const record = records.get(personId);
    if (!record) continue;
    const flags = judgeChild(record, options);
    counts.visitsDue += Number(flags.visitDue);
    counts.visitsOverdue += Number(flags.visitOverdue);
    counts.assessmentsOverdue += Number(flags.assessmentOverdue);
    counts.icpcsOverdue += Number(flags.icpcOverdue);
    counts.cpReviewsOverdue += Number(flags.cpReviewOverdue);
    counts.claReviewsOverdue += Number(flags.claReviewOverdue);
  }
  return {
    asOf: options.asOf,
    children: people.length,
    openByStatus: [...byStatus].map(([status, children]) => ({ status, children: children.size })),
    ...counts,
  };
}
