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
}

const make = (n: number, name: string, providerType: string, outOfArea: boolean, urn: boolean): Provider => ({
  providerId: `PRV${String(n).padStart(4, '0')}`,
  urn: urn ? `SC${String(480000 + n * 113).padStart(6, '0')}` : null,
  name,
  providerType,
  outOfArea,
});

export const PROVIDERS: readonly Provider[] = [
  make(1, 'County Fostering Service', 'PR1', false, false),
  make(2, 'County Kinship Care Team', 'PR1', false, false),
  make(3, 'Brightpath Fostering', 'PR4', false, true),
  make(4, 'Harbour Family Placements', 'PR4', true, true),
  make(5, 'Oakleaf Foster Care', 'PR5', false, true),
  make(6, 'Meadowbank Children’s Home', 'PR1', false, true),
  make(7, 'Kestrel House', 'PR4', false, true),
  make(8, 'Ridgeway Care Homes', 'PR4', true, true),
  make(9, 'Stonebridge Residential', 'PR4', true, true),
  make(10, 'Hillcrest Therapeutic Care', 'PR5', true, true),
  make(11, 'Parent or family home', 'PR0', false, false),
  make(12, 'Northgate Supported Living', 'PR4', false, true),
  make(13, 'Foyer Youth Housing', 'PR5', false, true),
  make(14, 'Regional Secure Children’s Home', 'PR3', true, true),
  make(15, 'Neighbouring Council Secure Unit', 'PR2', true, true),
  make(16, 'County Adoption Service', 'PR1', false, false),
  make(17, 'Hearthstone Adoption Agency', 'PR5', false, true),
  make(18, 'Lantern Parent and Child Unit', 'PR5', true, true),
  make(19, 'Neighbouring Council Fostering', 'PR2', true, false),
  make(20, 'Willowdene Residential School', 'PR5', true, true),
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
    [byId(10), 10],
    [byId(20), 5],
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
