/**
 * Looked-after children's placement stability, as the SSDA903 return counts it. Pure.
 */
import { addMonths } from '../rules/index.ts';
import type { ClaEpisodeFact, PlacementFact } from './facts.ts';
import { earlier, openOn, type Period } from './periods.ts';

export interface PlacementStability {
  /** Children looked after on the period's last counted day. */
  readonly lookedAfter: number;
  /** Of those, children with three or more placements open at some point in the period (SSDA903 short-term stability). */
  readonly threeOrMorePlacements: number;
  /** Of those, children under 16 looked after for 2.5 years or more (this period of care). */
  readonly longTermCohort: number;
  /** Of the long-term cohort, children in the same placement for 2 years or more (SSDA903 long-term stability). */
  readonly samePlacementTwoYearsOrMore: number;
  /** Children whose placement on the day is more than 20 miles from home. */
  readonly placedOver20Miles: number;
}

/**
 * Placement stability as the SSDA903 measures read it, for children looked after on `on` (the
 * earlier of asOf and the period end). Ages need dates of birth: `dateOfBirth` gives them (null
 * when unknown: such a child is left out of the under-16 cohort).
 */
export function placementStability(
  episodes: Iterable<ClaEpisodeFact>,
  placements: Iterable<PlacementFact>,
  period: Period,
  asOf: string,
  dateOfBirth: (personId: string) => string | null,
): PlacementStability {
  const on = earlier(period.to, asOf);
  const enteredCare = new Map<string, string>();
  for (const e of episodes) {
    if (!openOn(e.startDate, e.ceasedDate, on)) continue;
    const known = enteredCare.get(e.personId);
    if (known === undefined || e.enteredCareDate < known) enteredCare.set(e.personId, e.enteredCareDate);
  }
  const during = new Map<string, number>();
  const current = new Map<string, PlacementFact>();
  for (const p of placements) {
    if (!enteredCare.has(p.personId) || p.startDate > on) continue;
    const endKnown = p.endDate !== null && p.endDate <= on ? p.endDate : null;
    if (endKnown === null || endKnown > period.from)
      during.set(p.personId, (during.get(p.personId) ?? 0) + 1);
    if (openOn(p.startDate, endKnown, on)) {
      const known = current.get(p.personId);
      if (known === undefined || p.startDate > known.startDate) current.set(p.personId, p);
    }
  }
  let three = 0;
  let cohort = 0;
  let same = 0;
  let far = 0;
  for (const [personId, entered] of enteredCare) {
    if ((during.get(personId) ?? 0) >= 3) three++;
    const placement = current.get(personId);
    if (placement && (placement.distanceFromHomeMiles ?? 0) > 20) far++;
    const born = dateOfBirth(personId);
    if (born === null || on >= addMonths(born, 16 * 12)) continue;
    if (on < addMonths(entered, 30)) continue;
    cohort++;
    if (placement && on >= addMonths(placement.startDate, 24)) same++;
  }
  return {
    lookedAfter: enteredCare.size,
    threeOrMorePlacements: three,
    longTermCohort: cohort,
    samePlacementTwoYearsOrMore: same,
    placedOver20Miles: far,
  };
}
