/**
 * Narrowing a performance report to some teams (one team, or every team of a service such as
 * Disabilities). Pure. Records carrying their own team (assessments, referrals) belong to it;
 * records that do not (ICPCs, CP plans, looked-after episodes) belong to the teams that held the
 * child's case at the time: an open involvement with one of the teams on the day (or, for a plan,
 * at some point during it). Front-door contacts and EHCP measures come before or outside social
 * care allocation and are never narrowed.
 */
import { openOn } from './periods.ts';

/** One involvement as the filter reads it. */
export interface CaseHolding {
  readonly personId: string;
  readonly teamId: string;
  readonly startDate: string;
  readonly endDate: string | null;
}

export interface TeamFilter {
  readonly teamIds: ReadonlySet<string>;
  /** A record carrying this team belongs. */
  ownsTeam(teamId: string | null): boolean;
  /** The child's case was held by one of the teams on the date. */
  heldOn(personId: string, date: string): boolean;
  /** The child's case was held by one of the teams at some point from `start` until `end` (open: null). */
  heldDuring(personId: string, start: string, end: string | null): boolean;
}

export function teamFilter(teamIds: Iterable<string>, holdings: Iterable<CaseHolding>): TeamFilter {
  const teams = new Set(teamIds);
  const byPerson = new Map<string, CaseHolding[]>();
  for (const holding of holdings) {
    if (!teams.has(holding.teamId)) continue;
    const list = byPerson.get(holding.personId);
    if (list) list.push(holding);
    else byPerson.set(holding.personId, [holding]);
  }
  return {
    teamIds: teams,
    ownsTeam: (teamId) => teamId !== null && teams.has(teamId),
    heldOn: (personId, date) =>
      (byPerson.get(personId) ?? []).some((h) => openOn(h.startDate, h.endDate, date)),
    // Plans run [start, end): a holding overlaps when it starts before the end (or on the start,
    // for a plan ended the day it began) and ends after the start.
    heldDuring: (personId, start, end) =>
      (byPerson.get(personId) ?? []).some(
        (h) =>
          (end === null || h.startDate < end || h.startDate === start) &&
          (h.endDate === null || h.endDate > start),
      ),
  };
}
