/** The LIFT contract's types, named from the generated OpenAPI types (never hand-copied). */
import type { components } from './types.generated.ts';

type S = components['schemas'];
export type LiftClient = S['LiftClient'];
export type LiftAgreement = S['LiftAgreement'];
export type LiftRate = S['LiftRate'];
export type LiftPayment = S['LiftPayment'];
export type LiftBudgetLine = S['LiftBudgetLine'];
export type LiftSendCost = S['LiftSendCost'];
export type { Batch, Page } from '../shared/wire.ts';
