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
    startDate: IsoDate,
    /** Planned end; null for open-ended agreements. */
    plannedEndDate: OptDate,
    /** Actual end when the agreement ended (possibly before the planned end). */
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

export type LiftClient = Static<typeof LiftClient>;
export type LiftRate = Static<typeof LiftRate>;
export type LiftAgreement = Static<typeof LiftAgreement>;
export type LiftPayment = Static<typeof LiftPayment>;
