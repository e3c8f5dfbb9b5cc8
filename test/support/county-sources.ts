/**
 * The synthetic county's person records as the link index receives them in the hub: mapped by each
 * system's own connector (connectors/<system>/map.ts), so tests and the linkage measurement judge
 * exactly the mapping the hub uses.
 */
import type { County, RecordSet } from '../../simulators/county/types.ts';
import type { PersonSource } from '../../src/domain/identity/load.ts';
import type { SourceRecord } from '../../src/domain/identity/types.ts';
import type { SystemName } from '../../src/platform/systems.ts';
import { toSourceRecord as fromLcsPerson } from '../../connectors/lcs/map.ts';
import { toSourceRecord as fromEyesPupil } from '../../connectors/eyes/map.ts';
import { toSourceRecord as fromLiftClient } from '../../connectors/lift/map.ts';
import { toSourceRecord as fromFrontDoorContact } from '../../connectors/frontdoor/map.ts';

type Mapper = (record: never) => SourceRecord;

// The county's records are the contract's shapes; the connectors read them through the types
// generated from the same contract, so the two agree field for field.
const SYSTEMS: [SystemName, (county: County) => RecordSet<unknown>, Mapper][] = [
  ['lcs', (c) => c.lcs.people, fromLcsPerson],
  ['eyes', (c) => c.eyes.pupils, fromEyesPupil],
  ['lift', (c) => c.lift.clients, fromLiftClient],
  ['frontdoor', (c) => c.frontdoor.contacts, fromFrontDoorContact],
];

const mapOne = (map: Mapper, record: unknown) => (map as (record: unknown) => SourceRecord)(record);

/** Every person record of the county, system by system. */
export function* countyRecords(county: County): Generator<SourceRecord> {
  for (const [, setOf, map] of SYSTEMS) {
    const set = setOf(county);
    for (const id of set.ids()) yield mapOne(map, set.get(id));
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
        yield ids.slice(start, start + pageSize).map((id) => mapOne(map, set.get(id)));
        // Yield to the event loop between pages, as a real paged HTTP read would.
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  }));
}
