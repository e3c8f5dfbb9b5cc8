/**
 * The front door (C-SPA and L-SPA), built lazily. A compact index holds each contact's child, day,
 * decision and source; the contact itself (what the caller said) is derived on demand from a PRNG
 * seeded by (seed, contact). Contacts LCS also recorded appear here on the same day with a matching
 * decision; the rest are about children other systems know, or about children only the front door knows.
 */
import { Rng } from './prng.ts';
import { addMonths, toIso, toIsoDateTime, weekdayOf } from './dates.ts';
import {
  FRONT_DOOR_DECISIONS,
  FRONT_DOOR_REASONS,
  REFERRAL_SOURCE,
  ROUTED_TO,
  type FrontDoorDecision,
} from './codes.ts';
import {
  addressHistory,
  addressOn,
  recordedIn,
  recordNhsNumber,
  trueIdentity,
  type RecordFlaw,
} from './identity.ts';
import { Flag, SenStatus, type Population } from './population.ts';
import type { LcsContactForFrontDoor } from './lcsSystem.ts';
import type { FrontDoorContactRecord } from './records.ts';
import { contactMonthShare, FRONT_DOOR_MONTHS, type ScaleTargets } from './scales.ts';

export interface FrontDoorSystem {
  contactIds: string[];
  contact(contactId: string): FrontDoorContactRecord | undefined;
  /** Child index -> contact ids, for the ground truth. */
  contactIdsOfChild(child: number): string[];
  /** How the contact's subject departs from the child's real identity, for the ground truth. */
  flawsOf(contactId: string): RecordFlaw[];
}

const SOURCE_CODES = REFERRAL_SOURCE.map(([code]) => code);
const UNDECIDED = 255;
/** When the two routes began merging: most contacts go through C-SPA after this. */
const MERGE_MONTHS_BEFORE_AS_OF = 12;

const DECISION_FROM_LCS: Record<string, FrontDoorDecision> = {
  NEW_REFERRAL: 'SOCIAL_CARE_REFERRAL',
  EXISTING_REFERRAL: 'SOCIAL_CARE_REFERRAL',
  CP_ENQUIRY: 'SOCIAL_CARE_REFERRAL',
  EARLY_HELP: 'EARLY_HELP',
  NFA: 'NFA',
  ADVICE: 'ADVICE',
};

export function buildFrontDoor(
  seed: string,
  pop: Population,
  targets: ScaleTargets,
  lcsContacts: readonly LcsContactForFrontDoor[],
  lcsPersonIdOf: (child: number) => string | null,
): FrontDoorSystem {
  const asOf = pop.asOf;
  const rng = new Rng(seed, 'frontdoor');
  const windowStart = addMonths(asOf, -FRONT_DOOR_MONTHS) + 1;
  const mergeDay = addMonths(asOf, -MERGE_MONTHS_BEFORE_AS_OF);

  const child: number[] = [];
  const day: number[] = [];
  const decision: number[] = [];
  const source: number[] = [];
  const push = (c: number, d: number, dec: FrontDoorDecision, src: string) => {
    child.push(c);
    day.push(d);
    decision.push(FRONT_DOOR_DECISIONS.indexOf(dec));
    source.push(SOURCE_CODES.indexOf(src));
  };
  /**
   * A contact day: volumes rise over the window by 40% (about 3.5k a month three years ago, 4.8k
   * now, at county scale), follow the school year (a March surge, quiet August and Christmas) and
   * fall mostly on weekdays.
   */
  const contactDay = () => {
    for (;;) {
      // Inverse of the CDF of a density rising linearly from 1 to 1.4 across the window.
      const t = (-1 + Math.sqrt(1 + 0.96 * rng.next())) / 0.4;
      const d = windowStart + Math.floor(t * (asOf - windowStart + 1));
      if (!rng.chance(contactMonthShare(d))) continue;
      const weekday = weekdayOf(d);
      if ((weekday === 0 || weekday === 6) && !rng.chance(0.15)) continue;
      return Math.min(asOf, Math.max(windowStart, d));
    }
  };

  // 1. Contacts LCS recorded in the window.
  for (const c of lcsContacts) {
    if (c.day < windowStart || c.day > asOf) continue;
    push(c.child, c.day, DECISION_FROM_LCS[c.outcome] ?? 'NFA', c.sourceCode);
  }
  // 2. Half the contacts are about children only the front door knows: one each, then repeats.
  const unknownContacts = Math.round(targets.frontDoorContacts / 2);
  const only = pop.frontDoorOnlyChildren;
  const quiet = (): FrontDoorDecision =>
    rng.weighted([
      ['ADVICE', 45],
      ['NFA', 35],
      ['SEND_SUPPORT', 10],
      ['EARLY_HELP', 10],
    ] as const);
  for (let n = 0; n < unknownContacts; n++) {
    const c = n < only.length ? only[n]! : only[rng.int(0, only.length - 1)]!;
    push(c, contactDay(), quiet(), rng.weighted(REFERRAL_SOURCE));
  }
  // 3. The rest concern children EYES or LCS know, handled without a social care referral.
  const known = Math.max(0, targets.frontDoorContacts - child.length);
  for (let n = 0; n < known; n++) {
    const c = pop.eyesChildren[rng.int(0, pop.eyesChildren.length - 1)]!;
    const send = pop.senStatus[c] !== SenStatus.NONE && rng.chance(0.5);
    push(c, contactDay(), send ? 'SEND_SUPPORT' : quiet(), rng.weighted(REFERRAL_SOURCE));
  }

  // Contact ids in date order, as the front door numbers them.
  const order = Array.from({ length: child.length }, (_, k) => k);
  order.sort((a, b) => day[a]! - day[b]! || a - b);
  const count = order.length;
  const cChild = new Int32Array(count);
  const cDay = new Int32Array(count);
  const cDecision = new Uint8Array(count);
  const cSource = new Uint8Array(count);
  const contactIds: string[] = [];
  order.forEach((k, n) => {
    cChild[n] = child[k]!;
    cDay[n] = day[k]!;
    // Contacts of the last working day are still being triaged.
    cDecision[n] = day[k]! >= asOf - 1 && rng.chance(0.6) ? UNDECIDED : decision[k]!;
    cSource[n] = source[k]!;
    contactIds.push(`FD${String(n + 1).padStart(7, '0')}`);
  });

  // Contacts per child (CSR layout: offsets into one flat array).
  const perChild = new Int32Array(pop.size + 1);
  for (let n = 0; n < count; n++) perChild[cChild[n]! + 1]!++;
  for (let i = 0; i < pop.size; i++) perChild[i + 1]! += perChild[i]!;
  const flat = new Int32Array(count);
  const fill = perChild.slice(0, pop.size);
  for (let n = 0; n < count; n++) flat[fill[cChild[n]!]!++] = n;

  const contact = (contactId: string): FrontDoorContactRecord | undefined => {
    if (!/^FD\d{7}$/.test(contactId)) return undefined;
    const n = Number(contactId.slice(2)) - 1;
    if (n < 0 || n >= count) return undefined;
    const c = cChild[n]!;
    const d = cDay[n]!;
    const r = new Rng(seed, 'frontdoor-contact', n);
    const flags = pop.flags[c]!;
    const identity = trueIdentity(seed, pop, c);
    const said = recordedIn(seed, 'frontdoor', n, identity);
    const knownToCare = (flags & Flag.LCS) !== 0;
    const dec = cDecision[n] === UNDECIDED ? null : FRONT_DOOR_DECISIONS[cDecision[n]!]!;
    const minutes = r.int(7 * 60, 19 * 60);
    const receivedAt = toIsoDateTime(d, minutes);
    const decidedAt =
      dec === null
        ? null
        : toIsoDateTime(d, minutes + r.int(30, dec === 'SOCIAL_CARE_REFERRAL' ? 1440 : 2880));
    const postcode = addressOn(addressHistory(seed, pop, c), d).postcode;
    const lcsId = knownToCare && r.chance(0.15) ? lcsPersonIdOf(c) : null;
    const rag =
      dec === null
        ? null
        : dec === 'SOCIAL_CARE_REFERRAL'
          ? r.chance(0.5)
            ? 'RED'
            : 'AMBER'
          : dec === 'EARLY_HELP'
            ? r.chance(0.4)
              ? 'AMBER'
              : 'GREEN'
            : r.chance(0.9)
              ? 'GREEN'
              : 'AMBER';
    const routes = dec === null ? [] : ROUTED_TO[dec];
    return {
      contactId,
      route: d >= mergeDay ? (r.chance(0.9) ? 'C-SPA' : 'L-SPA') : r.chance(0.6) ? 'C-SPA' : 'L-SPA',
      receivedAt,
      contactDate: toIso(d),
      sourceCode: SOURCE_CODES[cSource[n]!]!,
      reason: dec === 'SEND_SUPPORT' ? r.pick(FRONT_DOOR_REASONS.slice(8, 10)) : r.pick(FRONT_DOOR_REASONS),
      subject: {
        forename: said.forename,
        surname: said.surname,
        dateOfBirth: identity.dob > d || r.chance(0.06) ? null : toIso(said.dob),
        postcode: r.chance(0.88) ? postcode : null,
        sex: r.chance(0.6) ? identity.sex : null,
        nhsNumber: recordNhsNumber(identity, knownToCare ? 0.12 : 0.05, r),
        lcsPersonId: lcsId,
      },
      rag,
      decision: dec,
      decidedAt,
      routedTo: routes.length > 0 ? r.pick(routes) : null,
      updatedAt: decidedAt ?? receivedAt,
    };
  };

  const flawsOf = (contactId: string): RecordFlaw[] => {
    const n = Number(contactId.slice(2)) - 1;
    const { flaws } = recordedIn(seed, 'frontdoor', n, trueIdentity(seed, pop, cChild[n]!));
    // A caller who gave no date of birth cannot have given it transposed.
    if (flaws.includes('DOB_TRANSPOSED') && contact(contactId)?.subject.dateOfBirth === null)
      return flaws.filter((flaw) => flaw !== 'DOB_TRANSPOSED');
    return flaws;
  };

  return {
    contactIds,
    contact,
    flawsOf,
    contactIdsOfChild: (c) =>
      Array.from(flat.subarray(perChild[c]!, perChild[c + 1]!), (n) => contactIds[n]!),
  };
}
