/**
 * Caseload summaries for a worker or a team, as pure functions of the open involvements and the
 * social care records of the children on the caseload. Every figure counts CHILDREN (a manager's
 * question is "which of my children"), each child once however many plans or involvements they have.
 *
 * LCS offers no list of visits or looked-after reviews across children, so these are read from each
 * child's social care record: one cached read per child on the caseload, shared by every figure
 * here and by the rest of the hub, never one per child per figure.
 */
import { addDays, type TimescaleRules } from '../domain/index.ts';
import type { LcsInvolvement, LcsSocialCareRecord, LcsVisit } from '../../connectors/lcs/types.ts';

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

/** An involvement is open at `asOf` when it has started and has not ended before that day. */
export const isOpenOn = (involvement: LcsInvolvement, asOf: string): boolean =>
  involvement.startDate <= asOf && (involvement.endDate === null || involvement.endDate >= asOf);

const openOn = (start: string, end: string | null, asOf: string) =>
  start <= asOf && (end === null || end > asOf);

const seenVisitDates = (visits: readonly LcsVisit[], kind: LcsVisit['kind']) =>
  visits.filter((v) => v.kind === kind && v.seen).map((v) => v.visitDate);

interface ChildFlags {
  visitDue: boolean;
  visitOverdue: boolean;
  assessmentOverdue: boolean;
  icpcOverdue: boolean;
  cpReviewOverdue: boolean;
  claReviewOverdue: boolean;
}

/** What is due or overdue for one child at `asOf`. */
export function judgeChild(
  record: LcsSocialCareRecord,
  { rules, asOf, dueWithinDays }: CaseloadOptions,
): ChildFlags {
  const dueBy = addDays(asOf, dueWithinDays);
  const visitChains = [
    ...record.cpPlans
      .filter((p) => openOn(p.startDate, p.endDate, asOf))
      .map((p) =>
        rules.childProtectionVisits(
          { startDate: p.startDate, endDate: p.endDate, eventDates: seenVisitDates(record.visits, 'CP') },
          asOf,
        ),
      ),
    ...record.cinPlans
      .filter((p) => openOn(p.startDate, p.endDate, asOf))
      .map((p) =>
        rules.childInNeedVisits(
          { startDate: p.startDate, endDate: p.endDate, eventDates: seenVisitDates(record.visits, 'CIN') },
          asOf,
        ),
      ),
    ...record.placements
      .filter((p) => openOn(p.startDate, p.endDate, asOf))
      .map((p) =>
        rules.lookedAfterVisits(
          { startDate: p.startDate, endDate: p.endDate, eventDates: seenVisitDates(record.visits, 'CLA') },
          asOf,
        ),
      ),
  ];
  const visitOverdue = visitChains.some((chain) => chain.overdue);
  const visitDue =
    !visitOverdue && visitChains.some((chain) => chain.nextDueDate !== null && chain.nextDueDate <= dueBy);

  const assessmentOverdue = record.assessments.some(
    (a) => a.startDate <= asOf && rules.childAndFamilyAssessment(a, asOf).status === 'OVERDUE',
  );
  const icpcOverdue = record.s47Enquiries.some(
    (s) =>
      s.icpc !== null &&
      s.strategyDiscussionDate <= asOf &&
      rules.initialChildProtectionConference(
        { strategyDiscussionDate: s.strategyDiscussionDate, conferenceDate: s.icpc.conferenceDate },
        asOf,
      ).status === 'OVERDUE',
  );
  const cpReviewOverdue = record.cpPlans
    .filter((p) => openOn(p.startDate, p.endDate, asOf))
    .some(
      (p) =>
        rules.childProtectionReviews(
          {
            startDate: p.startDate,
            endDate: p.endDate,
            eventDates: p.reviews.flatMap((r) => (r.reviewDate ? [r.reviewDate] : [])),
          },
          asOf,
        ).overdue,
    );
  const reviewDates = record.claReviews.flatMap((r) => (r.reviewDate ? [r.reviewDate] : []));
  const claReviewOverdue = record.claEpisodes
    .filter((e) => openOn(e.startDate, e.ceasedDate, asOf))
    .some(
      (e) =>
        rules.lookedAfterReviews(
          { startDate: e.enteredCareDate, endDate: e.ceasedDate, eventDates: reviewDates },
          asOf,
        ).overdue,
    );

  return { visitDue, visitOverdue, assessmentOverdue, icpcOverdue, cpReviewOverdue, claReviewOverdue };
}

/**
 * Summarise a caseload: `involvements` are the open involvements to count (already limited to the
 * children the viewer may see); `records` maps LCS person id to the child's social care record
 * (a child without one is counted in the statuses but has nothing due).
 */
export function summariseCaseload(
  involvements: readonly LcsInvolvement[],
  records: ReadonlyMap<string, LcsSocialCareRecord>,
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
