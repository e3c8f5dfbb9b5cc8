/**
 * What each scale of county contains. Tests, the CLI and docs read the figures from here, so the
 * generator and its checks can never drift apart. `county` is shaped like the council in DOMAIN.md.
 */
import { monthOf } from './dates.ts';
import type { Scale } from './types.ts';

export interface ScaleTargets {
  /** Children with an EYES pupil record. */
  eyesChildren: number;
  /** Real children with at least one LCS person record (post-adoption identities count separately). */
  lcsChildren: number;
  /** Children with an open CLA episode on asOf. */
  lookedAfter: number;
  /** Children with an open CP plan on asOf. */
  onCpPlan: number;
  /** Open child-in-need cases (no CP plan, not looked after) on asOf. */
  openCin: number;
  /** Open early help episodes on asOf. */
  openEarlyHelp: number;
  /** Active EHC plans on asOf. */
  activeEhcps: number;
  /** Front-door contacts over the three years up to asOf. */
  frontDoorContacts: number;
  workers: number;
  teams: number;
}

export const SCALE_TARGETS: Readonly<Record<Scale, ScaleTargets>> = {
  tiny: {
    eyesChildren: 250,
    lcsChildren: 60,
    lookedAfter: 6,
    onCpPlan: 6,
    openCin: 16,
    openEarlyHelp: 20,
    activeEhcps: 11,
    frontDoorContacts: 240,
    workers: 6,
    teams: 2,
  },
  demo: {
    eyesChildren: 3_000,
    lcsChildren: 600,
    lookedAfter: 40,
    onCpPlan: 38,
    openCin: 110,
    openEarlyHelp: 90,
    activeEhcps: 133,
    frontDoorContacts: 2_000,
    workers: 20,
    teams: 4,
  },
  county: {
    eyesChildren: 270_000,
    lcsChildren: 40_000,
    lookedAfter: 1_000,
    onCpPlan: 950,
    openCin: 2_700,
    openEarlyHelp: 2_300,
    activeEhcps: 12_000,
    // Three years rising to 55,000-60,000 a year (council report: 3,436 a month a year earlier, 5,099 in the busiest).
    frontDoorContacts: 155_000,
    workers: 400,
    teams: 40,
  },
};

/** How many months of front-door contacts the county holds. */
export const FRONT_DOOR_MONTHS = 36;

/** Relative contact volume by calendar month (January first): the council's March surge, school holidays. */
const CONTACT_MONTH_WEIGHT = [1.0, 1.05, 1.12, 0.95, 1.05, 1.05, 0.95, 0.75, 1.0, 1.05, 1.05, 0.85] as const;
const MAX_MONTH_WEIGHT = Math.max(...CONTACT_MONTH_WEIGHT);

/** A day's month's contact volume over the busiest month's: the chance to keep a day drawn evenly. */
export const contactMonthShare = (day: number): number =>
  CONTACT_MONTH_WEIGHT[monthOf(day) - 1]! / MAX_MONTH_WEIGHT;

export const DEFAULT_AS_OF = '2026-10-31';

export const SCALES: readonly Scale[] = ['tiny', 'demo', 'county'];
