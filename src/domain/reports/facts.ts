/**
 * The few fields each report needs from a system's list record ("facts"). Lists are read once
 * and cached in this compact shape, so a county's year of contacts is a few hundred kilobytes in
 * the shared cache rather than tens of megabytes. Mapping is pure and takes the domain's models
 * (src/domain/models). The report lists (connectors/reportLists.ts) hand over a system's records
 * as they come while those hold the model's fields (the compiler checks it there), so no list
 * builds a model per record only to drop it; a drifted wire is mapped there first.
 */
import type { FrontDoorContact } from '../models/frontDoor.ts';
import type {
  Assessment,
  ClaEpisode,
  CpPlan,
  Placement,
  Referral,
  S47Enquiry,
} from '../models/socialCare.ts';
import type { EhcpRequest } from '../models/education.ts';
import type { SendCost, ServiceAgreement } from '../models/finance.ts';
import { londonDateOf, type CostedAgreement, type EhcpRequestRecord } from '../rules/index.ts';

export interface ReferralFact {
  readonly referralId: string;
  readonly personId: string;
  readonly referralDate: string;
  readonly teamId: string | null;
}

export interface AssessmentFact {
  readonly personId: string;
  readonly referralId: string;
  readonly startDate: string;
  readonly authorisationDate: string | null;
  readonly teamId: string | null;
}

/** An s47 enquiry that led to (or awaits) an initial child protection conference. */
export interface IcpcFact {
  readonly personId: string;
  readonly referralId: string;
  readonly strategyDiscussionDate: string;
  readonly conferenceDate: string | null;
  /** A conference for a child moving in on another council's plan: reported apart (CIN census). */
  readonly transferIn: boolean;
}

/** A child protection plan as the monthly series and CP measures read it. */
export interface CpPlanFact {
  readonly personId: string;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly initialCategory: string;
  readonly latestCategory: string;
  /** Dates review conferences were held. */
  readonly reviewDates: string[];
}

/** A looked-after episode as the monthly series and stability measures read it. */
export interface ClaEpisodeFact {
  readonly personId: string;
  readonly startDate: string;
  readonly ceasedDate: string | null;
  /** The start of the period of care this episode belongs to. */
  readonly enteredCareDate: string;
}

/** A placement as the stability measures read it. */
export interface PlacementFact {
  readonly personId: string;
  readonly startDate: string;
  readonly endDate: string | null;
  readonly distanceFromHomeMiles: number | null;
}

export type EhcpFact = EhcpRequestRecord;

/** Front-door contacts of one day with one source, decision, route, RAG and decision day: how many. */
export interface ContactFact {
  readonly contactDate: string;
  readonly sourceCode: string;
  /** The front door's decision; null while undecided. */
  readonly decision: string | null;
  readonly count: number;
  /** C-SPA or L-SPA. */
  readonly route: string;
  /** RED, AMBER or GREEN; null before triage. */
  readonly rag: string | null;
  /** The Europe/London date the decision was made; null while undecided. */
  readonly decidedDate: string | null;
}

/** A ContactFact as cached: a county's month of contacts is thousands of these, so no field names. */
export type ContactCount = [
  contactDate: string,
  sourceCode: string,
  decision: string | null,
  count: number,
  route: string,
  rag: string | null,
  decidedDate: string | null,
];

/** Counts a month's contacts by day, source, decision, route, RAG and decision day. */
export function countContacts(contacts: readonly FrontDoorContact[]): ContactCount[] {
  const counts = new Map<string, ContactCount>();
  for (const c of contacts) {
    const decidedDate = c.decidedAt === null ? null : londonDateOf(Date.parse(c.decidedAt));
    const key = `${c.contactDate}|${c.sourceCode}|${c.decision ?? ''}|${c.route}|${c.rag ?? ''}|${decidedDate ?? ''}`;
    const entry = counts.get(key);
    if (entry) entry[3]++;
    else counts.set(key, [c.contactDate, c.sourceCode, c.decision, 1, c.route, c.rag, decidedDate]);
  }
  return [...counts.values()];
}

export const contactFact = ([
  contactDate,
  sourceCode,
  decision,
  count,
  route,
  rag,
  decidedDate,
]: ContactCount): ContactFact => ({ contactDate, sourceCode, decision, count, route, rag, decidedDate });

/** A LIFT service agreement as the finance reports cost it. */
export interface AgreementFact extends CostedAgreement {
  readonly agreementId: string;
  readonly lcsPersonId: string;
  readonly serviceType: string;
  readonly placementType: string | null;
  readonly providerId: string;
  readonly providerName: string;
  readonly providerType: string;
  readonly teamId: string | null;
  readonly status: string;
  /** LIFT's budget coding: the service line and cost centre the agreement is charged to. */
  readonly serviceLine: string;
  readonly costCentre: string;
}

/** A LIFT SEND cost (phase two) as the finance reports cost it. */
export interface SendCostFact extends CostedAgreement {
  readonly sendCostId: string;
  readonly pupilId: string;
  readonly costType: string;
  readonly fundingStream: string;
  readonly serviceLine: string;
  readonly costCentre: string;
}

export const referralFact = (r: Referral): ReferralFact => ({
  referralId: r.referralId,
  personId: r.personId,
  referralDate: r.referralDate,
  teamId: r.teamId,
});

export const assessmentFact = (a: Assessment): AssessmentFact => ({
  personId: a.personId,
  referralId: a.referralId,
  startDate: a.startDate,
  authorisationDate: a.authorisationDate,
  teamId: a.teamId,
});

export const cpPlanFact = (p: CpPlan): CpPlanFact => ({
  personId: p.personId,
  startDate: p.startDate,
  endDate: p.endDate,
  initialCategory: p.initialCategory,
  latestCategory: p.latestCategory,
  reviewDates: p.reviews.flatMap((r) => (r.reviewDate ? [r.reviewDate] : [])),
});

export const claEpisodeFact = (e: ClaEpisode): ClaEpisodeFact => ({
  personId: e.personId,
  startDate: e.startDate,
  ceasedDate: e.ceasedDate,
  enteredCareDate: e.enteredCareDate,
});

export const placementFact = (p: Placement): PlacementFact => ({
  personId: p.personId,
  startDate: p.startDate,
  endDate: p.endDate,
  distanceFromHomeMiles: p.distanceFromHomeMiles,
});

/** null for an enquiry that needed no conference. */
export const icpcFact = (s: S47Enquiry): IcpcFact | null =>
  s.icpc === null
    ? null
    : {
        personId: s.personId,
        referralId: s.referralId,
        strategyDiscussionDate: s.strategyDiscussionDate,
        conferenceDate: s.icpc.conferenceDate,
        transferIn: s.icpc.transferIn,
      };

/** The fields of an EHCP request its timescales read (the graph's mapped request carries them too). */
export type EhcpRequestFields = Pick<
  EhcpRequest,
  | 'requestDate'
  | 'decisionToAssessDate'
  | 'requestOutcome'
  | 'assessmentOutcome'
  | 'assessmentOutcomeDate'
  | 'twentyWeekException'
> & { readonly plan: { readonly startDate: string } | null };

/**
 * How an EYES request reads for its timescales: the reports and the child's education branch
 * both use this. A request refused, withdrawn or ending with no plan is closed on its outcome date
 * (the assessment outcome's, else the decision's) and is never overdue after it.
 */
export const ehcpFact = (r: EhcpRequestFields): EhcpFact => {
  const closed =
    r.requestOutcome === 'REFUSED' ||
    r.requestOutcome === 'WITHDRAWN' ||
    r.assessmentOutcome === 'NO_PLAN' ||
    r.assessmentOutcome === 'WITHDRAWN';
  return {
    requestDate: r.requestDate,
    decisionDate: r.decisionToAssessDate ?? (r.requestOutcome === 'REFUSED' ? r.assessmentOutcomeDate : null),
    decidedToAssess: r.requestOutcome === 'ASSESS' ? true : r.requestOutcome === 'REFUSED' ? false : null,
    finalPlanIssuedDate: r.plan?.startDate ?? null,
    decidedNotToIssuePlan: closed,
    twentyWeekException: r.twentyWeekException,
    closedWithoutPlan: closed,
    closedWithoutPlanDate: closed ? (r.assessmentOutcomeDate ?? r.decisionToAssessDate) : null,
  };
};

export const agreementFact = (a: ServiceAgreement): AgreementFact => ({
  agreementId: a.agreementId,
  lcsPersonId: a.lcsPersonId,
  serviceType: a.serviceType,
  placementType: a.placementType,
  providerId: a.providerId,
  providerName: a.providerName,
  providerType: a.providerType,
  teamId: a.teamId,
  status: a.status,
  serviceLine: a.serviceLine,
  costCentre: a.costCentre,
  startDate: a.startDate,
  plannedEndDate: a.plannedEndDate,
  endDate: a.endDate,
  rates: a.rates,
});

export const sendCostFact = (c: SendCost): SendCostFact => ({
  sendCostId: c.sendCostId,
  pupilId: c.pupilId,
  costType: c.costType,
  fundingStream: c.fundingStream,
  serviceLine: c.serviceLine,
  costCentre: c.costCentre,
  status: c.status,
  startDate: c.startDate,
  plannedEndDate: c.plannedEndDate,
  endDate: c.endDate,
  rates: c.rates,
});
