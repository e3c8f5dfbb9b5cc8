/** What the front-door connector accepts off the wire: each answer's contract schema, compiled once. */
import { compileContract, type Contract } from '../shared/contract.ts';
import * as schemas from './schemas.generated.ts';
import type { Batch, FrontDoorContact, Page } from './types.ts';

const frontdoor = <K extends keyof typeof schemas>(schema: K) =>
  compileContract('frontdoor', schemas, schema);

export const FRONTDOOR_CONTRACTS: {
  contactBatch: Contract<Batch<FrontDoorContact>>;
  contactPage: Contract<Page<FrontDoorContact>>;
  contact: Contract<FrontDoorContact>;
} = {
  contactBatch: frontdoor('FrontDoorContactBatch'),
  contactPage: frontdoor('FrontDoorContactPage'),
  contact: frontdoor('FrontDoorContact'),
};
