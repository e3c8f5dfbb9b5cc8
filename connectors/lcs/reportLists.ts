/**
 * The LCS lists the care-leaver, UASC and CIN plan measures read, declared for the report loader
 * (src/reports/loader.ts reads each once per key through the shared cache), mapped here from the
 * wire to the compact shape each measure needs: the connector owns the wire.
 */
import { readAllPages } from '../shared/loaderKit.ts';
import type { LcsCareLeaver, LcsCinPlan, LcsUasc } from './types.ts';
import type { CareLeaverFact } from '../../src/reports/careLeavers.ts';
import type { CinPlanFact } from '../../src/reports/cinPlans.ts';
import type { ReportListSpec } from '../../src/reports/loader.ts';
import type { UascFact } from '../../src/reports/uasc.ts';

export const careLeaverFact = (c: LcsCareLeaver): CareLeaverFact => ({
  personId: c.personId,
  dateOfBirth: c.dateOfBirth,
  contacts: c.contacts.map((x) => ({
    age: x.age,
    inTouch: x.inTouch,
    activity: x.activity,
    accommodation: x.accommodation,
  })),
});

export const uascFact = (u: LcsUasc): UascFact => ({
  personId: u.personId,
  arrivalDate: u.arrivalDate,
  uascCeasedDate: u.uascCeasedDate,
  ageAssessmentRequested: u.ageAssessment?.requestedDate ?? null,
  ageAssessmentCompleted: u.ageAssessment?.completedDate ?? null,
});

export const cinPlanFact = (p: LcsCinPlan): CinPlanFact => ({
  personId: p.personId,
  startDate: p.startDate,
  endDate: p.endDate,
  reviews: (p.reviews ?? []).map((r) => ({ dueDate: r.dueDate, reviewDate: r.reviewDate })),
});

/** Every care leaver LCS holds (key `all`). */
export const CARE_LEAVERS: ReportListSpec<CareLeaverFact> = {
  system: 'lcs',
  resource: 'report-care-leavers',
  read: async (clients, scope) =>
    (await readAllPages((cursor) => clients.lcs.careLeaversPage(cursor, scope))).map(careLeaverFact),
};

/** Every unaccompanied asylum-seeking child, current or former, LCS holds (key `all`). */
export const UASC: ReportListSpec<UascFact> = {
  system: 'lcs',
  resource: 'report-uasc',
  read: async (clients, scope) =>
    (await readAllPages((cursor) => clients.lcs.uascPage(cursor, scope))).map(uascFact),
};

/** Every CIN plan started on or before the key date, with its reviews. */
export const CIN_PLANS_STARTED_BY: ReportListSpec<CinPlanFact> = {
  system: 'lcs',
  resource: 'report-cin-plans-started-by',
  read: async (clients, scope, date) =>
    (await readAllPages((cursor) => clients.lcs.cinPlansPage(cursor, scope, { to: date }))).map(cinPlanFact),
};
