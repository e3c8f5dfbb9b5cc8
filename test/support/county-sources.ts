/**
 * The synthetic county's person records as the link index receives them in the hub: mapped by each
 * system's own connector (connectors/<system>/map.ts), so tests and the linkage measurement judge
 * exactly the mapping the hub uses.
 */
import type { County, RecordSet } from '../../simulators/county/types.ts';
import type { PersonSource } from '../../src/domain/identity/load.ts';
import type { SourceRecord } from '../../src/domain/identity/types.ts';
import type { SystemName } from '../../src/platform/systems.ts';
import { toSourceRecord as fromLcsPerson, type ReferralOfPerson } from '../../connectors/lcs/map.ts';
import type { LcsPerson } from '../../connectors/lcs/types.ts';
import { toSourceRecord as fromEyesPupil } from '../../connectors/eyes/map.ts';
import { toSourceRecord as fromLiftClient } from '../../connectors/lift/map.ts';
import { toSourceRecord as fromFrontDoorContact } from '../../connectors/frontdoor/map.ts';

type Mapper = (record: never, county: County) => SourceRecord;

/**
 * Each LCS person's referrals (from their social-care record), built once per county on first use:
 * a map rather than a look-up per person, as a county holds hundreds of thousands of records.
 */
const referralsByCounty = new WeakMap<County, Map<string, readonly ReferralOfPerson[]>>();
function referralsOf(county: County, personId: string): readonly ReferralOfPerson[] {
  let byPerson = referralsByCounty.get(county);
  if (!byPerson) {
    byPerson = new Map();
    const { socialCare } = county.lcs;
    for (const id of socialCare.ids()) {
      const record = socialCare.get(id);
      if (record && record.referrals.length > 0) byPerson.set(record.personId, record.referrals);
    }
    referralsByCounty.set(county, byPerson);
  }
  return byPerson.get(personId) ?? [];
}

// The county's records are the contract's shapes; the connectors read them through the types
// generated from the same contract, so the two agree field for field. An LCS person's record
// carries their referrals, as the hub's LCS feeds give it (connectors/personFeeds.ts).
const SYSTEMS: [SystemName, (county: County) => RecordSet<unknown>, Mapper][] = [
  ['lcs', (c) => c.lcs.people, (p: LcsPerson, county) => fromLcsPerson(p, referralsOf(county, p.personId))],
  ['eyes', (c) => c.eyes.pupils, fromEyesPupil],
  ['lift', (c) => c.lift.clients, fromLiftClient],
  ['frontdoor', (c) => c.frontdoor.contacts, fromFrontDoorContact],
];

const mapOne = (map: Mapper, record: unknown, county: County) =>
  (map as (record: unknown, county: County) => SourceRecord)(record, county);

/** Every person record of the county, system by system. */
export function* countyRecords(county: County): Generator<SourceRecord> {
  for (const [, setOf, map] of SYSTEMS) {
    const set = setOf(county);
    for (const id of set.ids()) yield mapOne(map, set.get(id), county);
  }
}

/** The county as the paged person sources connectors provide (pages of `pageSize`). */
export function countySources(county: County, pageSize = 500): PersonSource[] {
  return SYSTEMS.map(([system, setOf, map]) => ({
    system,
    async *pages() {
      const set = setOf(county);
      const ids = set.ids();
      for (let start = 0; start < ids.length; start += pageSize) {
        yield ids.slice(start, start + pageSize).map((id) => mapOne(map, set.get(id), county));
        // Yield to the event loop between pages, as a real paged HTTP read would.
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  }));
}
