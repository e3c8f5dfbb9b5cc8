/**
 * The GraphQL documents the bench sends. The single view asks exactly the facts the baseline
 * returns (bench/baseline.ts), so both sides do the same upstream work and answer the same JSON.
 */
import { readFileSync } from 'node:fs';

const FLAGS = 'onChildProtectionPlan lookedAfter childInNeed earlyHelp ehcp senSupport freeSchoolMeals';

export const SINGLE_VIEW = `query BenchChildView($id: ID!) {
  child(id: $id) {
    id
    name { forename surname }
    dateOfBirth
    sex
    flags { ${FLAGS} }
    socialCare { caseStatus referrals(first: 50) { totalCount } cpPlans(first: 50) { totalCount } }
    education { currentSetting { settingName phase startDate } }
    finance { clientRefs committed paidToDate }
    frontDoor { contacts(first: 50) { totalCount nodes { id date route rag decision } } }
  }
}`;

export const CHRONOLOGY = `query BenchChronology($id: ID!) {
  child(id: $id) {
    id
    chronology(first: 50) { totalCount nodes { date system kind summary record { system id } } }
  }
}`;

export const CASELOAD = `query BenchCaseload($team: ID!) {
  team(id: $team) {
    id
    caseload(first: 50) {
      totalCount
      nodes { childId name { forename surname } dateOfBirth caseStatus since flags { ${FLAGS} } }
    }
  }
}`;

export const IDENTIFIERS = `query BenchIdentifiers($id: ID!) {
  child(id: $id) { id identifiers { lcsPersonIds eyesPupilIds liftClientRefs frontDoorContactIds } }
}`;

/** A named query from the README, so the benchmark asks exactly what the README shows. */
export function readmeQuery(name: string): string {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  const start = readme.indexOf('```graphql\nquery ' + name);
  if (start === -1) throw new Error(`README has no query ${name}`);
  const body = readme.slice(start + '```graphql\n'.length);
  return body.slice(0, body.indexOf('```'));
}
