/**
 * A small county assembled by hand from records that match the contracts: enough to exercise every
 * route, filter and batch read with known answers. Entirely fictional data.
 */
import type { County, GroundTruthChild, RecordSet } from '../../../simulators/county/types.ts';

export function recordSet<T>(records: readonly T[], idOf: (record: T) => string): RecordSet<T> {
  const byId = new Map(records.map((r) => [idOf(r), r]));
  const ids = records.map(idOf);
  return { size: ids.length, ids: () => ids, get: (id) => byId.get(id) };
}

const at = (date: string) => `${date}T09:00:00Z`;
const address = { line1: '1 Test Row', town: 'Testtown', postcode: 'ZZ1 1ZZ', from: '2015-01-01', to: null };

function person(personId: string, updatedAt: string) {
  return {
    personId,
    legacyId: null,
    forename: `Forename${personId}`,
    surname: `Surname${personId}`,
    aliases: [],
    sex: 'F' as const,
    gender: null,
    ethnicity: 'WBRI',
    dateOfBirth: '2015-05-01',
    expectedDateOfBirth: null,
    deathDate: null,
    nhsNumber: null,
    upn: null,
    upnUnknownReason: null,
    sendFlag: false,
    nationality: null,
    addresses: [address],
    restriction: null,
    adoptionIdentity: null,
    updatedAt,
  };
}

/** Person n has n referrals, assessments and s47s, one CP plan and one CLA episode, dated by n. */
function socialCare(personId: string, n: number) {
  const day = (i: number) => `2024-0${n}-1${i}`;
  const list = <T>(make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));
  return {
    personId,
    contacts: [],
    referrals: list((i) => ({
      referralId: `R${personId}-${i}`,
      personId,
      referralDate: day(i),
      primaryNeedCode: 'N1',
      referralSource: '2A',
      outcome: 'ASSESSMENT',
      nfa: false,
      closeReason: null,
      closeDate: null,
      teamId: 'T1',
      workerId: 'W1',
    })),
    assessments: list((i) => ({
      assessmentId: `A${personId}-${i}`,
      personId,
      referralId: `R${personId}-${i}`,
      startDate: day(i),
      childSeen: null,
      authorisationDate: null,
      outcome: null,
      factors: ['1B'],
      teamId: 'T1',
      workerId: 'W1',
    })),
    s47Enquiries: list((i) => ({
      s47Id: `S${personId}-${i}`,
      personId,
      referralId: `R${personId}-${i}`,
      strategyDiscussionDate: day(i),
      startDate: day(i),
      endDate: null,
      outcome: null,
      icpc: {
        icpcId: `I${personId}-${i}`,
        targetDate: day(i),
        conferenceDate: null,
        cpPlanOutcome: null,
        transferIn: false,
      },
    })),
    cinPlans: [],
    cpPlans: [
      {
        cpPlanId: `CP${personId}`,
        personId,
        startDate: `2024-0${n}-01`,
        endDate: n === 1 ? '2024-03-31' : null,
        initialCategory: 'NEG',
        latestCategory: 'NEG',
        reviews: [
          { reviewId: `CPR${personId}`, dueDate: '2024-06-01', reviewDate: null, continuePlan: null },
        ],
      },
    ],
    visits: [],
    claEpisodes: [
      {
        episodeId: `E${personId}`,
        personId,
        periodOfCareId: `P${personId}`,
        startDate: `2023-0${n}-01`,
        reasonNewEpisode: 'S',
        primaryNeedCode: 'N1',
        ceasedDate: n === 2 ? '2023-12-31' : null,
        reasonCeased: n === 2 ? 'E4A' : null,
        placementId: null,
        enteredCareDate: `2023-0${n}-01`,
      },
    ],
    placements: [],
    legalStatuses: [],
    claReviews: [],
    missingEpisodes: [],
    earlyHelpEpisodes: [],
    involvements: [
      {
        involvementId: `INV${personId}`,
        personId,
        workerId: n === 3 ? 'W2' : 'W1',
        teamId: 'T1',
        role: 'ALLOCATED_SOCIAL_WORKER',
        caseStatus: 'CIN' as const,
        startDate: '2024-01-01',
        endDate: n === 2 ? '2024-05-01' : null,
        changeReason: null,
      },
    ],
  };
}

const worker = (workerId: string, teamId: string) => ({
  workerId,
  staffId: `S-${workerId}`,
  name: `Worker ${workerId}`,
  socialWorkRegistration: null,
  jobTitle: 'Social Worker',
  teamId,
  fte: 1,
  agency: false,
});

const pupil = (pupilId: string, updatedAt: string) => ({
  pupilId,
  upn: null,
  upnUnknownReason: 'UN1',
  uln: null,
  nhsNumber: null,
  lcsPersonId: null,
  forename: `Pupil${pupilId}`,
  surname: 'Testpupil',
  preferredSurname: null,
  dateOfBirth: '2014-09-01',
  sex: 'M' as const,
  ethnicity: 'WBRI',
  addresses: [address],
  updatedAt,
});

const educationRecord = (pupilId: string, requestDates: string[]) => ({
  pupilId,
  enrolments: [],
  attendance: [],
  exclusions: [],
  fsmPeriods: [],
  earlyYearsFunding: [],
  senSupport: [],
  ehcpRequests: requestDates.map((requestDate, i) => ({
    requestId: `EHC${pupilId}-${i}`,
    pupilId,
    requestDate,
    requestSource: 'PARENT',
    decisionToAssessDate: null,
    requestOutcome: 'PENDING',
    assessmentOutcome: 'PENDING',
    assessmentOutcomeDate: null,
    twentyWeekException: false,
    plan: null,
  })),
  neet: [],
  missingEducation: [],
});

const agreement = (
  agreementId: string,
  clientRef: string,
  lcsPersonId: string,
  startDate: string,
  endDate: string | null,
  status: 'ACTIVE' | 'ENDED' | 'CANCELLED',
) => ({
  agreementId,
  clientRef,
  lcsPersonId,
  lcsPlacementId: null,
  serviceType: 'PLACEMENT',
  placementType: 'U4',
  providerId: 'PRV1',
  providerName: 'Test Fostering',
  providerType: 'PR4',
  teamId: 'T1',
  serviceLine: 'FOSTERING_AGENCY',
  costCentre: 'CC-T1',
  startDate,
  plannedEndDate: null,
  endDate,
  status,
  rates: [{ effectiveFrom: startDate, amountPence: 50_000, unit: 'WEEKLY' as const, recordedAt: startDate }],
  commitmentPence: 1_000_000,
});

const payment = (paymentId: string, agreementId: string, clientRef: string, paidOn: string) => ({
  paymentId,
  agreementId,
  clientRef,
  periodStart: paidOn,
  periodEnd: paidOn,
  paidOn,
  amountPence: 50_000,
  invoiceRef: null,
});

const contact = (contactId: string, contactDate: string, lcsPersonId: string | null, updatedAt: string) => ({
  contactId,
  route: 'C-SPA' as const,
  receivedAt: at(contactDate),
  contactDate,
  sourceCode: '2A',
  reason: 'Concern raised',
  subject: {
    forename: 'Caller',
    surname: 'Given',
    dateOfBirth: null,
    postcode: null,
    sex: null,
    nhsNumber: null,
    lcsPersonId,
  },
  rag: null,
  decision: null,
  decidedAt: null,
  routedTo: null,
  updatedAt,
});

export function buildTestCounty(): County {
  const people = [
    person('101', at('2024-03-01')),
    person('102', at('2024-01-01')),
    person('103', at('2024-02-01')),
  ];
  const records = people.map((p, i) => socialCare(p.personId, i + 1));
  const groundTruth: GroundTruthChild[] = [
    { child: 'C1', lcs: ['101'], eyes: ['P1'], lift: ['CL1'], frontdoor: ['F1'], adoptionPair: null },
  ];
  return {
    seed: 'fixture',
    scale: 'tiny',
    asOf: '2024-06-30',
    lcs: {
      people: recordSet(people, (p) => p.personId),
      socialCare: recordSet(records, (r) => r.personId),
      workers: recordSet([worker('W1', 'T1'), worker('W2', 'T1'), worker('W3', 'T2')], (w) => w.workerId),
      teams: recordSet(
        [
          {
            teamId: 'T1',
            name: 'Assessment North',
            service: 'CSC',
            parentTeamId: null,
            managerWorkerId: 'W1',
          },
          { teamId: 'T2', name: 'Disabilities', service: 'CSC', parentTeamId: null, managerWorkerId: null },
        ],
        (t) => t.teamId,
      ),
    },
    eyes: {
      pupils: recordSet([pupil('P1', at('2024-02-01')), pupil('P2', at('2024-01-01'))], (p) => p.pupilId),
      records: recordSet(
        [educationRecord('P1', ['2024-02-10', '2024-04-10']), educationRecord('P2', ['2024-03-10'])],
        (r) => r.pupilId,
      ),
      settings: recordSet(
        [
          {
            settingId: 'SET1',
            urn: '100001',
            name: 'Test Primary',
            phase: 'PRIMARY',
            laCode: '999',
            establishmentNumber: '2001',
            postcode: 'ZZ1 1ZZ',
          },
        ],
        (s) => s.settingId,
      ),
    },
    lift: {
      clients: recordSet(
        [
          { clientRef: 'CL1', lcsPersonId: '101', name: 'Client One', dateOfBirth: null },
          { clientRef: 'CL2', lcsPersonId: '102', name: 'Client Two', dateOfBirth: null },
          { clientRef: 'CL3', lcsPersonId: '101', name: 'Client One (duplicate)', dateOfBirth: null },
        ],
        (c) => c.clientRef,
      ),
      agreements: recordSet(
        [
          agreement('AG1', 'CL1', '101', '2024-01-01', null, 'ACTIVE'),
          agreement('AG2', 'CL2', '102', '2023-01-01', '2023-12-31', 'ENDED'),
          agreement('AG3', 'CL1', '101', '2024-02-01', null, 'CANCELLED'),
        ],
        (a) => a.agreementId,
      ),
      payments: recordSet(
        [
          payment('PAY1', 'AG1', 'CL1', '2024-01-31'),
          payment('PAY2', 'AG2', 'CL2', '2023-06-30'),
          payment('PAY3', 'AG1', 'CL1', '2024-02-29'),
        ],
        (p) => p.paymentId,
      ),
      budgetLines: recordSet(
        [
          {
            budgetLineId: 'BL1',
            financialYear: '2023/24',
            serviceLine: 'FOSTERING_AGENCY',
            costCentre: 'CC-T1',
            teamId: 'T1',
            placementType: 'U4',
            fundingStream: 'GENERAL_FUND' as const,
            originalBudgetPence: 5_000_000,
            virements: [
              { virementId: 'VR1', effectiveDate: '2024-01-10', amountPence: 200_000, reason: 'From BL0' },
            ],
          },
        ],
        (b) => b.budgetLineId,
      ),
      sendCosts: recordSet(
        [
          {
            sendCostId: 'SC1',
            pupilId: 'PU1',
            upn: null,
            costType: 'TOP_UP' as const,
            fundingStream: 'HIGH_NEEDS_BLOCK' as const,
            providerName: 'Maintained school (top-up)',
            serviceLine: 'TOP_UP',
            costCentre: 'CC-HIGH-NEEDS',
            startDate: '2023-09-01',
            plannedEndDate: '2024-07-31',
            endDate: null,
            status: 'ACTIVE' as const,
            rates: [
              {
                effectiveFrom: '2023-09-01',
                amountPence: 20_000,
                unit: 'WEEKLY' as const,
                recordedAt: '2023-09-01',
              },
            ],
          },
        ],
        (c) => c.sendCostId,
      ),
    },
    frontdoor: {
      contacts: recordSet(
        [
          contact('F1', '2024-03-05', '101', at('2024-03-05')),
          contact('F2', '2024-01-05', null, at('2024-04-01')),
          contact('F3', '2024-02-05', '101', at('2024-02-05')),
        ],
        (c) => c.contactId,
      ),
    },
    groundTruth: () => groundTruth,
    recordFlaws: () => [],
  };
}
