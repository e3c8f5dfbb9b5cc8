import { describe, expect, it } from 'vitest';
import { createTimescaleRules, createWorkingDayCalendar } from '../../../src/domain/rules/index.ts';
import type { Involvement, SocialCareRecord } from '../../../src/domain/models/socialCare.ts';
import { overdueChildren, statutoryPosition, summariseCaseload } from '../../../src/domain/reports/index.ts';

const rules = createTimescaleRules({ calendar: createWorkingDayCalendar() });
const ASOF = '2026-03-31';
const options = { rules, asOf: ASOF, dueWithinDays: 7 };

function involvement(
  personId: string,
  caseStatus: Involvement['caseStatus'],
  overrides: Partial<Involvement> = {},
): Involvement {
  return {
    involvementId: `I-${personId}-${caseStatus}`,
    personId,
    workerId: 'W1',
    teamId: 'T1',
    role: 'ALLOCATED_SOCIAL_WORKER',
    caseStatus,
    startDate: '2025-01-01',
    endDate: null,
    changeReason: null,
    ...overrides,
  };
}

function record(personId: string, overrides: Partial<SocialCareRecord> = {}): SocialCareRecord {
  return {
    personId,
    contacts: [],
    referrals: [],
    assessments: [],
    s47Enquiries: [],
    cinPlans: [],
    cpPlans: [],
    visits: [],
    claEpisodes: [],
    placements: [],
    legalStatuses: [],
    claReviews: [],
    missingEpisodes: [],
    earlyHelpEpisodes: [],
    involvements: [],
    careLeaver: null,
    uasc: null,
    ...overrides,
  };
}

const visit = (personId: string, kind: 'CIN' | 'CP' | 'CLA', visitDate: string, seen = true) => ({
  visitId: `V-${personId}-${visitDate}`,
  personId,
  kind,
  visitDate,
  seen,
  seenAlone: seen,
  bedroomSeen: null,
  workerId: 'W1',
});

describe('caseload summary', () => {
  it('counts distinct children per status and leaves ended involvements out', () => {
    const summary = summariseCaseload(
      [
        involvement('1', 'CP'),
        involvement('1', 'CP', { involvementId: 'second', role: 'IRO' }),
        involvement('2', 'CLA'),
        involvement('3', 'CIN', { endDate: '2026-03-01' }),
        involvement('4', 'EARLY_HELP', { startDate: '2026-04-10' }),
        involvement('5', 'CIN', { endDate: ASOF }), // ended on the day: not open on it
      ],
      new Map(),
      options,
    );
    expect(summary.children).toBe(2);
    expect(summary.openByStatus).toEqual([
      { status: 'CIN', children: 0 },
      { status: 'CP', children: 1 },
      { status: 'CLA', children: 1 },
      { status: 'EARLY_HELP', children: 0 },
      { status: 'CARE_LEAVER', children: 0 },
    ]);
  });

  it('finds CP visits overdue against the local standard, counting only visits where the child was seen', () => {
    const plan = {
      cpPlanId: 'CP1',
      personId: '1',
      startDate: '2026-01-05',
      endDate: null,
      initialCategory: 'NEG',
      latestCategory: 'NEG',
      reviews: [],
    };
    const records = new Map([
      // seen 2026-03-02: next due 10 working days later (2026-03-16): overdue at 31 March
      [
        '1',
        record('1', {
          cpPlans: [{ ...plan }],
          visits: [visit('1', 'CP', '2026-03-02'), visit('1', 'CP', '2026-03-25', false)],
        }),
      ],
      // seen 2026-03-25: next due 2026-04-08, beyond 7 days: neither
      ['2', record('2', { cpPlans: [{ ...plan, personId: '2' }], visits: [visit('2', 'CP', '2026-03-25')] })],
      // seen 2026-03-20: next due 2026-04-03, within 7 days: due
      ['3', record('3', { cpPlans: [{ ...plan, personId: '3' }], visits: [visit('3', 'CP', '2026-03-20')] })],
    ]);
    const summary = summariseCaseload(
      [involvement('1', 'CP'), involvement('2', 'CP'), involvement('3', 'CP')],
      records,
      options,
    );
    expect(summary).toMatchObject({ visitsOverdue: 1, visitsDue: 1 });
  });

  it('finds an open assessment past 45 working days and an ICPC not held past 15', () => {
    const records = new Map([
      [
        '1',
        record('1', {
          assessments: [
            {
              assessmentId: 'A1',
              personId: '1',
              referralId: 'R1',
              startDate: '2026-01-05',
              childSeen: null,
              authorisationDate: null,
              outcome: null,
              factors: [],
              teamId: 'T1',
              workerId: 'W1',
            },
          ],
          s47Enquiries: [
            {
              s47Id: 'S1',
              personId: '1',
              referralId: 'R1',
              strategyDiscussionDate: '2026-03-02',
              startDate: '2026-03-02',
              endDate: null,
              outcome: null,
              icpc: {
                icpcId: 'I1',
                targetDate: '2026-03-23',
                conferenceDate: null,
                cpPlanOutcome: null,
                transferIn: false,
              },
            },
          ],
        }),
      ],
      [
        '2',
        record('2', {
          assessments: [
            {
              assessmentId: 'A2',
              personId: '2',
              referralId: 'R2',
              startDate: '2026-01-05',
              childSeen: null,
              authorisationDate: '2026-02-01',
              outcome: null,
              factors: [],
              teamId: 'T1',
              workerId: 'W1',
            },
          ],
        }),
      ],
    ]);
    const summary = summariseCaseload([involvement('1', 'CIN'), involvement('2', 'CIN')], records, options);
    expect(summary).toMatchObject({ assessmentsOverdue: 1, icpcsOverdue: 1 });
  });

  it('finds CP reviews and CLA reviews overdue', () => {
    const records = new Map([
      [
        '1',
        // ICPC 2025-10-01: first review due 3 months later (2026-01-01), none held
        record('1', {
          cpPlans: [
            {
              cpPlanId: 'CP1',
              personId: '1',
              startDate: '2025-10-01',
              endDate: null,
              initialCategory: 'NEG',
              latestCategory: 'NEG',
              reviews: [],
            },
          ],
        }),
      ],
      [
        '2',
        // looked after from 2026-03-20: first review within 20 working days, not yet due
        record('2', {
          claEpisodes: [
            {
              episodeId: 'E1',
              personId: '2',
              periodOfCareId: 'PC1',
              startDate: '2026-03-20',
              reasonNewEpisode: 'S',
              primaryNeedCode: 'N1',
              ceasedDate: null,
              reasonCeased: null,
              placementId: null,
              enteredCareDate: '2026-03-20',
            },
          ],
        }),
      ],
      [
        '3',
        // looked after since 2025-06-02 (episode changed since): reviews run from entering care
        record('3', {
          claEpisodes: [
            {
              episodeId: 'E2',
              personId: '3',
              periodOfCareId: 'PC2',
              startDate: '2026-02-01',
              reasonNewEpisode: 'P',
              primaryNeedCode: 'N1',
              ceasedDate: null,
              reasonCeased: null,
              placementId: null,
              enteredCareDate: '2025-06-02',
            },
          ],
          claReviews: [
            {
              reviewId: 'RV1',
              personId: '3',
              dueDate: '2025-06-27',
              reviewDate: '2025-06-27',
              participationCode: null,
            },
          ],
        }),
      ],
    ]);
    const summary = summariseCaseload(
      [involvement('1', 'CP'), involvement('2', 'CLA'), involvement('3', 'CLA')],
      records,
      options,
    );
    expect(summary).toMatchObject({ cpReviewsOverdue: 1, claReviewsOverdue: 1 });
  });

  it('has nothing due for a child whose record could not be found', () => {
    const summary = summariseCaseload([involvement('9', 'CIN')], new Map(), options);
    expect(summary).toMatchObject({ children: 1, visitsDue: 0, visitsOverdue: 0, assessmentsOverdue: 0 });
  });
});

const assessment = (personId: string, startDate: string) => ({
  assessmentId: `A-${personId}-${startDate}`,
  personId,
  referralId: 'R1',
  startDate,
  childSeen: null,
  authorisationDate: null,
  outcome: null,
  factors: [],
  teamId: 'T1',
  workerId: 'W1',
});

describe('from a count to the children', () => {
  it('gives a child’s next visit due and what is overdue since when, in working days', () => {
    // CP plan from Monday 2 March 2026; last seen Friday 13 March; 10 working days later is Friday 27 March.
    // At Tuesday 31 March the visit is 2 working days late. Assessment from 2026-01-05: due 2026-03-09, 16 working days late.
    const position = statutoryPosition(
      record('1', {
        cpPlans: [
          {
            cpPlanId: 'P1',
            personId: '1',
            startDate: '2026-03-02',
            endDate: null,
            initialCategory: 'NEG',
            latestCategory: 'NEG',
            reviews: [],
          },
        ],
        visits: [visit('1', 'CP', '2026-03-13')],
        assessments: [assessment('1', '2026-01-05')],
      }),
      options,
    );
    expect(position).toEqual({
      asOf: ASOF,
      nextVisitDue: '2026-03-27',
      nextCpReviewDue: '2026-06-02',
      nextClaReviewDue: null,
      assessmentDue: '2026-03-09',
      icpcDue: null,
      overdue: [
        { item: 'ASSESSMENT', dueDate: '2026-03-09', workingDaysLate: 16 },
        { item: 'CP_VISIT', dueDate: '2026-03-27', workingDaysLate: 2 },
      ],
    });
  });

  it('lists the overdue children of a caseload, most working days late first, across Easter', () => {
    // Judged on Tuesday 7 April 2026 (Good Friday 3 April, Easter Monday 6 April).
    const at = { rules, asOf: '2026-04-07' };
    const records = new Map([
      ['A', record('A', { assessments: [assessment('A', '2026-01-26')] })], // due 2026-03-30: 4 working days late
      ['B', record('B', { assessments: [assessment('B', '2026-01-19')] })], // due 2026-03-23: 9
      ['C', record('C', { assessments: [assessment('C', '2026-02-09')] })], // due 2026-04-14: not yet
      ['D', record('D', { assessments: [assessment('D', '2026-01-26')] })], // same as A: ordered by id
    ]);
    const children = overdueChildren(
      ['A', 'B', 'C', 'D'].map((id) => involvement(id, 'CIN', { workerId: `W${id}` })),
      records,
      at,
    );
    expect(children.map((c) => [c.personId, c.mostWorkingDaysLate, c.workerIds])).toEqual([
      ['B', 9, ['WB']],
      ['A', 4, ['WA']],
      ['D', 4, ['WD']],
    ]);
  });
});
