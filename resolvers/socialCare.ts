/**
 * Child.socialCare and its record types. The branch is null (with an error naming LCS) when LCS
 * fails with nothing cached; CP and CLA detail need their own field groups.
 */
import type { Resolvers } from './types.generated.ts';
import type { HubContext } from './context.ts';
import type { ChildFieldGroup } from '../src/domain/access/types.ts';
import {
  mapAssessment,
  mapClaEpisode,
  mapClaReview,
  mapContact,
  mapCpPlan,
  mapEarlyHelp,
  mapLegalStatus,
  mapMissing,
  mapPlacement,
  mapReferral,
  mapS47,
  mapVisit,
} from './shapes/socialCare.ts';
import type { SocialCareRecord } from '../src/domain/models/socialCare.ts';
import type { ChildView } from './support/childView.ts';
import { paginate, type PageArgs } from './support/connection.ts';
import { currentInvolvement, mergeSocialCare, newestFirst } from './support/socialCareMerge.ts';

export interface SocialCareModel {
  record: SocialCareRecord;
  view: ChildView;
}

export type AssessmentModel = ReturnType<typeof mapAssessment>;
export type IcpcModel = NonNullable<ReturnType<typeof mapS47>['icpc']>;
export type CpPlanModel = ReturnType<typeof mapCpPlan>;

/** A paged list of one part of the record, newest first, shown only with its field group. */
function list<T, R>(
  pick: (r: SocialCareRecord) => readonly T[],
  date: (item: T) => string,
  map: (item: T) => R,
  group: ChildFieldGroup = 'socialCare.detail',
) {
  return (model: SocialCareModel, args: PageArgs) =>
    paginate(model.view.can(group) ? newestFirst(pick(model.record), date) : [], args, map);
}

export const socialCareResolvers: Resolvers = {
  Child: {
    socialCare: async (child: ChildView): Promise<SocialCareModel | null> => {
      const care = await child.socialCare();
      if (care.error) throw care.error;
      const record = mergeSocialCare(care.values);
      return record ? { record, view: child } : null;
    },
  },

  SocialCare: {
    caseStatus: (m: SocialCareModel) => openInvolvement(m)?.caseStatus ?? null,
    allocatedWorker: (m: SocialCareModel) => {
      const workerId = openInvolvement(m)?.workerId;
      return workerId ? { workerId } : null;
    },
    team: (m: SocialCareModel) => {
      const teamId = openInvolvement(m)?.teamId;
      return teamId ? { teamId } : null;
    },
    contacts: list(
      (r) => r.contacts,
      (c) => c.contactDate,
      mapContact,
    ),
    referrals: list(
      (r) => r.referrals,
      (x) => x.referralDate,
      mapReferral,
    ),
    assessments: list(
      (r) => r.assessments,
      (a) => a.startDate,
      mapAssessment,
    ),
    s47Enquiries: list(
      (r) => r.s47Enquiries,
      (s) => s.startDate,
      mapS47,
      'socialCare.cp',
    ),
    cinPlans: list(
      (r) => r.cinPlans,
      (p) => p.startDate,
      (p) => ({ id: p.cinPlanId, startDate: p.startDate, endDate: p.endDate }),
    ),
    cpPlans: list(
      (r) => r.cpPlans,
      (p) => p.startDate,
      (p) => ({ ...mapCpPlan(p), visitDates: [] as string[] }),
      'socialCare.cp',
    ),
    visits: list(
      (r) => r.visits,
      (v) => v.visitDate,
      mapVisit,
    ),
    claEpisodes: list(
      (r) => r.claEpisodes,
      (e) => e.startDate,
      mapClaEpisode,
      'socialCare.cla',
    ),
    placements: list(
      (r) => r.placements,
      (p) => p.startDate,
      mapPlacement,
      'socialCare.cla',
    ),
    legalStatuses: list(
      (r) => r.legalStatuses,
      (l) => l.startDate,
      mapLegalStatus,
      'socialCare.cla',
    ),
    claReviews: list(
      (r) => r.claReviews,
      (c) => c.dueDate,
      mapClaReview,
      'socialCare.cla',
    ),
    missingEpisodes: list(
      (r) => r.missingEpisodes,
      (m) => m.startDate,
      mapMissing,
      'socialCare.cla',
    ),
    earlyHelpEpisodes: list(
      (r) => r.earlyHelpEpisodes,
      (e) => e.startDate,
      mapEarlyHelp,
    ),
  },

  Assessment: {
    timeliness: (a: ReturnType<typeof mapAssessment>, _: unknown, ctx: HubContext) =>
      ctx.services.rules.childAndFamilyAssessment(
        { startDate: a.startDate, authorisationDate: a.authorisationDate },
        ctx.today,
      ),
  },

  Icpc: {
    timeliness: (i: NonNullable<ReturnType<typeof mapS47>['icpc']>, _: unknown, ctx: HubContext) =>
      ctx.services.rules.initialChildProtectionConference(
        { strategyDiscussionDate: i.strategyDiscussionDate, conferenceDate: i.conferenceDate },
        ctx.today,
      ),
  },

  CpPlan: {
    nextReview: (p: ReturnType<typeof mapCpPlan>, _: unknown, ctx: HubContext) => {
      const chain = ctx.services.rules.childProtectionReviews(
        {
          startDate: p.startDate,
          endDate: p.endDate,
          eventDates: p.reviews.flatMap((r) => (r.reviewDate ? [r.reviewDate] : [])).sort(),
        },
        ctx.today,
      );
      if (chain.nextDueDate === null) return null;
      return {
        dueDate: chain.nextDueDate,
        completedDate: null,
        status: chain.overdue ? 'OVERDUE' : 'DUE',
        daysLate: chain.overdue ? (chain.daysOverdue ?? null) : null,
      };
    },
  },
};

function openInvolvement(m: SocialCareModel) {
  return currentInvolvement(m.record, m.view.ctx.today);
}
