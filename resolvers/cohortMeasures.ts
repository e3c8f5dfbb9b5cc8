/**
 * The performance report's care-leaver, UASC and CIN plan measures, and a child's pathway plan and
 * UASC status. Thin: read the lists once through the report read path, hand them to src/domain/reports' pure
 * measures. The measures count children; they name none.
 */
import type { Resolvers } from './types.generated.ts';
import { mapPathwayPlan, mapUasc } from './shapes/socialCare.ts';
import { careLeavers, cinPlansStartedBy, unaccompaniedAsylumSeekers } from '../connectors/reportLists.ts';
import {
  careLeaverMeasures,
  cinPlanMeasures,
  earlier,
  uascLookedAfterOn,
  type CareLeaverGroup,
} from '../src/domain/reports/index.ts';
import { reporting, type PerformanceModel } from './performance.ts';
import type { SocialCareModel } from './socialCare.ts';

const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;

const group = (g: CareLeaverGroup, age: number | null = null) => ({
  age,
  cohort: g.cohort,
  inTouch: g.inTouch,
  inTouchPercent: percent(g.inTouch, g.cohort),
  inSuitableAccommodation: g.inSuitableAccommodation,
  inSuitableAccommodationPercent: percent(g.inSuitableAccommodation, g.cohort),
  inEducationEmploymentOrTraining: g.inEducationEmploymentOrTraining,
  inEducationEmploymentOrTrainingPercent: percent(g.inEducationEmploymentOrTraining, g.cohort),
  byInTouch: [...g.byInTouch]
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1)),
});

export const cohortMeasureResolvers: Resolvers = {
  PerformanceReport: {
    careLeavers: (m: PerformanceModel) =>
      reporting(async () => {
        const countedTo = earlier(m.period.to, m.asOf);
        const [leavers, episodes] = await Promise.all([
          m.sources.list(careLeavers, 'all'),
          m.sources.lookedAfterEpisodesStartedBy(countedTo),
        ]);
        const measures = careLeaverMeasures(leavers.items, episodes.items, m.period, m.asOf);
        return {
          countedTo: measures.countedTo,
          aged17to18: group(measures.aged17to18),
          aged19to21: group(measures.aged19to21),
          byAge: measures.byAge.map((g) => group(g, g.age)),
        };
      }),
    unaccompaniedAsylumSeekingChildren: (m: PerformanceModel) =>
      reporting(async () => {
        const on = earlier(m.period.to, m.asOf);
        const [uasc, lookedAfter, filter] = await Promise.all([
          m.sources.list(unaccompaniedAsylumSeekers, 'all'),
          m.sources.lookedAfterEpisodesOpenOn(on),
          m.filter(),
        ]);
        const held = lookedAfter.items.filter((personId) => filter?.heldOn(personId, on) ?? true);
        const measure = uascLookedAfterOn(uasc.items, held, on);
        return { ...measure, unaccompaniedPercent: percent(measure.unaccompanied, measure.lookedAfter) };
      }),
    childInNeedPlans: (m: PerformanceModel) =>
      reporting(async () => {
        const [plans, filter] = await Promise.all([m.sources.list(cinPlansStartedBy, m.asOf), m.filter()]);
        const measures = cinPlanMeasures(
          plans.items,
          m.period,
          m.asOf,
          (p) => filter?.heldDuring(p.personId, p.startDate, p.endDate) ?? true,
        );
        const r = measures.reviews;
        return { ...measures, reviews: { ...r, completedOnTimePercent: percent(r.onTime, r.completed) } };
      }),
  },

  SocialCare: {
    pathwayPlan: (m: SocialCareModel) => {
      const plan = m.record.careLeaver?.pathwayPlan;
      return plan && m.view.can('socialCare.cla') ? mapPathwayPlan(plan) : null;
    },
    unaccompaniedAsylumSeeker: (m: SocialCareModel) => {
      const uasc = m.record.uasc;
      return uasc && m.view.can('socialCare.cla') ? mapUasc(uasc) : null;
    },
  },
};
