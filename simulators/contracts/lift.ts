/**
 * LIFT (integrated finance) contract. Finance follows social care: every client carries an LCS
 * person id and every placement line an LCS placement id. Money is integer pence.
 * Routes:
 *   GET /clients?lcsPersonIds=          batch (by LCS person id) -> LiftClientBatch
 *   GET /clients?limit&cursor                                    -> LiftClientPage
 *   GET /agreements?ids=                batch (by agreement id)  -> LiftAgreementBatch (request order)
 *   GET /agreements?clientRefs=         batch (by client ref)    -> LiftAgreementBatch (items grouped by clientRef)
 *   GET /agreements?activeOn|from&to&limit&cursor                -> LiftAgreementPage (finance aggregates)
 *   GET /clients/{clientRef}/payments?limit&cursor               -> LiftPaymentPage (single reads only)
 *   GET /payments?ids=                  batch (by payment id)    -> LiftPaymentBatch (request order)
 *   GET /payments?from&to&limit&cursor                           -> LiftPaymentPage
 *   GET /budget-lines?financialYear&limit&cursor                 -> LiftBudgetLinePage
 *   GET /send-costs?ids=                batch (by SEND cost id)  -> LiftSendCostBatch (request order)
 *   GET /send-costs?pupilIds=           batch (by EYES pupil id) -> LiftSendCostBatch (items grouped by pupil)
 *   GET /send-costs?activeOn|from&to&limit&cursor                -> LiftSendCostPage (high-needs aggregates)
 */
import { Type, type Static, type TProperties } from '@sinclair/typebox';
import { IsoDate, Nullable } from './common.ts';

const Str = Type.String();
const OptStr = Nullable(Type.String());
const OptDate = Nullable(IsoDate);
const Pence = Type.Integer({ description: 'Money in integer pence' });
const obj = <T extends TProperties>(id: string, props: T, description: string) =>
  Type.Object(props, { $id: id, additionalProperties: false, description });

export const LiftClient = obj(
  'LiftClient',
  { clientRef: Str, lcsPersonId: Str, name: Str, dateOfBirth: OptDate },
  'A client: the finance view of a child',
);

export const LiftRate = obj(
  'LiftRate',
  {
    /** First day this rate applies. Backdated changes carry an effectiveFrom before recordedAt. */
    effectiveFrom: IsoDate,
    amountPence: Pence,
    unit: Type.Union([Type.Literal('WEEKLY'), Type.Literal('DAILY')]),
    recordedAt: IsoDate,
  },
  'A rate in force from a date',
);

export const LiftAgreement = obj(
  'LiftAgreement',
  {
    agreementId: Str,
    clientRef: Str,
    lcsPersonId: Str,
    lcsPlacementId: OptStr,
    serviceType: Type.String({ description: 'PLACEMENT, ALLOWANCE, FOSTERING_FEE, TRANSPORT, SUPPORT' }),
    placementType: OptStr,
    providerId: Str,
    providerName: Str,
    providerType: Type.String({ description: 'PR0-PR5' }),
    teamId: OptStr,
    serviceLine: Type.String({
      description:
        'The budget service line the agreement is charged to (e.g. RESIDENTIAL, FOSTERING_AGENCY, TRANSPORT)',
    }),
    costCentre: Type.String({ description: 'The cost centre the agreement is charged to' }),
    startDate: IsoDate,
    /**
     * Planned end; null for open-ended agreements. An ACTIVE agreement may be past it: the child is
     * still placed, and the agreement runs on until an actual end is recorded.
     */
    plannedEndDate: OptDate,
    /** Actual end when the agreement ended (before or after the planned end). */
    endDate: OptDate,
    status: Type.Union(['ACTIVE', 'ENDED', 'PENDING', 'CANCELLED'].map((s) => Type.Literal(s))),
    rates: Type.Array(LiftRate),
    commitmentPence: Pence,
  },
  'A service agreement: one commissioned service for one child',
);

export const LiftPayment = obj(
  'LiftPayment',
  {
    paymentId: Str,
    agreementId: Str,
    clientRef: Str,
    periodStart: IsoDate,
    periodEnd: IsoDate,
    paidOn: IsoDate,
    amountPence: Pence,
    invoiceRef: OptStr,
  },
  'A payment against an agreement',
);

export const LiftVirement = obj(
  'LiftVirement',
  {
    virementId: Str,
    /** The day the transfer takes effect. */
    effectiveDate: IsoDate,
    /** Added to the line (negative: taken from it). A virement's two lines sum to zero. */
    amountPence: Pence,
    reason: Str,
  },
  'An in-year transfer of budget into or out of a budget line',
);

export const LiftBudgetLine = obj(
  'LiftBudgetLine',
  {
    budgetLineId: Str,
    /** April-to-March year, e.g. `2026/27`. */
    financialYear: Type.String({ pattern: '^[0-9]{4}/[0-9]{2}$' }),
    serviceLine: Str,
    costCentre: Str,
    /** The team whose cost centre it is; null for a central cost centre. */
    teamId: OptStr,
    /** Narrows the line to one placement type; null when the line covers the whole service line. */
    placementType: OptStr,
    /** GENERAL_FUND (care, SEN transport) or HIGH_NEEDS_BLOCK (the DSG's high needs block). */
    fundingStream: Type.Union([Type.Literal('GENERAL_FUND'), Type.Literal('HIGH_NEEDS_BLOCK')]),
    /** The budget set for the year before any virement. */
    originalBudgetPence: Pence,
    virements: Type.Array(LiftVirement),
  },
  'A budget line: what one cost centre may spend on one service line in one financial year',
);

export const LiftSendCost = obj(
  'LiftSendCost',
  {
    sendCostId: Str,
    /** The EYES pupil the cost is for: SEND finance follows education, not social care. */
    pupilId: Str,
    upn: OptStr,
    costType: Type.Union(
      [
        'INDEPENDENT_SPECIAL_SCHOOL',
        'NON_MAINTAINED_SPECIAL_SCHOOL',
        'TOP_UP',
        'SEN_TRANSPORT',
        'PERSONAL_BUDGET',
      ].map((s) => Type.Literal(s)),
    ),
    fundingStream: Type.Union([Type.Literal('GENERAL_FUND'), Type.Literal('HIGH_NEEDS_BLOCK')]),
    providerName: Str,
    serviceLine: Str,
    costCentre: Str,
    startDate: IsoDate,
    plannedEndDate: OptDate,
    endDate: OptDate,
    status: Type.Union(['ACTIVE', 'ENDED', 'PENDING', 'CANCELLED'].map((s) => Type.Literal(s))),
    rates: Type.Array(LiftRate),
  },
  'A SEND cost (LIFT phase two): a special school placement, top-up funding, SEN transport or a personal budget for one pupil',
);

export type LiftClient = Static<typeof LiftClient>;
export type LiftRate = Static<typeof LiftRate>;
export type LiftAgreement = Static<typeof LiftAgreement>;
export type LiftPayment = Static<typeof LiftPayment>;
export type LiftVirement = Static<typeof LiftVirement>;
export type LiftBudgetLine = Static<typeof LiftBudgetLine>;
export type LiftSendCost = Static<typeof LiftSendCost>;
