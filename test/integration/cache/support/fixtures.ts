/**
 * Synthetic children for the integration tests: distinctive strings that a dump of Redis can be
 * searched for. Made up; no real person.
 */
import { createEntityKeyer } from '../../../../src/platform/cache/keys.ts';
import { createSealer } from '../../../../src/platform/cache/sealer.ts';
import { resolveCacheSettings } from '../../../../src/platform/cache/settings.ts';

export interface SyntheticPerson {
  personId: string;
  forename: string;
  surname: string;
  dateOfBirth: string;
  nhsNumber: string;
  postcode: string;
}

export const PEOPLE: readonly SyntheticPerson[] = [
  {
    personId: '880011',
    forename: 'Quillonia',
    surname: 'Marchbank',
    dateOfBirth: '2014-03-17',
    nhsNumber: '9434765919',
    postcode: 'ZZ9 4QX',
  },
  {
    personId: '880012',
    forename: 'Tobiasz',
    surname: 'Fenwright',
    dateOfBirth: '2019-11-02',
    nhsNumber: '9434765870',
    postcode: 'ZZ9 7PL',
  },
  {
    personId: '880013',
    forename: 'Ysolde',
    surname: 'Carrowmore',
    dateOfBirth: '2021-06-30',
    nhsNumber: '9434765862',
    postcode: 'ZZ9 1AB',
  },
];

/** Every readable fragment a leak would show. */
export function plaintextFragments(people: readonly SyntheticPerson[] = PEOPLE): string[] {
  return people.flatMap((p) => [p.personId, p.forename, p.surname, p.dateOfBirth, p.nhsNumber, p.postcode]);
}

export const sealer = () =>
  createSealer({
    keys: [{ id: 'it1', secret: 'integration-sealing-secret-0123456789abcdef' }],
    current: 'it1',
  });
export const keyer = () => createEntityKeyer({ secret: 'integration-key-name-secret-0123456789abcdef' });
export const settings = () => resolveCacheSettings({ defaultTtlSeconds: 60, staleGraceSeconds: 60 });

/** An upstream over PEOPLE that counts how many times it was called. */
export function countingUpstream() {
  const calls: string[][] = [];
  return {
    calls,
    fetch: async (ids: readonly string[]) => {
      calls.push([...ids]);
      return new Map(PEOPLE.filter((p) => ids.includes(p.personId)).map((p) => [p.personId, p]));
    },
  };
}

export const ALL_IDS = PEOPLE.map((p) => p.personId);
