/**
 * The LCS groups the statutory returns count apart, added once the children's journeys are written:
 * child-in-need plan reviews and children with disabilities, unaccompanied asylum-seeking children,
 * and care leavers (young people of 17 to 25 who left the county's care, added as LCS people).
 */
import { buildCareLeavers } from './careLeavers.ts';
import { addCinPlanReviews } from './cinReviews.ts';
import { markUascChildren } from './uasc.ts';
import type { LcsSystem } from './lcsSystem.ts';
import type { ScaleTargets } from './scales.ts';
import type { Workforce } from './workforce.ts';

/** Adds the groups to `lcs` in place; returns the person ids of the young people added (no child's). */
export function addStatutoryCohorts(
  seed: string,
  asOf: number,
  targets: ScaleTargets,
  workforce: Workforce,
  childSlots: number,
  lcs: LcsSystem,
): string[] {
  addCinPlanReviews(seed, asOf, workforce, lcs.ids, lcs.socialCare);
  markUascChildren(seed, asOf, targets, workforce, lcs);
  const leavers = buildCareLeavers({
    seed,
    asOf,
    targets,
    workforce,
    ids: lcs.ids,
    nhsIndexFrom: childSlots,
    people: lcs.people,
    socialCare: lcs.socialCare,
  });
  for (const personId of leavers.personIds) {
    lcs.people.set(personId, leavers.people.get(personId)!);
    lcs.socialCare.set(personId, leavers.socialCare.get(personId)!);
    lcs.personIds.push(personId);
  }
  // The same order buildLcs gives: shorter ids first, then by value.
  lcs.personIds.sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  return leavers.personIds;
}
