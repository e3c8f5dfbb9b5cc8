/**
 * Each simulated system's REST contract as data (routes, parameters, response schemas) and the
 * OpenAPI 3.1 document built from it. The same route table drives the simulators' query parsing,
 * so what a simulator accepts and answers is exactly what its published document says.
 */
import type { TSchema } from '@sinclair/typebox';
import { Batch, DEFAULT_PAGE_SIZE, ErrorBody, MAX_BATCH_IDS, MAX_PAGE_SIZE, Page } from './common.ts';
import {
  LcsAssessment,
  LcsClaEpisode,
  LcsPlacement,
  LcsCpPlan,
  LcsInvolvement,
  LcsPerson,
  LcsReferral,
  LcsS47,
  LcsSocialCareRecord,
  LcsTeam,
  LcsWorker,
} from './lcs.ts';
import { LcsCareLeaver, LcsCinPlan, LcsUasc } from './lcs.ts';
import {
  EyesCmeEpisode,
  EyesEducationRecord,
  EyesEhcpPlanSummary,
  EyesEhcpRequest,
  EyesPupil,
  EyesSetting,
} from './eyes.ts';
import { LiftAgreement, LiftBudgetLine, LiftClient, LiftPayment, LiftSendCost } from './lift.ts';
import { FrontDoorContact } from './frontdoor.ts';

export const SYSTEMS = ['lcs', 'eyes', 'lift', 'frontdoor'] as const;
export type SystemName = (typeof SYSTEMS)[number];

/**
 * How a parameter is written on the wire. The simulators' kit parses each kind the same way for
 * every route, so a kind here is both documentation and validation.
 */
export type ParamKind = 'id' | 'idList' | 'limit' | 'cursor' | 'date' | 'dateTime' | 'boolean';

export interface ParamSpec {
  readonly name: string;
  readonly in: 'path' | 'query';
  readonly kind: ParamKind;
  readonly description: string;
  readonly required?: boolean;
  /** For `id` parameters: the pattern a well-formed id matches (a malformed one is a 400, not a 404). */
  readonly pattern?: string;
}

export interface ContractRoute {
  readonly operationId: string;
  readonly method: 'GET';
  /** The route template, e.g. `/people/{personId}`; also the key of the simulators' request stats. */
  readonly path: string;
  readonly summary: string;
  readonly description?: string;
  readonly params: readonly ParamSpec[];
  /** The 200 body; several schemas mean "one of" (a batch read or a page, chosen by the parameters). */
  readonly ok: readonly TSchema[];
  /** True when the route names one record in its path and answers 404 for an unknown id. */
  readonly notFound: boolean;
}

export interface SystemContract {
  readonly system: SystemName;
  readonly title: string;
  readonly description: string;
  readonly routes: readonly ContractRoute[];
}

// ---------------------------------------------------------------------------------------------
// Parameters shared by many routes

const limit: ParamSpec = {
  name: 'limit',
  in: 'query',
  kind: 'limit',
  description: `Page size: a positive integer, default ${DEFAULT_PAGE_SIZE}; values above ${MAX_PAGE_SIZE} are capped to ${MAX_PAGE_SIZE}.`,
};
const cursor: ParamSpec = {
  name: 'cursor',
  in: 'query',
  kind: 'cursor',
  description:
    'Opaque cursor from the previous page’s `nextCursor`. Only valid with the same filters that produced it.',
};
const paging = [limit, cursor] as const;

const idList = (name: string, what: string, extra = ''): ParamSpec => ({
  name,
  in: 'query',
  kind: 'idList',
  description: `Batch read: comma-separated ${what}, at most ${MAX_BATCH_IDS}. Items come back in request order; ids that matched nothing are listed in \`missing\`.${extra ? ' ' + extra : ''}`,
});
const date = (name: string, description: string): ParamSpec => ({
  name,
  in: 'query',
  kind: 'date',
  description,
});
const pathId = (name: string, description: string, pattern?: string): ParamSpec => ({
  name,
  in: 'path',
  kind: 'id',
  required: true,
  description,
  ...(pattern ? { pattern } : {}),
});
const updatedSince: ParamSpec = {
  name: 'updatedSince',
  in: 'query',
  kind: 'dateTime',
  description:
    'Only records whose `updatedAt` is at or after this instant, ordered by `updatedAt` (for incremental loads).',
};
const dateRange = (field: string): ParamSpec[] => [
  date('from', `Earliest ${field} (inclusive). Results are ordered by ${field}.`),
  date('to', `Latest ${field} (inclusive).`),
];
const periodFilters = (what: string): ParamSpec[] => [
  date('activeOn', `Only ${what} open on this date (started on or before it, not ended before it).`),
  date('from', `Only ${what} open at some point on or after this date (inclusive). Not with \`activeOn\`.`),
  date('to', `Only ${what} started on or before this date (inclusive). Not with \`activeOn\`.`),
];
const batchOrPage =
  'With the batch parameter, a batch read; otherwise one page of the list. The two cannot be mixed.';

// Wrappers are built once each, so every reference to the same wrapper is the same component.
const pageOf = (item: TSchema) => Page(item, String(item.$id));
const batchOf = (item: TSchema) => Batch(item, String(item.$id));

// ---------------------------------------------------------------------------------------------
// The four contracts (routes exactly as listed in each contract file's header)

const lcsPersonId = pathId('personId', 'LCS person id (numeric, at most 20 digits)', '^[0-9]{1,20}$');

const lcs: SystemContract = {
  system: 'lcs',
  title: 'LCS (Liquidlogic Children’s Social Care), simulated',
  description:
    'People, social care records, workers, teams and caseloads, shaped on the Standard Safeguarding Dataset.',
  routes: [
    {
      operationId: 'getPeople',
      method: 'GET',
      path: '/people',
      summary: 'Batch read people by id, or page through every person',
      description: batchOrPage,
      params: [idList('ids', 'person ids'), ...paging, updatedSince],
      ok: [batchOf(LcsPerson), pageOf(LcsPerson)],
      notFound: false,
    },
    {
      operationId: 'getPerson',
      method: 'GET',
      path: '/people/{personId}',
      summary: 'One person',
      params: [lcsPersonId],
      ok: [LcsPerson],
      notFound: true,
    },
    {
      operationId: 'getSocialCareRecord',
      method: 'GET',
      path: '/people/{personId}/social-care',
      summary: 'A person’s whole social care record (single reads only)',
      params: [lcsPersonId],
      ok: [LcsSocialCareRecord],
      notFound: true,
    },
    {
      operationId: 'getWorkers',
      method: 'GET',
      path: '/workers',
      summary: 'Batch read workers by id, or page through workers (optionally one team’s)',
      description: batchOrPage,
      params: [
        idList('ids', 'worker ids'),
        ...paging,
        { name: 'teamId', in: 'query', kind: 'id', description: 'Only workers in this team.' },
      ],
      ok: [batchOf(LcsWorker), pageOf(LcsWorker)],
      notFound: false,
    },
    {
      operationId: 'getTeams',
      method: 'GET',
      path: '/teams',
      summary: 'Batch read teams by id, or page through every team',
      description: batchOrPage,
      params: [idList('ids', 'team ids'), ...paging],
      ok: [batchOf(LcsTeam), pageOf(LcsTeam)],
      notFound: false,
    },
    {
      operationId: 'listInvolvements',
      method: 'GET',
      path: '/involvements',
      summary: 'A worker’s or a team’s caseload',
      description: 'Exactly one of `workerId` and `teamId` is required.',
      params: [
        { name: 'workerId', in: 'query', kind: 'id', description: 'Involvements of this worker.' },
        { name: 'teamId', in: 'query', kind: 'id', description: 'Involvements held in this team.' },
        {
          name: 'open',
          in: 'query',
          kind: 'boolean',
          description:
            '`true`: only open involvements (no end date); `false`: only ended ones; absent: both.',
        },
        ...paging,
      ],
      ok: [pageOf(LcsInvolvement)],
      notFound: false,
    },
    {
      operationId: 'listReferrals',
      method: 'GET',
      path: '/referrals',
      summary: 'Referrals by referral date',
      params: [...dateRange('referralDate'), ...paging],
      ok: [pageOf(LcsReferral)],
      notFound: false,
    },
    {
      operationId: 'listAssessments',
      method: 'GET',
      path: '/assessments',
      summary: 'Assessments by start date',
      params: [...dateRange('startDate'), ...paging],
      ok: [pageOf(LcsAssessment)],
      notFound: false,
    },
    {
      operationId: 'listS47Enquiries',
      method: 'GET',
      path: '/s47-enquiries',
      summary: 'Section 47 enquiries (with their ICPC) by start date',
      params: [...dateRange('startDate'), ...paging],
      ok: [pageOf(LcsS47)],
      notFound: false,
    },
    {
      operationId: 'listCpPlans',
      method: 'GET',
      path: '/cp-plans',
      summary: 'Child protection plans open on a date or during a period',
      description: 'Results are ordered by start date.',
      params: [...periodFilters('plans'), ...paging],
      ok: [pageOf(LcsCpPlan)],
      notFound: false,
    },
    {
      operationId: 'listClaEpisodes',
      method: 'GET',
      path: '/cla-episodes',
      summary: 'Looked-after episodes open on a date or during a period',
      description: 'Results are ordered by start date.',
      params: [...periodFilters('episodes'), ...paging],
      ok: [pageOf(LcsClaEpisode)],
      notFound: false,
    },
    {
      operationId: 'listPlacements',
      method: 'GET',
      path: '/placements',
      summary: 'Looked-after placements open on a date or during a period',
      description: 'Results are ordered by start date.',
      params: [...periodFilters('placements'), ...paging],
      ok: [pageOf(LcsPlacement)],
      notFound: false,
    },
    {
      operationId: 'listCinPlans',
      method: 'GET',
      path: '/cin-plans',
      summary: 'Child-in-need plans (with their reviews) open on a date or during a period',
      description: 'Results are ordered by start date.',
      params: [...periodFilters('plans'), ...paging],
      ok: [pageOf(LcsCinPlan)],
      notFound: false,
    },
    {
      operationId: 'listCareLeavers',
      method: 'GET',
      path: '/care-leavers',
      summary: 'Care leavers: pathway plans and the SSDA903 birthday contacts',
      description: 'Ordered by person id; with `updatedSince`, by `updatedAt`.',
      params: [...paging, updatedSince],
      ok: [pageOf(LcsCareLeaver)],
      notFound: false,
    },
    {
      operationId: 'listUasc',
      method: 'GET',
      path: '/uasc',
      summary: 'Unaccompanied asylum-seeking children (current and former), with age assessments',
      description: 'Ordered by person id; with `updatedSince`, by `updatedAt`.',
      params: [...paging, updatedSince],
      ok: [pageOf(LcsUasc)],
      notFound: false,
    },
  ],
};

const pupilId = pathId('pupilId', 'EYES pupil id');

const eyes: SystemContract = {
  system: 'eyes',
  title: 'EYES (Early Years and Education System), simulated',
  description: 'Pupils, education records, settings and EHCP requests, shaped on the school census and SEN2.',
  routes: [
    {
      operationId: 'getPupils',
      method: 'GET',
      path: '/pupils',
      summary: 'Batch read pupils by id, or page through every pupil',
      description: batchOrPage,
      params: [idList('ids', 'pupil ids'), ...paging, updatedSince],
      ok: [batchOf(EyesPupil), pageOf(EyesPupil)],
      notFound: false,
    },
    {
      operationId: 'getPupil',
      method: 'GET',
      path: '/pupils/{pupilId}',
      summary: 'One pupil',
      params: [pupilId],
      ok: [EyesPupil],
      notFound: true,
    },
    {
      operationId: 'getEducationRecord',
      method: 'GET',
      path: '/pupils/{pupilId}/record',
      summary: 'A pupil’s whole education record (single reads only)',
      params: [pupilId],
      ok: [EyesEducationRecord],
      notFound: true,
    },
    {
      operationId: 'getSettings',
      method: 'GET',
      path: '/settings',
      summary: 'Batch read settings by id',
      params: [{ ...idList('ids', 'setting ids'), required: true }],
      ok: [batchOf(EyesSetting)],
      notFound: false,
    },
    {
      operationId: 'listEhcpRequests',
      method: 'GET',
      path: '/ehcp-requests',
      summary: 'EHC needs assessment requests by request date',
      params: [...dateRange('requestDate'), ...paging],
      ok: [pageOf(EyesEhcpRequest)],
      notFound: false,
    },
    {
      operationId: 'listEhcpPlans',
      method: 'GET',
      path: '/ehcp-plans',
      summary: 'EHC plans open on a date or during a period, each with its annual reviews',
      description: 'Results are ordered by start date.',
      params: [...periodFilters('plans'), ...paging],
      ok: [pageOf(EyesEhcpPlanSummary)],
      notFound: false,
    },
    {
      operationId: 'listMissingEducation',
      method: 'GET',
      path: '/missing-education',
      summary: 'Children missing education: CME referrals open on a date, during a period, or updated since',
      description:
        'With `activeOn` or `from`/`to`, ordered by the date reported missing (an open referral has no end); with `updatedSince`, ordered by `updatedAt`. The two cannot be mixed.',
      params: [...periodFilters('referrals'), updatedSince, ...paging],
      ok: [pageOf(EyesCmeEpisode)],
      notFound: false,
    },
  ],
};

const lift: SystemContract = {
  system: 'lift',
  title: 'LIFT (integrated finance), simulated',
  description:
    'Clients, service agreements, payments and budget lines. Finance follows social care: clients carry LCS person ids. Money is integer pence.',
  routes: [
    {
      operationId: 'getClients',
      method: 'GET',
      path: '/clients',
      summary: 'Batch read clients by LCS person id, or page through every client',
      description: batchOrPage,
      params: [
        idList('lcsPersonIds', 'LCS person ids', 'A person with several client records yields each of them.'),
        ...paging,
      ],
      ok: [batchOf(LiftClient), pageOf(LiftClient)],
      notFound: false,
    },
    {
      operationId: 'getAgreements',
      method: 'GET',
      path: '/agreements',
      summary:
        'Batch read agreements by agreement id or by client ref, or page through agreements open on a date or in a period',
      description: `${batchOrPage} \`ids\` and \`clientRefs\` cannot be combined. With \`ids\`, items come back in request order and an unknown agreement id is listed in \`missing\` (how a change notification naming an agreement finds its client). With \`clientRefs\`, items are grouped by client ref in request order and a client ref with no agreements is listed in \`missing\`. Pages are ordered by start date. An agreement is open until its actual end date; with none recorded, an ACTIVE agreement is open whatever its planned end date (it runs on until an end is recorded), and any other until its planned end date; a cancelled agreement is never open.`,
      params: [
        idList('ids', 'agreement ids'),
        idList('clientRefs', 'client refs'),
        ...periodFilters('agreements'),
        ...paging,
      ],
      ok: [batchOf(LiftAgreement), pageOf(LiftAgreement)],
      notFound: false,
    },
    {
      operationId: 'listClientPayments',
      method: 'GET',
      path: '/clients/{clientRef}/payments',
      summary: 'One client’s payments (single reads only)',
      params: [pathId('clientRef', 'LIFT client ref'), ...paging],
      ok: [pageOf(LiftPayment)],
      notFound: true,
    },
    {
      operationId: 'listPayments',
      method: 'GET',
      path: '/payments',
      summary: 'Batch read payments by payment id, or page through payments by the date paid',
      description: `${batchOrPage} With \`ids\`, items come back in request order and an unknown payment id is listed in \`missing\` (how a change notification naming a payment finds its client).`,
      params: [idList('ids', 'payment ids'), ...dateRange('paidOn'), ...paging],
      ok: [batchOf(LiftPayment), pageOf(LiftPayment)],
      notFound: false,
    },
    {
      operationId: 'listBudgetLines',
      method: 'GET',
      path: '/budget-lines',
      summary: 'Page through the budget lines of one financial year, with their in-year virements',
      description:
        'Budget lines are per service line and cost centre (a placement service line may be split by placement type). An agreement is charged to the line with its own service line, cost centre and placement type, else to the line with its service line and cost centre and no placement type.',
      params: [
        {
          name: 'financialYear',
          in: 'query',
          kind: 'id',
          required: true,
          pattern: '^[0-9]{4}/[0-9]{2}$',
          description: 'The April-to-March year, e.g. `2026/27`.',
        },
        ...paging,
      ],
      ok: [pageOf(LiftBudgetLine)],
      notFound: false,
    },
    {
      operationId: 'getSendCosts',
      method: 'GET',
      path: '/send-costs',
      summary:
        'Batch read SEND costs by SEND cost id or by EYES pupil id, or page through SEND costs open on a date or in a period',
      description: `${batchOrPage} \`ids\` and \`pupilIds\` cannot be combined. With \`ids\`, items come back in request order and an unknown SEND cost id is listed in \`missing\` (how a change notification naming a SEND cost finds its pupil). With \`pupilIds\`, items are grouped by pupil id in request order and a pupil with no SEND costs is listed in \`missing\`. Pages are ordered by start date; a cost is open as an agreement is (until its actual end; an ACTIVE one with none recorded runs on past its planned end).`,
      params: [
        idList('ids', 'SEND cost ids'),
        idList('pupilIds', 'EYES pupil ids'),
        ...periodFilters('SEND costs'),
        ...paging,
      ],
      ok: [batchOf(LiftSendCost), pageOf(LiftSendCost)],
      notFound: false,
    },
  ],
};

const frontdoor: SystemContract = {
  system: 'frontdoor',
  title: 'Front door (C-SPA and L-SPA), simulated',
  description: 'Contacts to the front door, carrying whatever the caller gave about the child.',
  routes: [
    {
      operationId: 'getContacts',
      method: 'GET',
      path: '/contacts',
      summary: 'Batch read contacts by id or by the LCS person id they name, or page through contacts',
      description: `${batchOrPage} \`ids\` and \`lcsPersonIds\` cannot be combined. With \`lcsPersonIds\`, items are grouped by person id in request order and a person id named by no contact is listed in \`missing\`. Pages with \`from\`/\`to\` are ordered by contact date, with \`updatedSince\` by \`updatedAt\`.`,
      params: [
        idList('ids', 'contact ids'),
        idList('lcsPersonIds', 'LCS person ids'),
        ...dateRange('contactDate'),
        updatedSince,
        ...paging,
      ],
      ok: [batchOf(FrontDoorContact), pageOf(FrontDoorContact)],
      notFound: false,
    },
    {
      operationId: 'getContact',
      method: 'GET',
      path: '/contacts/{contactId}',
      summary: 'One contact',
      params: [pathId('contactId', 'Front door contact id')],
      ok: [FrontDoorContact],
      notFound: true,
    },
  ],
};

export const CONTRACTS: Readonly<Record<SystemName, SystemContract>> = { lcs, eyes, lift, frontdoor };

// ---------------------------------------------------------------------------------------------
// OpenAPI document

export type JsonObject = { [key: string]: unknown };

/**
 * TypeBox schema -> OpenAPI 3.1 schema. Nested schemas with an `$id` become components and are
 * replaced by `$ref`s (an `$id` left inline would change the base URI of every `$ref` beneath it);
 * unions of string literals become `enum`s, and single-member unions collapse, so generated
 * connector types read naturally.
 */
function toOpenApiSchema(
  node: unknown,
  components: Map<string, JsonObject>,
  isComponentRoot = false,
): unknown {
  if (Array.isArray(node)) return node.map((child) => toOpenApiSchema(child, components));
  if (node === null || typeof node !== 'object') return node;
  const source = node as JsonObject;
  const id = source['$id'];
  if (typeof id === 'string' && !isComponentRoot) {
    registerComponent(id, source, components);
    return { $ref: `#/components/schemas/${id}` };
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(source)) {
    if (key === '$id') continue;
    out[key] = toOpenApiSchema(value, components);
  }
  return simplifyUnion(out);
}

function registerComponent(id: string, schema: JsonObject, components: Map<string, JsonObject>): void {
  if (components.has(id)) return;
  components.set(id, {}); // placeholder first, so a schema that refers to itself terminates
  components.set(id, toOpenApiSchema(schema, components, true) as JsonObject);
}

function simplifyUnion(schema: JsonObject): JsonObject {
  const members = schema['anyOf'];
  if (!Array.isArray(members)) return schema;
  const { anyOf: _anyOf, ...rest } = schema;
  if (members.length === 1) return { ...(members[0] as JsonObject), ...rest };
  const literals = members as JsonObject[];
  if (literals.every((m) => m['type'] === 'string' && typeof m['const'] === 'string')) {
    return { type: 'string', enum: literals.map((m) => m['const']), ...rest };
  }
  return schema;
}

function paramSchema(param: ParamSpec): JsonObject {
  switch (param.kind) {
    case 'id':
      return param.pattern ? { type: 'string', pattern: param.pattern } : { type: 'string', minLength: 1 };
    case 'idList':
      return { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, maxItems: MAX_BATCH_IDS };
    case 'limit':
      return { type: 'integer', minimum: 1, default: DEFAULT_PAGE_SIZE };
    case 'cursor':
      return { type: 'string', minLength: 1 };
    case 'date':
      return { type: 'string', format: 'date' };
    case 'dateTime':
      return { type: 'string', format: 'date-time' };
    case 'boolean':
      return { type: 'boolean' };
  }
}

function parameterObject(param: ParamSpec): JsonObject {
  return {
    name: param.name,
    in: param.in,
    required: param.in === 'path' || param.required === true,
    description: param.description,
    schema: paramSchema(param),
    ...(param.kind === 'idList' ? { style: 'form', explode: false } : {}),
  };
}

const errorResponse = (description: string): JsonObject => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

function operationObject(route: ContractRoute, components: Map<string, JsonObject>): JsonObject {
  const okSchemas = route.ok.map((schema) => toOpenApiSchema(schema, components));
  const responses: JsonObject = {
    '200': {
      description: 'OK',
      content: {
        'application/json': { schema: okSchemas.length === 1 ? okSchemas[0] : { oneOf: okSchemas } },
      },
    },
    '400': errorResponse(
      'A parameter is missing, malformed, out of range or not allowed in this combination',
    ),
  };
  if (route.notFound) responses['404'] = errorResponse('No record has this id');
  responses['default'] = errorResponse('The system failed or is unavailable (for example 429, 500 or 503)');
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    parameters: route.params.map(parameterObject),
    responses,
  };
}

/** The OpenAPI 3.1 document for one system: deterministic, so the committed file never drifts. */
export function buildOpenApiDocument(contract: SystemContract): JsonObject {
  const components = new Map<string, JsonObject>();
  registerComponent('Error', ErrorBody as unknown as JsonObject, components);
  const paths: JsonObject = {};
  for (const route of contract.routes) {
    paths[route.path] = { get: operationObject(route, components) };
  }
  const schemas: JsonObject = {};
  for (const name of [...components.keys()].sort()) schemas[name] = components.get(name);
  return {
    openapi: '3.1.0',
    info: { title: contract.title, version: '1.0.0', description: contract.description },
    paths,
    components: { schemas },
  };
}

/** The exact text `npm run contracts` writes for one system. */
export function renderOpenApiDocument(system: SystemName): string {
  return `${JSON.stringify(buildOpenApiDocument(CONTRACTS[system]), null, 2)}\n`;
}
