/** What is true of a child today, read off the systems' records. */
import type { SocialCareRecord } from '../../src/domain/models/socialCare.ts';
import type { EducationRecord } from '../../src/domain/models/education.ts';
import { addMonths } from '../../src/domain/rules/dates.ts';

const openOn = (today: string, start: string, end: string | null) =>
  start <= today && (end === null || end >= today);

/**
 * True when any item's span is open on `today`. The span is read by accessors defined once below,
 * not by closures built per call: flags are computed for each child of a caseload page, fifty
 * times a request, and each closure over `today` was an allocation.
 */
function anyOpen<T>(
  items: readonly T[],
  today: string,
  start: (item: T) => string,
  end: (item: T) => string | null,
): boolean {
  for (const item of items) if (openOn(today, start(item), end(item))) return true;
  return false;
}

/** A year before `today`; most requests of a day ask for the same one. */
let yearAgoOf = { today: '', yearAgo: '' };
function yearBefore(today: string): string {
  if (yearAgoOf.today !== today) yearAgoOf = { today, yearAgo: addMonths(today, -12) };
  return yearAgoOf.yearAgo;
}

const startDate = (item: { startDate: string }) => item.startDate;
const endDate = (item: { endDate: string | null }) => item.endDate;
const ceasedDate = (item: { ceasedDate: string | null }) => item.ceasedDate;

export interface ChildFlags {
  knownToSocialCare: boolean;
  onChildProtectionPlan: boolean;
  lookedAfter: boolean;
  childInNeed: boolean;
  earlyHelp: boolean;
  recentMissingEpisodes: boolean;
  ehcp: boolean;
  senSupport: boolean;
  freeSchoolMeals: boolean;
  neet: boolean;
}

export function computeFlags(
  today: string,
  knownToSocialCare: boolean,
  care: SocialCareRecord | null,
  education: readonly EducationRecord[],
): ChildFlags {
  let latestNeet: { recordedDate: string; neet: boolean } | null = null;
  let ehcp = false;
  let senSupport = false;
  let freeSchoolMeals = false;
  for (const record of education) {
    for (const n of record.neet) if (!latestNeet || n.recordedDate > latestNeet.recordedDate) latestNeet = n;
    ehcp ||= ehcpOpen(record, today);
    senSupport ||= anyOpen(record.senSupport, today, startDate, endDate);
    freeSchoolMeals ||= anyOpen(record.fsmPeriods, today, startDate, endDate);
  }
  return {
    knownToSocialCare,
    onChildProtectionPlan: care ? anyOpen(care.cpPlans, today, startDate, endDate) : false,
    lookedAfter: care ? anyOpen(care.claEpisodes, today, startDate, ceasedDate) : false,
    childInNeed: care ? childInNeed(care, today) : false,
    earlyHelp: care ? anyOpen(care.earlyHelpEpisodes, today, startDate, endDate) : false,
    recentMissingEpisodes: care ? missingSince(care, yearBefore(today)) : false,
    ehcp,
    senSupport,
    freeSchoolMeals,
    neet: latestNeet?.neet ?? false,
  };
}

function childInNeed(care: SocialCareRecord, today: string): boolean {
  for (const r of care.referrals) if (!r.nfa && openOn(today, r.referralDate, r.closeDate)) return true;
  return false;
}

function missingSince(care: SocialCareRecord, since: string): boolean {
  for (const m of care.missingEpisodes) if (m.startDate >= since) return true;
  return false;
}

function ehcpOpen(record: EducationRecord, today: string): boolean {
  for (const r of record.ehcpRequests)
    if (r.plan !== null && openOn(today, r.plan.startDate, r.plan.ceasedDate)) return true;
  return false;
}
