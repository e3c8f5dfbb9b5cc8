/** The front door's contract types, named from the generated OpenAPI types (never hand-copied). */
import type { components } from './types.generated.ts';

type S = components['schemas'];
export type FrontDoorContact = S['FrontDoorContact'];
export type FrontDoorSubject = S['FrontDoorSubject'];
export type Page<T> = { items: T[]; nextCursor: string | null };
export type Batch<T> = { items: T[]; missing: string[] };
