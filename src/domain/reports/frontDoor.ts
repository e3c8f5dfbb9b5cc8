/**
 * The front door's measures over a period: routes, RAG ratings, decisions within one working day
 * and conversion to referral. (Repeat contacts use the re-referral rule over linked children.) Pure.
 */
import type { TimescaleRules } from '../rules/index.ts';
import type { ContactFact } from './facts.ts';
import { earlier, within, type Period } from './periods.ts';
import { bump, sortedCounts, type CountByKey } from './timeliness.ts';

/** What reads as the RAG rating of a contact not yet triaged. */
export const UNTRIAGED = 'UNTRIAGED';

export interface FrontDoorMeasures {
  /** Contacts dated in the period (up to asOf). */
  readonly contacts: number;
  /** By route (C-SPA, L-SPA), largest first. */
  readonly byRoute: CountByKey[];
  /** By RAG rating (RED, AMBER, GREEN, or UNTRIAGED), largest first. */
  readonly byRag: CountByKey[];
  /** Of the contacts, decided by asOf. */
  readonly decided: number;
  /** Of those, decided within one working day of the contact (the contact day never counted). */
  readonly decidedWithinOneWorkingDay: number;
  /** Contacts not decided by asOf and past their one working day. */
  readonly undecidedOverdue: number;
  /** Contacts decided as a social care referral. */
  readonly socialCareReferrals: number;
}

/** The front door's measures over the period: routes, RAG, decision timeliness and conversion. */
export function frontDoorMeasures(
  rules: TimescaleRules,
  facts: Iterable<ContactFact>,
  period: Period,
  asOf: string,
): FrontDoorMeasures {
  const counted: Period = { from: period.from, to: earlier(period.to, asOf) };
  const route = new Map<string, number>();
  const rag = new Map<string, number>();
  let contacts = 0;
  let decided = 0;
  let onTime = 0;
  let overdue = 0;
  let referrals = 0;
  for (const c of facts) {
    if (!within(c.contactDate, counted)) continue;
    contacts += c.count;
    bump(route, c.route, c.count);
    const known = c.decidedDate !== null && c.decidedDate <= asOf;
    bump(rag, known && c.rag !== null ? c.rag : UNTRIAGED, c.count);
    const result = rules.referralDecision({ contactDate: c.contactDate, decisionDate: c.decidedDate }, asOf);
    if (result.status === 'OVERDUE') overdue += c.count;
    if (!known) continue;
    decided += c.count;
    if (result.status === 'ON_TIME') onTime += c.count;
    if (c.decision === 'SOCIAL_CARE_REFERRAL') referrals += c.count;
  }
  return {
    contacts,
    byRoute: sortedCounts(route),
    byRag: sortedCounts(rag),
    decided,
    decidedWithinOneWorkingDay: onTime,
    undecidedOverdue: overdue,
    socialCareReferrals: referrals,
  };
}
