/** The front door's contract types, named from the generated OpenAPI types (never hand-copied). */
import type { components } from './types.generated.ts';

type S = components['schemas'];
export type FrontDoorContact = S['FrontDoorContact'];
export type FrontDoorSubject = S['FrontDoorSubject'];
export type { Batch, Page } from '../shared/wire.ts';
