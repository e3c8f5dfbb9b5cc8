/** Hand-made SourceRecords for the identity unit tests (fictional people, valid check digits). */
import type { SourceRecord } from '../../../src/domain/identity/types.ts';

export const NHS_A = '4000000004';
export const NHS_B = '4000000071';
export const UPN_A = 'X820200115001';
export const UPN_B = 'L820200115002';
export const TEMPORARY_UPN = 'H82020011500A';

/** One child's identity, as several tests' records give it. */
export const WILLIAM = {
  forename: 'William',
  surname: 'Ashdown',
  dateOfBirth: '2015-03-07',
  sex: 'M' as const,
  postcodes: ['AB1 2CD'],
};

export function person(
  fields: Partial<SourceRecord> & Pick<SourceRecord, 'system' | 'localId'>,
): SourceRecord {
  return {
    forename: '',
    surname: '',
    aliases: [],
    dateOfBirth: null,
    sex: null,
    postcodes: [],
    nhsNumber: null,
    upn: null,
    uln: null,
    crossRefs: [],
    restricted: false,
    adoptionIdentity: null,
    ...fields,
  };
}

const FORENAMES = [
  'Amara',
  'Benedict',
  'Cosmo',
  'Delphine',
  'Ezra',
  'Farah',
  'Gideon',
  'Hester',
  'Ivo',
  'Juno',
];
const SURNAMES = [
  'Ashdown',
  'Blackwood',
  'Carrow',
  'Dunmore',
  'Elwick',
  'Fairleigh',
  'Greystoke',
  'Holloway',
];

/**
 * Unrelated background children (one EYES record each), so term frequencies and the prior
 * behave as in a population rather than a handful of records.
 */
export function background(count: number): SourceRecord[] {
  return Array.from({ length: count }, (_, i) =>
    person({
      system: 'eyes',
      localId: `BG${String(i).padStart(5, '0')}`,
      forename: FORENAMES[i % FORENAMES.length]!,
      surname: SURNAMES[Math.floor(i / FORENAMES.length) % SURNAMES.length]!,
      dateOfBirth: `20${String(10 + (i % 10)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      sex: i % 2 === 0 ? 'F' : 'M',
      postcodes: [`ZZ${1 + (i % 9)} ${1 + (i % 7)}AB`],
    }),
  );
}
