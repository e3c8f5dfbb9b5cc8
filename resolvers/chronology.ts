/**
 * Child.chronology: one timeline merged across the four systems, newest first. Each system's
 * events appear only when the viewer may see that part of the record; a failed system's events
 * are missing and `sources` says why.
 */
import type { Resolvers } from './types.generated.ts';
import type { ChildFieldGroup } from '../src/domain/access/types.ts';
import { hubError } from '../src/platform/errors.ts';
import type { ChildView } from './support/childView.ts';
import { paginate } from './support/connection.ts';
import { mergeSocialCare } from './support/socialCareMerge.ts';

export interface ChronologyEvent {
  date: string;
  system: 'LCS' | 'EYES' | 'LIFT' | 'FRONTDOOR';
  kind: string;
  summary: string;
  record: { system: string; kind: string; id: string };
}

const ev = (
  date: string,
  system: ChronologyEvent['system'],
  kind: string,
  summary: string,
  recordKind: string,
  id: string,
): ChronologyEvent => ({
  date,
  system,
  kind,
  summary,
  record: { system, kind: recordKind, id },
});

async function collect(child: ChildView): Promise<ChronologyEvent[]> {
  const events: ChronologyEvent[] = [];
  const can = (g: ChildFieldGroup) => child.can(g);
  const [care, education, agreements, contacts] = await Promise.all([
    can('socialCare.detail') ? child.socialCare() : null,
    can('education.summary') ? child.educationRecords() : null,
    can('finance') ? child.agreements() : null,
    can('frontDoor') ? child.frontDoorContacts() : null,
  ]);
  const r = care && !care.error ? mergeSocialCare(care.values) : null;
  if (r) {
    for (const c of r.contacts)
      events.push(
        ev(
          c.contactDate,
          'LCS',
          'CONTACT',
          `Contact from source ${c.sourceCode}: ${c.outcome}`,
          'contact',
          c.contactId,
        ),
      );
    for (const x of r.referrals)
      events.push(
        ev(
          x.referralDate,
          'LCS',
          'REFERRAL',
          `Referral (need ${x.primaryNeedCode}, source ${x.referralSource})`,
          'referral',
          x.referralId,
        ),
      );
    for (const a of r.assessments)
      events.push(
        ev(
          a.startDate,
          'LCS',
          'ASSESSMENT',
          `Child and family assessment started${a.authorisationDate ? `, authorised ${a.authorisationDate}` : ''}`,
          'assessment',
          a.assessmentId,
        ),
      );
    for (const v of r.visits)
      events.push(
        ev(
          v.visitDate,
          'LCS',
          'VISIT',
          `${v.kind} visit: child ${v.seen ? 'seen' : 'not seen'}${v.seenAlone ? ' alone' : ''}`,
          'visit',
          v.visitId,
        ),
      );
    for (const p of r.cinPlans)
      events.push(ev(p.startDate, 'LCS', 'CIN_PLAN', 'Child in need plan started', 'cinPlan', p.cinPlanId));
    for (const e of r.earlyHelpEpisodes)
      events.push(
        ev(
          e.startDate,
          'LCS',
          'EARLY_HELP',
          `Early help episode started (${e.organisation})`,
          'earlyHelpEpisode',
          e.episodeId,
        ),
      );
    if (can('socialCare.cp')) {
      for (const s of r.s47Enquiries) {
        events.push(ev(s.startDate, 'LCS', 'S47', 'Section 47 enquiry started', 's47', s.s47Id));
        if (s.icpc?.conferenceDate)
          events.push(
            ev(
              s.icpc.conferenceDate,
              'LCS',
              'ICPC',
              `Initial child protection conference${s.icpc.cpPlanOutcome ? ': plan made' : ''}`,
              'icpc',
              s.icpc.icpcId,
            ),
          );
      }
      for (const p of r.cpPlans) {
        events.push(
          ev(
            p.startDate,
            'LCS',
            'CP_PLAN',
            `Child protection plan started (${p.initialCategory})`,
            'cpPlan',
            p.cpPlanId,
          ),
        );
        for (const review of p.reviews)
          if (review.reviewDate)
            events.push(
              ev(
                review.reviewDate,
                'LCS',
                'CP_REVIEW',
                'Child protection review',
                'cpReview',
                review.reviewId,
              ),
            );
      }
    }
    if (can('socialCare.cla')) {
      for (const e of r.claEpisodes)
        events.push(
          ev(
            e.startDate,
            'LCS',
            'CLA_EPISODE',
            `Looked-after episode started (${e.reasonNewEpisode})`,
            'claEpisode',
            e.episodeId,
          ),
        );
      for (const p of r.placements)
        events.push(
          ev(
            p.startDate,
            'LCS',
            'PLACEMENT',
            `Placement ${p.placementType} with ${p.providerType} provider`,
            'placement',
            p.placementId,
          ),
        );
      for (const l of r.legalStatuses)
        events.push(
          ev(l.startDate, 'LCS', 'LEGAL_STATUS', `Legal status ${l.code}`, 'legalStatus', l.legalStatusId),
        );
      for (const c of r.claReviews)
        if (c.reviewDate)
          events.push(ev(c.reviewDate, 'LCS', 'CLA_REVIEW', 'Looked-after review', 'claReview', c.reviewId));
      for (const m of r.missingEpisodes)
        events.push(
          ev(
            m.startDate,
            'LCS',
            'MISSING',
            m.kind === 'MISSING' ? 'Missing episode' : 'Away from placement',
            'missingEpisode',
            m.missingId,
          ),
        );
    }
  }
  if (education && !education.error) {
    for (const rec of education.values) {
      for (const e of rec.enrolments)
        events.push(
          ev(
            e.startDate,
            'EYES',
            'ENROLMENT',
            `Enrolled at ${e.settingName} (${e.phase})`,
            'enrolment',
            e.enrolmentId,
          ),
        );
      if (can('education.detail')) {
        for (const x of rec.exclusions)
          events.push(
            ev(
              x.startDate,
              'EYES',
              'EXCLUSION',
              `${x.kind === 'PERMANENT' ? 'Permanent exclusion' : 'Suspension'} (${x.sessions} sessions)`,
              'exclusion',
              x.exclusionId,
            ),
          );
      }
      if (can('send')) {
        for (const q of rec.ehcpRequests) {
          events.push(
            ev(q.requestDate, 'EYES', 'EHCP', 'EHC needs assessment requested', 'ehcpRequest', q.requestId),
          );
          if (q.plan)
            events.push(
              ev(
                q.plan.startDate,
                'EYES',
                'EHCP',
                `EHC plan issued (${q.plan.primaryNeed})`,
                'ehcPlan',
                q.plan.planId,
              ),
            );
        }
      }
    }
  }
  if (contacts && !contacts.error) {
    for (const c of contacts.values) {
      events.push(
        ev(
          c.contactDate,
          'FRONTDOOR',
          'FRONT_DOOR_CONTACT',
          `${c.route} contact${c.rag ? ` (${c.rag})` : ''}${c.decision ? `: ${c.decision}` : ''}`,
          'contact',
          c.contactId,
        ),
      );
    }
  }
  if (agreements && !agreements.error) {
    for (const a of agreements.values)
      events.push(
        ev(
          a.startDate,
          'LIFT',
          'SERVICE_AGREEMENT',
          `${a.serviceType} agreement with ${a.providerName}`,
          'agreement',
          a.agreementId,
        ),
      );
  }
  return events;
}

export const chronologyResolvers: Resolvers = {
  Child: {
    chronology: async (
      child: ChildView,
      args: {
        from?: string | null;
        to?: string | null;
        kinds?: string[] | null;
        first?: number | null;
        after?: string | null;
      },
    ) => {
      if (args.from && args.to && args.from > args.to)
        throw hubError('BAD_USER_INPUT', '`from` must not be after `to`.');
      const kinds = args.kinds && args.kinds.length > 0 ? new Set(args.kinds) : null;
      const events = (await collect(child)).filter(
        (e) =>
          (!args.from || e.date >= args.from) &&
          (!args.to || e.date <= args.to) &&
          (!kinds || kinds.has(e.kind)),
      );
      events.sort((a, b) =>
        a.date < b.date ? 1 : a.date > b.date ? -1 : a.record.id < b.record.id ? 1 : -1,
      );
      return paginate(events, args);
    },
  },
};
