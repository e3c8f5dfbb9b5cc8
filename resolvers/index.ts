/** Every domain's resolvers merged into one map for the executable schema. */
import { GraphQLScalarType } from 'graphql';
import { auditResolvers } from './audit.ts';
import { childResolvers } from './child.ts';
import { chronologyResolvers } from './chronology.ts';
import { educationResolvers } from './education.ts';
import { financeResolvers } from './finance.ts';
import { financeReportResolvers } from './financeReports.ts';
import { frontDoorResolvers } from './frontDoor.ts';
import { performanceResolvers } from './performance.ts';
import { scalarResolvers } from './scalars.ts';
import { socialCareResolvers } from './socialCare.ts';
import { workforceResolvers } from './workforce.ts';

type ResolverMap = Record<string, unknown>;

function merge(...maps: ResolverMap[]): ResolverMap {
  const merged: ResolverMap = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      merged[type] =
        fields instanceof GraphQLScalarType
          ? fields
          : { ...(merged[type] as object | undefined), ...(fields as object) };
    }
  }
  return merged;
}

export const resolvers = merge(
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
);
