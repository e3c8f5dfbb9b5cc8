import { describe, expect, it } from 'vitest';
import { mapAssessment, mapS47 } from '../../../resolvers/shapes/socialCare.ts';
import { mapAttendance } from '../../../resolvers/shapes/education.ts';

describe("social care models in the graph's field names", () => {
  it('keeps the strategy discussion date on the ICPC, where its timescale starts', () => {
    const s47 = mapS47({
      s47Id: 's1',
      personId: '5',
      referralId: 'r1',
      strategyDiscussionDate: '2026-01-05',
      startDate: '2026-01-06',
      endDate: null,
      outcome: null,
      icpc: {
        icpcId: 'i1',
        targetDate: '2026-01-26',
        conferenceDate: null,
        cpPlanOutcome: null,
        transferIn: false,
      },
    });
    expect(s47.icpc).toMatchObject({ id: 'i1', strategyDiscussionDate: '2026-01-05' });
    expect(
      mapAssessment({
        assessmentId: 'a',
        personId: '5',
        referralId: 'r',
        startDate: '2026-01-01',
        childSeen: null,
        authorisationDate: null,
        outcome: null,
        factors: ['1B'],
        teamId: null,
        workerId: null,
      }),
    ).toEqual({
      id: 'a',
      referralId: 'r',
      startDate: '2026-01-01',
      childSeen: null,
      authorisationDate: null,
      outcome: null,
      factors: ['1B'],
    });
  });
});

describe("education models in the graph's field names", () => {
  it('computes attendance as a percentage and flags persistent absence at 10%', () => {
    const year = {
      academicYear: '2025/26',
      possibleSessions: 300,
      attendedSessions: 270,
      authorisedAbsence: 20,
      unauthorisedAbsence: 10,
    };
    expect(mapAttendance(year)).toMatchObject({ percentage: 90, persistentAbsence: true });
    expect(mapAttendance({ ...year, attendedSessions: 271, authorisedAbsence: 19 })).toMatchObject({
      percentage: 90.3,
      persistentAbsence: false,
    });
  });
});
