/**
 * Unaccompanied asylum-seeking children (UASC): about one looked-after child in fourteen, nearly
 * all boys who arrived at 15 to 17, straight into care under section 20 with no history with the
 * county before. Some had their claimed age assessed. Care leavers who were UASC are written with
 * their status by careLeavers.ts.
 */
import { Rng } from './prng.ts';
import { fromIso, toIso, toIsoDateTime } from './dates.ts';
import { birthdayOn } from './birthdays.ts';
import { AGE_ASSESSMENT_MIX_IN_CARE, UASC_NATIONALITIES } from './careLeaverCodes.ts';
import { CareStatus } from './population.ts';
import { JourneyWriter } from './socialCare.ts';
import type { LcsSystem } from './lcsSystem.ts';
import type { LcsUascRecord } from './records.ts';
import type { ScaleTargets } from './scales.ts';
import type { Workforce } from './workforce.ts';

/** UASC per looked-after child (England: about 7,000 of 83,000; higher in the south-east). */
const UASC_SHARE_OF_LOOKED_AFTER = 0.07;
/**
 * Each UASC drawn is a girl with this chance (England 2022: 95% boys). Drawn per place rather than
 * by thinning the girls among the candidates, so the share holds however few teenage boys are in care.
 */
const GIRL_SHARE = 0.05;
/** Share of UASC whose claimed age was assessed. */
const AGE_ASSESSED = 0.4;

/**
 * A UASC status for a young person first known to the county on `firstContact` (the arrival, or a
 * few days after it). `inCare`: still looked after
 * on asOf (an assessment may be in progress); otherwise a former UASC whose status ceased at 18.
 */
export function uascStatus(
  rng: Rng,
  personId: string,
  dob: number,
  firstContact: number,
  asOf: number,
  inCare: boolean,
): LcsUascRecord {
  const arrival = firstContact - rng.int(0, 5);
  const eighteenth = birthdayOn(dob, 18);
  let assessment: LcsUascRecord['ageAssessment'] = null;
  let claimed = dob;
  if (rng.chance(AGE_ASSESSED)) {
    const requested = arrival + rng.int(3, 40);
    const completed = requested + rng.int(30, 150);
    const done = completed <= asOf && (inCare || completed < eighteenth);
    const outcome = done ? rng.weighted(AGE_ASSESSMENT_MIX_IN_CARE) : null;
    // The recorded date of birth is the assessed one; the claim differs when the assessment did.
    if (outcome === 'ASSESSED_OLDER_UNDER_18') claimed = dob + rng.int(180, 720);
    if (outcome === 'ASSESSED_YOUNGER') claimed = dob - rng.int(90, 365);
    assessment = {
      requestedDate: toIso(Math.min(requested, asOf)),
      completedDate: done ? toIso(completed) : null,
      outcome,
    };
  }
  const ceased = !inCare && eighteenth <= asOf ? eighteenth : null;
  const touched = Math.min(
    asOf,
    Math.max(arrival, assessment?.completedDate ? fromIso(assessment.completedDate) : arrival, ceased ?? 0),
  );
  return {
    personId,
    arrivalDate: toIso(arrival),
    claimedDateOfBirth: toIso(claimed),
    uascCeasedDate: ceased === null ? null : toIso(ceased),
    ageAssessment: assessment,
    updatedAt: toIsoDateTime(touched, rng.int(480, 1080)),
  };
}

/**
 * Makes some looked-after teenagers unaccompanied arrivals: a boy (one in twenty a girl) of 15 to 17 who
 * arrived in the last 13 months and came straight into care under section 20. Their LCS journey is
 * rewritten from the arrival (nothing known before it), with the same allocated worker, and the
 * placements and contacts the other systems are built from follow the rewritten record.
 */
export function markUascChildren(
  seed: string,
  asOf: number,
  targets: ScaleTargets,
  workforce: Workforce,
  lcs: LcsSystem,
): void {
  const rng = new Rng(seed, 'uasc');
  const workerIndex = new Map(workforce.workers.map((w, index) => [w.workerId, index]));
  const boys: { child: number; personId: string }[] = [];
  const girls: { child: number; personId: string }[] = [];
  for (const [child, personIds] of lcs.personIdsByChild) {
    const personId = personIds[0]!;
    const person = lcs.people.get(personId)!;
    const record = lcs.socialCare.get(personId)!;
    if (!person.dateOfBirth || person.restriction || person.adoptionIdentity || personIds.length > 1)
      continue;
    if (!record.claEpisodes.some((e) => e.ceasedDate === null)) continue;
    const dob = fromIso(person.dateOfBirth);
    if (asOf < birthdayOn(dob, 15) + 200 || asOf >= birthdayOn(dob, 18) - 30) continue;
    (person.sex === 'F' ? girls : boys).push({ child, personId });
  }
  const wanted = Math.max(1, Math.round(targets.lookedAfter * UASC_SHARE_OF_LOOKED_AFTER));
  rng.shuffle(boys);
  rng.shuffle(girls);
  const drawn: { child: number; personId: string }[] = [];
  while (drawn.length < wanted && (boys.length > 0 || girls.length > 0)) {
    const girl = girls.length > 0 && (boys.length === 0 || rng.chance(GIRL_SHARE));
    drawn.push((girl ? girls : boys).pop()!);
  }
  const chosen = new Set<string>();
  const contacts: LcsSystem['contacts'] = [];
  const placements: LcsSystem['placements'] = [];
  for (const { child, personId } of drawn) {
    const person = lcs.people.get(personId)!;
    const old = lcs.socialCare.get(personId)!;
    const allocated = old.involvements.find((i) => i.endDate === null);
    const childRng = new Rng(seed, 'uasc-child', personId);
    const dob = fromIso(person.dateOfBirth!);
    // Arrived at 15 or older, in the last 13 months.
    const arrival = Math.max(birthdayOn(dob, 15), asOf - childRng.int(60, 400));
    const writer = new JourneyWriter(
      {
        personId,
        status: CareStatus.CLA,
        dob,
        unborn: false,
        asOf,
        allocatedWorker: allocated ? (workerIndex.get(allocated.workerId) ?? null) : null,
        homePostcode: person.addresses[person.addresses.length - 1]?.postcode ?? 'CX1 1AA',
      },
      lcs.ids,
      childRng,
      workforce,
    );
    writer.carePeriod(arrival, null, false);
    const record = writer.record;
    // Accommodated under section 20: no parent to consent to anything else.
    for (const status of record.legalStatuses) status.code = 'V2';
    record.uasc = uascStatus(childRng, personId, dob, firstContactDay(record), asOf, true);
    lcs.socialCare.set(personId, record);
    person.nationality = childRng.pick(UASC_NATIONALITIES);
    chosen.add(personId);
    const careTeam = record.involvements.find((i) => i.caseStatus === 'CLA')?.teamId ?? null;
    for (const c of writer.contacts) contacts.push({ ...c, child, personId });
    for (const placement of record.placements)
      placements.push({ child, personId, placement, teamId: careTeam });
  }
  // What the other systems are built from follows the rewritten journeys.
  const replace = <T extends { personId: string }>(list: T[], fresh: readonly T[]) => {
    const kept = list.filter((item) => !chosen.has(item.personId));
    list.length = 0;
    list.push(...kept, ...fresh);
  };
  replace(lcs.placements, placements);
  replace(lcs.contacts, contacts);
  lcs.contacts.sort((a, b) => a.day - b.day);
}

/** The day a young person first came to the county's notice: their earliest LCS contact. */
export function firstContactDay(record: { contacts: readonly { contactDate: string }[] }): number {
  return Math.min(...record.contacts.map((c) => fromIso(c.contactDate)));
}
