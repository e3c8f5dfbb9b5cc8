/**
 * generateCounty: the whole synthetic county from (seed, scale, asOf), deterministically. Order of
 * building: population core -> workforce -> EYES ids and UPNs -> LCS (eager) -> LIFT (from LCS
 * placements) -> front door (index of contacts). Heavy EYES and front-door detail is derived lazily.
 */
import type { County, CountyOptions, FlawedRecord, GroundTruthChild, RecordSet } from './types.ts';
import type { LcsPerson, LcsSocialCareRecord, LcsTeam, LcsWorker } from '../contracts/lcs.ts';
import type { EyesEducationRecord, EyesPupil, EyesSetting } from '../contracts/eyes.ts';
import type {
  LiftAgreement,
  LiftBudgetLine,
  LiftClient,
  LiftPayment,
  LiftSendCost,
} from '../contracts/lift.ts';
import type { FrontDoorContact } from '../contracts/frontdoor.ts';
import { fromIso, toIso } from './dates.ts';
import { DEFAULT_AS_OF, SCALE_TARGETS, SCALES } from './scales.ts';
import { buildPopulation, CareStatus, Flag, type Population } from './population.ts';
import { buildWorkforce } from './workforce.ts';
import { buildEyes } from './education.ts';
import { buildLcs } from './lcsSystem.ts';
import { buildLift } from './finance.ts';
import { buildFrontDoor } from './frontDoor.ts';
import { recordedIn, trueIdentity } from './identity.ts';
import { LazyRecordSet, MapRecordSet } from './recordSet.ts';
import { addStatutoryCohorts } from './cohorts.ts';

export { DEFAULT_AS_OF, SCALE_TARGETS } from './scales.ts';

/** Education records memoised per county: enough for a busy hub's working set, small beside the county. */
const EDUCATION_RECORD_CACHE = 2_000;

/**
 * The generator's precise record shapes, seen through the contract's (currently widened) types.
 * Tests validate every record against the contract schemas, which is what makes this sound.
 */
const contract = <T>(set: RecordSet<unknown>): RecordSet<T> => set as RecordSet<T>;

/** The ground-truth id of the child at a population index. */
export const truthId = (child: number): string => `T${String(child).padStart(6, '0')}`;

export interface CountyInternals {
  population: Population;
}

export function generateCounty(opts: CountyOptions): County & { readonly internals: CountyInternals } {
  const { seed, scale } = opts;
  if (typeof seed !== 'string' || seed.length === 0)
    throw new Error('generateCounty: seed must be a non-empty string');
  if (!SCALES.includes(scale))
    throw new Error(`generateCounty: unknown scale (expected one of ${SCALES.join(', ')})`);
  const asOfDay = fromIso(opts.asOf ?? DEFAULT_AS_OF);
  const asOf = toIso(asOfDay);
  const targets = SCALE_TARGETS[scale];

  const population = buildPopulation(seed, targets, asOfDay);
  const workforce = buildWorkforce(seed, targets);
  let lcsPersonIdsByChild: ReadonlyMap<number, string[]> = new Map();
  const mainLcsId = (child: number) => lcsPersonIdsByChild.get(child)?.[0] ?? null;
  const eyes = buildEyes(seed, population, mainLcsId);
  const lcs = buildLcs(seed, population, workforce, (child) => eyes.upnOfChild(child));
  lcsPersonIdsByChild = lcs.personIdsByChild;
  // Care leavers are young adults, past the children's slots: ground truth numbers them after them.
  const youngAdults = addStatutoryCohorts(seed, asOfDay, targets, workforce, population.size, lcs);
  const lift = buildLift(seed, population, lcs.placements, (child) => ({
    pupilId: eyes.pupilIdOfChild(child),
    upn: eyes.upnOfChild(child),
  }));
  const frontDoor = buildFrontDoor(seed, population, targets, lcs.contacts, mainLcsId);

  const workerMap = new Map(workforce.workers.map((w) => [w.workerId, w]));
  const teamMap = new Map(workforce.teams.map((t) => [t.teamId, t]));

  return {
    seed,
    scale,
    asOf,
    internals: { population },
    lcs: {
      people: contract<LcsPerson>(new MapRecordSet(lcs.personIds, lcs.people)),
      socialCare: contract<LcsSocialCareRecord>(new MapRecordSet(lcs.personIds, lcs.socialCare)),
      workers: contract<LcsWorker>(new MapRecordSet([...workerMap.keys()], workerMap)),
      teams: contract<LcsTeam>(new MapRecordSet([...teamMap.keys()], teamMap)),
    },
    eyes: {
      pupils: contract<EyesPupil>(new LazyRecordSet(eyes.pupilIds, eyes.pupil)),
      records: contract<EyesEducationRecord>(
        new LazyRecordSet(eyes.pupilIds, eyes.record, EDUCATION_RECORD_CACHE),
      ),
      settings: contract<EyesSetting>(new MapRecordSet(eyes.settingIds, eyes.settings)),
    },
    lift: {
      clients: contract<LiftClient>(new MapRecordSet(lift.clientRefs, lift.clients)),
      agreements: contract<LiftAgreement>(new MapRecordSet(lift.agreementIds, lift.agreements)),
      payments: contract<LiftPayment>(new MapRecordSet(lift.paymentIds, lift.payments)),
      budgetLines: contract<LiftBudgetLine>(new MapRecordSet(lift.budgetLineIds, lift.budgetLines)),
      sendCosts: contract<LiftSendCost>(new MapRecordSet(lift.sendCostIds, lift.sendCosts)),
    },
    frontdoor: {
      contacts: contract<FrontDoorContact>(new LazyRecordSet(frontDoor.contactIds, frontDoor.contact)),
    },
    *groundTruth(): Iterable<GroundTruthChild> {
      for (let child = 0; child < population.size; child++) {
        const pupilId = eyes.pupilIdOfChild(child);
        yield {
          child: truthId(child),
          lcs: [...(lcs.personIdsByChild.get(child) ?? [])],
          eyes: pupilId === null ? [] : [pupilId],
          lift: [...(lift.clientRefsByChild.get(child) ?? [])],
          frontdoor: frontDoor.contactIdsOfChild(child),
          adoptionPair:
            population.adoptionPair[child]! >= 0 ? truthId(population.adoptionPair[child]!) : null,
        };
      }
      for (const [k, personId] of youngAdults.entries()) {
        yield {
          child: truthId(population.size + k),
          lcs: [personId],
          eyes: [],
          lift: [],
          frontdoor: [],
          adoptionPair: null,
          careLeaver: true,
        };
      }
    },
    *recordFlaws(): Iterable<FlawedRecord> {
      for (let child = 0; child < population.size; child++) {
        const id = truthId(child);
        for (const personId of lcs.personIdsByChild.get(child) ?? []) {
          const flaws = lcs.flaws.get(personId);
          if (flaws) yield { child: id, system: 'lcs', id: personId, flaws };
        }
        const pupilId = eyes.pupilIdOfChild(child);
        if (pupilId !== null) {
          const { flaws } = recordedIn(seed, 'eyes', child, trueIdentity(seed, population, child));
          if (flaws.length > 0) yield { child: id, system: 'eyes', id: pupilId, flaws };
        }
        for (const clientRef of lift.clientRefsByChild.get(child) ?? []) {
          const flaws = lift.flaws.get(clientRef);
          if (flaws) yield { child: id, system: 'lift', id: clientRef, flaws };
        }
        for (const contactId of frontDoor.contactIdsOfChild(child)) {
          const flaws = frontDoor.flawsOf(contactId);
          if (flaws.length > 0) yield { child: id, system: 'frontdoor', id: contactId, flaws };
        }
      }
    },
  };
}

/** Headline counts of a county, as the CLI prints them and tests check them against SCALE_TARGETS. */
export interface CountyCounts {
  children: number;
  lcsChildren: number;
  lcsPeople: number;
  eyesChildren: number;
  liftClients: number;
  frontDoorChildren: number;
  lookedAfter: number;
  onCpPlan: number;
  activeEhcps: number;
  frontDoorContacts: number;
  workers: number;
  teams: number;
  lcsPeopleRestricted: number;
  unborn: number;
  /** Young adults who left the county's care (LCS people past the children). */
  careLeavers: number;
}

/**
 * Counts read from the records themselves (open CLA episodes and CP plans on asOf; EHC plans read
 * from every education record), not from the generator's intentions.
 */
export function countCounty(county: County): CountyCounts {
  const counts: CountyCounts = {
    children: 0,
    lcsChildren: 0,
    lcsPeople: county.lcs.people.size,
    eyesChildren: 0,
    liftClients: county.lift.clients.size,
    frontDoorChildren: 0,
    lookedAfter: 0,
    onCpPlan: 0,
    activeEhcps: 0,
    frontDoorContacts: county.frontdoor.contacts.size,
    workers: county.lcs.workers.size,
    teams: county.lcs.teams.size,
    lcsPeopleRestricted: 0,
    unborn: 0,
    careLeavers: 0,
  };
  for (const truth of county.groundTruth()) {
    if (truth.careLeaver) {
      counts.careLeavers++;
      continue;
    }
    counts.children++;
    if (truth.lcs.length > 0) counts.lcsChildren++;
    if (truth.eyes.length > 0) counts.eyesChildren++;
    if (truth.frontdoor.length > 0) counts.frontDoorChildren++;
  }
  const asOf = county.asOf;
  for (const id of county.lcs.people.ids()) {
    const person = county.lcs.people.get(id) as unknown as {
      restriction: unknown;
      dateOfBirth: string | null;
    };
    if (person.restriction) counts.lcsPeopleRestricted++;
    if (person.dateOfBirth === null) counts.unborn++;
    const record = county.lcs.socialCare.get(id) as unknown as {
      claEpisodes: { startDate: string; ceasedDate: string | null }[];
      cpPlans: { startDate: string; endDate: string | null }[];
    };
    if (record.claEpisodes.some((e) => e.startDate <= asOf && (e.ceasedDate === null || e.ceasedDate > asOf)))
      counts.lookedAfter++;
    if (record.cpPlans.some((p) => p.startDate <= asOf && (p.endDate === null || p.endDate > asOf)))
      counts.onCpPlan++;
  }
  for (const id of county.eyes.records.ids()) {
    const record = county.eyes.records.get(id) as unknown as {
      ehcpRequests: { plan: { startDate: string; ceasedDate: string | null } | null }[];
    };
    if (record.ehcpRequests.some((r) => r.plan && r.plan.startDate <= asOf && r.plan.ceasedDate === null))
      counts.activeEhcps++;
  }
  return counts;
}

/** Re-exported for tests that need to reason about the core. */
export { CareStatus, Flag };
