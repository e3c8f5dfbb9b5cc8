/**
 * Care leavers: young people aged 17 to 25 who were looked after for at least 13 weeks after their
 * 14th birthday, some of it on or after their 16th (former relevant children). The county's
 * children are all under 18, so the young people who left its care are added here as LCS people of
 * their own, each with the care period they had, a pathway plan with a personal adviser, and the
 * SSDA903 contact around each birthday from the 17th to the 21st. Children of the core population
 * who already qualify (left care at 16 or 17) get the same care-leaver record.
 */
import { Rng } from './prng.ts';
import { addMonths, ageOn, fromIso, toIso, toIsoDateTime } from './dates.ts';
import { birthdayOn } from './birthdays.ts';
import { ETHNICITY } from './codes.ts';
import {
  ACCOMMODATION_MIX_17_18,
  ACCOMMODATION_MIX_19_21,
  ACTIVITY_MIX_17_18,
  ACTIVITY_MIX_19_21,
  IN_TOUCH_MIX,
  UASC_NATIONALITIES,
  USUALLY_UNSUITABLE_ACCOMMODATION,
} from './careLeaverCodes.ts';
import {
  FEMALE_FORENAMES,
  MALE_FORENAMES,
  POSTCODE_UNIT_LETTERS,
  STREETS,
  SURNAMES,
  TOWNS,
} from './names.ts';
import { uniqueNhsNumber } from './identifiers.ts';
import { nhsOffsetOf } from './identity.ts';
import { CareStatus } from './population.ts';
import { JourneyWriter, type LcsIdSequence } from './socialCare.ts';
import { firstContactDay, uascStatus } from './uasc.ts';
import type { Workforce } from './workforce.ts';
import type {
  LcsCareLeaverContactRecord,
  LcsCareLeaverRecord,
  LcsClaEpisodeRecord,
  LcsPersonRecord,
  LcsSocialCareRecordShape,
} from './records.ts';
import type { ScaleTargets } from './scales.ts';

/**
 * Care leavers per looked-after child, by age on asOf: a year's leavers are roughly a fifth of the
 * children in care; after 21 only those still supported (education, or by request) remain.
 */
const LEAVERS_PER_LOOKED_AFTER_CHILD: Readonly<Record<number, number>> = {
  17: 0.1,
  18: 0.19,
  19: 0.19,
  20: 0.19,
  21: 0.19,
  22: 0.07,
  23: 0.06,
  24: 0.05,
  25: 0.04,
};

/** About one care leaver in six was an unaccompanied asylum-seeking child. */
const FORMER_UASC_SHARE = 0.17;
/** Care leavers leave at 18 mostly; the rest at 16 or 17 (independent living, return home). */
const LEFT_AT_EIGHTEEN = 0.8;
/** Person ids below the children's (1,000,000 up): older people, older records. */
const FIRST_PERSON_ID = 600_000;

const QUALIFYING_DAYS_AFTER_14 = 91;

/**
 * Most care leavers stay engaged (in touch as IN_TOUCH_MIX draws, 94%); the rest are in touch
 * three times in five: 0.92 x 0.94 + 0.08 x 0.6, about the national 91% of 19- to 21-year-olds.
 */
const ENGAGED_SHARE = 0.92;
const DISENGAGED_IN_TOUCH = 0.6;

/**
 * A former relevant child on `day`: looked after for at least 13 weeks in all from the 14th
 * birthday, some of it on or after the 16th, and out of care before the day.
 */
export function qualifiesAsCareLeaver(
  dob: number,
  episodes: readonly Pick<LcsClaEpisodeRecord, 'startDate' | 'ceasedDate'>[],
  day: number,
): boolean {
  const fourteenth = birthdayOn(dob, 14);
  const sixteenth = birthdayOn(dob, 16);
  let days = 0;
  let afterSixteen = false;
  for (const e of episodes) {
    const start = fromIso(e.startDate);
    const end = e.ceasedDate === null ? null : fromIso(e.ceasedDate);
    if (start <= day && (end === null || end >= day)) return false;
    if (start > day) continue;
    const until = Math.min(end ?? day, day);
    days += Math.max(0, until - Math.max(start, fourteenth));
    if (until > sixteenth) afterSixteen = true;
  }
  return days >= QUALIFYING_DAYS_AFTER_14 && afterSixteen;
}

export interface CareLeaverInputs {
  seed: string;
  asOf: number;
  targets: ScaleTargets;
  workforce: Workforce;
  ids: LcsIdSequence;
  /** The first index past every child's, for NHS numbers no child holds. */
  nhsIndexFrom: number;
  /** The LCS built so far: people and records of the core population's children. */
  people: ReadonlyMap<string, LcsPersonRecord>;
  socialCare: ReadonlyMap<string, LcsSocialCareRecordShape>;
}

export interface CareLeavers {
  /** The added people, one per young person (none is a child of the core population). */
  personIds: string[];
  people: Map<string, LcsPersonRecord>;
  socialCare: Map<string, LcsSocialCareRecordShape>;
}

export function buildCareLeavers(inputs: CareLeaverInputs): CareLeavers {
  const { seed, asOf, targets, workforce, ids } = inputs;
  const advisers = personalAdvisers(workforce);
  const result: CareLeavers = { personIds: [], people: new Map(), socialCare: new Map() };
  const nhsOffset = nhsOffsetOf(seed);
  let n = 0;
  for (const [ageText, rate] of Object.entries(LEAVERS_PER_LOOKED_AFTER_CHILD)) {
    const age = Number(ageText);
    const count = Math.round(targets.lookedAfter * rate);
    for (let k = 0; k < count; k++, n++) {
      const personRng = new Rng(seed, 'care-leaver', n);
      const personId = String(FIRST_PERSON_ID + n * 3 + personRng.int(0, 2));
      const dob = birthdayOn(asOf, -age - 1) + 1 + personRng.int(0, 364);
      const uasc = personRng.chance(FORMER_UASC_SHARE);
      const written = writeLeaver(personRng, personId, dob, uasc, asOf, ids, workforce);
      if (written === null) continue;
      const record = written;
      if (uasc) record.uasc = uascStatus(personRng, personId, dob, firstContactDay(record), asOf, false);
      record.careLeaver = careLeaverRecord(personRng, personId, dob, record, asOf, ids, advisers);
      const nhsNumber = uniqueNhsNumber(inputs.nhsIndexFrom + n, nhsOffset);
      const person = personRecord(personRng, personId, dob, record, record.uasc != null, nhsNumber);
      result.personIds.push(personId);
      result.people.set(personId, person);
      result.socialCare.set(personId, record);
    }
  }
  // Children of the core population who left care at 16 or 17 are care leavers too.
  for (const [personId, record] of inputs.socialCare) {
    const born = inputs.people.get(personId)?.dateOfBirth;
    if (!born || record.claEpisodes.length === 0) continue;
    const dob = fromIso(born);
    if (ageOn(dob, asOf) < 17 || !qualifiesAsCareLeaver(dob, record.claEpisodes, asOf)) continue;
    record.careLeaver = careLeaverRecord(
      new Rng(seed, 'care-leaver-core', personId),
      personId,
      dob,
      record,
      asOf,
      ids,
      advisers,
    );
  }
  return result;
}

/** Personal advisers: practitioners of the Children in Care teams (never their managers). */
function personalAdvisers(workforce: Workforce): string[] {
  const teams = new Set(workforce.teams.filter((t) => t.service === 'Children in Care').map((t) => t.teamId));
  return workforce.socialWorkers
    .map((w) => workforce.workers[w]!)
    .filter((w) => teams.has(w.teamId))
    .map((w) => w.workerId);
}

/** The young person's time in care, written by the journey writer as for any child. */
function writeLeaver(
  rng: Rng,
  personId: string,
  dob: number,
  uasc: boolean,
  asOf: number,
  ids: LcsIdSequence,
  workforce: Workforce,
): LcsSocialCareRecordShape | null {
  const eighteenth = birthdayOn(dob, 18);
  const sixteenth = birthdayOn(dob, 16);
  // Someone not yet 18 on asOf left care at 16 or 17.
  const leftAtEighteen = eighteenth < asOf && rng.chance(LEFT_AT_EIGHTEEN);
  const leaves = leftAtEighteen
    ? eighteenth
    : sixteenth + rng.int(30, Math.max(31, Math.min(eighteenth, asOf) - sixteenth - 30));
  // Entered care early enough for 13 weeks after the 14th birthday, whatever the referral took.
  const latestStart = leaves - 200;
  const earliestStart = uasc ? birthdayOn(dob, 15) : birthdayOn(dob, 6);
  if (latestStart <= earliestStart || leaves >= asOf) return null;
  const start = uasc
    ? rng.int(Math.max(earliestStart, latestStart - 500), latestStart)
    : rng.chance(0.55)
      ? rng.int(Math.max(earliestStart, birthdayOn(dob, 13)), latestStart)
      : rng.int(earliestStart, latestStart);
  const writer = new JourneyWriter(
    {
      personId,
      status: CareStatus.CLOSED,
      dob,
      unborn: false,
      asOf,
      allocatedWorker: null,
      homePostcode: 'CX1 1AA',
    },
    ids,
    rng,
    workforce,
  );
  writer.carePeriod(start, leaves, false);
  const record = writer.record;
  return qualifiesAsCareLeaver(dob, record.claEpisodes, asOf) ? record : null;
}

function careLeaverRecord(
  rng: Rng,
  personId: string,
  dob: number,
  record: LcsSocialCareRecordShape,
  asOf: number,
  ids: LcsIdSequence,
  advisers: readonly string[],
): LcsCareLeaverRecord {
  const entered = Math.min(...record.claEpisodes.map((e) => fromIso(e.startDate)));
  const left = Math.max(
    ...record.claEpisodes.map((e) => (e.ceasedDate === null ? asOf : fromIso(e.ceasedDate))),
  );
  // The pathway plan is in place from the 16th birthday (or soon after coming into care later).
  const planStart = Math.min(Math.max(birthdayOn(dob, 16), entered) + rng.int(0, 40), left);
  const contacts: LcsCareLeaverContactRecord[] = [];
  // A young person's circumstances last: one draw of how engaged they are, kept across birthdays.
  // With the engaged mix and the disengaged in touch three times in five, about 91% are in touch.
  const engaged = rng.chance(ENGAGED_SHARE);
  let planEnd: number | null = null;
  for (let age = 17; age <= 21; age++) {
    const birthday = birthdayOn(dob, age);
    if (birthday <= left) continue;
    const day = birthday + rng.int(-90, 30);
    if (day > asOf) break;
    const inTouch = engaged
      ? rng.weighted(IN_TOUCH_MIX)
      : rng.chance(DISENGAGED_IN_TOUCH)
        ? 'YES'
        : rng.pick(['NO', 'REFU']);
    const known = inTouch === 'YES';
    const young = age <= 18;
    const type = rng.weighted(young ? ACCOMMODATION_MIX_17_18 : ACCOMMODATION_MIX_19_21);
    const suitable = USUALLY_UNSUITABLE_ACCOMMODATION.includes(type) ? rng.chance(0.1) : rng.chance(0.95);
    const activityMix = young ? ACTIVITY_MIX_17_18 : ACTIVITY_MIX_19_21;
    contacts.push({
      contactId: ids.next('CL'),
      age,
      contactDate: toIso(Math.max(day, left + 1)),
      inTouch: age <= 18 || inTouch !== 'RHOM' ? inTouch : 'NREQ',
      activity: known ? (engaged ? rng.weighted(activityMix) : rng.pick(['G5', 'G5', 'G4', 'F3'])) : '0',
      accommodation: known ? `${type}${suitable ? 1 : 2}` : '0',
    });
    if (inTouch === 'NREQ' && planEnd === null) planEnd = Math.max(day, left + 1);
  }
  // Reviewed at least every six months; one in ten is overdue at asOf.
  let latest: number | null = null;
  let next = addMonths(planStart, 6);
  const stop = planEnd ?? asOf;
  while (next <= stop) {
    if (planEnd === null && next > asOf - 60 && rng.chance(0.1)) break;
    latest = next - rng.int(0, 20);
    next = addMonths(latest, 6);
  }
  const lastDay = Math.max(planStart, latest ?? planStart, ...contacts.map((c) => fromIso(c.contactDate)));
  return {
    personId,
    dateOfBirth: toIso(dob),
    pathwayPlan: {
      pathwayPlanId: ids.next('PW'),
      startDate: toIso(planStart),
      latestReviewDate: latest === null ? null : toIso(latest),
      nextReviewDue: planEnd === null ? toIso(next) : null,
      endDate: planEnd === null ? null : toIso(planEnd),
      personalAdviserWorkerId: advisers.length > 0 ? rng.pick(advisers) : null,
    },
    contacts,
    updatedAt: toIsoDateTime(Math.min(lastDay, asOf), rng.int(480, 1080)),
  };
}

function personRecord(
  rng: Rng,
  personId: string,
  dob: number,
  record: LcsSocialCareRecordShape,
  uasc: boolean,
  nhsNumber: string,
): LcsPersonRecord {
  const male = uasc ? rng.chance(0.92) : rng.chance(0.56);
  const town = rng.pick(TOWNS);
  const letters = [...POSTCODE_UNIT_LETTERS];
  const from = fromIso(record.careLeaver?.pathwayPlan?.startDate ?? toIso(dob));
  const updated = record.careLeaver?.updatedAt ?? toIsoDateTime(from, 600);
  return {
    personId,
    legacyId: rng.chance(0.3) ? `CF${String(rng.int(100000, 999999))}` : null,
    forename: rng.pick(male ? MALE_FORENAMES : FEMALE_FORENAMES),
    surname: rng.pick(SURNAMES),
    aliases: [],
    sex: male ? 'M' : 'F',
    gender: null,
    ethnicity: uasc ? rng.pick(['AOTH', 'BAFR', 'OOTH', 'WOTH']) : rng.weighted(ETHNICITY),
    dateOfBirth: toIso(dob),
    expectedDateOfBirth: null,
    deathDate: null,
    // From the same bijection as the children's numbers, past every child's index: never shared.
    nhsNumber: rng.chance(0.85) ? nhsNumber : null,
    upn: null,
    upnUnknownReason: null,
    sendFlag: rng.chance(0.25),
    nationality: uasc ? rng.pick(UASC_NATIONALITIES) : rng.chance(0.9) ? 'British' : null,
    addresses: [
      {
        line1: `${rng.int(1, 180)} ${rng.pick(STREETS)}`,
        town: town.name,
        postcode: `CX${rng.pick(town.districts)} ${rng.int(1, 9)}${rng.pick(letters)}${rng.pick(letters)}`,
        from: toIso(from),
        to: null,
      },
    ],
    restriction: null,
    adoptionIdentity: null,
    updatedAt: updated,
  };
}
