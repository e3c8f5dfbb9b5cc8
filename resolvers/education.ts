/** Child.education (EYES): the summary for every education-facing role, SEND detail behind its group. */
import type { Resolvers } from './types.generated.ts';
import type { HubContext } from './context.ts';
import { mapAttendance, mapEhcpRequest, mapEnrolment, mapExclusion } from './shapes/education.ts';
import type { EducationRecord } from '../src/domain/models/education.ts';
import type { ChildView } from './support/childView.ts';
import { paginate, type PageArgs } from './support/connection.ts';
import { newestFirst } from './support/socialCareMerge.ts';
import { ehcpFact } from '../src/domain/reports/index.ts';

export interface EducationModel {
  records: EducationRecord[];
  view: ChildView;
}

export type EhcpRequestModel = ReturnType<typeof mapEhcpRequest>;

const all = <T>(m: EducationModel, pick: (r: EducationRecord) => T[]) => m.records.flatMap(pick);

export const educationResolvers: Resolvers = {
  Child: {
    education: async (child: ChildView): Promise<EducationModel | null> => {
      const result = await child.educationRecords();
      if (result.error) throw result.error;
      return result.values.length > 0 ? { records: result.values, view: child } : null;
    },
  },

  Education: {
    currentSetting: (m: EducationModel) => {
      const today = m.view.ctx.today;
      const current = newestFirst(
        all(m, (r) => r.enrolments),
        (e) => e.startDate,
      ).find((e) => e.startDate <= today && (e.endDate === null || e.endDate >= today));
      return current ? mapEnrolment(current) : null;
    },
    enrolments: (m: EducationModel, args: PageArgs) =>
      paginate(
        newestFirst(
          all(m, (r) => r.enrolments),
          (e) => e.startDate,
        ),
        args,
        mapEnrolment,
      ),
    attendance: (m: EducationModel, args: PageArgs) =>
      m.view.can('education.detail')
        ? paginate(
            newestFirst(
              all(m, (r) => r.attendance),
              (a) => a.academicYear,
            ),
            args,
            mapAttendance,
          )
        : null,
    exclusions: (m: EducationModel, args: PageArgs) =>
      m.view.can('education.detail')
        ? paginate(
            newestFirst(
              all(m, (r) => r.exclusions),
              (x) => x.startDate,
            ),
            args,
            mapExclusion,
          )
        : null,
    freeSchoolMeals: (m: EducationModel, args: PageArgs) =>
      m.view.can('education.detail')
        ? paginate(
            newestFirst(
              all(m, (r) => r.fsmPeriods),
              (f) => f.startDate,
            ),
            args,
          )
        : null,
    earlyYearsFunding: (m: EducationModel, args: PageArgs) =>
      m.view.can('education.detail')
        ? paginate(
            all(m, (r) => r.earlyYearsFunding),
            args,
          )
        : null,
    senSupport: (m: EducationModel, args: PageArgs) =>
      m.view.can('send')
        ? paginate(
            newestFirst(
              all(m, (r) => r.senSupport),
              (s) => s.startDate,
            ),
            args,
          )
        : null,
    ehcpRequests: (m: EducationModel, args: PageArgs) =>
      m.view.can('send')
        ? paginate(
            newestFirst(
              all(m, (r) => r.ehcpRequests),
              (r) => r.requestDate,
            ),
            args,
            mapEhcpRequest,
          )
        : null,
    neet: (m: EducationModel, args: PageArgs) =>
      m.view.can('education.detail')
        ? paginate(
            newestFirst(
              all(m, (r) => r.neet),
              (n) => n.recordedDate,
            ),
            args,
          )
        : null,
  },

  EhcpRequest: {
    decisionTimeliness: (r: ReturnType<typeof mapEhcpRequest>, _: unknown, ctx: HubContext) =>
      ehcpTimescales(r, ctx).decisionToAssess,
    planTimeliness: (r: ReturnType<typeof mapEhcpRequest>, _: unknown, ctx: HubContext) =>
      ehcpTimescales(r, ctx).finalPlan,
  },
};

function ehcpTimescales(r: ReturnType<typeof mapEhcpRequest>, ctx: HubContext) {
  return ctx.services.rules.ehcp(ehcpFact(r), ctx.today);
}
