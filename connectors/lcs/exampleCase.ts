/**
 * An allocated case to show a developer around: a team with a manager, one of its workers with an
 * open allocated case, and that child. Read through the LCS contract, so it works against the
 * simulator and a council's adapter alike; null when LCS has no such case.
 */
import type { RequestScope } from '../shared/scope.ts';
import type { LcsClient } from './client.ts';

export interface ExampleCase {
  teamId: string;
  managerWorkerId: string;
  workerId: string;
  /** The hub's system-qualified id of the allocated child, e.g. `lcs:1000123`. */
  childId: string;
}

export async function findExampleCase(lcs: LcsClient, scope: RequestScope): Promise<ExampleCase | null> {
  const teams = await lcs.teamsPage(null, scope);
  for (const team of teams.items) {
    if (!team.managerWorkerId) continue;
    const involvements = await lcs.involvementsPage(null, scope, { teamId: team.teamId, open: true });
    const candidates = involvements.items
      .filter((i) => i.role === 'ALLOCATED_SOCIAL_WORKER' && i.workerId !== team.managerWorkerId)
      .slice(0, 20);
    if (candidates.length === 0) continue;
    // A born child makes the better example (an unborn one has no date of birth, school or costs).
    const people = await lcs.peopleByIds([...new Set(candidates.map((i) => i.personId))], scope);
    const born = new Set(people.items.filter((p) => p.dateOfBirth !== null).map((p) => p.personId));
    const allocated = candidates.find((i) => born.has(i.personId)) ?? candidates[0];
    if (allocated) {
      return {
        teamId: team.teamId,
        managerWorkerId: team.managerWorkerId,
        workerId: allocated.workerId,
        childId: `lcs:${allocated.personId}`,
      };
    }
  }
  return null;
}
