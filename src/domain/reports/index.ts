/**
 * Reports across many children: finance (spend, commitments, projections), caseloads and
 * timeliness. Pure aggregations over the systems' list facts; the lists are read, once each
 * through the shared cache, by the connectors (connectors/reportSources.ts).
 */
export * from './periods.ts';
export * from './facts.ts';
export * from './timeliness.ts';
export * from './monthly.ts';
export * from './childProtection.ts';
export * from './frontDoor.ts';
export * from './lookedAfter.ts';
export * from './annualReviews.ts';
export * from './missingEducation.ts';
export * from './caseload.ts';
export * from './filter.ts';
export * from './finance.ts';
export * from './careLeavers.ts';
export * from './uasc.ts';
export * from './cinPlans.ts';
export * from './preparedKeys.ts';
