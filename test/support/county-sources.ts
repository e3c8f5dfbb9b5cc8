/**
 * Maps the synthetic county's records to the link index's SourceRecords, the way each system's
 * connector will: for tests and the linkage measurement script.
 */
import type { County, RecordSet } from '../../simulators/county/types.ts';
import type { PersonSource } from '../../src/identity/load.ts';
import type { SourceRecord, SystemName } from '../../src/identity/types.ts';

type Address = { postcode: string; from: string; to: string | null };

// The fields read here, as the contracts define them. (The contracts' TypeBox `Static` types come
// out with `unknown` properties because of how their object helper is typed, so the shapes are
// restated; the contract tests keep the simulators' records conforming.)
interface LcsPerson {
  personId: string;
  forename: string;
  surname: string;
  aliases: string[];
  sex: 'M' | 'F' | 'U';
  dateOfBirth: string | null;
  nhsNumber: string | null;
  upn: string | null;
  addresses: Address[];
  restriction: unknown;
}
interface EyesPupil {
  pupilId: string;
  upn: string | null;
  uln: string | null;
  nhsNumber: string | null;
  lcsPersonId: string | null;
  forename: string;
  surname: string;
  preferredSurname: string | null;
  dateOfBirth: string;
  sex: 'M' | 'F';
  addresses: Address[];
}
interface LiftClient {
  clientRef: string;
  lcsPersonId: string;
  name: string;
  dateOfBirth: string | null;
}
interface FrontDoorContact {
  contactId: string;
  subject: {
    forename: string;
    surname: string;
    dateOfBirth: string | null;
    postcode: string | null;
    sex: 'M' | 'F' | null;
    nhsNumber: string | null;
    lcsPersonId: string | null;
  };
}

/** Postcodes, current address first, then the most recent. */
function postcodesOf(addresses: readonly Address[]): string[] {
  return [...addresses]
    .sort((a, b) => (a.to === null ? -1 : b.to === null ? 1 : b.from.localeCompare(a.from)))
    .map((address) => address.postcode);
}

export function fromLcsPerson(person: LcsPerson): SourceRecord {
  return {
    system: 'lcs',
    localId: person.personId,
    forename: person.forename,
    surname: person.surname,
    aliases: [...person.aliases],
    dateOfBirth: person.dateOfBirth,
    sex: person.sex === 'U' ? null : person.sex,
    postcodes: postcodesOf(person.addresses),
    nhsNumber: person.nhsNumber,
    upn: person.upn,
    uln: null,
    crossRefs: [],
    restricted: person.restriction !== null,
  };
}

export function fromEyesPupil(pupil: EyesPupil): SourceRecord {
  return {
    system: 'eyes',
    localId: pupil.pupilId,
    forename: pupil.forename,
    surname: pupil.surname,
    aliases: pupil.preferredSurname ? [pupil.preferredSurname] : [],
    dateOfBirth: pupil.dateOfBirth,
    sex: pupil.sex,
    postcodes: postcodesOf(pupil.addresses),
    nhsNumber: pupil.nhsNumber,
    upn: pupil.upn,
    uln: pupil.uln,
    crossRefs: pupil.lcsPersonId ? [{ system: 'lcs', localId: pupil.lcsPersonId }] : [],
    restricted: false,
  };
}

/** LIFT holds one name field, "Forename [Middle] Surname". */
export function fromLiftClient(client: LiftClient): SourceRecord {
  const parts = client.name.trim().split(/\s+/);
  return {
    system: 'lift',
    localId: client.clientRef,
    forename: parts.length > 1 ? parts.slice(0, -1).join(' ') : '',
    surname: parts[parts.length - 1] ?? '',
    aliases: [],
    dateOfBirth: client.dateOfBirth,
    sex: null,
    postcodes: [],
    nhsNumber: null,
    upn: null,
    uln: null,
    crossRefs: [{ system: 'lcs', localId: client.lcsPersonId }],
    restricted: false,
  };
}

export function fromFrontDoorContact(contact: FrontDoorContact): SourceRecord {
  const subject = contact.subject;
  return {
    system: 'frontdoor',
    localId: contact.contactId,
    forename: subject.forename,
    surname: subject.surname,
    aliases: [],
    dateOfBirth: subject.dateOfBirth,
    sex: subject.sex,
    postcodes: subject.postcode ? [subject.postcode] : [],
    nhsNumber: subject.nhsNumber,
    upn: null,
    uln: null,
    crossRefs: subject.lcsPersonId ? [{ system: 'lcs', localId: subject.lcsPersonId }] : [],
    restricted: false,
  };
}

function* mapped<T>(set: RecordSet<unknown>, map: (record: T) => SourceRecord): Generator<SourceRecord> {
  for (const id of set.ids()) yield map(set.get(id) as T);
}

/** Every person record of the county, system by system. */
export function* countyRecords(county: County): Generator<SourceRecord> {
  yield* mapped(county.lcs.people, fromLcsPerson);
  yield* mapped(county.eyes.pupils, fromEyesPupil);
  yield* mapped(county.lift.clients, fromLiftClient);
  yield* mapped(county.frontdoor.contacts, fromFrontDoorContact);
}

/** The county as the paged person sources connectors provide (pages of `pageSize`). */
export function countySources(county: County, pageSize = 500): PersonSource[] {
  const source = <T>(
    system: SystemName,
    set: RecordSet<unknown>,
    map: (record: T) => SourceRecord,
  ): PersonSource => ({
    system,
    async *pages() {
      const ids = set.ids();
      for (let start = 0; start < ids.length; start += pageSize) {
        yield ids.slice(start, start + pageSize).map((id) => map(set.get(id) as T));
        // Yield to the event loop between pages, as a real paged HTTP read would.
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  });
  return [
    source('lcs', county.lcs.people, fromLcsPerson),
    source('eyes', county.eyes.pupils, fromEyesPupil),
    source('lift', county.lift.clients, fromLiftClient),
    source('frontdoor', county.frontdoor.contacts, fromFrontDoorContact),
  ];
}
