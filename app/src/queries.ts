/**
 * Every GraphQL document the app sends, and the shapes it reads back: one module, so a new field
 * (for example the overdue children a team's caseload gains) is added in one place.
 *
 * The child document asks only for the parts of the record in the field groups the hub says the
 * viewer may see (`access.granted`): a part the viewer may not see is never asked for, so it never
 * raises a refusal in the child's audit trail.
 */

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}
export interface Connection<T> {
  nodes: T[];
  totalCount: number;
  pageInfo?: PageInfo;
}
export interface PersonName {
  forename: string;
  surname: string;
}
export interface Timeliness {
  dueDate: string;
  completedDate: string | null;
  status: 'ON_TIME' | 'LATE' | 'DUE' | 'OVERDUE';
  daysLate: number | null;
}

export const ME = /* GraphQL */ `
  query AppMe {
    me {
      userId
      roles
      worker {
        id
        name
      }
      team {
        id
        name
      }
    }
  }
`;
export interface MeData {
  me: {
    userId: string;
    roles: string[];
    worker: { id: string; name: string } | null;
    team: { id: string; name: string } | null;
  };
}

export const SEARCH_CHILDREN = /* GraphQL */ `
  query AppSearchChildren($name: String, $dateOfBirth: Date, $identifier: String) {
    searchChildren(name: $name, dateOfBirth: $dateOfBirth, identifier: $identifier, first: 20) {
      nodes {
        childId
        name {
          forename
          surname
        }
        dateOfBirth
        score
        systems
      }
    }
  }
`;
export interface SearchHit {
  childId: string;
  name: PersonName | null;
  dateOfBirth: string | null;
  score: number;
  systems: string[];
}
export interface SearchData {
  searchChildren: { nodes: SearchHit[] };
}

/** Field groups of the access policy the child view asks for, each behind its own switch. */
export const CHILD_PARTS = {
  socialCareDetail: 'socialCare.detail',
  socialCareCp: 'socialCare.cp',
  socialCareCla: 'socialCare.cla',
  educationSummary: 'education.summary',
  educationDetail: 'education.detail',
  send: 'send',
  frontDoor: 'frontDoor',
  finance: 'finance',
  flags: 'flags',
  socialCareSummary: 'socialCare.summary',
} as const;
export type ChildPart = keyof typeof CHILD_PARTS;
export type ChildSwitches = Record<ChildPart, boolean>;

export function switchesFor(granted: readonly string[]): ChildSwitches {
  const switches = {} as ChildSwitches;
  for (const [part, group] of Object.entries(CHILD_PARTS))
    switches[part as ChildPart] = granted.includes(group);
  return switches;
}
export const NO_PARTS: ChildSwitches = switchesFor([]);

const TIMELINESS = 'dueDate completedDate status daysLate';

/** Each part of the child view: the selection it adds, under the field it belongs to. */
const PART_SELECTIONS: Record<ChildPart, string> = {
  flags: `flags {
    knownToSocialCare onChildProtectionPlan lookedAfter childInNeed earlyHelp recentMissingEpisodes
    ehcp senSupport freeSchoolMeals neet
  }`,
  socialCareSummary: `socialCareContact {
    knownToSocialCare caseStatus allocatedWorker { name } team { name }
  }`,
  socialCareDetail: `caseStatus
    referrals(first: 10) { totalCount nodes { id date primaryNeed source outcome closeDate } }
    assessments(first: 10) { totalCount nodes { id startDate authorisationDate timeliness { ${TIMELINESS} } } }
    visits(first: 10) { totalCount nodes { id kind date seen seenAlone } }`,
  socialCareCp: `cpPlans(first: 5) {
    totalCount nodes { id startDate endDate latestCategory nextReview { ${TIMELINESS} } }
  }`,
  socialCareCla: `placements(first: 5) {
    totalCount nodes { id startDate endDate placementType providerName }
  }`,
  educationSummary: 'currentSetting { settingName phase yearGroup startDate }',
  educationDetail: `attendance(first: 3) { nodes { academicYear percentage persistentAbsence } }
    exclusions(first: 5) { totalCount nodes { id kind startDate sessions reason } }`,
  send: `senSupport(first: 3) { nodes { startDate endDate primaryNeed } }
    ehcpRequests(first: 5) {
      totalCount
      nodes { id requestDate requestOutcome planTimeliness { ${TIMELINESS} } plan { startDate primaryNeed } }
    }`,
  frontDoor: `frontDoor {
    contacts(first: 20) { totalCount nodes { id route date source reason rag decision routedTo } }
  }`,
  finance: `finance {
    clientRefs
    summary { thisFinancialYear forecastYear committed weeklyRateNow }
    agreements(first: 20) {
      totalCount
      nodes {
        id serviceType providerName startDate endDate status currentRate { amount unit } costThisFinancialYear
      }
    }
  }`,
};

/**
 * The child document for the parts switched on. It is composed rather than one document with
 * `@include(if: false)` switches because the hub's audit counts a skipped field as asked for, and so
 * would record a refusal for every part the viewer may not see.
 */
export function childDocument(parts: ChildSwitches): string {
  const pick = (part: ChildPart) => (parts[part] ? PART_SELECTIONS[part] : '');
  const socialCare = parts.socialCareDetail
    ? `socialCare { ${pick('socialCareDetail')} ${pick('socialCareCp')} ${pick('socialCareCla')} }`
    : '';
  const education = parts.educationSummary
    ? `education { ${pick('educationSummary')} ${pick('educationDetail')} ${pick('send')} }`
    : '';
  return `query AppChild($id: ID!, $breakGlass: BreakGlassInput) {
  child(id: $id, breakGlass: $breakGlass) {
    id
    name { forename surname }
    dateOfBirth
    sex
    identifiers { nhsNumber upn }
    sources { system status asOf }
    access { relationship granted withheld }
    ${pick('flags')}
    ${pick('socialCareSummary')}
    ${socialCare}
    ${education}
    ${pick('frontDoor')}
    ${pick('finance')}
  }
}`;
}

/** Who has looked at the child's record: read when its tab is opened, so it includes this very look. */
export const ACCESS_LOG = /* GraphQL */ `
  query AppAccessLog($id: ID!, $breakGlass: BreakGlassInput) {
    child(id: $id, breakGlass: $breakGlass) {
      id
      accessLog(first: 25) {
        at
        userId
        roles
        action
        decision
        purpose
        breakGlass {
          reasonCode
        }
      }
    }
  }
`;
export interface AccessLogData {
  child: { id: string; accessLog: AccessRecord[] | null } | null;
}

export type SourceState = 'OK' | 'STALE' | 'UNAVAILABLE' | 'TIMEOUT' | 'RESTRICTED' | 'NOT_LINKED';
export interface SourceStatus {
  system: 'LCS' | 'EYES' | 'LIFT' | 'FRONTDOOR';
  status: SourceState;
  asOf: string | null;
}
export interface AccessRecord {
  at: string;
  userId: string;
  roles: string[];
  action: string;
  decision: string;
  purpose: string | null;
  breakGlass: { reasonCode: string } | null;
}
export interface ChildRecord {
  id: string;
  name: PersonName | null;
  dateOfBirth: string | null;
  sex: string | null;
  identifiers: { nhsNumber: string | null; upn: string | null };
  sources: SourceStatus[];
  access: { relationship: string; granted: string[]; withheld: string[] };
  flags?: Record<string, boolean> | null;
  socialCareContact?: {
    knownToSocialCare: boolean;
    caseStatus: string | null;
    allocatedWorker: { name: string } | null;
    team: { name: string } | null;
  } | null;
  socialCare?: {
    caseStatus: string | null;
    referrals: Connection<{
      id: string;
      date: string;
      primaryNeed: string;
      source: string;
      outcome: string;
      closeDate: string | null;
    }>;
    assessments: Connection<{
      id: string;
      startDate: string;
      authorisationDate: string | null;
      timeliness: Timeliness;
    }>;
    visits: Connection<{ id: string; kind: string; date: string; seen: boolean; seenAlone: boolean }>;
    cpPlans?: Connection<{
      id: string;
      startDate: string;
      endDate: string | null;
      latestCategory: string;
      nextReview: Timeliness | null;
    }>;
    placements?: Connection<{
      id: string;
      startDate: string;
      endDate: string | null;
      placementType: string;
      providerName: string;
    }>;
  } | null;
  education?: {
    currentSetting: {
      settingName: string;
      phase: string;
      yearGroup: string | null;
      startDate: string;
    } | null;
    attendance?: Connection<{ academicYear: string; percentage: number; persistentAbsence: boolean }>;
    exclusions?: Connection<{
      id: string;
      kind: string;
      startDate: string;
      sessions: number;
      reason: string;
    }>;
    senSupport?: Connection<{ startDate: string; endDate: string | null; primaryNeed: string }>;
    ehcpRequests?: Connection<{
      id: string;
      requestDate: string;
      requestOutcome: string;
      planTimeliness: Timeliness | null;
      plan: { startDate: string; primaryNeed: string } | null;
    }>;
  } | null;
  frontDoor?: {
    contacts: Connection<{
      id: string;
      route: string;
      date: string;
      source: string;
      reason: string;
      rag: string | null;
      decision: string | null;
      routedTo: string | null;
    }>;
  } | null;
  finance?: {
    clientRefs: string[];
    summary: {
      thisFinancialYear: number;
      forecastYear: number;
      committed: number;
      weeklyRateNow: number;
    };
    agreements: Connection<{
      id: string;
      serviceType: string;
      providerName: string;
      startDate: string;
      endDate: string | null;
      status: string;
      currentRate: { amount: number; unit: string } | null;
      costThisFinancialYear: number;
    }>;
  } | null;
}
export interface ChildData {
  child: ChildRecord | null;
}

export const CHRONOLOGY = /* GraphQL */ `
  query AppChronology(
    $id: ID!
    $breakGlass: BreakGlassInput
    $kinds: [ChronologyKind!]
    $from: Date
    $to: Date
    $after: String
  ) {
    child(id: $id, breakGlass: $breakGlass) {
      id
      chronology(kinds: $kinds, from: $from, to: $to, first: 25, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          date
          system
          kind
          summary
          record {
            kind
            id
          }
        }
      }
    }
  }
`;
export interface ChronologyEvent {
  date: string;
  system: string;
  kind: string;
  summary: string;
  record: { kind: string; id: string };
}
export interface ChronologyData {
  child: { id: string; chronology: (Connection<ChronologyEvent> & { pageInfo: PageInfo }) | null } | null;
}

export const CHRONOLOGY_KINDS = [
  'CONTACT',
  'REFERRAL',
  'ASSESSMENT',
  'S47',
  'ICPC',
  'CP_PLAN',
  'CIN_PLAN',
  'VISIT',
  'CLA_EPISODE',
  'PLACEMENT',
  'LEGAL_STATUS',
  'CLA_REVIEW',
  'CP_REVIEW',
  'MISSING',
  'EARLY_HELP',
  'ENROLMENT',
  'EXCLUSION',
  'EHCP',
  'FRONT_DOOR_CONTACT',
  'SERVICE_AGREEMENT',
] as const;

/** A team's caseload, worker by worker, with what is overdue (counts of children). */
export const TEAM_CASELOAD = /* GraphQL */ `
  query AppTeamCaseload($teamId: ID!) {
    team(id: $teamId) {
      id
      name
      service
      caseloadSummary {
        asOf
        children
        visitsDue
        visitsOverdue
        cpReviewsOverdue
        claReviewsOverdue
        assessmentsOverdue
        icpcsOverdue
      }
      caseloadByWorker {
        worker {
          id
          name
          jobTitle
          agency
        }
        summary {
          children
          visitsDue
          visitsOverdue
          cpReviewsOverdue
          claReviewsOverdue
          assessmentsOverdue
          icpcsOverdue
        }
      }
      overdueChildren(first: 10) {
        totalCount
        nodes {
          childId
          name {
            forename
            surname
          }
          workers {
            id
            name
          }
          mostWorkingDaysLate
          overdue {
            item
            dueDate
            workingDaysLate
          }
        }
      }
    }
  }
`;
export interface CaseloadSummary {
  children: number;
  visitsDue: number;
  visitsOverdue: number;
  cpReviewsOverdue: number;
  claReviewsOverdue: number;
  assessmentsOverdue: number;
  icpcsOverdue: number;
}
export interface TeamCaseloadData {
  team: {
    id: string;
    name: string;
    service: string;
    caseloadSummary: (CaseloadSummary & { asOf: string }) | null;
    caseloadByWorker: Array<{
      worker: { id: string; name: string; jobTitle: string; agency: boolean };
      summary: CaseloadSummary;
    }> | null;
    /** The team's most urgent overdue children, with the workers holding them. */
    overdueChildren: Connection<OverdueChild & { workers: Array<{ id: string; name: string }> }> | null;
  } | null;
}

/** One worker's open cases: the children behind the team's counts. */
export const WORKER_CASELOAD = /* GraphQL */ `
  query AppWorkerCaseload($workerId: ID!, $after: String) {
    worker(id: $workerId) {
      id
      name
      caseloadSummary {
        children
        visitsDue
        visitsOverdue
        cpReviewsOverdue
        claReviewsOverdue
        assessmentsOverdue
        icpcsOverdue
      }
      caseload(first: 50, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          childId
          name {
            forename
            surname
          }
          dateOfBirth
          caseStatus
          since
          flags {
            onChildProtectionPlan
            lookedAfter
            recentMissingEpisodes
          }
          statutory {
            nextVisitDue
            nextCpReviewDue
            nextClaReviewDue
            assessmentDue
            icpcDue
          }
        }
      }
    }
  }
`;

/** The children on a worker's caseload with anything overdue, most urgent first, as the hub orders them. */
export const WORKER_OVERDUE_CHILDREN = /* GraphQL */ `
  query AppWorkerOverdueChildren($workerId: ID!, $after: String) {
    worker(id: $workerId) {
      id
      overdueChildren(first: 50, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          childId
          name {
            forename
            surname
          }
          mostWorkingDaysLate
          overdue {
            item
            dueDate
            workingDaysLate
          }
        }
      }
    }
  }
`;
export type StatutoryItem =
  'CP_VISIT' | 'CIN_VISIT' | 'CLA_VISIT' | 'CP_REVIEW' | 'CLA_REVIEW' | 'ASSESSMENT' | 'ICPC';
export interface OverdueChild {
  childId: string;
  name: PersonName | null;
  mostWorkingDaysLate: number;
  overdue: Array<{ item: StatutoryItem; dueDate: string; workingDaysLate: number }>;
}
export interface WorkerOverdueChildrenData {
  worker: {
    id: string;
    overdueChildren: (Connection<OverdueChild> & { pageInfo: PageInfo }) | null;
  } | null;
}
export interface CaseloadEntry {
  childId: string;
  name: PersonName | null;
  dateOfBirth: string | null;
  caseStatus: string;
  since: string;
  flags: { onChildProtectionPlan: boolean; lookedAfter: boolean; recentMissingEpisodes: boolean } | null;
  statutory: {
    nextVisitDue: string | null;
    nextCpReviewDue: string | null;
    nextClaReviewDue: string | null;
    assessmentDue: string | null;
    icpcDue: string | null;
  } | null;
}
export interface WorkerCaseloadData {
  worker: {
    id: string;
    name: string;
    caseloadSummary: CaseloadSummary | null;
    caseload: (Connection<CaseloadEntry> & { pageInfo: PageInfo }) | null;
  } | null;
}

export const FINANCE_REPORT = /* GraphQL */ `
  query AppFinanceReport {
    financeReport {
      asOf
      financialYear
      previousFinancialYear
      dataAsOf
      stale
      totals {
        children
        agreements
        thisFinancialYear
        forecastYear
        previousYear
        changePercent
        committed
      }
      budget {
        totals {
          budgetLines
          budget
          spentYearToDate
          committed
          forecast
          variance
          variancePercent
          budgetExceededIn
          months {
            month
            budget
            spent
            committed
            forecast
          }
        }
      }
      highNeeds {
        totals {
          pupils
          costs
          spentYearToDate
          committed
          forecast
        }
      }
      highestCostChildren(first: 10) {
        childId
        figures {
          agreements
          thisFinancialYear
          forecastYear
        }
      }
    }
  }
`;
/** One month of the year's budget: its share of the budget against spent and committed. */
export interface BudgetMonth {
  month: string;
  budget: number;
  spent: number;
  committed: number;
  forecast: number;
}
export interface FinanceReportData {
  financeReport: {
    asOf: string;
    financialYear: string;
    previousFinancialYear: string;
    dataAsOf: string;
    stale: boolean;
    totals: {
      children: number;
      agreements: number;
      thisFinancialYear: number;
      forecastYear: number;
      previousYear: number;
      changePercent: number | null;
      committed: number;
    };
    budget: {
      totals: {
        budgetLines: number;
        budget: number;
        spentYearToDate: number;
        committed: number;
        forecast: number;
        variance: number;
        variancePercent: number | null;
        budgetExceededIn: string | null;
        months: BudgetMonth[];
      };
    };
    /** SEND costs (LIFT phase two): charged to budget lines too, apart from the children's agreements. */
    highNeeds: {
      totals: {
        pupils: number;
        costs: number;
        spentYearToDate: number;
        committed: number;
        forecast: number;
      };
    };
    highestCostChildren: Array<{
      childId: string;
      figures: {
        agreements: number;
        thisFinancialYear: number;
        forecastYear: number;
      };
    }>;
  } | null;
}
