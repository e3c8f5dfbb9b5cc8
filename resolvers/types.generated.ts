/* Generated from schema/*.graphql by `npm run codegen` (codegen.ts). Do not edit. */
import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ChildView } from './support/childView.ts';
import type { SearchHitModel } from './child.ts';
import type { WorkerRef, TeamRef, CaseloadEntryModel } from './workforce.ts';
import type { SocialCareModel, AssessmentModel, IcpcModel, CpPlanModel } from './socialCare.ts';
import type { EducationModel, EhcpRequestModel } from './education.ts';
import type { FrontDoorModel, FrontDoorContactModel } from './frontDoor.ts';
import type { FinanceModel, SendFinanceModel, SendCostModel, ServiceAgreementModel } from './finance.ts';
import type { ReportModel } from './financeReports.ts';
import type { PerformanceModel, FrontDoorMeasuresModel, OverdueChildModel } from './performance.ts';
import type { AccessRecordModel } from './audit.ts';
import type { EhcPlanModel, CmeEpisodeModel, AnnualReviewMeasuresModel, MissingEducationMeasuresModel } from './send.ts';
import type { HubContext } from './context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, `YYYY-MM-DD`. */
  Date: { input: string; output: string; }
  /** An instant in ISO 8601 with an offset, e.g. `2026-11-26T09:30:00Z`. */
  DateTime: { input: string; output: string; }
  /** An amount of money in integer pence (never floating point). */
  Pence: { input: number; output: number; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** Why the viewer sees what they see of this child. */
export type AccessDecision = {
  __typename?: 'AccessDecision';
  /** Field groups shown. */
  granted: Array<Scalars['String']['output']>;
  /** ALLOCATED, TEAM, ROLE, BREAK_GLASS or NONE. */
  relationship: Scalars['String']['output'];
  /** Field groups withheld from this viewer. */
  withheld: Array<Scalars['String']['output']>;
};

/** One sealed record of the audit trail: one consultation of a record, or one refusal. */
export type AccessRecord = {
  __typename?: 'AccessRecord';
  /** What was done. */
  action: AuditAction;
  /** When the hub recorded the access. */
  at: Scalars['DateTime']['output'];
  /** The override used, when the record was opened by break-glass. */
  breakGlass?: Maybe<BreakGlassUse>;
  /** The child's hub id; null for a search or an audit query not about one child, and for an unknown id. */
  childId?: Maybe<Scalars['ID']['output']>;
  /**
   * The children a list disclosed, by hub id, in the order shown: search results, caseload entries,
   * report lines naming children. Children this viewer may not know exist are left out.
   */
  childIds: Array<Scalars['ID']['output']>;
  /** Whether it was allowed. */
  decision: AuditDecision;
  /** The GraphQL fields requested. */
  fields: Array<Scalars['String']['output']>;
  /** Field groups shown (for a denial: refused), as in the access policy. */
  groups: Array<Scalars['String']['output']>;
  /** The purpose the user stated, if any. */
  purpose?: Maybe<Scalars['String']['output']>;
  /** The request that made the access (matches the `x-request-id` response header). */
  requestId: Scalars['ID']['output'];
  /** The roles they held at the time. */
  roles: Array<Scalars['String']['output']>;
  /** Position in the hash chain: 1, 2, 3, … with no gaps. */
  seq: Scalars['Int']['output'];
  /** The team they belonged to at the time. */
  teamId?: Maybe<Scalars['ID']['output']>;
  /** Who made the access (the token's subject). */
  userId: Scalars['ID']['output'];
};

/** A postal address with the period the child lived there. */
export type Address = {
  __typename?: 'Address';
  /** Lived here from. */
  from: Scalars['Date']['output'];
  /** First line. */
  line1: Scalars['String']['output'];
  /** Postcode. */
  postcode: Scalars['String']['output'];
  /** Lived here until (null: current). */
  to?: Maybe<Scalars['Date']['output']>;
  /** Town. */
  town: Scalars['String']['output'];
};

/** A child and family assessment. */
export type Assessment = {
  __typename?: 'Assessment';
  /** Authorised (completed) on. */
  authorisationDate?: Maybe<Scalars['Date']['output']>;
  /** Child seen on. */
  childSeen?: Maybe<Scalars['Date']['output']>;
  /** Assessment factor codes. */
  factors: Array<Scalars['String']['output']>;
  /** LCS assessment id. */
  id: Scalars['ID']['output'];
  /** Outcome. */
  outcome?: Maybe<Scalars['String']['output']>;
  /** The referral it belongs to. */
  referralId: Scalars['ID']['output'];
  /** Started on. */
  startDate: Scalars['Date']['output'];
  /** Against the 45-working-day timescale. */
  timeliness: Timeliness;
};

/** Page of assessments. */
export type AssessmentConnection = {
  __typename?: 'AssessmentConnection';
  /** Items. */
  nodes: Array<Assessment>;
  /** Paging. */
  pageInfo: PageInfo;
  /** All items. */
  totalCount: Scalars['Int']['output'];
};

/** Page of attendance years. */
export type AttendanceConnection = {
  __typename?: 'AttendanceConnection';
  /** Items. */
  nodes: Array<AttendanceYear>;
  /** Paging. */
  pageInfo: PageInfo;
  /** All items. */
  totalCount: Scalars['Int']['output'];
};

/** Attendance over one academic year. */
export type AttendanceYear = {
  __typename?: 'AttendanceYear';
  /** e.g. 2025/26. */
  academicYear: Scalars['String']['output'];
  /** Sessions attended. */
  attendedSessions: Scalars['Int']['output'];
  /** Authorised absence sessions. */
  authorisedAbsence: Scalars['Int']['output'];
  /** Attendance percentage, one decimal place. */
  percentage: Scalars['Float']['output'];
  /** Persistently absent: missed 10% or more of possible sessions. */
  persistentAbsence: Scalars['Boolean']['output'];
  /** Possible sessions. */
  possibleSessions: Scalars['Int']['output'];
  /** Unauthorised absence sessions. */
  unauthorisedAbsence: Scalars['Int']['output'];
};

/** What an audit record is about. */
export type AuditAction =
  /** The audit trail itself was queried. */
  | 'AUDIT_QUERY'
  /** A record was opened by a break-glass override (raised for review). */
  | 'BREAK_GLASS'
  /** A team's or worker's caseload (list or summary) was shown; a list names its children in childIds. */
  | 'CASELOAD'
  /** Access to a record, or to part of it, was refused. */
  | 'DENY'
  /** Data was exported. */
  | 'EXPORT'
  /** A data steward confirmed, rejected or split a link, or reversed such a decision (the reason is the purpose; the children in childIds). */
  | 'LINK_DECISION'
  /** A service report (performance, finance) was answered; lines naming children are listed in childIds. */
  | 'REPORT'
  /** Children were searched for. */
  | 'SEARCH'
  /** A child's record was opened. */
  | 'VIEW';

/** The outcome recorded for an access. */
export type AuditDecision =
  /** Shown. */
  | 'ALLOWED'
  /** Refused: the viewer's role or relationship does not allow it. */
  | 'DENIED'
  /** No such child, or a restricted record the viewer may not know exists (the viewer was told NOT_FOUND). */
  | 'NOT_FOUND';

/** A justified override to open a child the viewer has no relationship with. */
export type BreakGlassInput = {
  /** Free-text justification: at least 10 characters besides spaces, at most 500. */
  justification: Scalars['String']['input'];
  /** Why the record must be opened now. */
  reasonCode: BreakGlassReason;
};

/** Reasons a break-glass access may be given. */
export type BreakGlassReason =
  /** A court has ordered disclosure. */
  | 'COURT_ORDER'
  /** A child may be at immediate risk of harm. */
  | 'IMMEDIATE_RISK'
  /** Another reason, explained in the justification. */
  | 'OTHER'
  /** Out-of-hours emergency duty. */
  | 'OUT_OF_HOURS_DUTY'
  /** A safeguarding referral is being made or triaged. */
  | 'SAFEGUARDING_REFERRAL';

/** The justification given for a break-glass access. */
export type BreakGlassUse = {
  __typename?: 'BreakGlassUse';
  /** The words the user gave (may be empty when the reason code speaks for itself). */
  justification: Scalars['String']['output'];
  /** The reason code chosen. */
  reasonCode: BreakGlassReason;
};

/** One month of a budget row. */
export type BudgetMonth = {
  __typename?: 'BudgetMonth';
  /** The month's share of the budget, in proportion to its days (the months sum to the budget). */
  budget: Scalars['Pence']['output'];
  /** Cost of the month's days after asOf (committed). */
  committed: Scalars['Pence']['output'];
  /** spent + committed. */
  forecast: Scalars['Pence']['output'];
  /** The month, `YYYY-MM`. */
  month: Scalars['String']['output'];
  /** Cost of the month's days up to and including asOf. */
  spent: Scalars['Pence']['output'];
};

/** Budget against forecast, by the dimensions LIFT budgets on. */
export type BudgetReport = {
  __typename?: 'BudgetReport';
  /** By cost centre. */
  byCostCentre: Array<BudgetRow>;
  /** By the placement type of the budget line charged (NONE: lines not split by placement type, such as transport). */
  byPlacementType: Array<BudgetRow>;
  /** By budget service line (e.g. RESIDENTIAL, FOSTERING_AGENCY, TRANSPORT), largest overspend first. */
  byServiceLine: Array<BudgetRow>;
  /** By the team whose cost centre is charged (NONE: central cost centres). */
  byTeam: Array<BudgetRow>;
  /** Every budget line together (and any spending charged to no line). */
  totals: BudgetRow;
};

/** One row of the budget-versus-forecast table. */
export type BudgetRow = {
  __typename?: 'BudgetRow';
  /** originalBudget + virements. */
  budget: Scalars['Pence']['output'];
  /** The first month (`YYYY-MM`) by whose end the cumulative forecast exceeds the whole budget; null if it never does. */
  budgetExceededIn?: Maybe<Scalars['String']['output']>;
  /** Budget lines behind the row (0: spending charged to no budget line). */
  budgetLines: Scalars['Int']['output'];
  /** Committed: the agreements in place, from tomorrow to 31 March. */
  committed: Scalars['Pence']['output'];
  /** spentYearToDate + committed. */
  forecast: Scalars['Pence']['output'];
  /** The service line, placement type, team id, cost centre or ALL. */
  key: Scalars['String']['output'];
  /** Each month of the year: its share of the budget (by days) against spent and committed. */
  months: Array<BudgetMonth>;
  /** Budget set for the year before virements. */
  originalBudget: Scalars['Pence']['output'];
  /** Months whose forecast exceeds that month's share of the budget. */
  overBudgetMonths: Array<Scalars['String']['output']>;
  /** Spent from 1 April to asOf. */
  spentYearToDate: Scalars['Pence']['output'];
  /** forecast − budget (positive: forecast to overspend). */
  variance: Scalars['Pence']['output'];
  /** variance ÷ budget as a percentage, one decimal place; null when the budget is 0. */
  variancePercent?: Maybe<Scalars['Float']['output']>;
  /** Net virements in effect on or before asOf. */
  virements: Scalars['Pence']['output'];
};

/** Care leavers of one age or age band. */
export type CareLeaverGroup = {
  __typename?: 'CareLeaverGroup';
  /** The age (17-21), or null for a band. */
  age?: Maybe<Scalars['Int']['output']>;
  /** The cohort by IN_TOUCH code (YES, NO, REFU, NREQ, RHOM, DIED), and NOT_RECORDED where nothing was recorded, largest first. */
  byInTouch: Array<CodeCount>;
  /** Care leavers whose birthday at this age fell in the period (the denominator). */
  cohort: Scalars['Int']['output'];
  /** In education, employment or training (ACTIV F1, P1, F2, P2, F3, P3). */
  inEducationEmploymentOrTraining: Scalars['Int']['output'];
  /** inEducationEmploymentOrTraining ÷ cohort as a percentage; null when the cohort is empty. */
  inEducationEmploymentOrTrainingPercent?: Maybe<Scalars['Float']['output']>;
  /** In accommodation the council considered suitable (ACCOM ending 1). */
  inSuitableAccommodation: Scalars['Int']['output'];
  /** inSuitableAccommodation ÷ cohort as a percentage; null when the cohort is empty. */
  inSuitableAccommodationPercent?: Maybe<Scalars['Float']['output']>;
  /** In touch with the council (IN_TOUCH YES). */
  inTouch: Scalars['Int']['output'];
  /** inTouch ÷ cohort as a percentage, one decimal place; null when the cohort is empty. */
  inTouchPercent?: Maybe<Scalars['Float']['output']>;
};

/** The SSDA903 care-leaver measures over a period. */
export type CareLeaverMeasures = {
  __typename?: 'CareLeaverMeasures';
  /** Aged 17 and 18 together. */
  aged17to18: CareLeaverGroup;
  /** Aged 19, 20 and 21 together (the headline LAIT indicators). */
  aged19to21: CareLeaverGroup;
  /** Each age from 17 to 21. */
  byAge: Array<CareLeaverGroup>;
  /** The last birthday counted: the earlier of `asOf` and the period end. */
  countedTo: Scalars['Date']['output'];
};

/** Children under one case status. */
export type CaseStatusCount = {
  __typename?: 'CaseStatusCount';
  /** Distinct children. */
  children: Scalars['Int']['output'];
  /** CIN, CP, CLA, EARLY_HELP or CARE_LEAVER. */
  status: Scalars['String']['output'];
};

/** A page of a caseload. */
export type CaseloadConnection = {
  __typename?: 'CaseloadConnection';
  /** Open cases. */
  nodes: Array<CaseloadEntry>;
  /** Paging. */
  pageInfo: PageInfo;
  /** Open cases in all. */
  totalCount: Scalars['Int']['output'];
};

/** One open case on a caseload. */
export type CaseloadEntry = {
  __typename?: 'CaseloadEntry';
  /** CIN, CP, CLA, EARLY_HELP or CARE_LEAVER. */
  caseStatus: Scalars['String']['output'];
  /** The child's hub id. */
  childId: Scalars['ID']['output'];
  /** Date of birth. */
  dateOfBirth?: Maybe<Scalars['Date']['output']>;
  /** Key flags. */
  flags?: Maybe<ChildFlags>;
  /** Child's name. */
  name?: Maybe<PersonName>;
  /** Allocated since. */
  since: Scalars['Date']['output'];
  /** What is next due for the child and what is overdue, at `asOf` (default: the caseload's asOf). */
  statutory?: Maybe<StatutoryPosition>;
  /** Allocated worker. */
  worker?: Maybe<Worker>;
};


/** One open case on a caseload. */
export type CaseloadEntryStatutoryArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
};

/** What is open, due and overdue on a caseload. */
export type CaseloadSummary = {
  __typename?: 'CaseloadSummary';
  /** The day judged at. */
  asOf: Scalars['Date']['output'];
  /** Children with a child and family assessment open past 45 working days. */
  assessmentsOverdue: Scalars['Int']['output'];
  /** Children with an open involvement (the caseload size). */
  children: Scalars['Int']['output'];
  /** Looked-after children whose CLA review is overdue. */
  claReviewsOverdue: Scalars['Int']['output'];
  /** Children on a CP plan whose review conference is overdue. */
  cpReviewsOverdue: Scalars['Int']['output'];
  /** Children whose initial child protection conference is not held and past 15 working days. */
  icpcsOverdue: Scalars['Int']['output'];
  /** Children per case status of their open involvements: CIN, CP, CLA, EARLY_HELP, CARE_LEAVER. */
  openByStatus: Array<CaseStatusCount>;
  /** Children with a statutory visit (CP, CIN or CLA, against the local standards) due within `dueWithinDays`, none overdue. */
  visitsDue: Scalars['Int']['output'];
  /** Children with a statutory visit past its due date. */
  visitsOverdue: Scalars['Int']['output'];
};

/** Plans under one category of abuse. */
export type CategoryCount = {
  __typename?: 'CategoryCount';
  /** NEG (neglect), PHY, SAB, EMO or MUL. */
  category: Scalars['String']['output'];
  /** Plans. */
  plans: Scalars['Int']['output'];
};

/** A child, joined across the four systems. */
export type Child = {
  __typename?: 'Child';
  /** How the viewer came to see this child, and what was withheld. */
  access: AccessDecision;
  /**
   * The last accesses to this child's record, newest first (the NHS Child Protection Information
   * Sharing service shows the owning team the last 25). Shown to the allocated worker and their team
   * and to auditors; null for everyone else. This request's own access is included, and so are the
   * searches, caseloads and report lines that listed this child (showing this child alone).
   */
  accessLog?: Maybe<Array<AccessRecord>>;
  /** Addresses, newest first. */
  addresses?: Maybe<Array<Address>>;
  /** Other names the child is or was known by, across systems (null when withheld from the viewer). */
  aliases?: Maybe<Array<PersonName>>;
  /** One timeline across the four systems, newest first. */
  chronology?: Maybe<ChronologyConnection>;
  /** Date of birth. */
  dateOfBirth?: Maybe<Scalars['Date']['output']>;
  /** Education, early years and SEND (EYES). */
  education?: Maybe<Education>;
  /** DfE ethnicity code. */
  ethnicity?: Maybe<Scalars['String']['output']>;
  /** Expected date of birth, for an unborn child. */
  expectedDateOfBirth?: Maybe<Scalars['Date']['output']>;
  /** Care costs (LIFT). */
  finance?: Maybe<ChildFinance>;
  /** What is true of the child now, across services. */
  flags?: Maybe<ChildFlags>;
  /** Contacts to the front door about this child. */
  frontDoor?: Maybe<FrontDoor>;
  /** The hub's stable id for this child. */
  id: Scalars['ID']['output'];
  /** National identifiers and each system's local ids. */
  identifiers: ChildIdentifiers;
  /** The child's name, from the most authoritative system holding it (LCS, then EYES, then others). */
  name?: Maybe<PersonName>;
  /** Records that may be this child but were not joined, with the evidence (null when withheld). */
  possibleMatches?: Maybe<Array<PossibleMatch>>;
  /** SEND costs (LIFT phase two): special school placements, top-up funding, SEN transport and personal budgets. Shown to the roles the access policy's finance group grants, like the child's care costs. */
  sendFinance?: Maybe<ChildSendFinance>;
  /** Sex as recorded (M, F or U). */
  sex?: Maybe<Scalars['String']['output']>;
  /** Social care detail (LCS). */
  socialCare?: Maybe<SocialCare>;
  /** Whether social care knows the child and whom to contact. */
  socialCareContact?: Maybe<SocialCareContact>;
  /** Per system: whether its data is present, stale, unavailable or withheld, and as of when. */
  sources: Array<SourceStatus>;
};


/** A child, joined across the four systems. */
export type ChildAccessLogArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A child, joined across the four systems. */
export type ChildChronologyArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['Date']['input']>;
  kinds?: InputMaybe<Array<ChronologyKind>>;
  to?: InputMaybe<Scalars['Date']['input']>;
};

/** What a child's care costs (LIFT). Money is integer pence; financial years run April to March. */
export type ChildFinance = {
  __typename?: 'ChildFinance';
  /** Service agreements, newest first. */
  agreements: ServiceAgreementConnection;
  /** The child's agreements grouped by provider (label: the provider's name). */
  byProvider: Array<SpendGroup>;
  /** The child's agreements grouped by provider type (PR0–PR5). */
  byProviderType: Array<SpendGroup>;
  /** The child's agreements grouped by service type. */
  byServiceType: Array<SpendGroup>;
  /** LIFT client references for the child. */
  clientRefs: Array<Scalars['ID']['output']>;
  /** Committed: what the agreements will cost from tomorrow to 31 March, each to the end LIFT records, else its planned end; open-ended agreements and ACTIVE ones past their planned end run to 31 March. */
  committed: Scalars['Pence']['output'];
  /** Cost in this financial year so far. */
  costThisFinancialYear: Scalars['Pence']['output'];
  /** Cost of all agreements from their start to today. */
  costToDate: Scalars['Pence']['output'];
  /** Payments made. */
  paidToDate: Scalars['Pence']['output'];
  /** Payments, newest first. */
  payments: PaymentConnection;
  /**
   * The same quantity as committed, under its old name.
   * @deprecated Use `committed`: one quantity, one name.
   */
  projectedToYearEnd: Scalars['Pence']['output'];
  /** Figures over all the child's agreements (toDate, this year, committed, change). */
  summary: SpendFigures;
};


/** What a child's care costs (LIFT). Money is integer pence; financial years run April to March. */
export type ChildFinanceAgreementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** What a child's care costs (LIFT). Money is integer pence; financial years run April to March. */
export type ChildFinancePaymentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** What is true of the child now. */
export type ChildFlags = {
  __typename?: 'ChildFlags';
  /** An open child-in-need episode. */
  childInNeed: Scalars['Boolean']['output'];
  /** An open early help episode. */
  earlyHelp: Scalars['Boolean']['output'];
  /** An EHC plan in force. */
  ehcp: Scalars['Boolean']['output'];
  /** Eligible for free school meals now. */
  freeSchoolMeals: Scalars['Boolean']['output'];
  /** Known to children's social care. */
  knownToSocialCare: Scalars['Boolean']['output'];
  /** Looked after today. */
  lookedAfter: Scalars['Boolean']['output'];
  /** Recorded as not in education, employment or training (16+). */
  neet: Scalars['Boolean']['output'];
  /** On a child protection plan today. */
  onChildProtectionPlan: Scalars['Boolean']['output'];
  /** Any missing or away-from-placement episode in the last 12 months. */
  recentMissingEpisodes: Scalars['Boolean']['output'];
  /** On SEN support. */
  senSupport: Scalars['Boolean']['output'];
};

/** A hub id's history. */
export type ChildIdHistory = {
  __typename?: 'ChildIdHistory';
  /** The id asked about. */
  id: Scalars['ID']['output'];
  /** When it was issued. */
  issuedAt: Scalars['DateTime']['output'];
  /** The id it redirects to, when merged (null also when that child is hidden from you). */
  mergedInto?: Maybe<Scalars['ID']['output']>;
  /** Children that records of this id went to when it was split. */
  splits: Array<ChildIdSplit>;
  /** What it names now. */
  status: ChildIdStatus;
};

/** Records of a child that went to another child in a split. */
export type ChildIdSplit = {
  __typename?: 'ChildIdSplit';
  /** When. */
  at: Scalars['DateTime']['output'];
  /** The child they went to. */
  childId: Scalars['ID']['output'];
  /** How many records. */
  records: Scalars['Int']['output'];
};

/** What a hub id names now. */
export type ChildIdStatus =
  /** It names a child. */
  | 'ACTIVE'
  /** It was merged into another child's id (`mergedInto`). */
  | 'MERGED'
  /** Its records are gone, or are now another child's that this id must not lead to. */
  | 'RETIRED';

/** A child's identifiers. */
export type ChildIdentifiers = {
  __typename?: 'ChildIdentifiers';
  /** EYES pupil ids. */
  eyesPupilIds: Array<Scalars['ID']['output']>;
  /** Front-door contact ids. */
  frontDoorContactIds: Array<Scalars['ID']['output']>;
  /** LCS person ids (more than one where LCS holds duplicates). */
  lcsPersonIds: Array<Scalars['ID']['output']>;
  /** LIFT client references. */
  liftClientRefs: Array<Scalars['ID']['output']>;
  /** NHS number (validated check digit). */
  nhsNumber?: Maybe<Scalars['String']['output']>;
  /** Unique learner number (16+). */
  uln?: Maybe<Scalars['String']['output']>;
  /** Unique pupil number. */
  upn?: Maybe<Scalars['String']['output']>;
};

/** Child protection plans as the CIN census counts them. */
export type ChildProtectionMeasures = {
  __typename?: 'ChildProtectionMeasures';
  /** Plans ended in the period. */
  ended: Scalars['Int']['output'];
  /** Of those, plans that had lasted two years or more. */
  endedAfterTwoYearsOrMore: Scalars['Int']['output'];
  /** Plans open at `asOf`. */
  open: Scalars['Int']['output'];
  /** Plans open at `asOf` by latest category of abuse, largest first. */
  openByLatestCategory: Array<CategoryCount>;
  /** Of those, plans open two years or more. */
  openTwoYearsOrMore: Scalars['Int']['output'];
  /** Review conferences held in the period, against 3 months from the plan's start and then 6 months from the previous review. */
  reviews: CompletedTimeliness;
  /** Plans started in the period for a child who had a plan before (at any time). */
  secondOrSubsequent: Scalars['Int']['output'];
  /** Plans started in the period. */
  started: Scalars['Int']['output'];
  /** Plans started in the period by initial category of abuse, largest first. */
  startedByInitialCategory: Array<CategoryCount>;
};

/** Search results, ranked. */
export type ChildSearchConnection = {
  __typename?: 'ChildSearchConnection';
  /** Matching children, best first. */
  nodes: Array<ChildSearchResult>;
  /** Paging. */
  pageInfo: PageInfo;
};

/** One search hit: minimal identity only, so that search never discloses case detail. */
export type ChildSearchResult = {
  __typename?: 'ChildSearchResult';
  /** The child's hub id (open it with `child(id:)`). */
  childId: Scalars['ID']['output'];
  /** Date of birth. */
  dateOfBirth?: Maybe<Scalars['Date']['output']>;
  /** Name. */
  name?: Maybe<PersonName>;
  /** Match score (higher is better). */
  score: Scalars['Float']['output'];
  /** Systems holding records for this child. */
  systems: Array<System>;
};

/**
 * A child's SEND costs (LIFT phase two), found by the child's EYES pupil records. Money is integer
 * pence, costed by the same rules as care agreements.
 */
export type ChildSendFinance = {
  __typename?: 'ChildSendFinance';
  /** The costs grouped by cost type. */
  byCostType: Array<SendCostGroup>;
  /** Committed over all the child's SEND costs: from tomorrow to 31 March. */
  committed: Scalars['Pence']['output'];
  /** Spent from 1 April to today over all the child's SEND costs. */
  costThisFinancialYear: Scalars['Pence']['output'];
  /** Each SEND cost line, newest first. */
  costs: Array<SendCost>;
};

/** One child's cost. */
export type ChildSpend = {
  __typename?: 'ChildSpend';
  /** The child's hub id (open it with `child(id:)`, which is audited). */
  childId: Scalars['ID']['output'];
  /** The figures over the child's agreements. */
  figures: SpendFigures;
};

/** Children subject to plans on one date (distinct LCS children). */
export type ChildrenAtDate = {
  __typename?: 'ChildrenAtDate';
  /** The date counted on. */
  date: Scalars['Date']['output'];
  /** Children with a looked-after episode open on the date. */
  lookedAfter: Scalars['Int']['output'];
  /** Children with a child protection plan open on the date (started on or before, not ended on or before). */
  onChildProtectionPlans: Scalars['Int']['output'];
};

/** A page of the chronology. */
export type ChronologyConnection = {
  __typename?: 'ChronologyConnection';
  /** Events, newest first. */
  nodes: Array<ChronologyEvent>;
  /** Paging. */
  pageInfo: PageInfo;
  /** Events in the whole filtered timeline. */
  totalCount: Scalars['Int']['output'];
};

/** One event in the child's journey. */
export type ChronologyEvent = {
  __typename?: 'ChronologyEvent';
  /** When it happened. */
  date: Scalars['Date']['output'];
  /** What kind of event. */
  kind: ChronologyKind;
  /** The record behind it. */
  record: RecordRef;
  /** A one-line summary. */
  summary: Scalars['String']['output'];
  /** The system that recorded it. */
  system: System;
};

/** Kinds of chronology event. */
export type ChronologyKind =
  /** A child and family assessment. */
  | 'ASSESSMENT'
  /** A child-in-need plan started. */
  | 'CIN_PLAN'
  /** A looked-after episode started. */
  | 'CLA_EPISODE'
  /** A looked-after review held. */
  | 'CLA_REVIEW'
  /** A contact recorded in LCS. */
  | 'CONTACT'
  /** A child protection plan started. */
  | 'CP_PLAN'
  /** A child protection review held. */
  | 'CP_REVIEW'
  /** An early help episode started. */
  | 'EARLY_HELP'
  /** An EHC needs assessment request or plan. */
  | 'EHCP'
  /** An enrolment at a school or setting. */
  | 'ENROLMENT'
  /** A suspension or permanent exclusion. */
  | 'EXCLUSION'
  /** A contact to the front door. */
  | 'FRONT_DOOR_CONTACT'
  /** An initial child protection conference. */
  | 'ICPC'
  /** A legal status while looked after. */
  | 'LEGAL_STATUS'
  /** A missing or away-from-placement episode. */
  | 'MISSING'
  /** A placement started. */
  | 'PLACEMENT'
  /** A referral to social care. */
  | 'REFERRAL'
  /** A section 47 enquiry. */
  | 'S47'
  /** A service agreement (a commissioned service) started. */
  | 'SERVICE_AGREEMENT'
  /** A statutory visit. */
  | 'VISIT';

/** A child-in-need plan. */
export type CinPlan = {
  __typename?: 'CinPlan';
  /** Ended on. */
  endDate?: Maybe<Scalars['Date']['output']>;
  /** LCS id. */
  id: Scalars['ID']['output'];
  /** Started on. */
  startDate: Scalars['Date']['output'];
};

/** Page of CIN plans. */
export type CinPlanConnection = {
  __typename?: 'CinPlanConnection';
  /** Items. */
  nodes: Array<CinPlan>;
  /** Paging. */
  pageInfo: PageInfo;
  /** All items. */
  totalCount: Scalars['Int']['output'];
};

/** Child-in-need plans over a period. */
export type CinPlanMeasures = {
  __typename?: 'CinPlanMeasures';
  /** The day `open` is counted on: the earlier of `asOf` and the period end. */
  countedOn: Scalars['Date']['output'];
  /** Plans ended in the period. */
  ended: Scalars['Int']['output'];
  /** Children with a child-in-need plan open on that day. */
  open: Scalars['Int']['output'];
  /** Reviews held in the period: on time when held on or before the day due. */
  reviews: CompletedTimeliness;
  /** Reviews of plans open at `asOf` that were due before it and not held. */
  reviewsOverdue: Scalars['Int']['output'];
  /** Plans started in the period. */
  started: Scalars['Int']['output'];
};

/** A looked-after episode. */
export type ClaEpisode = {
  __typename?: 'ClaEpisode';
  /** Ceased on. */
  ceasedDate?: Maybe<Scalars['Date']['output']>;
  /** Date the child entered care. */
  enteredCareDate: Scalars['Date']['output'];
  /** LCS episode id. */
  id: Scalars['ID']['output'];
  /** Period of care it belongs to. */
  periodOfCareId: Scalars['ID']['output'];
  /** Primary need code. */
  primaryNeed: Scalars['String']['output'];
  /** Reason ceased (E11, E4A, X1…). */
  reasonCeased?: Maybe<Scalars['String']['output']>;
  /** Reason for new episode. */
  reasonNewEpisode: Scalars['String']['output'];
  /** Started on. */
  startDate: Scalars['Date']['output'];
};

/** Page of CLA episodes. */
export type ClaEpisodeConnection = {
  __typename?: 'ClaEpisodeConnection';
  /** Items. */
  nodes: Array<ClaEpisode>;
  /** Paging. */
  pageInfo: PageInfo;
  /** All items. */
  totalCount: Scalars['Int']['output'];
};

/** A looked-after child review. */
export type ClaReview = {
  __typename?: 'ClaReview';
  /** Due by. */
  dueDate: Scalars['Date']['output'];
  /** LCS id. */
  id: Scalars['ID']['output'];
  /** Participation code. */
  participation?: Maybe<Scalars['String']['output']>;
  /** Held on. */
  reviewDate?: Maybe<Scalars['Date']['output']>;
};

/** Page of CLA reviews. */
export type ClaReviewConnection = {
  __typename?: 'ClaReviewConnection';
  /** Items. */
  nodes: Array<ClaReview>;
  /** Paging. */
  pageInfo: PageInfo;
  /** All items. */
  totalCount: Scalars['Int']['output'];
};

/** A referral to the children missing education (CME) service. */
export type CmeEpisode = {
  __typename?: 'CmeEpisode';
  /** Closed on (null: still missing education). */
  closedDate?: Maybe<Scalars['Date']['output']>;
  /** Calendar days from reported missing to closed, or to today while open. */
  daysMissing: Scalars['Int']['output'];
  /** EYES CME referral id. */
  id: Scalars['ID']['output'];
  /** How it closed: FOUND_IN_SCHOOL, MOVED_OUT_OF_AREA, ELECTIVE_HOME_EDUCATION, LEFT_ENGLAND, ALTERNATIVE_PROVISION, ENQUIRIES_EXHAUSTED, END_OF_COMPULSORY_SCHOOL_AGE. */
  outcome?: Maybe<Scalars['String']['output']>;
  /** Why: MOVED_INTO_AREA_NO_PLACE, REMOVED_FROM_ROLL_DESTINATION_UNKNOWN, PLACE_NOT_TAKEN_UP, EHE_UNSUITABLE, EXCLUDED_NO_PROVISION, OTHER. */
  reason: Scalars['String']['output'];
  /** Who reported it: SCHOOL, ADMISSIONS, SOCIAL_CARE, HEALTH, POLICE, OTHER_LA, PUBLIC. */
  referredBy: Scalars['String']['output'];
  /** The day the child was reported missing education. */
  reportedMissingDate: Scalars['Date']['output'];
};

/** Page of CME referrals. */
export type CmeEpisodeConnection = {
  __typename?: 'CmeEpisodeConnection';
  /** Items. */
  nodes: Array<CmeEpisode>;
  /** Paging. */
  pageInfo: PageInfo;
  /** All items. */
  totalCount: Scalars['Int']['output'];
};

/** A count under a code. */
export type CodeCount = {
  __typename?: 'CodeCount';
  /** The code: a referral source (1A–10) or an outcome (ADVICE, EARLY_HELP, SOCIAL_CARE_REFERRAL, SEND_SUPPORT, NFA, UNDECIDED). */
  code: Scalars['String']['output'];
  /** How many. */
  count: Scalars['Int']['output'];
};

/** Items completed in the period and how many were on time (the returns' measure). */
export type CompletedTimeliness = {
  __typename?: 'CompletedTimeliness';
  /** Completed in the period and in the measure (onTime + late). */
  completed: Scalars['Int']['output'];
  /** onTime ÷ completed as a percentage, 0–100, one decimal place; null when none completed. */
  completedOnTimePercent?: Maybe<Scalars['Float']['output']>;
  /** Completed in the period but reported apart (transfer-in ICPCs, EHCP 20-week exceptions, assessments without a known referral). */
  excluded: Scalars['Int']['output'];
  /** Completed after the timescale. */
  late: Scalars['Int']['output'];
  /** Completed within the timescale. */
  onTime: Scalars['Int']['output'];
};

/** Front-door contacts in one calendar month (only the part of the month inside the period). */
export type ContactMonth = {
  __typename?: 'ContactMonth';
  /** By outcome (the front door's decision), largest first. */
  byOutcome: Array<CodeCount>;
  /** By referral source, largest first. */
  bySource: Array<CodeCount>;
  /** By source and outcome together, largest first. */
  bySourceAndOutcome: Array<SourceOutcomeCount>;
  /** The month, `YYYY-MM`. */
  month: Scalars['String']['output'];
  /** All contacts. */
  total: Scalars['Int']['output'];
};

/** A child protection plan. */
export type CpPlan = {
  __typename?: 'CpPlan';
  /** Ended on. */
  endDate?: Maybe<Scalars['Date']['output']>;
  /** LCS id. */
  id: Scalars['ID']['output'];
  /** Initial category of abuse (NEG, PHY, SAB, EMO, MUL). */
  initialCategory: Scalars['String']['output'];
  /** Latest category of abuse. */
  latestCategory: Scalars['String']['output'];
  /** When the next review is due, and whether it is overdue. */
  nextReview?: Maybe<Timeliness>;
  /** Review conferences. */
  reviews: Array<CpReview>;
  /** Started on. */
  startDate: Scalars['Date']['output'];
};

/** Page of CP plans. */
export type CpPlanConnection = {
  __typename?: 'CpPlanConnection';
  /** Items. */
  nodes: Array<CpPlan>;
  /** Paging. */
  pageInfo: PageInfo;
  /** All items. */
  totalCount: Scalars['Int']['output'];
};

/** A child protection review conference. */
export type CpReview = {
  __typename?: 'CpReview';
  /** Did the plan continue? */
  continuePlan?: Maybe<Scalars['Boolean']['output']>;
  /** Due by. */
  dueDate: Scalars['Date']['output'];
  /** LCS id. */
  id: Scalars['ID']['output'];
  /** Held on. */
  reviewDate?: Maybe<Scalars['Date']['output']>;
};

/** A period between two dates. */
export type DatePeriod = {
  __typename?: 'DatePeriod';
  /** To (null: continuing). */
  endDate?: Maybe<Scalars['Date']['output']>;
  /** From. */
  startDate: Scalars['Date']['output'];
};

/** Page of date periods. */
export type DatePeriodConnection = {
  __typename?: 'DatePeriodConnection';
  /** Items. */
  nodes: Array<DatePeriod>;
  /** Paging. */
  pageInfo: PageInfo;
  /** All items. */
  totalCount: Scalars['Int']['output'];
};

/** Page of early help episodes. */
export type EarlyHelpConnection = {
  __typename?: 'EarlyHelpConnection';
  /** Items. */
  nodes: Array<EarlyHelpEpisode>;
  /** Paging. */
  pageInfo: PageInfo;
  /** All items. */
  totalCount: Scalars['Int']['output'];
};

/** An early help episode. */
export type EarlyHelpEpisode = {
  __typename?: 'EarlyHelpEpisode';
  /** Ended on. */
  endDate?: Maybe<Scalars['Date']['output']>;
  /** Why it ended. */
  endReason?: Maybe<Scalars['String']['output']>;
  /** LCS id. */
  id: Scalars['ID']['output'];
  /** Organisation leading it. */
  organisation: Scalars['String']['output'];
  /** Reason. */
  reason: Scalars['String']['output'];
  /** Started on. */
  startDate: Scalars['Date']['output'];
};

/** Funded early-years hours for a term. */
export type EarlyYearsFunding = {
  __typename?: 'EarlyYearsFunding';
  /** Funded hours per week. */
  hoursPerWeek: Scalars['Float']['output'];
  /** TWO_YEAR_OLD, UNIVERSAL_15 or EXTENDED_30. */
  kind: Scalars['String']['output'];
  /** Term. */
  term: Scalars['String']['output'];
};

/** Page of early-years funding terms. */
export type EarlyYearsFundingConnection = {
  __typename?: 'EarlyYearsFundingConnection';
  /** Items. */
  nodes: Array<EarlyYearsFunding>;
  /** Paging. */
  pageInfo: PageInfo;
  /** All items. */
  totalCount: Scalars['Int']['output'];
};

/**
 * A child's education, early years and SEND record (EYES). A list the viewer's role may not see (its
 * field group, e.g. `send` or `education.detail`) is null and named in `Child.access.withheld`.
 */
export type Education = {
  __typename?: 'Education';
  /** Attendance by academic year, newest first. */
  attendance?: Maybe<AttendanceConnection>;
  /** The current setting, if enrolled. */
  currentSetting?: Maybe<Enrolment>;
  /** Early-years funded hours by term. */
  earlyYearsFunding?: Maybe<EarlyYearsFundingConnection>;
  /** EHC needs assessment requests with their plans and 20-week timeliness. */
  ehcpRequests?: Maybe<EhcpRequestConnection>;
  /** Enrolments, newest first. */
  enrolments: EnrolmentConnection;
  /** Suspensions and permanent exclusions. */
  exclusions?: Maybe<ExclusionConnection>;
  /** Free school meals eligibility periods, newest first. */
  freeSchoolMeals?: Maybe<DatePeriodConnection>;
  /** Referrals to the children missing education (CME) service, newest first (`education.detail`). */
  missingEducation?: Maybe<CmeEpisodeConnection>;
  /** NEET / CCIS activity records (16+), newest first. */
  neet?: Maybe<NeetStatusConnection>;
  /** SEN support periods, newest first. */
  senSupport?: Maybe<SenSupportConnection>;
};


/**
 * A child's education, early years and SEND record (EYES). A list the viewer's role may not see (its
 * field group, e.g. `send` or `education.detail`) is null and named in `Child.access.withheld`.
 */
export type EducationAttendanceArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A child's education, early years and SEND record (EYES). A list the viewer's role may not see (its
 * field group, e.g. `send` or `education.detail`) is null and named in `Child.access.withheld`.
 */
export type EducationEarlyYearsFundingArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A child's education, early years and SEND record (EYES). A list the viewer's role may not see (its
 * field group, e.g. `send` or `education.detail`) is null and named in `Child.access.withheld`.
 */
export type EducationEhcpRequestsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A child's education, early years and SEND record (EYES). A list the viewer's role may not see (its
 * field group, e.g. `send` or `education.detail`) is null and named in `Child.access.withheld`.
 */
export type EducationEnrolmentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A child's education, early years and SEND record (EYES). A list the viewer's role may not see (its
 * field group, e.g. `send` or `education.detail`) is null and named in `Child.access.withheld`.
 */
export type EducationExclusionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A child's education, early years and SEND record (EYES). A list the viewer's role may not see (its
 * field group, e.g. `send` or `education.detail`) is null and named in `Child.access.withheld`.
 */
export type EducationFreeSchoolMealsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A child's education, early years and SEND record (EYES). A list the viewer's role may not see (its
 * field group, e.g. `send` or `education.detail`) is null and named in `Child.access.withheld`.
 */
export type EducationMissingEducationArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A child's education, early years and SEND record (EYES). A list the viewer's role may not see (its
 * field group, e.g. `send` or `education.detail`) is null and named in `Child.access.withheld`.
 */
export type EducationNeetArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A child's education, early years and SEND record (EYES). A list the viewer's role may not see (its
 * field group, e.g. `send` or `education.detail`) is null and named in `Child.access.withheld`.
 */
export type EducationSenSupportArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** An education, health and care plan. */
export type EhcPlan = {
  __typename?: 'EhcPlan';
  /** The next annual review's due date has passed (judged today, Europe/London). */
  annualReviewOverdue: Scalars['Boolean']['output'];
  /** Annual review meetings held, newest first. */
  annualReviews: Array<EhcpAnnualReview>;
  /** Ceased on. */
  ceasedDate?: Maybe<Scalars['Date']['output']>;
  /** Why it ceased. */
  ceasedReason?: Maybe<Scalars['String']['output']>;
  /** EYES plan id. */
  id: Scalars['ID']['output'];
  /** The most recent review meeting held. */
  lastAnnualReview?: Maybe<EhcpAnnualReview>;
  /** The next annual review due (12 months after the plan was issued or the last review meeting); null once the plan has ceased. */
  nextAnnualReviewDue?: Maybe<Scalars['Date']['output']>;
  /** Primary need. */
  primaryNeed: Scalars['String']['output'];
  /** Secondary need. */
  secondaryNeed?: Maybe<Scalars['String']['output']>;
  /** In force from. */
  startDate: Scalars['Date']['output'];
};

/** An EHC plan annual review: the meeting and the local authority's decision. */
export type EhcpAnnualReview = {
  __typename?: 'EhcpAnnualReview';
  /** The decision was issued within 4 weeks (28 days) of the meeting. */
  decidedWithinFourWeeks: Scalars['Boolean']['output'];
  /** MAINTAIN, AMEND or CEASE (null: awaited). */
  decision?: Maybe<Scalars['String']['output']>;
  /** The local authority's decision was issued on (null: awaited). */
  decisionDate?: Maybe<Scalars['Date']['output']>;
  /** The review meeting was held on. */
  meetingDate: Scalars['Date']['output'];
};

/** EHC plan annual reviews over a period, judged at the report's `asOf`. */
export type EhcpAnnualReviewMeasures = {
  __typename?: 'EhcpAnnualReviewMeasures';
  /** Decisions issued on meetings held in the period, by decision (MAINTAIN, AMEND, CEASE), largest first. */
  byDecision: Array<CodeCount>;
  /** Of those meetings, no decision by `asOf`. */
  decisionsAwaited: Scalars['Int']['output'];
  /** Of those meetings, the decision issued after 4 weeks. */
  decisionsLate: Scalars['Int']['output'];
  /** Of those awaited, more than 4 weeks after the meeting at `asOf`. */
  decisionsOverdue: Scalars['Int']['output'];
  /** Of those meetings, the local authority's decision issued within 4 weeks (28 days). */
  decisionsWithinFourWeeks: Scalars['Int']['output'];
  /** decisionsWithinFourWeeks ÷ meetingsHeld as a percentage, one decimal place; null when none was held. */
  decisionsWithinFourWeeksPercent?: Maybe<Scalars['Float']['output']>;
  /** Reviews that fell due in the period, up to `asOf`. */
  due: Scalars['Int']['output'];
  /** Of those, held: answered by a review meeting on or before `asOf`, however late. */
  held: Scalars['Int']['output'];
  /** Of those due, held on or before the due date. */
  heldOnTime: Scalars['Int']['output'];
  /** heldOnTime ÷ due as a percentage, one decimal place; null when none was due. */
  heldOnTimePercent?: Maybe<Scalars['Float']['output']>;
  /** Review meetings held in the period, up to `asOf`. */
  meetingsHeld: Scalars['Int']['output'];
  /** Of those, plans whose review fell due before `asOf` and has not been held. */
  overdue: Scalars['Int']['output'];
  /**
   * The children behind `overdue`, longest overdue first, by hub id (children the viewer may not
   * know of are left out). Each page shown is on the audit trail with the ids it names.
   */
  overdueChildren: OverdueAnnualReviewConnection;
  /** EHC plans in force on `asOf`. */
  plansInForce: Scalars['Int']['output'];
};


/** EHC plan annual reviews over a period, judged at the report's `asOf`. */
export type EhcpAnnualReviewMeasuresOverdueChildrenArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** An EHC needs assessment request. */
export type EhcpRequest = {
  __typename?: 'EhcpRequest';
  /** PLAN_ISSUED, NO_PLAN, PENDING, WITHDRAWN. */
  assessmentOutcome: Scalars['String']['output'];
  /** Outcome date. */
  assessmentOutcomeDate?: Maybe<Scalars['Date']['output']>;
  /** Decision to assess within 6 weeks. */
  decisionTimeliness?: Maybe<Timeliness>;
  /** Decision to assess on. */
  decisionToAssessDate?: Maybe<Scalars['Date']['output']>;
  /** EYES request id. */
  id: Scalars['ID']['output'];
  /** The plan, if issued. */
  plan?: Maybe<EhcPlan>;
  /** Final plan within 20 weeks. */
  planTimeliness?: Maybe<Timeliness>;
  /** Requested on (starts the 20 weeks). */
  requestDate: Scalars['Date']['output'];
  /** ASSESS, REFUSED, WITHDRAWN, PENDING. */
  requestOutcome: Scalars['String']['output'];
  /** Who asked. */
  requestSource: Scalars['String']['output'];
  /** Excluded from the 20-week measure by a recorded exception. */
  twentyWeekException: Scalars['Boolean']['output'];
};

/** Page of EHCP requests. */
export type EhcpRequestConnection = {
  __typename?: 'EhcpRequestConnection';
  /** Items. */
  nodes: Array<EhcpRequest>;
  /** Paging. */
  pageInfo: PageInfo;
  /** All items. */
  totalCount: Scalars['Int']['output'];
};

/** An enrolment at a setting. */
export type Enrolment = {
  __typename?: 'Enrolment';
  /** To. */
  endDate?: Maybe<Scalars['Date']['output']>;
  /** EYES enrolment id. */
  id: Scalars['ID']['output'];
  /** EY, PRIMARY, SECONDARY, SPECIAL, AP, POST16. */
  phase: Scalars['String']['output'];
  /** Setting id. */
  settingId: Scalars['ID']['output'];
  /** Setting name. */
  settingName: Scalars['String']['output'];
  /** From. */
  startDate: Scalars['Date']['output'];
  /** Year group. */
  yearGroup?: Maybe<Scalars['String']['output']>;
};

/** Page of enrolments. */
export type EnrolmentConnection = {
  __typename?: 'EnrolmentConnection';
  /** Items. */
  nodes: Array<Enrolment>;
  /** Paging. */
  pageInfo: PageInfo;
  /** All items. */
  totalCount: Scalars['Int']['output'];
};

/** A suspension or permanent exclusion. */
export type Exclusion = {
  __typename?: 'Exclusion';
  /** EYES id. */
  id: Scalars['ID']['output'];
  /** SUSPENSION or PERMANENT. */
  kind: Scalars['String']['output'];
  /** Reason code. */
  reason: Scalars['String']['output'];
  /** Sessions lost. */
  sessions: Scalars['Int']['output'];
  /** From. */
  startDate: Scalars['Date']['output'];
};

/** Page of exclusions. */
export type ExclusionConnection = {
  __typename?: 'ExclusionConnection';
  /** Items. */
  nodes: Array<Exclusion>;
  /** Paging. */
  pageInfo: PageInfo;
  /** All items. */
  totalCount: Scalars['Int']['output'];
};

/** The year's forecast, committed cost and projections apart. */
export type FinanceForecast = {
  __typename?: 'FinanceForecast';
  /** The year's budget (all budget lines, virements in effect on or before asOf). */
  budget: Scalars['Pence']['output'];
  /** The projections by placement type. */
  byPlacementType: Array<ForecastByPlacementType>;
  /** Committed, on the same basis: the agreements and SEND costs in place, from tomorrow to 31 March. */
  committed: Scalars['Pence']['output'];
  /** How newPlacements, stepDowns and scenario are estimated. */
  method: Scalars['String']['output'];
  /** Projected cost of placements not yet made, to 31 March (see method). */
  newPlacements: Scalars['Pence']['output'];
  /** Cost of the scenario's placements to 31 March (0 without a scenario). */
  scenario: Scalars['Pence']['output'];
  /**
   * Spent from 1 April to asOf on everything the budget lines are charged with: children's service
   * agreements and SEND costs, as `budget.totals` counts it, so that the total compares with `budget`
   * (every budget line, the High Needs Block's and SEN transport's included).
   */
  spentYearToDate: Scalars['Pence']['output'];
  /** Projected saving from agreements without a known end ending before 31 March (see method). */
  stepDowns: Scalars['Pence']['output'];
  /** spentYearToDate + committed + newPlacements − stepDowns + scenario. */
  total: Scalars['Pence']['output'];
  /** total − budget (positive: forecast to overspend). */
  variance: Scalars['Pence']['output'];
  /** variance ÷ budget as a percentage, one decimal place; null when the budget is 0. */
  variancePercent?: Maybe<Scalars['Float']['output']>;
};

/** Finance across all children. */
export type FinanceReport = {
  __typename?: 'FinanceReport';
  /** The day costs are split at: spent up to and including it, projected after it. */
  asOf: Scalars['Date']['output'];
  /** Budget against forecast (spent + committed) for the year, from LIFT's budget lines and their in-year virements. */
  budget: BudgetReport;
  /** Each month of the current financial year: spent so far and projected. */
  byMonth: Array<SpendMonth>;
  /** By placement type (K1, U4, R1, ...; NONE for lines that are not placements). */
  byPlacementType: Array<SpendGroup>;
  /** By provider, highest forecast first (at most `first`, 1–100). */
  byProvider: Array<SpendGroup>;
  /** By provider type (PR0 parent … PR5 voluntary). */
  byProviderType: Array<SpendGroup>;
  /** By service type (PLACEMENT, ALLOWANCE, FOSTERING_FEE, TRANSPORT, SUPPORT). */
  byServiceType: Array<SpendGroup>;
  /** By the team the agreement is held in (NONE when not recorded). */
  byTeam: Array<SpendGroup>;
  /** When the oldest part of the LIFT data used was fetched. */
  dataAsOf: Scalars['DateTime']['output'];
  /** The current financial year, e.g. `2026/27`. */
  financialYear: Scalars['String']['output'];
  /**
   * The year's forecast: spent so far and committed, and apart from them the projected cost of new
   * placements and saving from step-downs (method stated), against the budget. With `scenario`, the
   * forecast as if those placements were added; nothing is changed or stored.
   */
  forecast: FinanceForecast;
  /** SEND and high needs (LIFT phase two): special school placements, top-up funding, SEN transport and personal budgets, per pupil and in aggregate, against the High Needs Block budget. */
  highNeeds: HighNeeds;
  /** The children whose agreements cost most this financial year (forecast), at most `first` (1–100). Children hidden from the viewer are left out. */
  highestCostChildren: Array<ChildSpend>;
  /** The previous financial year, e.g. `2025/26`. */
  previousFinancialYear: Scalars['String']['output'];
  /** Whether any of it was served stale because LIFT failed. */
  stale: Scalars['Boolean']['output'];
  /** All agreements open at any time since the previous financial year began. */
  totals: SpendFigures;
  /** Average weekly cost per child now, by placement type and by provider type. */
  unitCosts: UnitCosts;
  /** 31 March of the current financial year. */
  yearEnd: Scalars['Date']['output'];
  /** 1 April of the current financial year. */
  yearStart: Scalars['Date']['output'];
};


/** Finance across all children. */
export type FinanceReportByProviderArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** Finance across all children. */
export type FinanceReportForecastArgs = {
  scenario?: InputMaybe<Array<ScenarioPlacements>>;
};


/** Finance across all children. */
export type FinanceReportHighestCostChildrenArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** The projections for one placement type, with what they are based on. */
export type ForecastByPlacementType = {
  __typename?: 'ForecastByPlacementType';
  /** Today's average weekly cost per child of this type (the unit cost new placements are costed at). */
  averageWeeklyCost: Scalars['Pence']['output'];
  /** Placement agreements of this type that ended in the trailing twelve months. */
  endingsLastTwelveMonths: Scalars['Int']['output'];
  /** Projected cost of new placements to 31 March. */
  newPlacements: Scalars['Pence']['output'];
  /** Placement type code. */
  placementType: Scalars['String']['output'];
  /** Cost of the scenario's placements of this type to 31 March. */
  scenario: Scalars['Pence']['output'];
  /** Placement agreements of this type that started in the trailing twelve months. */
  startsLastTwelveMonths: Scalars['Int']['output'];
  /** Projected saving from step-downs to 31 March. */
  stepDowns: Scalars['Pence']['output'];
};

/** Contacts to the front door (C-SPA / L-SPA) about a child. */
export type FrontDoor = {
  __typename?: 'FrontDoor';
  /** Contacts, newest first. */
  contacts: FrontDoorContactConnection;
};


/** Contacts to the front door (C-SPA / L-SPA) about a child. */
export type FrontDoorContactsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A contact to the front door. */
export type FrontDoorContact = {
  __typename?: 'FrontDoorContact';
  /** Date of contact. */
  date: Scalars['Date']['output'];
  /** Decided at. */
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  /** ADVICE, EARLY_HELP, SOCIAL_CARE_REFERRAL, SEND_SUPPORT, NFA. */
  decision?: Maybe<Scalars['String']['output']>;
  /** Decision within 1 working day. */
  decisionTimeliness?: Maybe<Timeliness>;
  /** Front-door contact id. */
  id: Scalars['ID']['output'];
  /** RED, AMBER or GREEN. */
  rag?: Maybe<Scalars['String']['output']>;
  /** Why they called. */
  reason: Scalars['String']['output'];
  /** When it was received. */
  receivedAt: Scalars['DateTime']['output'];
  /** C-SPA or L-SPA. */
  route: Scalars['String']['output'];
  /** Where it was routed. */
  routedTo?: Maybe<Scalars['String']['output']>;
  /** Referral source code (1A–10). */
  source: Scalars['String']['output'];
};

/** Page of front-door contacts. */
export type FrontDoorContactConnection = {
  __typename?: 'FrontDoorContactConnection';
  /** Items. */
  nodes: Array<FrontDoorContact>;
  /** Paging. */
  pageInfo: PageInfo;
  /** All items. */
  totalCount: Scalars['Int']['output'];
};

/** The front door's measures over a period. */
export type FrontDoorMeasures = {
  __typename?: 'FrontDoorMeasures';
  /** By RAG rating: RED, AMBER, GREEN, or UNTRIAGED before a decision, largest first. */
  byRag: Array<CodeCount>;
  /** By route: C-SPA or L-SPA, largest first. */
  byRoute: Array<CodeCount>;
  /** Contacts dated in the period, up to `asOf`. */
  contacts: Scalars['Int']['output'];
  /** socialCareReferrals ÷ decided as a percentage (contact-to-referral conversion); null when none decided. */
  conversionPercent?: Maybe<Scalars['Float']['output']>;
  /** Contacts decided by `asOf`. */
  decided: Scalars['Int']['output'];
  /** Of those, decided within one working day of the contact (the contact day never counted). */
  decidedWithinOneWorkingDay: Scalars['Int']['output'];
  /** decidedWithinOneWorkingDay ÷ decided as a percentage, one decimal place; null when none decided. */
  decidedWithinOneWorkingDayPercent?: Maybe<Scalars['Float']['output']>;
  /** Contacts about a child who had another contact in the 12 months before (one per child per day; children as the hub links them). */
  repeatContacts: Scalars['Int']['output'];
  /** repeatContacts ÷ contacts (one per child per day) as a percentage; null when none. */
  repeatContactsPercent?: Maybe<Scalars['Float']['output']>;
  /** Contacts decided as a social care referral. */
  socialCareReferrals: Scalars['Int']['output'];
  /** Contacts not decided by `asOf` and past their one working day. */
  undecidedOverdue: Scalars['Int']['output'];
};

/** SEND costs across pupils, and the High Needs Block. */
export type HighNeeds = {
  __typename?: 'HighNeeds';
  /** By cost type (INDEPENDENT_SPECIAL_SCHOOL, NON_MAINTAINED_SPECIAL_SCHOOL, TOP_UP, SEN_TRANSPORT, PERSONAL_BUDGET), largest forecast first. */
  byCostType: Array<SendCostGroup>;
  /** The High Needs Block's budget lines against the forecast of the costs it funds (SEN transport is general fund, not high needs). */
  highNeedsBlock: HighNeedsBlock;
  /** Every SEND cost this financial year. */
  totals: SendCostGroup;
};

/** The High Needs Block against what it funds. */
export type HighNeedsBlock = {
  __typename?: 'HighNeedsBlock';
  /** Budget lines funded by the High Needs Block, with virements in effect on or before asOf. */
  budget: Scalars['Pence']['output'];
  /** Forecast (spent + committed) of the SEND costs it funds. */
  forecast: Scalars['Pence']['output'];
  /** forecast − budget (positive: forecast to overspend). */
  variance: Scalars['Pence']['output'];
  /** variance ÷ budget as a percentage, one decimal place; null when the budget is 0. */
  variancePercent?: Maybe<Scalars['Float']['output']>;
};

/** An initial child protection conference. */
export type Icpc = {
  __typename?: 'Icpc';
  /** Held on. */
  conferenceDate?: Maybe<Scalars['Date']['output']>;
  /** Did it result in a CP plan? */
  cpPlanOutcome?: Maybe<Scalars['Boolean']['output']>;
  /** LCS ICPC id. */
  id: Scalars['ID']['output'];
  /** Target date recorded in LCS. */
  targetDate: Scalars['Date']['output'];
  /** Against 15 working days from the strategy discussion. */
  timeliness: Timeliness;
  /** Transferred in from another authority. */
  transferIn: Scalars['Boolean']['output'];
};

/** A contact recorded in LCS. */
export type LcsContact = {
  __typename?: 'LcsContact';
  /** Date of contact. */
  date: Scalars['Date']['output'];
  /** LCS contact id. */
  id: Scalars['ID']['output'];
  /** Outcome of the contact. */
  outcome: Scalars['String']['output'];
  /** Referral source code (1A–10). */
  source: Scalars['String']['output'];
};

/** Page of LCS contacts. */
export type LcsContactConnection = {
  __typename?: 'LcsContactConnection';
  /** Items. */
  nodes: Array<LcsContact>;
  /** Paging. */
  pageInfo: PageInfo;
  /** All items. */
  totalCount: Scalars['Int']['output'];
};

/** A legal status while looked after. */
export type LegalStatus = {
  __typename?: 'LegalStatus';
  /** Code (C1, C2, E1, V2…). */
  code: Scalars['String']['output'];
  /** To. */
  endDate?: Maybe<Scalars['Date']['output']>;
  /** LCS id. */
  id: Scalars['ID']['output'];
  /** From. */
  startDate: Scalars['Date']['output'];
};

/** Page of legal statuses. */
export type LegalStatusConnection = {
  __typename?: 'LegalStatusConnection';
  /** Items. */
  nodes: Array<LegalStatus>;
  /** Paging. */
  pageInfo: PageInfo;
  /** All items. */
  totalCount: Scalars['Int']['output'];
};

/** A steward's decision on a link. */
export type LinkDecision = {
  __typename?: 'LinkDecision';
  /** The child as the steward saw it. */
  childId: Scalars['ID']['output'];
  /** The hub ids holding the two records now. */
  childIdsNow: Array<Scalars['ID']['output']>;
  /** When. */
  decidedAt: Scalars['DateTime']['output'];
  /** Who decided (user id). */
  decidedBy: Scalars['String']['output'];
  /** Its id (for `reverseLinkDecision`). */
  id: Scalars['ID']['output'];
  /** What was decided. */
  kind: LinkDecisionKind;
  /** The other child (CONFIRM, REJECT), or the child the record was taken from (SPLIT: the same as childId). */
  otherChildId?: Maybe<Scalars['ID']['output']>;
  /** A record of the other child (SPLIT: one the record was with). */
  otherRecord: Scalars['ID']['output'];
  /** Why. */
  reason: Scalars['String']['output'];
  /** The record decided about (SPLIT: the record taken out), system-qualified. */
  record: Scalars['ID']['output'];
  /** Why it was reversed. */
  reversalReason?: Maybe<Scalars['String']['output']>;
  /** When it was reversed. */
  reversedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who reversed it, when it was. */
  reversedBy?: Maybe<Scalars['String']['output']>;
};

/** A data steward's decision. */
export type LinkDecisionKind =
  /** Two children are one. */
  | 'CONFIRM'
  /** Two children are different: never suggested again. */
  | 'REJECT'
  /** A record is taken out of a child. */
  | 'SPLIT';

/** A page of the review queue. */
export type LinkReviewConnection = {
  __typename?: 'LinkReviewConnection';
  /** Pairs, strongest first. */
  nodes: Array<LinkReviewItem>;
  /** Paging. */
  pageInfo: PageInfo;
  /** Pairs in the whole queue. */
  totalCount: Scalars['Int']['output'];
};

/** Two children that may be one, with the evidence. */
export type LinkReviewItem = {
  __typename?: 'LinkReviewItem';
  /** Fields that agreed, as `field:level`, e.g. `dateOfBirth:exact`. */
  agreed: Array<Scalars['String']['output']>;
  /** The two children (minimal identity), each opened with `child(id:)`. */
  children: Array<ChildSearchResult>;
  /** Fields present on both records that disagreed. */
  disagreed: Array<Scalars['String']['output']>;
  /** Fellegi–Sunter match weight of the best pair of records (log2 odds). */
  score: Scalars['Float']['output'];
};

/** A child missing education on the report's `asOf`. */
export type MissingEducationChild = {
  __typename?: 'MissingEducationChild';
  /** The child's hub id (open it with `child(id:)`, under the viewer's own access). */
  childId: Scalars['ID']['output'];
  /** EYES CME referral id. */
  cmeId: Scalars['ID']['output'];
  /** Calendar days from reported missing to `asOf`. */
  daysMissing: Scalars['Int']['output'];
  /** Reported missing education on. */
  reportedMissingDate: Scalars['Date']['output'];
};

/** Page of children missing education. */
export type MissingEducationChildConnection = {
  __typename?: 'MissingEducationChildConnection';
  /** Items. */
  nodes: Array<MissingEducationChild>;
  /** Paging. */
  pageInfo: PageInfo;
  /** All items. */
  totalCount: Scalars['Int']['output'];
};

/** Children missing education over a period, judged at the report's `asOf`. */
export type MissingEducationMeasures = {
  __typename?: 'MissingEducationMeasures';
  /** Those closures by outcome (FOUND_IN_SCHOOL, MOVED_OUT_OF_AREA, ELECTIVE_HOME_EDUCATION…), largest first. */
  closedByOutcome: Array<CodeCount>;
  /** Referrals closed in the period, up to `asOf`. */
  closedInPeriod: Scalars['Int']['output'];
  /** Median calendar days from reported missing to closed, over the closures in the period; null when none. */
  medianDaysMissing?: Maybe<Scalars['Float']['output']>;
  /** Referrals reported in the period, up to `asOf`. */
  newInPeriod: Scalars['Int']['output'];
  /** CME referrals open on `asOf` (reported on or before it, not closed on or before it). */
  openAtAsOf: Scalars['Int']['output'];
  /**
   * The children behind `openAtAsOf`, longest missing first, by hub id (children the viewer may
   * not know of are left out). Each page shown is on the audit trail with the ids it names.
   */
  openChildren: MissingEducationChildConnection;
};


/** Children missing education over a period, judged at the report's `asOf`. */
export type MissingEducationMeasuresOpenChildrenArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A missing or away-from-placement episode. */
export type MissingEpisode = {
  __typename?: 'MissingEpisode';
  /** Ended on. */
  endDate?: Maybe<Scalars['Date']['output']>;
  /** LCS id. */
  id: Scalars['ID']['output'];
  /** MISSING or AWAY. */
  kind: Scalars['String']['output'];
  /** Return interview accepted. */
  returnInterviewAccepted?: Maybe<Scalars['Boolean']['output']>;
  /** Return interview offered. */
  returnInterviewOffered?: Maybe<Scalars['Boolean']['output']>;
  /** Started on. */
  startDate: Scalars['Date']['output'];
};

/** Page of missing episodes. */
export type MissingEpisodeConnection = {
  __typename?: 'MissingEpisodeConnection';
  /** Items. */
  nodes: Array<MissingEpisode>;
  /** Paging. */
  pageInfo: PageInfo;
  /** All items. */
  totalCount: Scalars['Int']['output'];
};

/** One month of a performance period. */
export type MonthFigures = {
  __typename?: 'MonthFigures';
  /** Child and family assessments authorised in the month. */
  assessmentsCompleted: Scalars['Int']['output'];
  /** Of those, authorised within 45 working days of the start. */
  assessmentsCompletedOnTime: Scalars['Int']['output'];
  /** Front-door contacts dated in the month. */
  contacts: Scalars['Int']['output'];
  /** The day the snapshot counts are taken: the month's last day, or `asOf` if earlier. */
  countedOn: Scalars['Date']['output'];
  /** Children looked after on `countedOn`. */
  lookedAfter: Scalars['Int']['output'];
  /** The month, `YYYY-MM`. */
  month: Scalars['String']['output'];
  /** Children with a child protection plan open on `countedOn` (started on or before, not ended on or before). */
  onChildProtectionPlans: Scalars['Int']['output'];
};

/**
 * Data stewards' decisions on links. Each takes a reason, is on the audit trail, can be reversed, and
 * holds on every hub instance and through every relink.
 */
export type Mutation = {
  __typename?: 'Mutation';
  /** The two children are one child: their records are linked from now on. */
  confirmLink: LinkDecision;
  /** The two children are different children: never offered as a possible match again. */
  rejectLink: LinkDecision;
  /** Undoes a decision: linking goes back to what it would be without it. */
  reverseLinkDecision: LinkDecision;
  /** One record is not this child: it is taken out of the child and kept apart (it gets its own hub id). */
  splitRecord: LinkDecision;
};


/**
 * Data stewards' decisions on links. Each takes a reason, is on the audit trail, can be reversed, and
 * holds on every hub instance and through every relink.
 */
export type MutationConfirmLinkArgs = {
  childId: Scalars['ID']['input'];
  otherChildId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


/**
 * Data stewards' decisions on links. Each takes a reason, is on the audit trail, can be reversed, and
 * holds on every hub instance and through every relink.
 */
export type MutationRejectLinkArgs = {
  childId: Scalars['ID']['input'];
  otherChildId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


/**
 * Data stewards' decisions on links. Each takes a reason, is on the audit trail, can be reversed, and
 * holds on every hub instance and through every relink.
 */
export type MutationReverseLinkDecisionArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


/**
 * Data stewards' decisions on links. Each takes a reason, is on the audit trail, can be reversed, and
 * holds on every hub instance and through every relink.
 */
export type MutationSplitRecordArgs = {
  childId: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
  record: Scalars['ID']['input'];
};

/** A CCIS activity record. */
export type NeetStatus = {
  __typename?: 'NeetStatus';
  /** Activity code. */
  activityCode: Scalars['String']['output'];
  /** Not in education, employment or training. */
  neet: Scalars['Boolean']['output'];
  /** Recorded on. */
  recordedDate: Scalars['Date']['output'];
};

/** Page of NEET records. */
export type NeetStatusConnection = {
  __typename?: 'NeetStatusConnection';
  /** Items. */
  nodes: Array<NeetStatus>;
  /** Paging. */
  pageInfo: PageInfo;
  /** All items. */
  totalCount: Scalars['Int']['output'];
};

/** A child whose EHC plan annual review is overdue. */
export type OverdueAnnualReview = {
  __typename?: 'OverdueAnnualReview';
  /** The child's hub id (open it with `child(id:)`, under the viewer's own access). */
  childId: Scalars['ID']['output'];
  /** Calendar days from the due date to `asOf`. */
  daysOverdue: Scalars['Int']['output'];
  /** The review was due on. */
  dueDate: Scalars['Date']['output'];
  /** The last review meeting held (null: none since the plan was issued). */
  lastReviewDate?: Maybe<Scalars['Date']['output']>;
  /** EYES plan id. */
  planId: Scalars['ID']['output'];
};

/** Page of overdue annual reviews. */
export type OverdueAnnualReviewConnection = {
  __typename?: 'OverdueAnnualReviewConnection';
  /** Items. */
  nodes: Array<OverdueAnnualReview>;
  /** Paging. */
  pageInfo: PageInfo;
  /** All items. */
  totalCount: Scalars['Int']['output'];
};

/** A child on a caseload with something overdue. */
export type OverdueChild = {
  __typename?: 'OverdueChild';
  /** The child's hub id. */
  childId: Scalars['ID']['output'];
  /** The most working days late of any item: the urgency order. */
  mostWorkingDaysLate: Scalars['Int']['output'];
  /** Child's name. */
  name?: Maybe<PersonName>;
  /** Everything overdue, most working days late first. */
  overdue: Array<OverdueItem>;
  /** The workers holding the child's open cases here. */
  workers: Array<Worker>;
};

/** A page of overdue children, most urgent first. */
export type OverdueChildConnection = {
  __typename?: 'OverdueChildConnection';
  /** Children. */
  nodes: Array<OverdueChild>;
  /** Paging. */
  pageInfo: PageInfo;
  /** Children with anything overdue, in all. */
  totalCount: Scalars['Int']['output'];
};

/** A requirement past its due date. */
export type OverdueItem = {
  __typename?: 'OverdueItem';
  /** The last permitted day; overdue since the day after. */
  dueDate: Scalars['Date']['output'];
  /** What is overdue. */
  item: StatutoryItem;
  /** Working days from the due date to `asOf`. */
  workingDaysLate: Scalars['Int']['output'];
};

/** Where a list page stands. Page sizes are capped (see each field's `first`). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to get the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** Is there a page after this one? */
  hasNextPage: Scalars['Boolean']['output'];
};

/** A care leaver's pathway plan. */
export type PathwayPlan = {
  __typename?: 'PathwayPlan';
  /** Ended on. */
  endDate?: Maybe<Scalars['Date']['output']>;
  /** LCS pathway plan id. */
  id: Scalars['ID']['output'];
  /** Last reviewed on. */
  latestReviewDate?: Maybe<Scalars['Date']['output']>;
  /** Next review due (at least six-monthly). */
  nextReviewDue?: Maybe<Scalars['Date']['output']>;
  /** The young person's personal adviser. */
  personalAdviser?: Maybe<Worker>;
  /** In place from. */
  startDate: Scalars['Date']['output'];
};

/** A payment against an agreement. */
export type Payment = {
  __typename?: 'Payment';
  /** The agreement it pays. */
  agreementId: Scalars['ID']['output'];
  /** Amount. */
  amount: Scalars['Pence']['output'];
  /** LIFT payment id. */
  id: Scalars['ID']['output'];
  /** Paid on. */
  paidOn: Scalars['Date']['output'];
  /** Period to. */
  periodEnd: Scalars['Date']['output'];
  /** Period from. */
  periodStart: Scalars['Date']['output'];
};

/** Page of payments. */
export type PaymentConnection = {
  __typename?: 'PaymentConnection';
  /** Items. */
  nodes: Array<Payment>;
  /** Paging. */
  pageInfo: PageInfo;
  /** All items. */
  totalCount: Scalars['Int']['output'];
};

/** Indicators over one period. Each field reads its lists once through the shared cache. */
export type PerformanceReport = {
  __typename?: 'PerformanceReport';
  /** The day every item is judged at: the earlier of `asOf` (default today) and the period end. */
  asOf: Scalars['Date']['output'];
  /**
   * Child and family assessments authorised in the period (CIN census): working days from the
   * assessment's start to its authorisation, against 45. Reads assessments started up to 12 months
   * before the period.
   */
  assessments?: Maybe<CompletedTimeliness>;
  /**
   * The same assessments measured from the referral (Working Together: 45 working days from the
   * referral). An assessment whose referral is not found is counted in `excluded`.
   */
  assessmentsFromReferral?: Maybe<CompletedTimeliness>;
  /** Second view: assessments STARTED in the period, against 45 working days from the start. */
  assessmentsStartedInPeriod?: Maybe<TimelinessMeasure>;
  /**
   * Care leavers as the SSDA903 return and the LAIT indicators count them: former relevant children
   * (looked after for 13 weeks or more from their 14th birthday, some of it on or after their 16th)
   * whose 17th to 21st birthday fell in the period, up to `asOf`, and who were not looked after on it.
   * Every measure's denominator is the whole group: a young person not in touch, or with nothing
   * recorded for that birthday, counts against each. Never narrowed by team or service.
   */
  careLeavers?: Maybe<CareLeaverMeasures>;
  /**
   * Child-in-need plans over the period and their reviews (by the due date LCS records, the council's
   * local standard). With `teamId` or `service` (e.g. Disabilities), plans of children whose case the
   * teams held at some point during the plan.
   */
  childInNeedPlans?: Maybe<CinPlanMeasures>;
  /** Child protection plans: categories of abuse, second or subsequent plans, plans lasting two years or more. */
  childProtection?: Maybe<ChildProtectionMeasures>;
  /** Children on child protection plans and looked after on a date (default: `asOf`). */
  childrenAt?: Maybe<ChildrenAtDate>;
  /**
   * Children missing education (Education Act 1996 s.436A): CME referrals open at `asOf`, new and
   * closed in the period. County-wide, like the annual reviews.
   */
  childrenMissingEducation?: Maybe<MissingEducationMeasures>;
  /** Front-door contacts dated in the period, per calendar month, by source and by outcome. */
  contactsByMonth?: Maybe<Array<ContactMonth>>;
  /**
   * EHC plan annual reviews (SEND Code of Practice 9.166; SEN2): each review is due 12 months to the
   * day after the plan was issued or after the previous review meeting; the local authority's decision
   * is due within 4 weeks of the meeting. County-wide: EYES holds no social care team, so `teamId` and
   * `service` do not narrow it.
   */
  ehcpAnnualReviews?: Maybe<EhcpAnnualReviewMeasures>;
  /**
   * EHC plans issued in the period (SEN2), against 20 weeks from the request; plans under a 20-week
   * exception are counted in `excluded` only. Reads requests made up to 24 months before the period.
   */
  ehcpFinalPlans?: Maybe<CompletedTimeliness>;
  /**
   * Second view: final EHC plans for requests made in the period, against 20 weeks. Requests closed
   * without a plan are not counted; those under a 20-week exception are counted in `excluded` only.
   */
  ehcpFinalPlansRequestedInPeriod?: Maybe<TimelinessMeasure>;
  /** First day of the period. */
  from: Scalars['Date']['output'];
  /** The front door over the period: routes, RAG ratings, decisions within one working day, conversion to referral and repeat contacts (never narrowed by team or service). */
  frontDoor?: Maybe<FrontDoorMeasures>;
  /**
   * Initial child protection conferences held in the period (CIN census), against 15 working days
   * from the strategy discussion that started the s47. Transfer-in conferences are counted in
   * `excluded` only.
   */
  initialChildProtectionConferences?: Maybe<CompletedTimeliness>;
  /** Second view: ICPCs for strategy discussions in the period (transfer-ins included), against 15 working days. */
  initialChildProtectionConferencesStartedInPeriod?: Maybe<TimelinessMeasure>;
  /** The period month by month, up to `asOf`: children on CP plans and looked after on each month's last day, contacts, assessments completed and on time. */
  monthly?: Maybe<Array<MonthFigures>>;
  /** Placement stability of children looked after on the period's last counted day (SSDA903). */
  placementStability?: Maybe<PlacementStability>;
  /** Referrals in the period that followed another referral of the same child within 12 months. */
  reReferrals?: Maybe<ReReferralMeasure>;
  /**
   * What each system the report read contributed: OK or STALE, or UNAVAILABLE / TIMEOUT when it
   * could not be read in time. A measure that needs a missing system is null (with an error at its
   * path); every other measure still answers.
   */
  sources: Array<SourceStatus>;
  /** Last day of the period. */
  to: Scalars['Date']['output'];
  /** Unaccompanied asylum-seeking children looked after on the period's last counted day (SSDA903 UASC flag). */
  unaccompaniedAsylumSeekingChildren?: Maybe<UascMeasure>;
};


/** Indicators over one period. Each field reads its lists once through the shared cache. */
export type PerformanceReportChildrenAtArgs = {
  date?: InputMaybe<Scalars['Date']['input']>;
};

/** A person's name as one system holds it. */
export type PersonName = {
  __typename?: 'PersonName';
  /** Forename. */
  forename: Scalars['String']['output'];
  /** Surname. */
  surname: Scalars['String']['output'];
};

/** A placement while looked after. */
export type Placement = {
  __typename?: 'Placement';
  /** Why the placement changed. */
  changeReason?: Maybe<Scalars['String']['output']>;
  /** Distance from home in miles. */
  distanceFromHomeMiles?: Maybe<Scalars['Float']['output']>;
  /** Ended on. */
  endDate?: Maybe<Scalars['Date']['output']>;
  /** LCS placement id. */
  id: Scalars['ID']['output'];
  /** Placement type code (K1, U4, R1…), versioned by collection year. */
  placementType: Scalars['String']['output'];
  /** Provider name. */
  providerName: Scalars['String']['output'];
  /** Provider type (PR0–PR5). */
  providerType: Scalars['String']['output'];
  /** Provider URN. */
  providerUrn?: Maybe<Scalars['String']['output']>;
  /** Started on. */
  startDate: Scalars['Date']['output'];
};

/** Page of placements. */
export type PlacementConnection = {
  __typename?: 'PlacementConnection';
  /** Items. */
  nodes: Array<Placement>;
  /** Paging. */
  pageInfo: PageInfo;
  /** All items. */
  totalCount: Scalars['Int']['output'];
};

/** Placement stability as the SSDA903 measures count it. */
export type PlacementStability = {
  __typename?: 'PlacementStability';
  /** The day counted on: the earlier of `asOf` and the period end. */
  countedOn: Scalars['Date']['output'];
  /** Of those, children under 16 looked after for 2.5 years or more in this period of care. */
  longTermCohort: Scalars['Int']['output'];
  /** Children looked after on that day. */
  lookedAfter: Scalars['Int']['output'];
  /** Children whose placement on that day is more than 20 miles from home. */
  placedOver20Miles: Scalars['Int']['output'];
  /** Of the long-term cohort, children in the same placement for 2 years or more. */
  samePlacementTwoYearsOrMore: Scalars['Int']['output'];
  /** Of those, children with three or more placements at some point in the period. */
  threeOrMorePlacements: Scalars['Int']['output'];
};

/** A record that may belong to the same child, scored but never merged. */
export type PossibleMatch = {
  __typename?: 'PossibleMatch';
  /** Fields that agreed. */
  agreed: Array<Scalars['String']['output']>;
  /** The other child's hub id. */
  childId: Scalars['ID']['output'];
  /** Fields that disagreed. */
  disagreed: Array<Scalars['String']['output']>;
  /** Fellegi–Sunter match weight (higher: more alike). */
  score: Scalars['Float']['output'];
};

/** The hub's entry points. Every query needs a bearer token; what it answers depends on the viewer's role. */
export type Query = {
  __typename?: 'Query';
  /**
   * The audit trail, for auditors and Caldicott guardians: who consulted which child's record, when,
   * in what capacity, what was shown or refused, and why. Filter by user, by child and by period;
   * newest first. Every call is itself recorded (action AUDIT_QUERY), and a refused call is recorded
   * as a denial. To read further back than one page, pass the oldest `at` you received as `to`.
   * Every record is shown, so `seq` has no gaps; a record about a restricted child is shown without
   * that child (no id, no children listed with it, no purpose, no break-glass words) to viewers the
   * restriction does not name,
   * so a refused restricted id reads exactly like a refused unknown id. `childId` also finds the
   * searches, caseloads and report lines that listed the child.
   */
  auditTrail: Array<AccessRecord>;
  /**
   * Break-glass uses awaiting review, newest first: every time someone opened a child's record
   * without a legitimate relationship, with the reason they gave. For auditors.
   */
  breakGlassAlerts: Array<AccessRecord>;
  /**
   * One child's whole picture. `id` is the hub id, or a system-qualified id such as `lcs:1234567`,
   * `eyes:P000123`, `lift:CL00042` or `frontdoor:FD0000123`. Unknown (or hidden) children give
   * NOT_FOUND; a malformed id gives BAD_USER_INPUT. Without a legitimate relationship, pass
   * `breakGlass` to open the record: the access is allowed, audited and alerted for review.
   */
  child?: Maybe<Child>;
  /** Find a child by a national identifier (validated: a bad check digit is BAD_USER_INPUT). */
  childByIdentifier?: Maybe<Child>;
  /**
   * What became of a hub id: still naming a child, merged into another (open that one; `child(id:)`
   * with the old id does so too), or retired. A split lists where records went. Ids of children hidden
   * from you are left out, and a hidden child's own id is as if unknown (null).
   */
  childIdHistory?: Maybe<ChildIdHistory>;
  /**
   * Spend, commitments, budgets and forecasts across every child's service agreements (LIFT), as at
   * today, for the current April-to-March financial year against the previous one (finance roles).
   * Money is integer pence. Rates may be weekly or daily and change mid-agreement (backdated changes
   * included). An agreement lasts to the end LIFT records; with none, an ACTIVE agreement past its
   * planned end runs on at its current rate, and an open-ended one at its latest rate. "Committed"
   * always means the cost of the agreements in place from tomorrow to 31 March.
   */
  financeReport?: Maybe<FinanceReport>;
  /** Stewards' decisions, newest first (about one child when `childId` is given). Data stewards only. */
  linkDecisions: Array<LinkDecision>;
  /**
   * Pairs of children that may be one child, strongest first, with the evidence. Data stewards only.
   * A rejected pair is never offered again; restricted children are never offered.
   */
  linkReviewQueue: LinkReviewConnection;
  /** The signed-in viewer. */
  me: Viewer;
  /**
   * Statutory measures and volumes over a period (roles with performance access). Headline
   * timeliness follows the returns: what was completed in the period (assessments authorised, ICPCs
   * held, EHC plans issued), each judged as known at `asOf`. The "started in the period" views are the
   * cohort whose clock started in the period. Periods may cover at most 36 months.
   */
  performance?: Maybe<PerformanceReport>;
  /**
   * Search every system's people for a child, tolerant of typos, nicknames and transposed day and
   * month. Ranked best first. Give at least one argument.
   */
  searchChildren: ChildSearchConnection;
  /** A team and its caseload. */
  team?: Maybe<Team>;
  /** A practitioner and their caseload. */
  worker?: Maybe<Worker>;
};


/** The hub's entry points. Every query needs a bearer token; what it answers depends on the viewer's role. */
export type QueryAuditTrailArgs = {
  actions?: InputMaybe<Array<AuditAction>>;
  childId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
  userId?: InputMaybe<Scalars['ID']['input']>;
};


/** The hub's entry points. Every query needs a bearer token; what it answers depends on the viewer's role. */
export type QueryBreakGlassAlertsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** The hub's entry points. Every query needs a bearer token; what it answers depends on the viewer's role. */
export type QueryChildArgs = {
  breakGlass?: InputMaybe<BreakGlassInput>;
  id: Scalars['ID']['input'];
  purpose?: InputMaybe<Scalars['String']['input']>;
};


/** The hub's entry points. Every query needs a bearer token; what it answers depends on the viewer's role. */
export type QueryChildByIdentifierArgs = {
  nhsNumber?: InputMaybe<Scalars['String']['input']>;
  upn?: InputMaybe<Scalars['String']['input']>;
};


/** The hub's entry points. Every query needs a bearer token; what it answers depends on the viewer's role. */
export type QueryChildIdHistoryArgs = {
  id: Scalars['ID']['input'];
};


/** The hub's entry points. Every query needs a bearer token; what it answers depends on the viewer's role. */
export type QueryLinkDecisionsArgs = {
  childId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** The hub's entry points. Every query needs a bearer token; what it answers depends on the viewer's role. */
export type QueryLinkReviewQueueArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** The hub's entry points. Every query needs a bearer token; what it answers depends on the viewer's role. */
export type QueryPerformanceArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  from: Scalars['Date']['input'];
  service?: InputMaybe<Scalars['String']['input']>;
  teamId?: InputMaybe<Scalars['ID']['input']>;
  to: Scalars['Date']['input'];
};


/** The hub's entry points. Every query needs a bearer token; what it answers depends on the viewer's role. */
export type QuerySearchChildrenArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  dateOfBirth?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  identifier?: InputMaybe<Scalars['String']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  postcode?: InputMaybe<Scalars['String']['input']>;
};


/** The hub's entry points. Every query needs a bearer token; what it answers depends on the viewer's role. */
export type QueryTeamArgs = {
  id: Scalars['ID']['input'];
};


/** The hub's entry points. Every query needs a bearer token; what it answers depends on the viewer's role. */
export type QueryWorkerArgs = {
  id: Scalars['ID']['input'];
};

/** A rate in force from a date. */
export type Rate = {
  __typename?: 'Rate';
  /** Amount per unit. */
  amount: Scalars['Pence']['output'];
  /** First day it applies. */
  effectiveFrom: Scalars['Date']['output'];
  /** When it was recorded (later than effectiveFrom: backdated). */
  recordedAt: Scalars['Date']['output'];
  /** WEEKLY or DAILY. */
  unit: Scalars['String']['output'];
};

/** Re-referrals within 12 months (a referral of a child referred before within the 12 months up to that day). */
export type ReReferralMeasure = {
  __typename?: 'ReReferralMeasure';
  /** reReferrals ÷ referrals as a percentage, 0–100, one decimal place; null when there were no referrals. */
  percent?: Maybe<Scalars['Float']['output']>;
  /** Of those, re-referrals within 12 months. */
  reReferrals: Scalars['Int']['output'];
  /** Referrals dated in the period (one per child per day). */
  referrals: Scalars['Int']['output'];
};

/** A reference to the upstream record a fact came from. */
export type RecordRef = {
  __typename?: 'RecordRef';
  /** The record's id in that system. */
  id: Scalars['ID']['output'];
  /** The kind of record, e.g. `referral`, `placement`, `ehcpRequest`. */
  kind: Scalars['String']['output'];
  /** The system holding the record. */
  system: System;
};

/** A referral: the start of a child-in-need episode. */
export type Referral = {
  __typename?: 'Referral';
  /** Closed on. */
  closeDate?: Maybe<Scalars['Date']['output']>;
  /** Why it closed. */
  closeReason?: Maybe<Scalars['String']['output']>;
  /** Date of referral. */
  date: Scalars['Date']['output'];
  /** LCS referral id. */
  id: Scalars['ID']['output'];
  /** No further action. */
  nfa: Scalars['Boolean']['output'];
  /** Outcome. */
  outcome: Scalars['String']['output'];
  /** Primary need code (N1–N8). */
  primaryNeed: Scalars['String']['output'];
  /** Referral source code. */
  source: Scalars['String']['output'];
};

/** Page of referrals. */
export type ReferralConnection = {
  __typename?: 'ReferralConnection';
  /** Items. */
  nodes: Array<Referral>;
  /** Paging. */
  pageInfo: PageInfo;
  /** All items. */
  totalCount: Scalars['Int']['output'];
};

/** Page of s47 enquiries. */
export type S47Connection = {
  __typename?: 'S47Connection';
  /** Items. */
  nodes: Array<S47Enquiry>;
  /** Paging. */
  pageInfo: PageInfo;
  /** All items. */
  totalCount: Scalars['Int']['output'];
};

/** A section 47 enquiry. */
export type S47Enquiry = {
  __typename?: 'S47Enquiry';
  /** Ended on. */
  endDate?: Maybe<Scalars['Date']['output']>;
  /** The initial child protection conference, if one was held or is due. */
  icpc?: Maybe<Icpc>;
  /** LCS s47 id. */
  id: Scalars['ID']['output'];
  /** Outcome. */
  outcome?: Maybe<Scalars['String']['output']>;
  /** Started on. */
  startDate: Scalars['Date']['output'];
  /** Strategy discussion date (starts the ICPC clock). */
  strategyDiscussionDate: Scalars['Date']['output'];
};

/** A what-if: more placements of one type from a date. */
export type ScenarioPlacements = {
  /** How many more placements (1–1000). */
  count: Scalars['Int']['input'];
  /** The day they start (within the current financial year). */
  from: Scalars['Date']['input'];
  /** Placement type code, e.g. `K2` (children's home). */
  placementType: Scalars['String']['input'];
  /** Weekly cost of each, in pence; default: today's average weekly cost per child of the placement type. */
  weeklyCost?: InputMaybe<Scalars['Pence']['input']>;
};

/** A period of SEN support. */
export type SenSupport = {
  __typename?: 'SenSupport';
  /** To. */
  endDate?: Maybe<Scalars['Date']['output']>;
  /** Primary need (SPLD, MLD, ASD…). */
  primaryNeed: Scalars['String']['output'];
  /** Secondary need. */
  secondaryNeed?: Maybe<Scalars['String']['output']>;
  /** From. */
  startDate: Scalars['Date']['output'];
};

/** Page of SEN support periods. */
export type SenSupportConnection = {
  __typename?: 'SenSupportConnection';
  /** Items. */
  nodes: Array<SenSupport>;
  /** Paging. */
  pageInfo: PageInfo;
  /** All items. */
  totalCount: Scalars['Int']['output'];
};

/** One SEND cost line for one pupil. */
export type SendCost = {
  __typename?: 'SendCost';
  /** Committed: what it will cost from tomorrow to 31 March. */
  committed: Scalars['Pence']['output'];
  /** Cost this financial year so far. */
  costThisFinancialYear: Scalars['Pence']['output'];
  /** INDEPENDENT_SPECIAL_SCHOOL, NON_MAINTAINED_SPECIAL_SCHOOL, TOP_UP, SEN_TRANSPORT or PERSONAL_BUDGET. */
  costType: Scalars['String']['output'];
  /** The rate in force today (or, once ended, on the last day), by the rule every cost is computed with. */
  currentRate?: Maybe<Rate>;
  /** Actual end. */
  endDate?: Maybe<Scalars['Date']['output']>;
  /** GENERAL_FUND or HIGH_NEEDS_BLOCK. */
  fundingStream: Scalars['String']['output'];
  /** LIFT SEND cost id. */
  id: Scalars['ID']['output'];
  /** Planned end (null: open-ended). An ACTIVE cost may be past it: it runs on until LIFT records an end. */
  plannedEndDate?: Maybe<Scalars['Date']['output']>;
  /** Who is paid. */
  providerName: Scalars['String']['output'];
  /** From. */
  startDate: Scalars['Date']['output'];
  /** ACTIVE, ENDED, PENDING, CANCELLED. */
  status: Scalars['String']['output'];
};

/** SEND costs of one kind, per pupil and in aggregate, for the current financial year. */
export type SendCostGroup = {
  __typename?: 'SendCostGroup';
  /** Committed: from tomorrow to 31 March. */
  committed: Scalars['Pence']['output'];
  /** Cost lines counted. */
  costs: Scalars['Int']['output'];
  /** spentYearToDate + committed. */
  forecast: Scalars['Pence']['output'];
  /** forecast ÷ pupils, rounded to the penny. */
  forecastPerPupil: Scalars['Pence']['output'];
  /** GENERAL_FUND or HIGH_NEEDS_BLOCK (MIXED over both; NONE when empty). */
  fundingStream: Scalars['String']['output'];
  /** The cost type, or ALL. */
  key: Scalars['String']['output'];
  /** Distinct pupils with such a cost this financial year. */
  pupils: Scalars['Int']['output'];
  /** Spent from 1 April to asOf. */
  spentYearToDate: Scalars['Pence']['output'];
  /** Weekly rates in force today, summed (daily rates × 7). */
  weeklyCostNow: Scalars['Pence']['output'];
};

/** One commissioned service for one child. */
export type ServiceAgreement = {
  __typename?: 'ServiceAgreement';
  /** Committed: what the agreement will cost from tomorrow to 31 March (running on past its planned end while ACTIVE with no end recorded). */
  committed: Scalars['Pence']['output'];
  /** Cost this financial year so far. */
  costThisFinancialYear: Scalars['Pence']['output'];
  /** Cost from start to today. */
  costToDate: Scalars['Pence']['output'];
  /** The rate in force today (or, once ended, on the last day) by the same rule every cost is computed with: of the rates already effective, the one recorded last. */
  currentRate?: Maybe<Rate>;
  /** Actual end. */
  endDate?: Maybe<Scalars['Date']['output']>;
  /** LIFT agreement id. */
  id: Scalars['ID']['output'];
  /** LCS placement id this line pays for. */
  lcsPlacementId?: Maybe<Scalars['ID']['output']>;
  /** Placement type, for placement lines. */
  placementType?: Maybe<Scalars['String']['output']>;
  /** Planned end (null: open-ended). An ACTIVE agreement may be past it: it runs on until LIFT records an end. */
  plannedEndDate?: Maybe<Scalars['Date']['output']>;
  /** Projected cost from tomorrow to the known end (actual, else planned), beyond 31 March if need be; null when it has none (open-ended, or running on past its planned end). */
  projectedToPlannedEnd?: Maybe<Scalars['Pence']['output']>;
  /**
   * The same quantity as committed, under its old name.
   * @deprecated Use `committed`: one quantity, one name.
   */
  projectedToYearEnd: Scalars['Pence']['output'];
  /** Provider. */
  providerName: Scalars['String']['output'];
  /** Provider type (PR0–PR5). */
  providerType: Scalars['String']['output'];
  /** Rate history, oldest first. */
  rates: Array<Rate>;
  /** ACTIVE past its planned end with no end recorded: it runs on at its current rate until LIFT records an end. */
  runningOnPastPlannedEnd: Scalars['Boolean']['output'];
  /** PLACEMENT, ALLOWANCE, FOSTERING_FEE, TRANSPORT, SUPPORT. */
  serviceType: Scalars['String']['output'];
  /** From. */
  startDate: Scalars['Date']['output'];
  /** ACTIVE, ENDED, PENDING, CANCELLED. */
  status: Scalars['String']['output'];
};

/** Page of agreements. */
export type ServiceAgreementConnection = {
  __typename?: 'ServiceAgreementConnection';
  /** Items. */
  nodes: Array<ServiceAgreement>;
  /** Paging. */
  pageInfo: PageInfo;
  /** All items. */
  totalCount: Scalars['Int']['output'];
};

/** A child's social care record (LCS). Lists are newest first; `first` is capped at 100. */
export type SocialCare = {
  __typename?: 'SocialCare';
  /** The allocated worker. */
  allocatedWorker?: Maybe<Worker>;
  /** Child and family assessments, with 45-working-day timeliness. */
  assessments: AssessmentConnection;
  /** Case status now (CIN, CP, CLA, EARLY_HELP, CARE_LEAVER), if any case is open. */
  caseStatus?: Maybe<Scalars['String']['output']>;
  /** Child-in-need plans. */
  cinPlans: CinPlanConnection;
  /** Looked-after episodes. */
  claEpisodes: ClaEpisodeConnection;
  /** Looked-after reviews. */
  claReviews: ClaReviewConnection;
  /** Contacts recorded in LCS. */
  contacts: LcsContactConnection;
  /** Child protection plans with categories and reviews. */
  cpPlans: CpPlanConnection;
  /** Early help episodes. */
  earlyHelpEpisodes: EarlyHelpConnection;
  /** Legal statuses while looked after. */
  legalStatuses: LegalStatusConnection;
  /** Missing and away-from-placement episodes. */
  missingEpisodes: MissingEpisodeConnection;
  /** A care leaver's pathway plan and personal adviser; null for anyone else (looked-after detail). */
  pathwayPlan?: Maybe<PathwayPlan>;
  /** Placements while looked after. */
  placements: PlacementConnection;
  /** Referrals (child-in-need episodes). */
  referrals: ReferralConnection;
  /** Section 47 enquiries, each with its initial child protection conference. */
  s47Enquiries: S47Connection;
  /** What is next due for the child and what is overdue, at `asOf` (default today). */
  statutory: StatutoryPosition;
  /** The allocated team. */
  team?: Maybe<Team>;
  /** A child's unaccompanied asylum-seeking status and age assessment; null for anyone else (looked-after detail). */
  unaccompaniedAsylumSeeker?: Maybe<UnaccompaniedStatus>;
  /** Statutory visits. */
  visits: VisitConnection;
};


/** A child's social care record (LCS). Lists are newest first; `first` is capped at 100. */
export type SocialCareAssessmentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A child's social care record (LCS). Lists are newest first; `first` is capped at 100. */
export type SocialCareCinPlansArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A child's social care record (LCS). Lists are newest first; `first` is capped at 100. */
export type SocialCareClaEpisodesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A child's social care record (LCS). Lists are newest first; `first` is capped at 100. */
export type SocialCareClaReviewsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A child's social care record (LCS). Lists are newest first; `first` is capped at 100. */
export type SocialCareContactsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A child's social care record (LCS). Lists are newest first; `first` is capped at 100. */
export type SocialCareCpPlansArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A child's social care record (LCS). Lists are newest first; `first` is capped at 100. */
export type SocialCareEarlyHelpEpisodesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A child's social care record (LCS). Lists are newest first; `first` is capped at 100. */
export type SocialCareLegalStatusesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A child's social care record (LCS). Lists are newest first; `first` is capped at 100. */
export type SocialCareMissingEpisodesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A child's social care record (LCS). Lists are newest first; `first` is capped at 100. */
export type SocialCarePlacementsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A child's social care record (LCS). Lists are newest first; `first` is capped at 100. */
export type SocialCareReferralsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A child's social care record (LCS). Lists are newest first; `first` is capped at 100. */
export type SocialCareS47EnquiriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A child's social care record (LCS). Lists are newest first; `first` is capped at 100. */
export type SocialCareStatutoryArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
};


/** A child's social care record (LCS). Lists are newest first; `first` is capped at 100. */
export type SocialCareVisitsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Whether social care knows the child and whom to contact, without case detail. */
export type SocialCareContact = {
  __typename?: 'SocialCareContact';
  /** The allocated worker, if any. */
  allocatedWorker?: Maybe<Worker>;
  /** Current case status (CIN, CP, CLA, EARLY_HELP, CARE_LEAVER), if open. */
  caseStatus?: Maybe<Scalars['String']['output']>;
  /** Known to social care at all. */
  knownToSocialCare: Scalars['Boolean']['output'];
  /** The allocated team, if any. */
  team?: Maybe<Team>;
};

/** A count of contacts with one source and one outcome. */
export type SourceOutcomeCount = {
  __typename?: 'SourceOutcomeCount';
  /** How many contacts. */
  count: Scalars['Int']['output'];
  /** Front-door decision, or UNDECIDED. */
  outcome: Scalars['String']['output'];
  /** Referral source code (1A–10). */
  source: Scalars['String']['output'];
};

/** How a system's part of an answer was obtained. */
export type SourceState =
  /** The child has no record in this system. */
  | 'NOT_LINKED'
  /** Fresh data from the system or a fresh cache entry. */
  | 'OK'
  /** The viewer may not see this system's data for this child. */
  | 'RESTRICTED'
  /** The system failed; this is cached data from `asOf`. */
  | 'STALE'
  /** The system did not answer within its timeout or the request's deadline. */
  | 'TIMEOUT'
  /** The system failed and nothing was cached: its branch is null. */
  | 'UNAVAILABLE';

/** One system's contribution to an answer. */
export type SourceStatus = {
  __typename?: 'SourceStatus';
  /** When the data shown was fetched from the system (null when there is none). */
  asOf?: Maybe<Scalars['DateTime']['output']>;
  /** Whether its data is present, stale, missing or withheld. */
  status: SourceState;
  /** The system. */
  system: System;
};

/** Money figures over a set of agreements. */
export type SpendFigures = {
  __typename?: 'SpendFigures';
  /** Agreements counted. */
  agreements: Scalars['Int']['output'];
  /** forecastYear − previousYear (negative: spending less). */
  changeFromPreviousYear: Scalars['Pence']['output'];
  /** changeFromPreviousYear ÷ previousYear as a percentage, one decimal place; null when previousYear is 0. */
  changePercent?: Maybe<Scalars['Float']['output']>;
  /** Distinct children. */
  children: Scalars['Int']['output'];
  /** Committed: what these agreements will cost from the day after asOf to 31 March, each to the end LIFT records, else its planned end; open-ended agreements and ACTIVE ones past their planned end run to 31 March. */
  committed: Scalars['Pence']['output'];
  /** thisFinancialYear + committed. */
  forecastYear: Scalars['Pence']['output'];
  /** Agreements with no known end: open-ended, or ACTIVE past their planned end with no end recorded. */
  openEndedAgreements: Scalars['Int']['output'];
  /** Cost over the whole previous financial year. */
  previousYear: Scalars['Pence']['output'];
  /** Cost from the day after asOf to each agreement's known end (actual, else planned), beyond 31 March if need be; agreements with a known end only. */
  projectedToPlannedEnd: Scalars['Pence']['output'];
  /**
   * The same quantity as committed, under its old name.
   * @deprecated Use `committed`: one quantity, one name.
   */
  projectedToYearEnd: Scalars['Pence']['output'];
  /** ACTIVE agreements past their planned end with no end recorded: they run on at their current rate. */
  runningOnPastPlannedEnd: Scalars['Int']['output'];
  /** Cost from 1 April to asOf. */
  thisFinancialYear: Scalars['Pence']['output'];
  /** Cost of these agreements from their start to asOf. */
  toDate: Scalars['Pence']['output'];
  /** Weekly rates in force at asOf, summed (daily rates × 7). */
  weeklyRateNow: Scalars['Pence']['output'];
};

/** Money figures for one group of agreements. */
export type SpendGroup = {
  __typename?: 'SpendGroup';
  /** The figures. */
  figures: SpendFigures;
  /** The group's key: a code, an id or NONE. */
  key: Scalars['String']['output'];
  /** A readable label (the provider's name for providers; otherwise the key). */
  label: Scalars['String']['output'];
};

/** One month of the financial year. */
export type SpendMonth = {
  __typename?: 'SpendMonth';
  /** Cost of the month's days after asOf (committed), at the rates then in force. */
  committed: Scalars['Pence']['output'];
  /** The month, `YYYY-MM`. */
  month: Scalars['String']['output'];
  /**
   * The same quantity as committed, under its old name.
   * @deprecated Use `committed`: one quantity, one name.
   */
  projected: Scalars['Pence']['output'];
  /** Cost of the month's days up to and including asOf. */
  spent: Scalars['Pence']['output'];
};

/** A statutory requirement. */
export type StatutoryItem =
  /** A child and family assessment (45 working days). */
  | 'ASSESSMENT'
  /** A child in need visit (local standard). */
  | 'CIN_VISIT'
  /** A looked-after child's review. */
  | 'CLA_REVIEW'
  /** A looked-after child's visit. */
  | 'CLA_VISIT'
  /** A child protection review conference. */
  | 'CP_REVIEW'
  /** A child protection visit (local standard). */
  | 'CP_VISIT'
  /** An initial child protection conference (15 working days). */
  | 'ICPC';

/** One child's statutory position: what is next due and what is overdue. */
export type StatutoryPosition = {
  __typename?: 'StatutoryPosition';
  /** The day judged at. */
  asOf: Scalars['Date']['output'];
  /** When an open child and family assessment is due. */
  assessmentDue?: Maybe<Scalars['Date']['output']>;
  /** When an initial child protection conference not yet held is due. */
  icpcDue?: Maybe<Scalars['Date']['output']>;
  /** The next looked-after review due, if looked after. */
  nextClaReviewDue?: Maybe<Scalars['Date']['output']>;
  /** The next child protection review due, if on a plan. */
  nextCpReviewDue?: Maybe<Scalars['Date']['output']>;
  /** The next statutory visit (CP, CIN or CLA) due, if any is running. */
  nextVisitDue?: Maybe<Scalars['Date']['output']>;
  /** Everything overdue, most working days late first. */
  overdue: Array<OverdueItem>;
};

/** The four upstream systems the hub joins. */
export type System =
  /** Early Years and Education System (education, SEND). */
  | 'EYES'
  /** The C-SPA / L-SPA front door: contacts and triage. */
  | 'FRONTDOOR'
  /** Liquidlogic Children's Social Care. */
  | 'LCS'
  /** Integrated finance: service agreements, rates, payments. */
  | 'LIFT';

/** A team. */
export type Team = {
  __typename?: 'Team';
  /** Open cases of the team, with each child's key facts. */
  caseload?: Maybe<CaseloadConnection>;
  /** The same summary for each worker holding open cases in this team, largest caseload first. */
  caseloadByWorker?: Maybe<Array<WorkerCaseloadSummary>>;
  /** Timeliness across the team's open cases, as at `asOf` (default today). Every figure counts children. */
  caseloadSummary?: Maybe<CaseloadSummary>;
  /** LCS team id. */
  id: Scalars['ID']['output'];
  /** Team manager. */
  manager?: Maybe<Worker>;
  /** Name. */
  name: Scalars['String']['output'];
  /**
   * The children on the team's caseload with anything overdue at `asOf`: who, what, since when and
   * how many working days late, most urgent first (most working days late, then oldest due date).
   */
  overdueChildren?: Maybe<OverdueChildConnection>;
  /** Service (e.g. Children in Care, Disabilities). */
  service: Scalars['String']['output'];
  /** Workers in the team. */
  workers: WorkerConnection;
};


/** A team. */
export type TeamCaseloadArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A team. */
export type TeamCaseloadByWorkerArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  dueWithinDays?: InputMaybe<Scalars['Int']['input']>;
};


/** A team. */
export type TeamCaseloadSummaryArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  dueWithinDays?: InputMaybe<Scalars['Int']['input']>;
};


/** A team. */
export type TeamOverdueChildrenArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A team. */
export type TeamWorkersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A statutory timescale measured for one record. */
export type Timeliness = {
  __typename?: 'Timeliness';
  /** The date it was done, if it has been. */
  completedDate?: Maybe<Scalars['Date']['output']>;
  /** Working days late (England bank holidays excluded), when late or overdue. */
  daysLate?: Maybe<Scalars['Int']['output']>;
  /** The date it was due by. */
  dueDate: Scalars['Date']['output'];
  /** On time, late, still due, or overdue at today's date. */
  status: TimelinessStatus;
};

/** How a cohort of statutory deadlines stands. */
export type TimelinessMeasure = {
  __typename?: 'TimelinessMeasure';
  /** onTime ÷ (onTime + late) as a percentage, 0–100, one decimal place; null when none completed. */
  completedOnTimePercent?: Maybe<Scalars['Float']['output']>;
  /** Not completed, still within the timescale at asOf. */
  due: Scalars['Int']['output'];
  /** Left out of the measure (the EHCP 20-week exceptions). */
  excluded: Scalars['Int']['output'];
  /** Completed after the timescale. */
  late: Scalars['Int']['output'];
  /** Completed within the timescale. */
  onTime: Scalars['Int']['output'];
  /** Not completed and past the timescale at asOf. */
  overdue: Scalars['Int']['output'];
  /** Items whose clock started in the period. */
  started: Scalars['Int']['output'];
};

/** The state of a statutory timescale. */
export type TimelinessStatus =
  /** Not done yet; the due date has not passed. */
  | 'DUE'
  /** Done after the due date. */
  | 'LATE'
  /** Done by the due date. */
  | 'ON_TIME'
  /** Not done and the due date has passed. */
  | 'OVERDUE';

/** Unaccompanied asylum-seeking children looked after on one day. */
export type UascMeasure = {
  __typename?: 'UascMeasure';
  /** Of the unaccompanied, those whose age assessment was completed by the day. */
  ageAssessed: Scalars['Int']['output'];
  /** Of the unaccompanied, those with an age assessment requested and not completed by the day. */
  ageAssessmentInProgress: Scalars['Int']['output'];
  /** The day counted on: the earlier of `asOf` and the period end. */
  countedOn: Scalars['Date']['output'];
  /** Children looked after on the day. */
  lookedAfter: Scalars['Int']['output'];
  /** Of those, unaccompanied asylum-seeking children on the day. */
  unaccompanied: Scalars['Int']['output'];
  /** unaccompanied ÷ lookedAfter as a percentage; null when none looked after. */
  unaccompaniedPercent?: Maybe<Scalars['Float']['output']>;
};

/** An unaccompanied asylum-seeking child's status. */
export type UnaccompaniedStatus = {
  __typename?: 'UnaccompaniedStatus';
  /** Age assessment completed on. */
  ageAssessmentCompleted?: Maybe<Scalars['Date']['output']>;
  /** CLAIMED_AGE_ACCEPTED, ASSESSED_OLDER_UNDER_18, ASSESSED_YOUNGER or ASSESSED_ADULT; null while in progress. */
  ageAssessmentOutcome?: Maybe<Scalars['String']['output']>;
  /** Age assessment requested on. */
  ageAssessmentRequested?: Maybe<Scalars['Date']['output']>;
  /** Arrived on. */
  arrivalDate: Scalars['Date']['output'];
  /** Stopped being an unaccompanied asylum-seeking child on (at 18, or on a decision). */
  ceasedDate?: Maybe<Scalars['Date']['output']>;
  /** The date of birth the young person gave (the one recorded may be the assessed one). */
  claimedDateOfBirth?: Maybe<Scalars['Date']['output']>;
};

/** Average weekly cost per child of one kind of placement or provider. */
export type UnitCost = {
  __typename?: 'UnitCost';
  /** weeklyCost ÷ children, rounded to the penny. */
  averageWeeklyCost: Scalars['Pence']['output'];
  /** Children with an agreement of this kind running today. */
  children: Scalars['Int']['output'];
  /** The placement type or provider type. */
  key: Scalars['String']['output'];
  /** Their weekly rates in force today, summed (daily rates × 7). */
  weeklyCost: Scalars['Pence']['output'];
};

/** Unit costs: what a week of care costs per child now. */
export type UnitCosts = {
  __typename?: 'UnitCosts';
  /** By placement type (NONE: lines not tied to a placement). */
  byPlacementType: Array<UnitCost>;
  /** By provider type (PR0–PR5). */
  byProviderType: Array<UnitCost>;
};

/** The signed-in user, as the hub sees them. */
export type Viewer = {
  __typename?: 'Viewer';
  /** Roles from the token. */
  roles: Array<Scalars['String']['output']>;
  /** The user's team. */
  team?: Maybe<Team>;
  /** User id from the token. */
  userId: Scalars['ID']['output'];
  /** The LCS worker record, if the user is a practitioner. */
  worker?: Maybe<Worker>;
};

/** A statutory visit. */
export type Visit = {
  __typename?: 'Visit';
  /** Bedroom seen (CIN and CP visits). */
  bedroomSeen?: Maybe<Scalars['Boolean']['output']>;
  /** Visited on. */
  date: Scalars['Date']['output'];
  /** LCS id. */
  id: Scalars['ID']['output'];
  /** CIN, CP or CLA. */
  kind: Scalars['String']['output'];
  /** Child seen. */
  seen: Scalars['Boolean']['output'];
  /** Child seen alone. */
  seenAlone: Scalars['Boolean']['output'];
};

/** Page of visits. */
export type VisitConnection = {
  __typename?: 'VisitConnection';
  /** Items. */
  nodes: Array<Visit>;
  /** Paging. */
  pageInfo: PageInfo;
  /** All items. */
  totalCount: Scalars['Int']['output'];
};

/** A practitioner (LCS worker). */
export type Worker = {
  __typename?: 'Worker';
  /** Agency (interim) worker. */
  agency: Scalars['Boolean']['output'];
  /** Open cases allocated to this worker, with each child's key facts. */
  caseload?: Maybe<CaseloadConnection>;
  /**
   * Timeliness across this worker's open cases, as at `asOf` (default today). Every figure counts
   * children. Visible to the worker, and to roles with caseload access.
   */
  caseloadSummary?: Maybe<CaseloadSummary>;
  /** Full-time equivalent. */
  fte: Scalars['Float']['output'];
  /** LCS worker id. */
  id: Scalars['ID']['output'];
  /** Job title. */
  jobTitle: Scalars['String']['output'];
  /** Name. */
  name: Scalars['String']['output'];
  /** The children on this worker's caseload with anything overdue at `asOf`, most urgent first. */
  overdueChildren?: Maybe<OverdueChildConnection>;
  /** Social Work England registration number. */
  socialWorkRegistration?: Maybe<Scalars['String']['output']>;
  /** Team. */
  team?: Maybe<Team>;
};


/** A practitioner (LCS worker). */
export type WorkerCaseloadArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A practitioner (LCS worker). */
export type WorkerCaseloadSummaryArgs = {
  asOf?: InputMaybe<Scalars['Date']['input']>;
  dueWithinDays?: InputMaybe<Scalars['Int']['input']>;
};


/** A practitioner (LCS worker). */
export type WorkerOverdueChildrenArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  asOf?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** One worker's part of a team's caseload. */
export type WorkerCaseloadSummary = {
  __typename?: 'WorkerCaseloadSummary';
  /** Their open cases in this team. */
  summary: CaseloadSummary;
  /** The worker. */
  worker: Worker;
};

/** A page of workers. */
export type WorkerConnection = {
  __typename?: 'WorkerConnection';
  /** Workers. */
  nodes: Array<Worker>;
  /** Paging. */
  pageInfo: PageInfo;
  /** Workers in all. */
  totalCount: Scalars['Int']['output'];
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Child: Child;
  Team: Team;
  Worker: Worker;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Child:
    ( { __typename: 'Child' }
    & GraphQLRecursivePick<FederationTypes['Child'], {"id":true}> );
  Team:
    ( { __typename: 'Team' }
    & GraphQLRecursivePick<FederationTypes['Team'], {"id":true}> );
  Worker:
    ( { __typename: 'Worker' }
    & GraphQLRecursivePick<FederationTypes['Worker'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AccessDecision: ResolverTypeWrapper<AccessDecision>;
  AccessRecord: ResolverTypeWrapper<AccessRecordModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Address: ResolverTypeWrapper<Address>;
  Assessment: ResolverTypeWrapper<AssessmentModel>;
  AssessmentConnection: ResolverTypeWrapper<Omit<AssessmentConnection, 'nodes'> & { nodes: Array<ResolversTypes['Assessment']> }>;
  AttendanceConnection: ResolverTypeWrapper<AttendanceConnection>;
  AttendanceYear: ResolverTypeWrapper<AttendanceYear>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  AuditAction: AuditAction;
  AuditDecision: AuditDecision;
  BreakGlassInput: BreakGlassInput;
  BreakGlassReason: BreakGlassReason;
  BreakGlassUse: ResolverTypeWrapper<BreakGlassUse>;
  BudgetMonth: ResolverTypeWrapper<BudgetMonth>;
  BudgetReport: ResolverTypeWrapper<BudgetReport>;
  BudgetRow: ResolverTypeWrapper<BudgetRow>;
  CareLeaverGroup: ResolverTypeWrapper<CareLeaverGroup>;
  CareLeaverMeasures: ResolverTypeWrapper<CareLeaverMeasures>;
  CaseStatusCount: ResolverTypeWrapper<CaseStatusCount>;
  CaseloadConnection: ResolverTypeWrapper<Omit<CaseloadConnection, 'nodes'> & { nodes: Array<ResolversTypes['CaseloadEntry']> }>;
  CaseloadEntry: ResolverTypeWrapper<CaseloadEntryModel>;
  CaseloadSummary: ResolverTypeWrapper<CaseloadSummary>;
  CategoryCount: ResolverTypeWrapper<CategoryCount>;
  Child: ResolverTypeWrapper<ChildView>;
  ChildFinance: ResolverTypeWrapper<FinanceModel>;
  ChildFlags: ResolverTypeWrapper<ChildFlags>;
  ChildIdHistory: ResolverTypeWrapper<ChildIdHistory>;
  ChildIdSplit: ResolverTypeWrapper<ChildIdSplit>;
  ChildIdStatus: ChildIdStatus;
  ChildIdentifiers: ResolverTypeWrapper<ChildIdentifiers>;
  ChildProtectionMeasures: ResolverTypeWrapper<ChildProtectionMeasures>;
  ChildSearchConnection: ResolverTypeWrapper<Omit<ChildSearchConnection, 'nodes'> & { nodes: Array<ResolversTypes['ChildSearchResult']> }>;
  ChildSearchResult: ResolverTypeWrapper<SearchHitModel>;
  ChildSendFinance: ResolverTypeWrapper<SendFinanceModel>;
  ChildSpend: ResolverTypeWrapper<ChildSpend>;
  ChildrenAtDate: ResolverTypeWrapper<ChildrenAtDate>;
  ChronologyConnection: ResolverTypeWrapper<ChronologyConnection>;
  ChronologyEvent: ResolverTypeWrapper<ChronologyEvent>;
  ChronologyKind: ChronologyKind;
  CinPlan: ResolverTypeWrapper<CinPlan>;
  CinPlanConnection: ResolverTypeWrapper<CinPlanConnection>;
  CinPlanMeasures: ResolverTypeWrapper<CinPlanMeasures>;
  ClaEpisode: ResolverTypeWrapper<ClaEpisode>;
  ClaEpisodeConnection: ResolverTypeWrapper<ClaEpisodeConnection>;
  ClaReview: ResolverTypeWrapper<ClaReview>;
  ClaReviewConnection: ResolverTypeWrapper<ClaReviewConnection>;
  CmeEpisode: ResolverTypeWrapper<CmeEpisodeModel>;
  CmeEpisodeConnection: ResolverTypeWrapper<Omit<CmeEpisodeConnection, 'nodes'> & { nodes: Array<ResolversTypes['CmeEpisode']> }>;
  CodeCount: ResolverTypeWrapper<CodeCount>;
  CompletedTimeliness: ResolverTypeWrapper<CompletedTimeliness>;
  ContactMonth: ResolverTypeWrapper<ContactMonth>;
  CpPlan: ResolverTypeWrapper<CpPlanModel>;
  CpPlanConnection: ResolverTypeWrapper<Omit<CpPlanConnection, 'nodes'> & { nodes: Array<ResolversTypes['CpPlan']> }>;
  CpReview: ResolverTypeWrapper<CpReview>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DatePeriod: ResolverTypeWrapper<DatePeriod>;
  DatePeriodConnection: ResolverTypeWrapper<DatePeriodConnection>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  EarlyHelpConnection: ResolverTypeWrapper<EarlyHelpConnection>;
  EarlyHelpEpisode: ResolverTypeWrapper<EarlyHelpEpisode>;
  EarlyYearsFunding: ResolverTypeWrapper<EarlyYearsFunding>;
  EarlyYearsFundingConnection: ResolverTypeWrapper<EarlyYearsFundingConnection>;
  Education: ResolverTypeWrapper<EducationModel>;
  EhcPlan: ResolverTypeWrapper<EhcPlanModel>;
  EhcpAnnualReview: ResolverTypeWrapper<EhcpAnnualReview>;
  EhcpAnnualReviewMeasures: ResolverTypeWrapper<AnnualReviewMeasuresModel>;
  EhcpRequest: ResolverTypeWrapper<EhcpRequestModel>;
  EhcpRequestConnection: ResolverTypeWrapper<Omit<EhcpRequestConnection, 'nodes'> & { nodes: Array<ResolversTypes['EhcpRequest']> }>;
  Enrolment: ResolverTypeWrapper<Enrolment>;
  EnrolmentConnection: ResolverTypeWrapper<EnrolmentConnection>;
  Exclusion: ResolverTypeWrapper<Exclusion>;
  ExclusionConnection: ResolverTypeWrapper<ExclusionConnection>;
  FinanceForecast: ResolverTypeWrapper<FinanceForecast>;
  FinanceReport: ResolverTypeWrapper<ReportModel>;
  ForecastByPlacementType: ResolverTypeWrapper<ForecastByPlacementType>;
  FrontDoor: ResolverTypeWrapper<FrontDoorModel>;
  FrontDoorContact: ResolverTypeWrapper<FrontDoorContactModel>;
  FrontDoorContactConnection: ResolverTypeWrapper<Omit<FrontDoorContactConnection, 'nodes'> & { nodes: Array<ResolversTypes['FrontDoorContact']> }>;
  FrontDoorMeasures: ResolverTypeWrapper<FrontDoorMeasuresModel>;
  HighNeeds: ResolverTypeWrapper<HighNeeds>;
  HighNeedsBlock: ResolverTypeWrapper<HighNeedsBlock>;
  Icpc: ResolverTypeWrapper<IcpcModel>;
  LcsContact: ResolverTypeWrapper<LcsContact>;
  LcsContactConnection: ResolverTypeWrapper<LcsContactConnection>;
  LegalStatus: ResolverTypeWrapper<LegalStatus>;
  LegalStatusConnection: ResolverTypeWrapper<LegalStatusConnection>;
  LinkDecision: ResolverTypeWrapper<LinkDecision>;
  LinkDecisionKind: LinkDecisionKind;
  LinkReviewConnection: ResolverTypeWrapper<Omit<LinkReviewConnection, 'nodes'> & { nodes: Array<ResolversTypes['LinkReviewItem']> }>;
  LinkReviewItem: ResolverTypeWrapper<Omit<LinkReviewItem, 'children'> & { children: Array<ResolversTypes['ChildSearchResult']> }>;
  MissingEducationChild: ResolverTypeWrapper<MissingEducationChild>;
  MissingEducationChildConnection: ResolverTypeWrapper<MissingEducationChildConnection>;
  MissingEducationMeasures: ResolverTypeWrapper<MissingEducationMeasuresModel>;
  MissingEpisode: ResolverTypeWrapper<MissingEpisode>;
  MissingEpisodeConnection: ResolverTypeWrapper<MissingEpisodeConnection>;
  MonthFigures: ResolverTypeWrapper<MonthFigures>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  NeetStatus: ResolverTypeWrapper<NeetStatus>;
  NeetStatusConnection: ResolverTypeWrapper<NeetStatusConnection>;
  OverdueAnnualReview: ResolverTypeWrapper<OverdueAnnualReview>;
  OverdueAnnualReviewConnection: ResolverTypeWrapper<OverdueAnnualReviewConnection>;
  OverdueChild: ResolverTypeWrapper<OverdueChildModel>;
  OverdueChildConnection: ResolverTypeWrapper<Omit<OverdueChildConnection, 'nodes'> & { nodes: Array<ResolversTypes['OverdueChild']> }>;
  OverdueItem: ResolverTypeWrapper<OverdueItem>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  PathwayPlan: ResolverTypeWrapper<Omit<PathwayPlan, 'personalAdviser'> & { personalAdviser?: Maybe<ResolversTypes['Worker']> }>;
  Payment: ResolverTypeWrapper<Payment>;
  PaymentConnection: ResolverTypeWrapper<PaymentConnection>;
  Pence: ResolverTypeWrapper<Scalars['Pence']['output']>;
  PerformanceReport: ResolverTypeWrapper<PerformanceModel>;
  PersonName: ResolverTypeWrapper<PersonName>;
  Placement: ResolverTypeWrapper<Placement>;
  PlacementConnection: ResolverTypeWrapper<PlacementConnection>;
  PlacementStability: ResolverTypeWrapper<PlacementStability>;
  PossibleMatch: ResolverTypeWrapper<PossibleMatch>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Rate: ResolverTypeWrapper<Rate>;
  ReReferralMeasure: ResolverTypeWrapper<ReReferralMeasure>;
  RecordRef: ResolverTypeWrapper<RecordRef>;
  Referral: ResolverTypeWrapper<Referral>;
  ReferralConnection: ResolverTypeWrapper<ReferralConnection>;
  S47Connection: ResolverTypeWrapper<Omit<S47Connection, 'nodes'> & { nodes: Array<ResolversTypes['S47Enquiry']> }>;
  S47Enquiry: ResolverTypeWrapper<Omit<S47Enquiry, 'icpc'> & { icpc?: Maybe<ResolversTypes['Icpc']> }>;
  ScenarioPlacements: ScenarioPlacements;
  SenSupport: ResolverTypeWrapper<SenSupport>;
  SenSupportConnection: ResolverTypeWrapper<SenSupportConnection>;
  SendCost: ResolverTypeWrapper<SendCostModel>;
  SendCostGroup: ResolverTypeWrapper<SendCostGroup>;
  ServiceAgreement: ResolverTypeWrapper<ServiceAgreementModel>;
  ServiceAgreementConnection: ResolverTypeWrapper<Omit<ServiceAgreementConnection, 'nodes'> & { nodes: Array<ResolversTypes['ServiceAgreement']> }>;
  SocialCare: ResolverTypeWrapper<SocialCareModel>;
  SocialCareContact: ResolverTypeWrapper<Omit<SocialCareContact, 'allocatedWorker' | 'team'> & { allocatedWorker?: Maybe<ResolversTypes['Worker']>, team?: Maybe<ResolversTypes['Team']> }>;
  SourceOutcomeCount: ResolverTypeWrapper<SourceOutcomeCount>;
  SourceState: SourceState;
  SourceStatus: ResolverTypeWrapper<SourceStatus>;
  SpendFigures: ResolverTypeWrapper<SpendFigures>;
  SpendGroup: ResolverTypeWrapper<SpendGroup>;
  SpendMonth: ResolverTypeWrapper<SpendMonth>;
  StatutoryItem: StatutoryItem;
  StatutoryPosition: ResolverTypeWrapper<StatutoryPosition>;
  System: System;
  Team: ResolverTypeWrapper<TeamRef>;
  Timeliness: ResolverTypeWrapper<Timeliness>;
  TimelinessMeasure: ResolverTypeWrapper<TimelinessMeasure>;
  TimelinessStatus: TimelinessStatus;
  UascMeasure: ResolverTypeWrapper<UascMeasure>;
  UnaccompaniedStatus: ResolverTypeWrapper<UnaccompaniedStatus>;
  UnitCost: ResolverTypeWrapper<UnitCost>;
  UnitCosts: ResolverTypeWrapper<UnitCosts>;
  Viewer: ResolverTypeWrapper<Omit<Viewer, 'team' | 'worker'> & { team?: Maybe<ResolversTypes['Team']>, worker?: Maybe<ResolversTypes['Worker']> }>;
  Visit: ResolverTypeWrapper<Visit>;
  VisitConnection: ResolverTypeWrapper<VisitConnection>;
  Worker: ResolverTypeWrapper<WorkerRef>;
  WorkerCaseloadSummary: ResolverTypeWrapper<Omit<WorkerCaseloadSummary, 'worker'> & { worker: ResolversTypes['Worker'] }>;
  WorkerConnection: ResolverTypeWrapper<Omit<WorkerConnection, 'nodes'> & { nodes: Array<ResolversTypes['Worker']> }>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AccessDecision: AccessDecision;
  AccessRecord: AccessRecordModel;
  ID: Scalars['ID']['output'];
  Int: Scalars['Int']['output'];
  Address: Address;
  Assessment: AssessmentModel;
  AssessmentConnection: Omit<AssessmentConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Assessment']> };
  AttendanceConnection: AttendanceConnection;
  AttendanceYear: AttendanceYear;
  Float: Scalars['Float']['output'];
  Boolean: Scalars['Boolean']['output'];
  BreakGlassInput: BreakGlassInput;
  BreakGlassUse: BreakGlassUse;
  BudgetMonth: BudgetMonth;
  BudgetReport: BudgetReport;
  BudgetRow: BudgetRow;
  CareLeaverGroup: CareLeaverGroup;
  CareLeaverMeasures: CareLeaverMeasures;
  CaseStatusCount: CaseStatusCount;
  CaseloadConnection: Omit<CaseloadConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['CaseloadEntry']> };
  CaseloadEntry: CaseloadEntryModel;
  CaseloadSummary: CaseloadSummary;
  CategoryCount: CategoryCount;
  Child: ChildView;
  ChildFinance: FinanceModel;
  ChildFlags: ChildFlags;
  ChildIdHistory: ChildIdHistory;
  ChildIdSplit: ChildIdSplit;
  ChildIdentifiers: ChildIdentifiers;
  ChildProtectionMeasures: ChildProtectionMeasures;
  ChildSearchConnection: Omit<ChildSearchConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['ChildSearchResult']> };
  ChildSearchResult: SearchHitModel;
  ChildSendFinance: SendFinanceModel;
  ChildSpend: ChildSpend;
  ChildrenAtDate: ChildrenAtDate;
  ChronologyConnection: ChronologyConnection;
  ChronologyEvent: ChronologyEvent;
  CinPlan: CinPlan;
  CinPlanConnection: CinPlanConnection;
  CinPlanMeasures: CinPlanMeasures;
  ClaEpisode: ClaEpisode;
  ClaEpisodeConnection: ClaEpisodeConnection;
  ClaReview: ClaReview;
  ClaReviewConnection: ClaReviewConnection;
  CmeEpisode: CmeEpisodeModel;
  CmeEpisodeConnection: Omit<CmeEpisodeConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['CmeEpisode']> };
  CodeCount: CodeCount;
  CompletedTimeliness: CompletedTimeliness;
  ContactMonth: ContactMonth;
  CpPlan: CpPlanModel;
  CpPlanConnection: Omit<CpPlanConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['CpPlan']> };
  CpReview: CpReview;
  Date: Scalars['Date']['output'];
  DatePeriod: DatePeriod;
  DatePeriodConnection: DatePeriodConnection;
  DateTime: Scalars['DateTime']['output'];
  EarlyHelpConnection: EarlyHelpConnection;
  EarlyHelpEpisode: EarlyHelpEpisode;
  EarlyYearsFunding: EarlyYearsFunding;
  EarlyYearsFundingConnection: EarlyYearsFundingConnection;
  Education: EducationModel;
  EhcPlan: EhcPlanModel;
  EhcpAnnualReview: EhcpAnnualReview;
  EhcpAnnualReviewMeasures: AnnualReviewMeasuresModel;
  EhcpRequest: EhcpRequestModel;
  EhcpRequestConnection: Omit<EhcpRequestConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['EhcpRequest']> };
  Enrolment: Enrolment;
  EnrolmentConnection: EnrolmentConnection;
  Exclusion: Exclusion;
  ExclusionConnection: ExclusionConnection;
  FinanceForecast: FinanceForecast;
  FinanceReport: ReportModel;
  ForecastByPlacementType: ForecastByPlacementType;
  FrontDoor: FrontDoorModel;
  FrontDoorContact: FrontDoorContactModel;
  FrontDoorContactConnection: Omit<FrontDoorContactConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['FrontDoorContact']> };
  FrontDoorMeasures: FrontDoorMeasuresModel;
  HighNeeds: HighNeeds;
  HighNeedsBlock: HighNeedsBlock;
  Icpc: IcpcModel;
  LcsContact: LcsContact;
  LcsContactConnection: LcsContactConnection;
  LegalStatus: LegalStatus;
  LegalStatusConnection: LegalStatusConnection;
  LinkDecision: LinkDecision;
  LinkReviewConnection: Omit<LinkReviewConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['LinkReviewItem']> };
  LinkReviewItem: Omit<LinkReviewItem, 'children'> & { children: Array<ResolversParentTypes['ChildSearchResult']> };
  MissingEducationChild: MissingEducationChild;
  MissingEducationChildConnection: MissingEducationChildConnection;
  MissingEducationMeasures: MissingEducationMeasuresModel;
  MissingEpisode: MissingEpisode;
  MissingEpisodeConnection: MissingEpisodeConnection;
  MonthFigures: MonthFigures;
  Mutation: Record<PropertyKey, never>;
  NeetStatus: NeetStatus;
  NeetStatusConnection: NeetStatusConnection;
  OverdueAnnualReview: OverdueAnnualReview;
  OverdueAnnualReviewConnection: OverdueAnnualReviewConnection;
  OverdueChild: OverdueChildModel;
  OverdueChildConnection: Omit<OverdueChildConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['OverdueChild']> };
  OverdueItem: OverdueItem;
  PageInfo: PageInfo;
  PathwayPlan: Omit<PathwayPlan, 'personalAdviser'> & { personalAdviser?: Maybe<ResolversParentTypes['Worker']> };
  Payment: Payment;
  PaymentConnection: PaymentConnection;
  Pence: Scalars['Pence']['output'];
  PerformanceReport: PerformanceModel;
  PersonName: PersonName;
  Placement: Placement;
  PlacementConnection: PlacementConnection;
  PlacementStability: PlacementStability;
  PossibleMatch: PossibleMatch;
  Query: Record<PropertyKey, never>;
  Rate: Rate;
  ReReferralMeasure: ReReferralMeasure;
  RecordRef: RecordRef;
  Referral: Referral;
  ReferralConnection: ReferralConnection;
  S47Connection: Omit<S47Connection, 'nodes'> & { nodes: Array<ResolversParentTypes['S47Enquiry']> };
  S47Enquiry: Omit<S47Enquiry, 'icpc'> & { icpc?: Maybe<ResolversParentTypes['Icpc']> };
  ScenarioPlacements: ScenarioPlacements;
  SenSupport: SenSupport;
  SenSupportConnection: SenSupportConnection;
  SendCost: SendCostModel;
  SendCostGroup: SendCostGroup;
  ServiceAgreement: ServiceAgreementModel;
  ServiceAgreementConnection: Omit<ServiceAgreementConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['ServiceAgreement']> };
  SocialCare: SocialCareModel;
  SocialCareContact: Omit<SocialCareContact, 'allocatedWorker' | 'team'> & { allocatedWorker?: Maybe<ResolversParentTypes['Worker']>, team?: Maybe<ResolversParentTypes['Team']> };
  SourceOutcomeCount: SourceOutcomeCount;
  SourceStatus: SourceStatus;
  SpendFigures: SpendFigures;
  SpendGroup: SpendGroup;
  SpendMonth: SpendMonth;
  StatutoryPosition: StatutoryPosition;
  Team: TeamRef;
  Timeliness: Timeliness;
  TimelinessMeasure: TimelinessMeasure;
  UascMeasure: UascMeasure;
  UnaccompaniedStatus: UnaccompaniedStatus;
  UnitCost: UnitCost;
  UnitCosts: UnitCosts;
  Viewer: Omit<Viewer, 'team' | 'worker'> & { team?: Maybe<ResolversParentTypes['Team']>, worker?: Maybe<ResolversParentTypes['Worker']> };
  Visit: Visit;
  VisitConnection: VisitConnection;
  Worker: WorkerRef;
  WorkerCaseloadSummary: Omit<WorkerCaseloadSummary, 'worker'> & { worker: ResolversParentTypes['Worker'] };
  WorkerConnection: Omit<WorkerConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Worker']> };
  String: Scalars['String']['output'];
};

export type AccessDirectiveArgs = {
  group: Scalars['String']['input'];
  reads?: Maybe<Array<System>>;
  source?: Maybe<System>;
};

export type AccessDirectiveResolver<Result, Parent, ContextType = HubContext, Args = AccessDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AccessDecisionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['AccessDecision'] = ResolversParentTypes['AccessDecision']> = {
  granted?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  relationship?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  withheld?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
};

export type AccessRecordResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['AccessRecord'] = ResolversParentTypes['AccessRecord']> = {
  action?: Resolver<ResolversTypes['AuditAction'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  breakGlass?: Resolver<Maybe<ResolversTypes['BreakGlassUse']>, ParentType, ContextType>;
  childId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  childIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  decision?: Resolver<ResolversTypes['AuditDecision'], ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  groups?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  purpose?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requestId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  teamId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type AddressResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['Address'] = ResolversParentTypes['Address']> = {
  from?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  line1?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  postcode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  to?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  town?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AssessmentResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['Assessment'] = ResolversParentTypes['Assessment']> = {
  authorisationDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  childSeen?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  factors?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  outcome?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  referralId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  timeliness?: Resolver<ResolversTypes['Timeliness'], ParentType, ContextType>;
};

export type AssessmentConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['AssessmentConnection'] = ResolversParentTypes['AssessmentConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Assessment']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AttendanceConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['AttendanceConnection'] = ResolversParentTypes['AttendanceConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['AttendanceYear']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AttendanceYearResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['AttendanceYear'] = ResolversParentTypes['AttendanceYear']> = {
  academicYear?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  attendedSessions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  authorisedAbsence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  percentage?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  persistentAbsence?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  possibleSessions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unauthorisedAbsence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type BreakGlassUseResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['BreakGlassUse'] = ResolversParentTypes['BreakGlassUse']> = {
  justification?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reasonCode?: Resolver<ResolversTypes['BreakGlassReason'], ParentType, ContextType>;
};

export type BudgetMonthResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['BudgetMonth'] = ResolversParentTypes['BudgetMonth']> = {
  budget?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  committed?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  forecast?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  month?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  spent?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
};

export type BudgetReportResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['BudgetReport'] = ResolversParentTypes['BudgetReport']> = {
  byCostCentre?: Resolver<Array<ResolversTypes['BudgetRow']>, ParentType, ContextType>;
  byPlacementType?: Resolver<Array<ResolversTypes['BudgetRow']>, ParentType, ContextType>;
  byServiceLine?: Resolver<Array<ResolversTypes['BudgetRow']>, ParentType, ContextType>;
  byTeam?: Resolver<Array<ResolversTypes['BudgetRow']>, ParentType, ContextType>;
  totals?: Resolver<ResolversTypes['BudgetRow'], ParentType, ContextType>;
};

export type BudgetRowResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['BudgetRow'] = ResolversParentTypes['BudgetRow']> = {
  budget?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  budgetExceededIn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  budgetLines?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  committed?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  forecast?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  months?: Resolver<Array<ResolversTypes['BudgetMonth']>, ParentType, ContextType>;
  originalBudget?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  overBudgetMonths?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  spentYearToDate?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  variance?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  variancePercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  virements?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
};

export type CareLeaverGroupResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['CareLeaverGroup'] = ResolversParentTypes['CareLeaverGroup']> = {
  age?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  byInTouch?: Resolver<Array<ResolversTypes['CodeCount']>, ParentType, ContextType>;
  cohort?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  inEducationEmploymentOrTraining?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  inEducationEmploymentOrTrainingPercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  inSuitableAccommodation?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  inSuitableAccommodationPercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  inTouch?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  inTouchPercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type CareLeaverMeasuresResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['CareLeaverMeasures'] = ResolversParentTypes['CareLeaverMeasures']> = {
  aged17to18?: Resolver<ResolversTypes['CareLeaverGroup'], ParentType, ContextType>;
  aged19to21?: Resolver<ResolversTypes['CareLeaverGroup'], ParentType, ContextType>;
  byAge?: Resolver<Array<ResolversTypes['CareLeaverGroup']>, ParentType, ContextType>;
  countedTo?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type CaseStatusCountResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['CaseStatusCount'] = ResolversParentTypes['CaseStatusCount']> = {
  children?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type CaseloadConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['CaseloadConnection'] = ResolversParentTypes['CaseloadConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['CaseloadEntry']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CaseloadEntryResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['CaseloadEntry'] = ResolversParentTypes['CaseloadEntry']> = {
  caseStatus?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  childId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  dateOfBirth?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  flags?: Resolver<Maybe<ResolversTypes['ChildFlags']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['PersonName']>, ParentType, ContextType>;
  since?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  statutory?: Resolver<Maybe<ResolversTypes['StatutoryPosition']>, ParentType, ContextType, Partial<CaseloadEntryStatutoryArgs>>;
  worker?: Resolver<Maybe<ResolversTypes['Worker']>, ParentType, ContextType>;
};

export type CaseloadSummaryResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['CaseloadSummary'] = ResolversParentTypes['CaseloadSummary']> = {
  asOf?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  assessmentsOverdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  children?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  claReviewsOverdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  cpReviewsOverdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  icpcsOverdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  openByStatus?: Resolver<Array<ResolversTypes['CaseStatusCount']>, ParentType, ContextType>;
  visitsDue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  visitsOverdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CategoryCountResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['CategoryCount'] = ResolversParentTypes['CategoryCount']> = {
  category?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  plans?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ChildResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['Child'] = ResolversParentTypes['Child'], FederationReferenceType extends FederationReferenceTypes['Child'] = FederationReferenceTypes['Child']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Child']> | FederationReferenceType, FederationReferenceType, ContextType>;
  access?: Resolver<ResolversTypes['AccessDecision'], ParentType, ContextType>;
  accessLog?: Resolver<Maybe<Array<ResolversTypes['AccessRecord']>>, ParentType, ContextType, RequireFields<ChildAccessLogArgs, 'first'>>;
  addresses?: Resolver<Maybe<Array<ResolversTypes['Address']>>, ParentType, ContextType>;
  aliases?: Resolver<Maybe<Array<ResolversTypes['PersonName']>>, ParentType, ContextType>;
  chronology?: Resolver<Maybe<ResolversTypes['ChronologyConnection']>, ParentType, ContextType, RequireFields<ChildChronologyArgs, 'first'>>;
  dateOfBirth?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  education?: Resolver<Maybe<ResolversTypes['Education']>, ParentType, ContextType>;
  ethnicity?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  expectedDateOfBirth?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  finance?: Resolver<Maybe<ResolversTypes['ChildFinance']>, ParentType, ContextType>;
  flags?: Resolver<Maybe<ResolversTypes['ChildFlags']>, ParentType, ContextType>;
  frontDoor?: Resolver<Maybe<ResolversTypes['FrontDoor']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  identifiers?: Resolver<ResolversTypes['ChildIdentifiers'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['PersonName']>, ParentType, ContextType>;
  possibleMatches?: Resolver<Maybe<Array<ResolversTypes['PossibleMatch']>>, ParentType, ContextType>;
  sendFinance?: Resolver<Maybe<ResolversTypes['ChildSendFinance']>, ParentType, ContextType>;
  sex?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  socialCare?: Resolver<Maybe<ResolversTypes['SocialCare']>, ParentType, ContextType>;
  socialCareContact?: Resolver<Maybe<ResolversTypes['SocialCareContact']>, ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['SourceStatus']>, ParentType, ContextType>;
};

export type ChildFinanceResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['ChildFinance'] = ResolversParentTypes['ChildFinance']> = {
  agreements?: Resolver<ResolversTypes['ServiceAgreementConnection'], ParentType, ContextType, RequireFields<ChildFinanceAgreementsArgs, 'first'>>;
  byProvider?: Resolver<Array<ResolversTypes['SpendGroup']>, ParentType, ContextType>;
  byProviderType?: Resolver<Array<ResolversTypes['SpendGroup']>, ParentType, ContextType>;
  byServiceType?: Resolver<Array<ResolversTypes['SpendGroup']>, ParentType, ContextType>;
  clientRefs?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  committed?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  costThisFinancialYear?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  costToDate?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  paidToDate?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  payments?: Resolver<ResolversTypes['PaymentConnection'], ParentType, ContextType, RequireFields<ChildFinancePaymentsArgs, 'first'>>;
  projectedToYearEnd?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['SpendFigures'], ParentType, ContextType>;
};

export type ChildFlagsResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['ChildFlags'] = ResolversParentTypes['ChildFlags']> = {
  childInNeed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  earlyHelp?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  ehcp?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  freeSchoolMeals?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  knownToSocialCare?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  lookedAfter?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  neet?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  onChildProtectionPlan?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  recentMissingEpisodes?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  senSupport?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type ChildIdHistoryResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['ChildIdHistory'] = ResolversParentTypes['ChildIdHistory']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issuedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  mergedInto?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  splits?: Resolver<Array<ResolversTypes['ChildIdSplit']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ChildIdStatus'], ParentType, ContextType>;
};

export type ChildIdSplitResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['ChildIdSplit'] = ResolversParentTypes['ChildIdSplit']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  childId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  records?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ChildIdentifiersResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['ChildIdentifiers'] = ResolversParentTypes['ChildIdentifiers']> = {
  eyesPupilIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  frontDoorContactIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  lcsPersonIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  liftClientRefs?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  nhsNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  uln?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  upn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ChildProtectionMeasuresResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['ChildProtectionMeasures'] = ResolversParentTypes['ChildProtectionMeasures']> = {
  ended?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  endedAfterTwoYearsOrMore?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  openByLatestCategory?: Resolver<Array<ResolversTypes['CategoryCount']>, ParentType, ContextType>;
  openTwoYearsOrMore?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reviews?: Resolver<ResolversTypes['CompletedTimeliness'], ParentType, ContextType>;
  secondOrSubsequent?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  started?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startedByInitialCategory?: Resolver<Array<ResolversTypes['CategoryCount']>, ParentType, ContextType>;
};

export type ChildSearchConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['ChildSearchConnection'] = ResolversParentTypes['ChildSearchConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['ChildSearchResult']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
};

export type ChildSearchResultResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['ChildSearchResult'] = ResolversParentTypes['ChildSearchResult']> = {
  childId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  dateOfBirth?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['PersonName']>, ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  systems?: Resolver<Array<ResolversTypes['System']>, ParentType, ContextType>;
};

export type ChildSendFinanceResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['ChildSendFinance'] = ResolversParentTypes['ChildSendFinance']> = {
  byCostType?: Resolver<Array<ResolversTypes['SendCostGroup']>, ParentType, ContextType>;
  committed?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  costThisFinancialYear?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  costs?: Resolver<Array<ResolversTypes['SendCost']>, ParentType, ContextType>;
};

export type ChildSpendResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['ChildSpend'] = ResolversParentTypes['ChildSpend']> = {
  childId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  figures?: Resolver<ResolversTypes['SpendFigures'], ParentType, ContextType>;
};

export type ChildrenAtDateResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['ChildrenAtDate'] = ResolversParentTypes['ChildrenAtDate']> = {
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  lookedAfter?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  onChildProtectionPlans?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ChronologyConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['ChronologyConnection'] = ResolversParentTypes['ChronologyConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['ChronologyEvent']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ChronologyEventResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['ChronologyEvent'] = ResolversParentTypes['ChronologyEvent']> = {
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['ChronologyKind'], ParentType, ContextType>;
  record?: Resolver<ResolversTypes['RecordRef'], ParentType, ContextType>;
  summary?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  system?: Resolver<ResolversTypes['System'], ParentType, ContextType>;
};

export type CinPlanResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['CinPlan'] = ResolversParentTypes['CinPlan']> = {
  endDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type CinPlanConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['CinPlanConnection'] = ResolversParentTypes['CinPlanConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['CinPlan']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CinPlanMeasuresResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['CinPlanMeasures'] = ResolversParentTypes['CinPlanMeasures']> = {
  countedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  ended?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reviews?: Resolver<ResolversTypes['CompletedTimeliness'], ParentType, ContextType>;
  reviewsOverdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  started?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ClaEpisodeResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['ClaEpisode'] = ResolversParentTypes['ClaEpisode']> = {
  ceasedDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  enteredCareDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  periodOfCareId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  primaryNeed?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reasonCeased?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reasonNewEpisode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type ClaEpisodeConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['ClaEpisodeConnection'] = ResolversParentTypes['ClaEpisodeConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['ClaEpisode']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ClaReviewResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['ClaReview'] = ResolversParentTypes['ClaReview']> = {
  dueDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  participation?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reviewDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
};

export type ClaReviewConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['ClaReviewConnection'] = ResolversParentTypes['ClaReviewConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['ClaReview']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CmeEpisodeResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['CmeEpisode'] = ResolversParentTypes['CmeEpisode']> = {
  closedDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  daysMissing?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  outcome?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  referredBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reportedMissingDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type CmeEpisodeConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['CmeEpisodeConnection'] = ResolversParentTypes['CmeEpisodeConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['CmeEpisode']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CodeCountResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['CodeCount'] = ResolversParentTypes['CodeCount']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CompletedTimelinessResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['CompletedTimeliness'] = ResolversParentTypes['CompletedTimeliness']> = {
  completed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  completedOnTimePercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  excluded?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  late?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  onTime?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ContactMonthResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['ContactMonth'] = ResolversParentTypes['ContactMonth']> = {
  byOutcome?: Resolver<Array<ResolversTypes['CodeCount']>, ParentType, ContextType>;
  bySource?: Resolver<Array<ResolversTypes['CodeCount']>, ParentType, ContextType>;
  bySourceAndOutcome?: Resolver<Array<ResolversTypes['SourceOutcomeCount']>, ParentType, ContextType>;
  month?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CpPlanResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['CpPlan'] = ResolversParentTypes['CpPlan']> = {
  endDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  initialCategory?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  latestCategory?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nextReview?: Resolver<Maybe<ResolversTypes['Timeliness']>, ParentType, ContextType>;
  reviews?: Resolver<Array<ResolversTypes['CpReview']>, ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type CpPlanConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['CpPlanConnection'] = ResolversParentTypes['CpPlanConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['CpPlan']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CpReviewResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['CpReview'] = ResolversParentTypes['CpReview']> = {
  continuePlan?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  dueDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reviewDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export type DatePeriodResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['DatePeriod'] = ResolversParentTypes['DatePeriod']> = {
  endDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type DatePeriodConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['DatePeriodConnection'] = ResolversParentTypes['DatePeriodConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['DatePeriod']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EarlyHelpConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['EarlyHelpConnection'] = ResolversParentTypes['EarlyHelpConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['EarlyHelpEpisode']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EarlyHelpEpisodeResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['EarlyHelpEpisode'] = ResolversParentTypes['EarlyHelpEpisode']> = {
  endDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  endReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  organisation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type EarlyYearsFundingResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['EarlyYearsFunding'] = ResolversParentTypes['EarlyYearsFunding']> = {
  hoursPerWeek?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  term?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type EarlyYearsFundingConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['EarlyYearsFundingConnection'] = ResolversParentTypes['EarlyYearsFundingConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['EarlyYearsFunding']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EducationResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['Education'] = ResolversParentTypes['Education']> = {
  attendance?: Resolver<Maybe<ResolversTypes['AttendanceConnection']>, ParentType, ContextType, RequireFields<EducationAttendanceArgs, 'first'>>;
  currentSetting?: Resolver<Maybe<ResolversTypes['Enrolment']>, ParentType, ContextType>;
  earlyYearsFunding?: Resolver<Maybe<ResolversTypes['EarlyYearsFundingConnection']>, ParentType, ContextType, RequireFields<EducationEarlyYearsFundingArgs, 'first'>>;
  ehcpRequests?: Resolver<Maybe<ResolversTypes['EhcpRequestConnection']>, ParentType, ContextType, RequireFields<EducationEhcpRequestsArgs, 'first'>>;
  enrolments?: Resolver<ResolversTypes['EnrolmentConnection'], ParentType, ContextType, RequireFields<EducationEnrolmentsArgs, 'first'>>;
  exclusions?: Resolver<Maybe<ResolversTypes['ExclusionConnection']>, ParentType, ContextType, RequireFields<EducationExclusionsArgs, 'first'>>;
  freeSchoolMeals?: Resolver<Maybe<ResolversTypes['DatePeriodConnection']>, ParentType, ContextType, RequireFields<EducationFreeSchoolMealsArgs, 'first'>>;
  missingEducation?: Resolver<Maybe<ResolversTypes['CmeEpisodeConnection']>, ParentType, ContextType, RequireFields<EducationMissingEducationArgs, 'first'>>;
  neet?: Resolver<Maybe<ResolversTypes['NeetStatusConnection']>, ParentType, ContextType, RequireFields<EducationNeetArgs, 'first'>>;
  senSupport?: Resolver<Maybe<ResolversTypes['SenSupportConnection']>, ParentType, ContextType, RequireFields<EducationSenSupportArgs, 'first'>>;
};

export type EhcPlanResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['EhcPlan'] = ResolversParentTypes['EhcPlan']> = {
  annualReviewOverdue?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  annualReviews?: Resolver<Array<ResolversTypes['EhcpAnnualReview']>, ParentType, ContextType>;
  ceasedDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  ceasedReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastAnnualReview?: Resolver<Maybe<ResolversTypes['EhcpAnnualReview']>, ParentType, ContextType>;
  nextAnnualReviewDue?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  primaryNeed?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  secondaryNeed?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type EhcpAnnualReviewResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['EhcpAnnualReview'] = ResolversParentTypes['EhcpAnnualReview']> = {
  decidedWithinFourWeeks?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  decision?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  decisionDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  meetingDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type EhcpAnnualReviewMeasuresResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['EhcpAnnualReviewMeasures'] = ResolversParentTypes['EhcpAnnualReviewMeasures']> = {
  byDecision?: Resolver<Array<ResolversTypes['CodeCount']>, ParentType, ContextType>;
  decisionsAwaited?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  decisionsLate?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  decisionsOverdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  decisionsWithinFourWeeks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  decisionsWithinFourWeeksPercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  due?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  held?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  heldOnTime?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  heldOnTimePercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  meetingsHeld?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  overdueChildren?: Resolver<ResolversTypes['OverdueAnnualReviewConnection'], ParentType, ContextType, RequireFields<EhcpAnnualReviewMeasuresOverdueChildrenArgs, 'first'>>;
  plansInForce?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EhcpRequestResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['EhcpRequest'] = ResolversParentTypes['EhcpRequest']> = {
  assessmentOutcome?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  assessmentOutcomeDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  decisionTimeliness?: Resolver<Maybe<ResolversTypes['Timeliness']>, ParentType, ContextType>;
  decisionToAssessDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  plan?: Resolver<Maybe<ResolversTypes['EhcPlan']>, ParentType, ContextType>;
  planTimeliness?: Resolver<Maybe<ResolversTypes['Timeliness']>, ParentType, ContextType>;
  requestDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  requestOutcome?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requestSource?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  twentyWeekException?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type EhcpRequestConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['EhcpRequestConnection'] = ResolversParentTypes['EhcpRequestConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['EhcpRequest']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type EnrolmentResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['Enrolment'] = ResolversParentTypes['Enrolment']> = {
  endDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  phase?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  settingId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  settingName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  yearGroup?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type EnrolmentConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['EnrolmentConnection'] = ResolversParentTypes['EnrolmentConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Enrolment']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ExclusionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['Exclusion'] = ResolversParentTypes['Exclusion']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sessions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type ExclusionConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['ExclusionConnection'] = ResolversParentTypes['ExclusionConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Exclusion']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type FinanceForecastResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['FinanceForecast'] = ResolversParentTypes['FinanceForecast']> = {
  budget?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  byPlacementType?: Resolver<Array<ResolversTypes['ForecastByPlacementType']>, ParentType, ContextType>;
  committed?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  newPlacements?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  scenario?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  spentYearToDate?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  stepDowns?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  variance?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  variancePercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type FinanceReportResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['FinanceReport'] = ResolversParentTypes['FinanceReport']> = {
  asOf?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  budget?: Resolver<ResolversTypes['BudgetReport'], ParentType, ContextType>;
  byMonth?: Resolver<Array<ResolversTypes['SpendMonth']>, ParentType, ContextType>;
  byPlacementType?: Resolver<Array<ResolversTypes['SpendGroup']>, ParentType, ContextType>;
  byProvider?: Resolver<Array<ResolversTypes['SpendGroup']>, ParentType, ContextType, RequireFields<FinanceReportByProviderArgs, 'first'>>;
  byProviderType?: Resolver<Array<ResolversTypes['SpendGroup']>, ParentType, ContextType>;
  byServiceType?: Resolver<Array<ResolversTypes['SpendGroup']>, ParentType, ContextType>;
  byTeam?: Resolver<Array<ResolversTypes['SpendGroup']>, ParentType, ContextType>;
  dataAsOf?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  financialYear?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  forecast?: Resolver<ResolversTypes['FinanceForecast'], ParentType, ContextType, Partial<FinanceReportForecastArgs>>;
  highNeeds?: Resolver<ResolversTypes['HighNeeds'], ParentType, ContextType>;
  highestCostChildren?: Resolver<Array<ResolversTypes['ChildSpend']>, ParentType, ContextType, RequireFields<FinanceReportHighestCostChildrenArgs, 'first'>>;
  previousFinancialYear?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  stale?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  totals?: Resolver<ResolversTypes['SpendFigures'], ParentType, ContextType>;
  unitCosts?: Resolver<ResolversTypes['UnitCosts'], ParentType, ContextType>;
  yearEnd?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  yearStart?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type ForecastByPlacementTypeResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['ForecastByPlacementType'] = ResolversParentTypes['ForecastByPlacementType']> = {
  averageWeeklyCost?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  endingsLastTwelveMonths?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  newPlacements?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  placementType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  scenario?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  startsLastTwelveMonths?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  stepDowns?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
};

export type FrontDoorResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['FrontDoor'] = ResolversParentTypes['FrontDoor']> = {
  contacts?: Resolver<ResolversTypes['FrontDoorContactConnection'], ParentType, ContextType, RequireFields<FrontDoorContactsArgs, 'first'>>;
};

export type FrontDoorContactResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['FrontDoorContact'] = ResolversParentTypes['FrontDoorContact']> = {
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  decidedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  decision?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  decisionTimeliness?: Resolver<Maybe<ResolversTypes['Timeliness']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  rag?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  receivedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  route?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  routedTo?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type FrontDoorContactConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['FrontDoorContactConnection'] = ResolversParentTypes['FrontDoorContactConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['FrontDoorContact']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type FrontDoorMeasuresResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['FrontDoorMeasures'] = ResolversParentTypes['FrontDoorMeasures']> = {
  byRag?: Resolver<Array<ResolversTypes['CodeCount']>, ParentType, ContextType>;
  byRoute?: Resolver<Array<ResolversTypes['CodeCount']>, ParentType, ContextType>;
  contacts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  conversionPercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  decided?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  decidedWithinOneWorkingDay?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  decidedWithinOneWorkingDayPercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  repeatContacts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  repeatContactsPercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  socialCareReferrals?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  undecidedOverdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type HighNeedsResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['HighNeeds'] = ResolversParentTypes['HighNeeds']> = {
  byCostType?: Resolver<Array<ResolversTypes['SendCostGroup']>, ParentType, ContextType>;
  highNeedsBlock?: Resolver<ResolversTypes['HighNeedsBlock'], ParentType, ContextType>;
  totals?: Resolver<ResolversTypes['SendCostGroup'], ParentType, ContextType>;
};

export type HighNeedsBlockResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['HighNeedsBlock'] = ResolversParentTypes['HighNeedsBlock']> = {
  budget?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  forecast?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  variance?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  variancePercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type IcpcResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['Icpc'] = ResolversParentTypes['Icpc']> = {
  conferenceDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  cpPlanOutcome?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  targetDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  timeliness?: Resolver<ResolversTypes['Timeliness'], ParentType, ContextType>;
  transferIn?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type LcsContactResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['LcsContact'] = ResolversParentTypes['LcsContact']> = {
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type LcsContactConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['LcsContactConnection'] = ResolversParentTypes['LcsContactConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['LcsContact']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type LegalStatusResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['LegalStatus'] = ResolversParentTypes['LegalStatus']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  endDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type LegalStatusConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['LegalStatusConnection'] = ResolversParentTypes['LegalStatusConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['LegalStatus']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type LinkDecisionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['LinkDecision'] = ResolversParentTypes['LinkDecision']> = {
  childId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  childIdsNow?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  decidedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  decidedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['LinkDecisionKind'], ParentType, ContextType>;
  otherChildId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  otherRecord?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  record?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reversalReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reversedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  reversedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type LinkReviewConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['LinkReviewConnection'] = ResolversParentTypes['LinkReviewConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['LinkReviewItem']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type LinkReviewItemResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['LinkReviewItem'] = ResolversParentTypes['LinkReviewItem']> = {
  agreed?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  children?: Resolver<Array<ResolversTypes['ChildSearchResult']>, ParentType, ContextType>;
  disagreed?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type MissingEducationChildResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['MissingEducationChild'] = ResolversParentTypes['MissingEducationChild']> = {
  childId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  cmeId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  daysMissing?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reportedMissingDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type MissingEducationChildConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['MissingEducationChildConnection'] = ResolversParentTypes['MissingEducationChildConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['MissingEducationChild']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MissingEducationMeasuresResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['MissingEducationMeasures'] = ResolversParentTypes['MissingEducationMeasures']> = {
  closedByOutcome?: Resolver<Array<ResolversTypes['CodeCount']>, ParentType, ContextType>;
  closedInPeriod?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  medianDaysMissing?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  newInPeriod?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  openAtAsOf?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  openChildren?: Resolver<ResolversTypes['MissingEducationChildConnection'], ParentType, ContextType, RequireFields<MissingEducationMeasuresOpenChildrenArgs, 'first'>>;
};

export type MissingEpisodeResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['MissingEpisode'] = ResolversParentTypes['MissingEpisode']> = {
  endDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  returnInterviewAccepted?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  returnInterviewOffered?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type MissingEpisodeConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['MissingEpisodeConnection'] = ResolversParentTypes['MissingEpisodeConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['MissingEpisode']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MonthFiguresResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['MonthFigures'] = ResolversParentTypes['MonthFigures']> = {
  assessmentsCompleted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  assessmentsCompletedOnTime?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  contacts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  countedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  lookedAfter?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  month?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  onChildProtectionPlans?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  confirmLink?: Resolver<ResolversTypes['LinkDecision'], ParentType, ContextType, RequireFields<MutationConfirmLinkArgs, 'childId' | 'otherChildId' | 'reason'>>;
  rejectLink?: Resolver<ResolversTypes['LinkDecision'], ParentType, ContextType, RequireFields<MutationRejectLinkArgs, 'childId' | 'otherChildId' | 'reason'>>;
  reverseLinkDecision?: Resolver<ResolversTypes['LinkDecision'], ParentType, ContextType, RequireFields<MutationReverseLinkDecisionArgs, 'id' | 'reason'>>;
  splitRecord?: Resolver<ResolversTypes['LinkDecision'], ParentType, ContextType, RequireFields<MutationSplitRecordArgs, 'childId' | 'reason' | 'record'>>;
};

export type NeetStatusResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['NeetStatus'] = ResolversParentTypes['NeetStatus']> = {
  activityCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  neet?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  recordedDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type NeetStatusConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['NeetStatusConnection'] = ResolversParentTypes['NeetStatusConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['NeetStatus']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type OverdueAnnualReviewResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['OverdueAnnualReview'] = ResolversParentTypes['OverdueAnnualReview']> = {
  childId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  daysOverdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  dueDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  lastReviewDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  planId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type OverdueAnnualReviewConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['OverdueAnnualReviewConnection'] = ResolversParentTypes['OverdueAnnualReviewConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['OverdueAnnualReview']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type OverdueChildResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['OverdueChild'] = ResolversParentTypes['OverdueChild']> = {
  childId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  mostWorkingDaysLate?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['PersonName']>, ParentType, ContextType>;
  overdue?: Resolver<Array<ResolversTypes['OverdueItem']>, ParentType, ContextType>;
  workers?: Resolver<Array<ResolversTypes['Worker']>, ParentType, ContextType>;
};

export type OverdueChildConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['OverdueChildConnection'] = ResolversParentTypes['OverdueChildConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['OverdueChild']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type OverdueItemResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['OverdueItem'] = ResolversParentTypes['OverdueItem']> = {
  dueDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  item?: Resolver<ResolversTypes['StatutoryItem'], ParentType, ContextType>;
  workingDaysLate?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PathwayPlanResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['PathwayPlan'] = ResolversParentTypes['PathwayPlan']> = {
  endDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  latestReviewDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  nextReviewDue?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  personalAdviser?: Resolver<Maybe<ResolversTypes['Worker']>, ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type PaymentResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['Payment'] = ResolversParentTypes['Payment']> = {
  agreementId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  amount?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  paidOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  periodEnd?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type PaymentConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['PaymentConnection'] = ResolversParentTypes['PaymentConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Payment']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export interface PenceScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Pence'], any> {
  name: 'Pence';
}

export type PerformanceReportResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['PerformanceReport'] = ResolversParentTypes['PerformanceReport']> = {
  asOf?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  assessments?: Resolver<Maybe<ResolversTypes['CompletedTimeliness']>, ParentType, ContextType>;
  assessmentsFromReferral?: Resolver<Maybe<ResolversTypes['CompletedTimeliness']>, ParentType, ContextType>;
  assessmentsStartedInPeriod?: Resolver<Maybe<ResolversTypes['TimelinessMeasure']>, ParentType, ContextType>;
  careLeavers?: Resolver<Maybe<ResolversTypes['CareLeaverMeasures']>, ParentType, ContextType>;
  childInNeedPlans?: Resolver<Maybe<ResolversTypes['CinPlanMeasures']>, ParentType, ContextType>;
  childProtection?: Resolver<Maybe<ResolversTypes['ChildProtectionMeasures']>, ParentType, ContextType>;
  childrenAt?: Resolver<Maybe<ResolversTypes['ChildrenAtDate']>, ParentType, ContextType, Partial<PerformanceReportChildrenAtArgs>>;
  childrenMissingEducation?: Resolver<Maybe<ResolversTypes['MissingEducationMeasures']>, ParentType, ContextType>;
  contactsByMonth?: Resolver<Maybe<Array<ResolversTypes['ContactMonth']>>, ParentType, ContextType>;
  ehcpAnnualReviews?: Resolver<Maybe<ResolversTypes['EhcpAnnualReviewMeasures']>, ParentType, ContextType>;
  ehcpFinalPlans?: Resolver<Maybe<ResolversTypes['CompletedTimeliness']>, ParentType, ContextType>;
  ehcpFinalPlansRequestedInPeriod?: Resolver<Maybe<ResolversTypes['TimelinessMeasure']>, ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  frontDoor?: Resolver<Maybe<ResolversTypes['FrontDoorMeasures']>, ParentType, ContextType>;
  initialChildProtectionConferences?: Resolver<Maybe<ResolversTypes['CompletedTimeliness']>, ParentType, ContextType>;
  initialChildProtectionConferencesStartedInPeriod?: Resolver<Maybe<ResolversTypes['TimelinessMeasure']>, ParentType, ContextType>;
  monthly?: Resolver<Maybe<Array<ResolversTypes['MonthFigures']>>, ParentType, ContextType>;
  placementStability?: Resolver<Maybe<ResolversTypes['PlacementStability']>, ParentType, ContextType>;
  reReferrals?: Resolver<Maybe<ResolversTypes['ReReferralMeasure']>, ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['SourceStatus']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  unaccompaniedAsylumSeekingChildren?: Resolver<Maybe<ResolversTypes['UascMeasure']>, ParentType, ContextType>;
};

export type PersonNameResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['PersonName'] = ResolversParentTypes['PersonName']> = {
  forename?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  surname?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type PlacementResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['Placement'] = ResolversParentTypes['Placement']> = {
  changeReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  distanceFromHomeMiles?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  endDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  placementType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  providerName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  providerType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  providerUrn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type PlacementConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['PlacementConnection'] = ResolversParentTypes['PlacementConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Placement']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PlacementStabilityResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['PlacementStability'] = ResolversParentTypes['PlacementStability']> = {
  countedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  longTermCohort?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  lookedAfter?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  placedOver20Miles?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  samePlacementTwoYearsOrMore?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  threeOrMorePlacements?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PossibleMatchResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['PossibleMatch'] = ResolversParentTypes['PossibleMatch']> = {
  agreed?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  childId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  disagreed?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  auditTrail?: Resolver<Array<ResolversTypes['AccessRecord']>, ParentType, ContextType, RequireFields<QueryAuditTrailArgs, 'first'>>;
  breakGlassAlerts?: Resolver<Array<ResolversTypes['AccessRecord']>, ParentType, ContextType, RequireFields<QueryBreakGlassAlertsArgs, 'first'>>;
  child?: Resolver<Maybe<ResolversTypes['Child']>, ParentType, ContextType, RequireFields<QueryChildArgs, 'id'>>;
  childByIdentifier?: Resolver<Maybe<ResolversTypes['Child']>, ParentType, ContextType, Partial<QueryChildByIdentifierArgs>>;
  childIdHistory?: Resolver<Maybe<ResolversTypes['ChildIdHistory']>, ParentType, ContextType, RequireFields<QueryChildIdHistoryArgs, 'id'>>;
  financeReport?: Resolver<Maybe<ResolversTypes['FinanceReport']>, ParentType, ContextType>;
  linkDecisions?: Resolver<Array<ResolversTypes['LinkDecision']>, ParentType, ContextType, RequireFields<QueryLinkDecisionsArgs, 'first'>>;
  linkReviewQueue?: Resolver<ResolversTypes['LinkReviewConnection'], ParentType, ContextType, RequireFields<QueryLinkReviewQueueArgs, 'first'>>;
  me?: Resolver<ResolversTypes['Viewer'], ParentType, ContextType>;
  performance?: Resolver<Maybe<ResolversTypes['PerformanceReport']>, ParentType, ContextType, RequireFields<QueryPerformanceArgs, 'from' | 'to'>>;
  searchChildren?: Resolver<ResolversTypes['ChildSearchConnection'], ParentType, ContextType, RequireFields<QuerySearchChildrenArgs, 'first'>>;
  team?: Resolver<Maybe<ResolversTypes['Team']>, ParentType, ContextType, RequireFields<QueryTeamArgs, 'id'>>;
  worker?: Resolver<Maybe<ResolversTypes['Worker']>, ParentType, ContextType, RequireFields<QueryWorkerArgs, 'id'>>;
};

export type RateResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['Rate'] = ResolversParentTypes['Rate']> = {
  amount?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  effectiveFrom?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ReReferralMeasureResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['ReReferralMeasure'] = ResolversParentTypes['ReReferralMeasure']> = {
  percent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  reReferrals?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  referrals?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type RecordRefResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['RecordRef'] = ResolversParentTypes['RecordRef']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  system?: Resolver<ResolversTypes['System'], ParentType, ContextType>;
};

export type ReferralResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['Referral'] = ResolversParentTypes['Referral']> = {
  closeDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  closeReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  nfa?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  primaryNeed?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ReferralConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['ReferralConnection'] = ResolversParentTypes['ReferralConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Referral']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type S47ConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['S47Connection'] = ResolversParentTypes['S47Connection']> = {
  nodes?: Resolver<Array<ResolversTypes['S47Enquiry']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type S47EnquiryResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['S47Enquiry'] = ResolversParentTypes['S47Enquiry']> = {
  endDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  icpc?: Resolver<Maybe<ResolversTypes['Icpc']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  outcome?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  strategyDiscussionDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type SenSupportResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['SenSupport'] = ResolversParentTypes['SenSupport']> = {
  endDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  primaryNeed?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  secondaryNeed?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
};

export type SenSupportConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['SenSupportConnection'] = ResolversParentTypes['SenSupportConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['SenSupport']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SendCostResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['SendCost'] = ResolversParentTypes['SendCost']> = {
  committed?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  costThisFinancialYear?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  costType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  currentRate?: Resolver<Maybe<ResolversTypes['Rate']>, ParentType, ContextType>;
  endDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  fundingStream?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  plannedEndDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  providerName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SendCostGroupResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['SendCostGroup'] = ResolversParentTypes['SendCostGroup']> = {
  committed?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  costs?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  forecast?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  forecastPerPupil?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  fundingStream?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pupils?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  spentYearToDate?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  weeklyCostNow?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
};

export type ServiceAgreementResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['ServiceAgreement'] = ResolversParentTypes['ServiceAgreement']> = {
  committed?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  costThisFinancialYear?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  costToDate?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  currentRate?: Resolver<Maybe<ResolversTypes['Rate']>, ParentType, ContextType>;
  endDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lcsPlacementId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  placementType?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  plannedEndDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  projectedToPlannedEnd?: Resolver<Maybe<ResolversTypes['Pence']>, ParentType, ContextType>;
  projectedToYearEnd?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  providerName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  providerType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rates?: Resolver<Array<ResolversTypes['Rate']>, ParentType, ContextType>;
  runningOnPastPlannedEnd?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  serviceType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type ServiceAgreementConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['ServiceAgreementConnection'] = ResolversParentTypes['ServiceAgreementConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['ServiceAgreement']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type SocialCareResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['SocialCare'] = ResolversParentTypes['SocialCare']> = {
  allocatedWorker?: Resolver<Maybe<ResolversTypes['Worker']>, ParentType, ContextType>;
  assessments?: Resolver<ResolversTypes['AssessmentConnection'], ParentType, ContextType, RequireFields<SocialCareAssessmentsArgs, 'first'>>;
  caseStatus?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  cinPlans?: Resolver<ResolversTypes['CinPlanConnection'], ParentType, ContextType, RequireFields<SocialCareCinPlansArgs, 'first'>>;
  claEpisodes?: Resolver<ResolversTypes['ClaEpisodeConnection'], ParentType, ContextType, RequireFields<SocialCareClaEpisodesArgs, 'first'>>;
  claReviews?: Resolver<ResolversTypes['ClaReviewConnection'], ParentType, ContextType, RequireFields<SocialCareClaReviewsArgs, 'first'>>;
  contacts?: Resolver<ResolversTypes['LcsContactConnection'], ParentType, ContextType, RequireFields<SocialCareContactsArgs, 'first'>>;
  cpPlans?: Resolver<ResolversTypes['CpPlanConnection'], ParentType, ContextType, RequireFields<SocialCareCpPlansArgs, 'first'>>;
  earlyHelpEpisodes?: Resolver<ResolversTypes['EarlyHelpConnection'], ParentType, ContextType, RequireFields<SocialCareEarlyHelpEpisodesArgs, 'first'>>;
  legalStatuses?: Resolver<ResolversTypes['LegalStatusConnection'], ParentType, ContextType, RequireFields<SocialCareLegalStatusesArgs, 'first'>>;
  missingEpisodes?: Resolver<ResolversTypes['MissingEpisodeConnection'], ParentType, ContextType, RequireFields<SocialCareMissingEpisodesArgs, 'first'>>;
  pathwayPlan?: Resolver<Maybe<ResolversTypes['PathwayPlan']>, ParentType, ContextType>;
  placements?: Resolver<ResolversTypes['PlacementConnection'], ParentType, ContextType, RequireFields<SocialCarePlacementsArgs, 'first'>>;
  referrals?: Resolver<ResolversTypes['ReferralConnection'], ParentType, ContextType, RequireFields<SocialCareReferralsArgs, 'first'>>;
  s47Enquiries?: Resolver<ResolversTypes['S47Connection'], ParentType, ContextType, RequireFields<SocialCareS47EnquiriesArgs, 'first'>>;
  statutory?: Resolver<ResolversTypes['StatutoryPosition'], ParentType, ContextType, Partial<SocialCareStatutoryArgs>>;
  team?: Resolver<Maybe<ResolversTypes['Team']>, ParentType, ContextType>;
  unaccompaniedAsylumSeeker?: Resolver<Maybe<ResolversTypes['UnaccompaniedStatus']>, ParentType, ContextType>;
  visits?: Resolver<ResolversTypes['VisitConnection'], ParentType, ContextType, RequireFields<SocialCareVisitsArgs, 'first'>>;
};

export type SocialCareContactResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['SocialCareContact'] = ResolversParentTypes['SocialCareContact']> = {
  allocatedWorker?: Resolver<Maybe<ResolversTypes['Worker']>, ParentType, ContextType>;
  caseStatus?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  knownToSocialCare?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  team?: Resolver<Maybe<ResolversTypes['Team']>, ParentType, ContextType>;
};

export type SourceOutcomeCountResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['SourceOutcomeCount'] = ResolversParentTypes['SourceOutcomeCount']> = {
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SourceStatusResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['SourceStatus'] = ResolversParentTypes['SourceStatus']> = {
  asOf?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SourceState'], ParentType, ContextType>;
  system?: Resolver<ResolversTypes['System'], ParentType, ContextType>;
};

export type SpendFiguresResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['SpendFigures'] = ResolversParentTypes['SpendFigures']> = {
  agreements?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  changeFromPreviousYear?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  changePercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  children?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  committed?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  forecastYear?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  openEndedAgreements?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  previousYear?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  projectedToPlannedEnd?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  projectedToYearEnd?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  runningOnPastPlannedEnd?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  thisFinancialYear?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  toDate?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  weeklyRateNow?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
};

export type SpendGroupResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['SpendGroup'] = ResolversParentTypes['SpendGroup']> = {
  figures?: Resolver<ResolversTypes['SpendFigures'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  label?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type SpendMonthResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['SpendMonth'] = ResolversParentTypes['SpendMonth']> = {
  committed?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  month?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  projected?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  spent?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
};

export type StatutoryPositionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['StatutoryPosition'] = ResolversParentTypes['StatutoryPosition']> = {
  asOf?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  assessmentDue?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  icpcDue?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  nextClaReviewDue?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  nextCpReviewDue?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  nextVisitDue?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  overdue?: Resolver<Array<ResolversTypes['OverdueItem']>, ParentType, ContextType>;
};

export type TeamResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['Team'] = ResolversParentTypes['Team'], FederationReferenceType extends FederationReferenceTypes['Team'] = FederationReferenceTypes['Team']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Team']> | FederationReferenceType, FederationReferenceType, ContextType>;
  caseload?: Resolver<Maybe<ResolversTypes['CaseloadConnection']>, ParentType, ContextType, RequireFields<TeamCaseloadArgs, 'first'>>;
  caseloadByWorker?: Resolver<Maybe<Array<ResolversTypes['WorkerCaseloadSummary']>>, ParentType, ContextType, RequireFields<TeamCaseloadByWorkerArgs, 'dueWithinDays'>>;
  caseloadSummary?: Resolver<Maybe<ResolversTypes['CaseloadSummary']>, ParentType, ContextType, RequireFields<TeamCaseloadSummaryArgs, 'dueWithinDays'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  manager?: Resolver<Maybe<ResolversTypes['Worker']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  overdueChildren?: Resolver<Maybe<ResolversTypes['OverdueChildConnection']>, ParentType, ContextType, RequireFields<TeamOverdueChildrenArgs, 'first'>>;
  service?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  workers?: Resolver<ResolversTypes['WorkerConnection'], ParentType, ContextType, RequireFields<TeamWorkersArgs, 'first'>>;
};

export type TimelinessResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['Timeliness'] = ResolversParentTypes['Timeliness']> = {
  completedDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  daysLate?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  dueDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['TimelinessStatus'], ParentType, ContextType>;
};

export type TimelinessMeasureResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['TimelinessMeasure'] = ResolversParentTypes['TimelinessMeasure']> = {
  completedOnTimePercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  due?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  excluded?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  late?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  onTime?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  overdue?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  started?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type UascMeasureResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['UascMeasure'] = ResolversParentTypes['UascMeasure']> = {
  ageAssessed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ageAssessmentInProgress?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  countedOn?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  lookedAfter?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unaccompanied?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unaccompaniedPercent?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type UnaccompaniedStatusResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['UnaccompaniedStatus'] = ResolversParentTypes['UnaccompaniedStatus']> = {
  ageAssessmentCompleted?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  ageAssessmentOutcome?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  ageAssessmentRequested?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  arrivalDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  ceasedDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  claimedDateOfBirth?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
};

export type UnitCostResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['UnitCost'] = ResolversParentTypes['UnitCost']> = {
  averageWeeklyCost?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
  children?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  key?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  weeklyCost?: Resolver<ResolversTypes['Pence'], ParentType, ContextType>;
};

export type UnitCostsResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['UnitCosts'] = ResolversParentTypes['UnitCosts']> = {
  byPlacementType?: Resolver<Array<ResolversTypes['UnitCost']>, ParentType, ContextType>;
  byProviderType?: Resolver<Array<ResolversTypes['UnitCost']>, ParentType, ContextType>;
};

export type ViewerResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['Viewer'] = ResolversParentTypes['Viewer']> = {
  roles?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  team?: Resolver<Maybe<ResolversTypes['Team']>, ParentType, ContextType>;
  userId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  worker?: Resolver<Maybe<ResolversTypes['Worker']>, ParentType, ContextType>;
};

export type VisitResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['Visit'] = ResolversParentTypes['Visit']> = {
  bedroomSeen?: Resolver<Maybe<ResolversTypes['Boolean']>, ParentType, ContextType>;
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  seen?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  seenAlone?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type VisitConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['VisitConnection'] = ResolversParentTypes['VisitConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Visit']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type WorkerResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['Worker'] = ResolversParentTypes['Worker'], FederationReferenceType extends FederationReferenceTypes['Worker'] = FederationReferenceTypes['Worker']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Worker']> | FederationReferenceType, FederationReferenceType, ContextType>;
  agency?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  caseload?: Resolver<Maybe<ResolversTypes['CaseloadConnection']>, ParentType, ContextType, RequireFields<WorkerCaseloadArgs, 'first'>>;
  caseloadSummary?: Resolver<Maybe<ResolversTypes['CaseloadSummary']>, ParentType, ContextType, RequireFields<WorkerCaseloadSummaryArgs, 'dueWithinDays'>>;
  fte?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  jobTitle?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  overdueChildren?: Resolver<Maybe<ResolversTypes['OverdueChildConnection']>, ParentType, ContextType, RequireFields<WorkerOverdueChildrenArgs, 'first'>>;
  socialWorkRegistration?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  team?: Resolver<Maybe<ResolversTypes['Team']>, ParentType, ContextType>;
};

export type WorkerCaseloadSummaryResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['WorkerCaseloadSummary'] = ResolversParentTypes['WorkerCaseloadSummary']> = {
  summary?: Resolver<ResolversTypes['CaseloadSummary'], ParentType, ContextType>;
  worker?: Resolver<ResolversTypes['Worker'], ParentType, ContextType>;
};

export type WorkerConnectionResolvers<ContextType = HubContext, ParentType extends ResolversParentTypes['WorkerConnection'] = ResolversParentTypes['WorkerConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Worker']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type Resolvers<ContextType = HubContext> = {
  AccessDecision?: AccessDecisionResolvers<ContextType>;
  AccessRecord?: AccessRecordResolvers<ContextType>;
  Address?: AddressResolvers<ContextType>;
  Assessment?: AssessmentResolvers<ContextType>;
  AssessmentConnection?: AssessmentConnectionResolvers<ContextType>;
  AttendanceConnection?: AttendanceConnectionResolvers<ContextType>;
  AttendanceYear?: AttendanceYearResolvers<ContextType>;
  BreakGlassUse?: BreakGlassUseResolvers<ContextType>;
  BudgetMonth?: BudgetMonthResolvers<ContextType>;
  BudgetReport?: BudgetReportResolvers<ContextType>;
  BudgetRow?: BudgetRowResolvers<ContextType>;
  CareLeaverGroup?: CareLeaverGroupResolvers<ContextType>;
  CareLeaverMeasures?: CareLeaverMeasuresResolvers<ContextType>;
  CaseStatusCount?: CaseStatusCountResolvers<ContextType>;
  CaseloadConnection?: CaseloadConnectionResolvers<ContextType>;
  CaseloadEntry?: CaseloadEntryResolvers<ContextType>;
  CaseloadSummary?: CaseloadSummaryResolvers<ContextType>;
  CategoryCount?: CategoryCountResolvers<ContextType>;
  Child?: ChildResolvers<ContextType>;
  ChildFinance?: ChildFinanceResolvers<ContextType>;
  ChildFlags?: ChildFlagsResolvers<ContextType>;
  ChildIdHistory?: ChildIdHistoryResolvers<ContextType>;
  ChildIdSplit?: ChildIdSplitResolvers<ContextType>;
  ChildIdentifiers?: ChildIdentifiersResolvers<ContextType>;
  ChildProtectionMeasures?: ChildProtectionMeasuresResolvers<ContextType>;
  ChildSearchConnection?: ChildSearchConnectionResolvers<ContextType>;
  ChildSearchResult?: ChildSearchResultResolvers<ContextType>;
  ChildSendFinance?: ChildSendFinanceResolvers<ContextType>;
  ChildSpend?: ChildSpendResolvers<ContextType>;
  ChildrenAtDate?: ChildrenAtDateResolvers<ContextType>;
  ChronologyConnection?: ChronologyConnectionResolvers<ContextType>;
  ChronologyEvent?: ChronologyEventResolvers<ContextType>;
  CinPlan?: CinPlanResolvers<ContextType>;
  CinPlanConnection?: CinPlanConnectionResolvers<ContextType>;
  CinPlanMeasures?: CinPlanMeasuresResolvers<ContextType>;
  ClaEpisode?: ClaEpisodeResolvers<ContextType>;
  ClaEpisodeConnection?: ClaEpisodeConnectionResolvers<ContextType>;
  ClaReview?: ClaReviewResolvers<ContextType>;
  ClaReviewConnection?: ClaReviewConnectionResolvers<ContextType>;
  CmeEpisode?: CmeEpisodeResolvers<ContextType>;
  CmeEpisodeConnection?: CmeEpisodeConnectionResolvers<ContextType>;
  CodeCount?: CodeCountResolvers<ContextType>;
  CompletedTimeliness?: CompletedTimelinessResolvers<ContextType>;
  ContactMonth?: ContactMonthResolvers<ContextType>;
  CpPlan?: CpPlanResolvers<ContextType>;
  CpPlanConnection?: CpPlanConnectionResolvers<ContextType>;
  CpReview?: CpReviewResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DatePeriod?: DatePeriodResolvers<ContextType>;
  DatePeriodConnection?: DatePeriodConnectionResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  EarlyHelpConnection?: EarlyHelpConnectionResolvers<ContextType>;
  EarlyHelpEpisode?: EarlyHelpEpisodeResolvers<ContextType>;
  EarlyYearsFunding?: EarlyYearsFundingResolvers<ContextType>;
  EarlyYearsFundingConnection?: EarlyYearsFundingConnectionResolvers<ContextType>;
  Education?: EducationResolvers<ContextType>;
  EhcPlan?: EhcPlanResolvers<ContextType>;
  EhcpAnnualReview?: EhcpAnnualReviewResolvers<ContextType>;
  EhcpAnnualReviewMeasures?: EhcpAnnualReviewMeasuresResolvers<ContextType>;
  EhcpRequest?: EhcpRequestResolvers<ContextType>;
  EhcpRequestConnection?: EhcpRequestConnectionResolvers<ContextType>;
  Enrolment?: EnrolmentResolvers<ContextType>;
  EnrolmentConnection?: EnrolmentConnectionResolvers<ContextType>;
  Exclusion?: ExclusionResolvers<ContextType>;
  ExclusionConnection?: ExclusionConnectionResolvers<ContextType>;
  FinanceForecast?: FinanceForecastResolvers<ContextType>;
  FinanceReport?: FinanceReportResolvers<ContextType>;
  ForecastByPlacementType?: ForecastByPlacementTypeResolvers<ContextType>;
  FrontDoor?: FrontDoorResolvers<ContextType>;
  FrontDoorContact?: FrontDoorContactResolvers<ContextType>;
  FrontDoorContactConnection?: FrontDoorContactConnectionResolvers<ContextType>;
  FrontDoorMeasures?: FrontDoorMeasuresResolvers<ContextType>;
  HighNeeds?: HighNeedsResolvers<ContextType>;
  HighNeedsBlock?: HighNeedsBlockResolvers<ContextType>;
  Icpc?: IcpcResolvers<ContextType>;
  LcsContact?: LcsContactResolvers<ContextType>;
  LcsContactConnection?: LcsContactConnectionResolvers<ContextType>;
  LegalStatus?: LegalStatusResolvers<ContextType>;
  LegalStatusConnection?: LegalStatusConnectionResolvers<ContextType>;
  LinkDecision?: LinkDecisionResolvers<ContextType>;
  LinkReviewConnection?: LinkReviewConnectionResolvers<ContextType>;
  LinkReviewItem?: LinkReviewItemResolvers<ContextType>;
  MissingEducationChild?: MissingEducationChildResolvers<ContextType>;
  MissingEducationChildConnection?: MissingEducationChildConnectionResolvers<ContextType>;
  MissingEducationMeasures?: MissingEducationMeasuresResolvers<ContextType>;
  MissingEpisode?: MissingEpisodeResolvers<ContextType>;
  MissingEpisodeConnection?: MissingEpisodeConnectionResolvers<ContextType>;
  MonthFigures?: MonthFiguresResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  NeetStatus?: NeetStatusResolvers<ContextType>;
  NeetStatusConnection?: NeetStatusConnectionResolvers<ContextType>;
  OverdueAnnualReview?: OverdueAnnualReviewResolvers<ContextType>;
  OverdueAnnualReviewConnection?: OverdueAnnualReviewConnectionResolvers<ContextType>;
  OverdueChild?: OverdueChildResolvers<ContextType>;
  OverdueChildConnection?: OverdueChildConnectionResolvers<ContextType>;
  OverdueItem?: OverdueItemResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  PathwayPlan?: PathwayPlanResolvers<ContextType>;
  Payment?: PaymentResolvers<ContextType>;
  PaymentConnection?: PaymentConnectionResolvers<ContextType>;
  Pence?: GraphQLScalarType;
  PerformanceReport?: PerformanceReportResolvers<ContextType>;
  PersonName?: PersonNameResolvers<ContextType>;
  Placement?: PlacementResolvers<ContextType>;
  PlacementConnection?: PlacementConnectionResolvers<ContextType>;
  PlacementStability?: PlacementStabilityResolvers<ContextType>;
  PossibleMatch?: PossibleMatchResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Rate?: RateResolvers<ContextType>;
  ReReferralMeasure?: ReReferralMeasureResolvers<ContextType>;
  RecordRef?: RecordRefResolvers<ContextType>;
  Referral?: ReferralResolvers<ContextType>;
  ReferralConnection?: ReferralConnectionResolvers<ContextType>;
  S47Connection?: S47ConnectionResolvers<ContextType>;
  S47Enquiry?: S47EnquiryResolvers<ContextType>;
  SenSupport?: SenSupportResolvers<ContextType>;
  SenSupportConnection?: SenSupportConnectionResolvers<ContextType>;
  SendCost?: SendCostResolvers<ContextType>;
  SendCostGroup?: SendCostGroupResolvers<ContextType>;
  ServiceAgreement?: ServiceAgreementResolvers<ContextType>;
  ServiceAgreementConnection?: ServiceAgreementConnectionResolvers<ContextType>;
  SocialCare?: SocialCareResolvers<ContextType>;
  SocialCareContact?: SocialCareContactResolvers<ContextType>;
  SourceOutcomeCount?: SourceOutcomeCountResolvers<ContextType>;
  SourceStatus?: SourceStatusResolvers<ContextType>;
  SpendFigures?: SpendFiguresResolvers<ContextType>;
  SpendGroup?: SpendGroupResolvers<ContextType>;
  SpendMonth?: SpendMonthResolvers<ContextType>;
  StatutoryPosition?: StatutoryPositionResolvers<ContextType>;
  Team?: TeamResolvers<ContextType>;
  Timeliness?: TimelinessResolvers<ContextType>;
  TimelinessMeasure?: TimelinessMeasureResolvers<ContextType>;
  UascMeasure?: UascMeasureResolvers<ContextType>;
  UnaccompaniedStatus?: UnaccompaniedStatusResolvers<ContextType>;
  UnitCost?: UnitCostResolvers<ContextType>;
  UnitCosts?: UnitCostsResolvers<ContextType>;
  Viewer?: ViewerResolvers<ContextType>;
  Visit?: VisitResolvers<ContextType>;
  VisitConnection?: VisitConnectionResolvers<ContextType>;
  Worker?: WorkerResolvers<ContextType>;
  WorkerCaseloadSummary?: WorkerCaseloadSummaryResolvers<ContextType>;
  WorkerConnection?: WorkerConnectionResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = HubContext> = {
  access?: AccessDirectiveResolver<any, any, ContextType>;
};
