/**
 * Every domain's resolvers merged into one map for the executable schema, typed against the schema
 * (resolvers/types.generated.ts). A type that several domains add fields to is merged field map by
 * field map here; test/unit/resolvers/resolverMerge.test.ts proves no domain's field is lost.
 */
import { auditResolvers } from './audit.ts';
import { childResolvers } from './child.ts';
import { chronologyResolvers } from './chronology.ts';
import { guardChildFields } from './support/childFields.ts';
import { cohortMeasureResolvers } from './cohortMeasures.ts';
import { educationResolvers } from './education.ts';
import { financeResolvers } from './finance.ts';
import { financeReportResolvers } from './financeReports.ts';
import { frontDoorResolvers } from './frontDoor.ts';
import { performanceResolvers } from './performance.ts';
import { scalarResolvers } from './scalars.ts';
import { socialCareResolvers } from './socialCare.ts';
import type { Resolvers } from './types.generated.ts';
import { workforceResolvers } from './workforce.ts';

/** Each domain's map, in the order the merged map takes them. */
export const domainResolvers: readonly Resolvers[] = [
  scalarResolvers,
  childResolvers,
  socialCareResolvers,
  educationResolvers,
  frontDoorResolvers,
  financeResolvers,
  chronologyResolvers,
  workforceResolvers,
  auditResolvers,
  performanceResolvers,
  financeReportResolvers,
  cohortMeasureResolvers,
];

export const resolvers: Resolvers = {
  ...scalarResolvers,
  ...childResolvers,
  ...socialCareResolvers,
  ...educationResolvers,
  ...frontDoorResolvers,
  ...financeResolvers,
  ...chronologyResolvers,
  ...workforceResolvers,
  ...auditResolvers,
  ...performanceResolvers,
  ...financeReportResolvers,
  Query: {
    ...childResolvers.Query,
    ...workforceResolvers.Query,
    ...auditResolvers.Query,
    ...performanceResolvers.Query,
    ...financeReportResolvers.Query,
  },
  // Each Child field shows only when the viewer holds its @access group (schema/): guarded here, once.
  Child: guardChildFields({
    ...childResolvers.Child,
    ...socialCareResolvers.Child,
    ...educationResolvers.Child,
    ...frontDoorResolvers.Child,
    ...financeResolvers.Child,
    ...chronologyResolvers.Child,
    ...auditResolvers.Child,
  }),
  SocialCare: {
    ...socialCareResolvers.SocialCare,
    ...performanceResolvers.SocialCare,
    ...cohortMeasureResolvers.SocialCare,
  },
  PerformanceReport: {
    ...performanceResolvers.PerformanceReport,
    ...cohortMeasureResolvers.PerformanceReport,
  },
  ChildFinance: { ...financeResolvers.ChildFinance, ...financeReportResolvers.ChildFinance },
  Worker: { ...workforceResolvers.Worker, ...performanceResolvers.Worker },
  Team: { ...workforceResolvers.Team, ...performanceResolvers.Team },
  CaseloadEntry: { ...workforceResolvers.CaseloadEntry, ...performanceResolvers.CaseloadEntry },
};
