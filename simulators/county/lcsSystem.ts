/**
 * LCS, built eagerly (tens of thousands of people fit comfortably in memory): one person record per
 * child (a second one for ~1% of children, entered again by mistake), each with a whole social care
 * record, workers and teams. Open cases are allocated to workers before journeys are written.
 */
import { Rng } from './prng.ts';
import { ageOn, fromIso, toIso, toIsoDateTime } from './dates.ts';
import { ETHNICITY_CODES, RESTRICTION_REASONS } from './codes.ts';
import {
  addressHistory,
  recordedIn,
  recordNhsNumber,
  type RecordFlaw,
  toContractAddress,
  transposeDayMonth,
  trueIdentity,
  typo,
} from './identity.ts';
import { CareStatus, Flag, SenStatus, type Population } from './population.ts';
import { allocateCases, type Workforce } from './workforce.ts';
import { JourneyWriter, LcsIdSequence, emptySocialCare, type RecordedContact } from './socialCare.ts';
import type { LcsPersonRecord, LcsPlacementRecord, LcsSocialCareRecordShape } from './records.ts';

export interface LcsContactForFrontDoor extends RecordedContact {
  child: number;
  personId: string;
}

export interface LcsPlacementForFinance {
  child: number;
  personId: string;
  placement: LcsPlacementRecord;
  /** Team holding the child's care when the placement was made. */
  teamId: string | null;
}

export interface LcsSystem {
  /** Person ids in ascending order. */
  personIds: string[];
  people: Map<string, LcsPersonRecord>;
  socialCare: Map<string, LcsSocialCareRecordShape>;
  /** Child index -> person ids (the main record first, then any duplicate). */
  personIdsByChild: Map<number, string[]>;
  contacts: LcsContactForFrontDoor[];
  placements: LcsPlacementForFinance[];
  /** Person id -> how its identity departs from the child's (only records with a flaw). */
  flaws: Map<string, RecordFlaw[]>;
  /** The county's LCS record id sequence, for records added after the children's journeys. */
  ids: LcsIdSequence;
}

const NATIONALITIES = [
  'British',
  'British',
  'British',
  'Irish',
  'Polish',
  'Romanian',
  'Indian',
  'Pakistani',
  'Nigerian',
  'Afghan',
  'Eritrean',
  'Syrian',
] as const;

const OTHER_RESTRICTIONS = RESTRICTION_REASONS.filter((r) => r !== 'ADOPTION');

const RESTRICTION_ACCESS: Record<string, string[]> = {
  ADOPTION: ['ADMIN'],
  PROTECTED_IDENTITY: ['ADMIN', 'TEAM_MANAGER'],
  STAFF: ['ADMIN'],
  STAFF_RELATIVE: ['ADMIN', 'TEAM_MANAGER'],
  HIGH_RISK: ['TEAM_MANAGER'],
};

/** The last day anything was recorded in a social care record (for updatedAt); records untouched for long settle two years back. */
function updatedDay(record: LcsSocialCareRecordShape, asOf: number): number {
  const limit = toIso(asOf);
  let latest = '';
  for (const list of Object.values(record)) {
    if (!Array.isArray(list)) continue;
    for (const item of list as Record<string, unknown>[]) {
      for (const value of Object.values(item)) {
        if (
          typeof value === 'string' &&
          value.length === 10 &&
          value[4] === '-' &&
          value > latest &&
          value <= limit
        )
          latest = value;
      }
    }
  }
  return latest ? Math.max(fromIso(latest), asOf - 700) : asOf - 700;
}

export function buildLcs(
  seed: string,
  pop: Population,
  workforce: Workforce,
  upnOf: (child: number) => string | null,
): LcsSystem {
  const rng = new Rng(seed, 'lcs');
  const asOf = pop.asOf;

  // Open cases to workers: looked-after children first (Children in Care teams sort first), then CP, then CIN.
  const byStatus = (s: number) => Array.from(pop.lcsChildren).filter((i) => pop.careStatus[i] === s);
  const socialWorkCases = [
    ...byStatus(CareStatus.CLA),
    ...byStatus(CareStatus.CP),
    ...byStatus(CareStatus.CIN),
  ];
  const allocation = new Map([
    ...allocateCases(socialWorkCases, workforce.socialWorkers, rng),
    ...allocateCases(byStatus(CareStatus.EARLY_HELP), workforce.earlyHelpWorkers, rng),
  ]);

  // Person ids: numeric, increasing in an order unrelated to the child index, never reused.
  const records: { child: number; duplicate: boolean }[] = [];
  for (const i of pop.lcsChildren) {
    records.push({ child: i, duplicate: false });
    if ((pop.flags[i] as number) & Flag.LCS_DUPLICATE) records.push({ child: i, duplicate: true });
  }
  rng.shuffle(records);
  const personIdOf = new Map<string, string>();
  records.forEach((r, n) =>
    personIdOf.set(`${r.child}:${r.duplicate}`, String(1_000_000 + n * 3 + rng.int(0, 2))),
  );

  const ids = new LcsIdSequence();
  const people = new Map<string, LcsPersonRecord>();
  const socialCare = new Map<string, LcsSocialCareRecordShape>();
  const personIdsByChild = new Map<number, string[]>();
  const contacts: LcsContactForFrontDoor[] = [];
  const placements: LcsPlacementForFinance[] = [];
  const flaws = new Map<string, RecordFlaw[]>();
  let otherRestrictions = 0;

  for (const i of pop.lcsChildren) {
    const flags = pop.flags[i] as number;
    const childRng = new Rng(seed, 'lcs-child', i);
    const identity = trueIdentity(seed, pop, i);
    const history = addressHistory(seed, pop, i);
    const current = history[history.length - 1]!;
    const unborn = (flags & Flag.UNBORN) !== 0;
    const personId = personIdOf.get(`${i}:false`)!;
    const allocated = allocation.get(i) ?? null;

    const writer = new JourneyWriter(
      {
        personId,
        status: pop.careStatus[i] as CareStatus,
        dob: identity.dob,
        unborn,
        asOf,
        allocatedWorker: allocated,
        homePostcode: current.postcode,
      },
      ids,
      childRng,
      workforce,
    );
    const record = writer.write();

    const recorded = recordedIn(seed, 'lcs', i, identity);
    if (recorded.flaws.length > 0 && !unborn) flaws.set(personId, recorded.flaws);
    const aliases: string[] = [];
    if (identity.formerSurname) aliases.push(identity.formerSurname);
    if (identity.nickname && recorded.forename !== identity.nickname && childRng.chance(0.5))
      aliases.push(identity.nickname);
    const upn = upnOf(i);
    const age = ageOn(identity.dob, asOf);
    let restriction: LcsPersonRecord['restriction'] = null;
    if (flags & Flag.RESTRICTED) {
      // Other restrictions take each reason in turn, so even a small county has every kind.
      const reason =
        flags & Flag.POST_ADOPTION
          ? 'ADOPTION'
          : OTHER_RESTRICTIONS[otherRestrictions++ % OTHER_RESTRICTIONS.length]!;
      const owner = allocated ?? childRng.pick(workforce.socialWorkers);
      restriction = {
        reason,
        allowedRoles: RESTRICTION_ACCESS[reason]!,
        allowedUsers: [workforce.workers[owner]!.workerId],
      };
    }
    const person: LcsPersonRecord = {
      personId,
      legacyId: childRng.chance(0.15) && age > 6 ? `CF${String(childRng.int(100000, 999999))}` : null,
      forename: unborn ? 'Unborn' : recorded.forename,
      surname: recorded.surname,
      aliases,
      sex: unborn ? 'U' : identity.sex,
      gender:
        !unborn && age >= 12 && childRng.chance(0.2) ? (identity.sex === 'F' ? 'Female' : 'Male') : null,
      ethnicity: unborn || childRng.chance(0.08) ? 'NOBT' : ETHNICITY_CODES[pop.ethnicity[i] as number]!,
      dateOfBirth: unborn ? null : toIso(recorded.dob),
      expectedDateOfBirth: unborn ? toIso(identity.dob) : null,
      deathDate: null,
      nhsNumber: unborn
        ? null
        : recordNhsNumber(identity, lcsNhsNumberRate(pop.careStatus[i] as CareStatus), childRng),
      upn: upn && childRng.chance(0.35) ? upn : null,
      upnUnknownReason: null,
      sendFlag:
        pop.senStatus[i] === SenStatus.EHCP_ACTIVE ||
        (pop.senStatus[i] === SenStatus.SEN_SUPPORT && childRng.chance(0.7)),
      nationality: childRng.chance(0.1) ? null : childRng.pick(NATIONALITIES),
      addresses: history.map((spell) => toContractAddress(spell, toIso)),
      restriction,
      adoptionIdentity: flags & Flag.POST_ADOPTION ? 'ADOPTIVE' : flags & Flag.ADOPTED ? 'BIRTH' : null,
      updatedAt: toIsoDateTime(updatedDay(record, asOf), childRng.int(480, 1080)),
    };
    people.set(personId, person);
    socialCare.set(personId, record);
    const childIds = [personId];

    for (const c of writer.contacts) contacts.push({ ...c, child: i, personId });
    const careTeam = record.involvements.find((inv) => inv.caseStatus === 'CLA')?.teamId ?? null;
    for (const placement of record.placements)
      placements.push({ child: i, personId, placement, teamId: careTeam });

    if (flags & Flag.LCS_DUPLICATE) {
      // Entered again at a later contact, when the first record was not found: slightly different details.
      const dupId = personIdOf.get(`${i}:true`)!;
      const dupRng = new Rng(seed, 'lcs-duplicate', i);
      const variant = dupRng.int(0, 2);
      let dupForename =
        variant === 0 ? typo(person.forename, dupRng) : (identity.nickname ?? person.forename);
      const dupSurname = variant === 1 ? typo(person.surname, dupRng) : person.surname;
      const dupDob =
        person.dateOfBirth && variant === 2 ? toIso(transposeDayMonth(recorded.dob)) : person.dateOfBirth;
      // Always at least one difference: that is why the duplicate was not found.
      if (dupForename === person.forename && dupSurname === person.surname && dupDob === person.dateOfBirth) {
        dupForename = typo(person.forename, dupRng);
      }
      const dupFlaws: RecordFlaw[] = ['DUPLICATE'];
      if (dupForename !== person.forename)
        dupFlaws.push(dupForename === identity.nickname ? 'NICKNAME' : 'TYPO');
      if (dupSurname !== person.surname) dupFlaws.push('TYPO');
      if (dupDob !== person.dateOfBirth) dupFlaws.push('DOB_TRANSPOSED');
      flaws.set(dupId, [...new Set(dupFlaws)]);
      const contactDay = asOf - dupRng.int(5, 1500);
      const dupContact = {
        contactId: ids.next('CT'),
        personId: dupId,
        contactDate: toIso(contactDay),
        sourceCode: dupRng.pick(['2A', '3A', '6', '8']),
        outcome: dupRng.pick(['NFA', 'ADVICE']),
      };
      people.set(dupId, {
        ...person,
        personId: dupId,
        legacyId: null,
        forename: dupForename,
        surname: dupSurname,
        aliases: [],
        dateOfBirth: dupDob,
        nhsNumber: null,
        upn: null,
        restriction: null,
        addresses: [toContractAddress(current, toIso)],
        updatedAt: toIsoDateTime(contactDay, dupRng.int(480, 1080)),
      });
      socialCare.set(dupId, { ...emptySocialCare(dupId), contacts: [dupContact] });
      contacts.push({
        day: contactDay,
        sourceCode: dupContact.sourceCode,
        outcome: dupContact.outcome,
        child: i,
        personId: dupId,
      });
      childIds.push(dupId);
    }
    personIdsByChild.set(i, childIds);
  }

  const personIds = [...people.keys()].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  contacts.sort((a, b) => a.day - b.day);
  return { personIds, people, socialCare, personIdsByChild, contacts, placements, flaws, ids };
}

/**
 * How often LCS holds a child's NHS number: DfE expects it for every child on a plan or looked
 * after, and real instances hold it for most of them; far fewer for contacts and early help.
 */
export function lcsNhsNumberRate(status: CareStatus): number {
  switch (status) {
    case CareStatus.CLA:
    case CareStatus.CP:
    case CareStatus.ADOPTED:
      return 0.9;
    case CareStatus.CIN:
      return 0.6;
    default:
      return 0.25;
  }
}
