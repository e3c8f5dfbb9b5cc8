/** What is true of a child today, read off the systems' records. */
import type { SocialCareRecord } from '../../src/domain/models/socialCare.ts';
import type { EducationRecord } from '../../src/domain/models/education.ts';
import { addMonths } from '../../src/domain/rules/dates.ts';

const openOn = (today: string, start: string, end: string | null) =>
  start <= today && (end === null || end >= today);

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
  const yearAgo = addMonths(today, -12);
  const latestNeet = education
    .flatMap((e) => e.neet)
    .reduce<{ recordedDate: string; neet: boolean } | null>(
      (latest, n) => (!latest || n.recordedDate > latest.recordedDate ? n : latest),
      null,
    );
  return {
    knownToSocialCare,
    onChildProtectionPlan: care?.cpPlans.some((p) => openOn(today, p.startDate, p.endDate)) ?? false,
    lookedAfter: care?.claEpisodes.some((e) => openOn(today, e.startDate, e.ceasedDate)) ?? false,
    childInNeed: care?.referrals.some((r) => !r.nfa && openOn(today, r.referralDate, r.closeDate)) ?? false,
    earlyHelp: care?.earlyHelpEpisodes.some((e) => openOn(today, e.startDate, e.endDate)) ?? false,
    recentMissingEpisodes: care?.missingEpisodes.some((m) => m.startDate >= yearAgo) ?? false,
    ehcp: education.some((e) =>
      e.ehcpRequests.some((r) => r.plan !== null && openOn(today, r.plan.startDate, r.plan.ceasedDate)),
    ),
    senSupport: education.some((e) => e.senSupport.some((s) => openOn(today, s.startDate, s.endDate))),
    freeSchoolMeals: education.some((e) => e.fsmPeriods.some((f) => openOn(today, f.startDate, f.endDate))),
    neet: latestNeet?.neet ?? false,
  };
}
