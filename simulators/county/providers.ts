/**
 * Care providers the county commissions placements from: invented names, Ofsted-style URNs.
 * LCS records the provider on each placement; LIFT pays the same provider, under its own id.
 */
import type { PlacementKind } from './codes.ts';
import type { Rng } from './prng.ts';

export interface Provider {
  providerId: string;
  urn: string | null;
  name: string;
  providerType: string;
  outOfArea: boolean;
  /**
   * The SSDA903 placement types a placement with this provider is recorded under, across collection
   * years (a children's home is K2, never K1; a foyer is supported accommodation, never P3).
   */
  placementTypes: readonly string[];
}

const make = (
  n: number,
  name: string,
  providerType: string,
  outOfArea: boolean,
  urn: boolean,
  placementTypes: readonly string[],
): Provider => ({
  providerId: `PRV${String(n).padStart(4, '0')}`,
  urn: urn ? `SC${String(480000 + n * 113).padStart(6, '0')}` : null,
  name,
  providerType,
  outOfArea,
  placementTypes,
});

/** Foster care with a relative or friend (U1–U3; F1–F3 before 2015). */
const KINSHIP = ['U1', 'U2', 'U3', 'F1', 'F2', 'F3'];
/** Foster care with other foster carers (U4–U6; F4–F6 before 2015). */
const FOSTER = ['U4', 'U5', 'U6', 'F4', 'F5', 'F6'];
/** A children's home (K2); secure children's homes are K1. */
const CHILDRENS_HOME = ['K2'];
const SECURE_CHILDRENS_HOME = ['K1'];
/** Semi-independent or supported accommodation: H5 before 2023, S2 from 2023. */
const SUPPORTED_ACCOMMODATION = ['H5', 'S2'];
const ADOPTION = ['A3', 'A4', 'A5', 'A6'];

export const PROVIDERS: readonly Provider[] = [
  make(1, 'County Fostering Service', 'PR1', false, false, FOSTER),
  make(2, 'County Kinship Care Team', 'PR1', false, false, KINSHIP),
  make(3, 'Brightpath Fostering', 'PR4', false, true, FOSTER),
  make(4, 'Harbour Family Placements', 'PR4', true, true, FOSTER),
  make(5, 'Oakleaf Foster Care', 'PR5', false, true, FOSTER),
  make(6, 'Meadowbank Children’s Home', 'PR1', false, true, CHILDRENS_HOME),
  make(7, 'Kestrel House', 'PR4', false, true, CHILDRENS_HOME),
  make(8, 'Ridgeway Care Homes', 'PR4', true, true, CHILDRENS_HOME),
  make(9, 'Stonebridge Residential', 'PR4', true, true, CHILDRENS_HOME),
  make(10, 'Hillcrest Therapeutic Care', 'PR5', true, true, CHILDRENS_HOME),
  make(11, 'Parent or family home', 'PR0', false, false, ['P1']),
  make(12, 'Northgate Supported Living', 'PR4', false, true, SUPPORTED_ACCOMMODATION),
  make(13, 'Foyer Youth Housing', 'PR5', false, true, SUPPORTED_ACCOMMODATION),
  make(14, 'Regional Secure Children’s Home', 'PR3', true, true, SECURE_CHILDRENS_HOME),
  make(15, 'Neighbouring Council Secure Unit', 'PR2', true, true, SECURE_CHILDRENS_HOME),
  make(16, 'County Adoption Service', 'PR1', false, false, ADOPTION),
  make(17, 'Hearthstone Adoption Agency', 'PR5', false, true, ADOPTION),
  make(18, 'Lantern Parent and Child Unit', 'PR5', true, true, ['R3']),
  make(19, 'Neighbouring Council Fostering', 'PR2', true, false, FOSTER),
  make(20, 'Willowdene Residential School', 'PR5', true, true, ['S1']),
];

const byId = (id: number) => PROVIDERS[id - 1] as Provider;

const PROVIDERS_BY_KIND: Record<PlacementKind, readonly (readonly [Provider, number])[]> = {
  FOSTER: [
    [byId(1), 55],
    [byId(3), 20],
    [byId(4), 12],
    [byId(5), 10],
    [byId(19), 3],
  ],
  FOSTER_RELATIVE: [
    [byId(2), 90],
    [byId(1), 10],
  ],
  RESIDENTIAL: [
    [byId(6), 15],
    [byId(7), 30],
    [byId(8), 25],
    [byId(9), 15],
    [byId(10), 15],
  ],
  PARENTS: [[byId(11), 1]],
  ADOPTION: [
    [byId(16), 75],
    [byId(17), 25],
  ],
  INDEPENDENT: [
    [byId(12), 60],
    [byId(13), 40],
  ],
  SECURE: [
    [byId(14), 60],
    [byId(15), 40],
  ],
  OTHER: [
    [byId(18), 60],
    [byId(20), 40],
  ],
};

export function pickProvider(kind: PlacementKind, rng: Rng): Provider {
  return rng.weighted(PROVIDERS_BY_KIND[kind]);
}

export function providerByName(name: string): Provider | undefined {
  return PROVIDERS.find((p) => p.name === name);
}
