/**
 * EYES, built lazily. Only what must be unique or counted is made up front: settings, pupil ids and
 * UPNs (serials per establishment and year). Each pupil and education record is derived on demand
 * from the population core and a PRNG seeded by (seed, child), so a 270,000-pupil county costs a
 * few megabytes until someone reads it.
 */
import { Rng } from './prng.ts';
import {
  academicYearLabel,
  academicYearStart,
  addWorkingDays,
  ageOn,
  dayOf,
  toIso,
  toIsoDateTime,
  yearOf,
} from './dates.ts';
import {
  EHCP_CEASED_REASONS,
  EHCP_REQUEST_SOURCES,
  ETHNICITY_CODES,
  EXCLUSION_REASONS,
  NEET_ACTIVITY_CODES,
  SEN_NEED_MIX,
  UPN_UNKNOWN_REASONS,
} from './codes.ts';
import { TOWNS, POSTCODE_UNIT_LETTERS } from './names.ts';
import { generateUln, makeTemporaryUpn, makeUpn } from './identifiers.ts';
import { addressHistory, recordedIn, recordNhsNumber, toContractAddress, trueIdentity } from './identity.ts';
import { CareStatus, Flag, SenStatus, type Population } from './population.ts';
import { addAnnualReviews } from './annualReviews.ts';
import { missingEducationOf } from './missingEducation.ts';
import type {
  EyesEducationRecordShape,
  EyesEhcpRequestRecord,
  EyesEnrolmentRecord,
  EyesPupilRecord,
  EyesSettingRecord,
} from './records.ts';

/** The county's DfE local authority code: Surrey is 936 (938 is West Sussex). */
export const LA_CODE = '936';
const OTHER_LA_CODES = ['201', '316', '830', '886', '919', '941'] as const;
const PUPIL_ID_BASE = 2_000_000;

type Phase = 'EY' | 'PRIMARY' | 'SECONDARY' | 'SPECIAL' | 'AP' | 'POST16';
const PHASE_PLAN: readonly {
  phase: Phase;
  perChildren: number;
  min: number;
  estabFrom: number;
  label: string;
}[] = [
  { phase: 'EY', perChildren: 1350, min: 2, estabFrom: 1001, label: 'Nursery' },
  { phase: 'AP', perChildren: 90000, min: 1, estabFrom: 1901, label: 'Pupil Referral Unit' },
  { phase: 'PRIMARY', perChildren: 900, min: 2, estabFrom: 2001, label: 'Primary School' },
  { phase: 'SECONDARY', perChildren: 6500, min: 1, estabFrom: 4001, label: 'Academy' },
  { phase: 'POST16', perChildren: 27000, min: 1, estabFrom: 6001, label: 'College' },
  { phase: 'SPECIAL', perChildren: 27000, min: 1, estabFrom: 7001, label: 'Special School' },
];

export interface EyesSystem {
  settingIds: string[];
  settings: Map<string, EyesSettingRecord>;
  pupilIds: string[];
  /** Child index -> pupil id. */
  pupilIdOfChild(child: number): string | null;
  upnOfChild(child: number): string | null;
  pupil(pupilId: string): EyesPupilRecord | undefined;
  record(pupilId: string): EyesEducationRecordShape | undefined;
}

/** Which settings a child attends, drawn once per child from its own PRNG. */
interface SchoolPath {
  ey: EyesSettingRecord;
  primary: EyesSettingRecord;
  secondary: EyesSettingRecord;
  special: EyesSettingRecord;
  ap: EyesSettingRecord;
  post16: EyesSettingRecord;
  /** Moved into the county with a UPN another authority issued. */
  movedIn: boolean;
}

export function buildEyes(
  seed: string,
  pop: Population,
  lcsPersonIdOf: (child: number) => string | null,
): EyesSystem {
  const asOf = pop.asOf;
  const settingRng = new Rng(seed, 'eyes-settings');
  const byPhase = new Map<Phase, EyesSettingRecord[]>();
  const settings = new Map<string, EyesSettingRecord>();
  for (const plan of PHASE_PLAN) {
    const count = Math.max(plan.min, Math.round(pop.eyesChildren.length / plan.perChildren));
    const list: EyesSettingRecord[] = [];
    for (let n = 0; n < count; n++) {
      const town = settingRng.pick(TOWNS);
      const settingId = `S${String(settings.size + 1).padStart(4, '0')}`;
      const letters = POSTCODE_UNIT_LETTERS;
      const setting: EyesSettingRecord = {
        settingId,
        urn: String(100000 + settings.size * 37 + settingRng.int(0, 36)),
        name: `${town.name} ${plan.phase === 'PRIMARY' && n % 3 === 0 ? 'St Mary’s ' : ''}${plan.label}${count > TOWNS.length ? ` ${Math.floor(n / TOWNS.length) + 1}` : ''}`.replace(
          /\s+/g,
          ' ',
        ),
        phase: plan.phase,
        laCode: LA_CODE,
        establishmentNumber: String(plan.estabFrom + n),
        postcode: `CX${settingRng.pick(town.districts)} ${settingRng.int(1, 9)}${settingRng.pick([...letters])}${settingRng.pick([...letters])}`,
      };
      list.push(setting);
      settings.set(settingId, setting);
    }
    byPhase.set(plan.phase, list);
  }
  const settingIds = [...settings.keys()];

  const schoolPath = (child: number): SchoolPath => {
    const rng = new Rng(seed, 'school-path', child);
    const pick = (phase: Phase) => rng.pick(byPhase.get(phase)!);
    return {
      ey: pick('EY'),
      primary: pick('PRIMARY'),
      secondary: pick('SECONDARY'),
      special: pick('SPECIAL'),
      ap: pick('AP'),
      post16: pick('POST16'),
      movedIn: rng.chance(0.12),
    };
  };
  /** 1 September of the academic year the child starts reception (aged 4 on that day). */
  const receptionStart = (dob: number) => {
    let sept = dayOf(yearOf(dob) + 4, 9, 1);
    if (ageOn(dob, sept) < 4) sept = dayOf(yearOf(dob) + 5, 9, 1);
    return sept;
  };

  // Pupil ids and UPNs, allocated once: UPN serials are unique per (LA, establishment, year).
  const eyesCount = pop.eyesChildren.length;
  // Pupil ids in an order of their own, unrelated to the ground truth's.
  const slotChild = Int32Array.from(new Rng(seed, 'eyes-order').shuffle(Array.from(pop.eyesChildren)));
  const slotOfChild = new Map<number, number>();
  const upns: (string | null)[] = new Array<string | null>(eyesCount).fill(null);
  const upnReasons: (string | null)[] = new Array<string | null>(eyesCount).fill(null);
  const serials = new Map<string, number>();
  const pupilIds: string[] = [];
  for (let k = 0; k < eyesCount; k++) {
    const child = slotChild[k]!;
    slotOfChild.set(child, k);
    pupilIds.push(`P${PUPIL_ID_BASE + k}`);
    const rng = new Rng(seed, 'upn', child);
    const dob = pop.dob[child]!;
    const age = ageOn(dob, asOf);
    const path = schoolPath(child);
    const reception = receptionStart(dob);
    let issuer: { la: string; estab: string; day: number } | null = null;
    if (reception <= asOf) {
      issuer = path.movedIn
        ? { la: rng.pick(OTHER_LA_CODES), estab: String(rng.int(2000, 2999)), day: reception }
        : { la: LA_CODE, estab: path.primary.establishmentNumber, day: reception };
    } else if ((age >= 3 && rng.chance(0.6)) || (age === 2 && rng.chance(0.3)) || rng.chance(0.05)) {
      issuer = { la: LA_CODE, estab: path.ey.establishmentNumber, day: Math.min(asOf, dob + 800) };
    }
    if (issuer === null || (reception <= asOf && rng.chance(0.004))) {
      upnReasons[k] = age < 6 ? 'UN1' : rng.pick(UPN_UNKNOWN_REASONS.slice(1));
      continue;
    }
    const key = `${issuer.la}${issuer.estab}${yearOf(issuer.day) % 100}`;
    const serial = serials.get(key) ?? 0;
    serials.set(key, serial + 1);
    if (serial > 999) throw new Error('UPN serials exhausted for one establishment and year');
    upns[k] = rng.chance(0.006)
      ? makeTemporaryUpn(issuer.la, issuer.estab, yearOf(issuer.day), serial, rng.int(0, 22))
      : makeUpn(issuer.la, issuer.estab, yearOf(issuer.day), serial);
  }

  const slotOf = (pupilId: string): number | null => {
    if (!/^P\d{7}$/.test(pupilId)) return null;
    const k = Number(pupilId.slice(1)) - PUPIL_ID_BASE;
    return k >= 0 && k < eyesCount ? k : null;
  };

  const pupil = (pupilId: string): EyesPupilRecord | undefined => {
    const k = slotOf(pupilId);
    if (k === null) return undefined;
    const child = slotChild[k]!;
    const rng = new Rng(seed, 'eyes-pupil', child);
    const identity = trueIdentity(seed, pop, child);
    const recorded = recordedIn(seed, 'eyes', child, identity);
    const flags = pop.flags[child]!;
    const age = ageOn(identity.dob, asOf);
    const history = addressHistory(seed, pop, child);
    const lcsId =
      flags & Flag.LCS && !(flags & Flag.POST_ADOPTION) && rng.chance(0.3) ? lcsPersonIdOf(child) : null;
    return {
      pupilId,
      upn: upns[k]!,
      upnUnknownReason: upnReasons[k]!,
      uln: age >= 14 && rng.chance(0.9) ? generateUln(new Rng(seed, 'uln', child)) : null,
      nhsNumber: recordNhsNumber(identity, 0.08, rng),
      lcsPersonId: lcsId,
      forename: recorded.forename,
      surname: recorded.surname,
      // After a change of name, EYES may hold the legal (former) surname, with the new one as preferred.
      preferredSurname: recorded.formerSurname ? identity.surname : null,
      dateOfBirth: toIso(recorded.dob),
      sex: identity.sex,
      ethnicity: ETHNICITY_CODES[pop.ethnicity[child]!]!,
      addresses: (rng.chance(0.5) ? history : history.slice(-1)).map((spell) =>
        toContractAddress(spell, toIso),
      ),
      updatedAt: toIsoDateTime(asOf - rng.int(0, 200), rng.int(420, 1100)),
    };
  };

  const record = (pupilId: string): EyesEducationRecordShape | undefined => {
    const k = slotOf(pupilId);
    if (k === null) return undefined;
    const child = slotChild[k]!;
    const out = educationRecord(
      seed,
      pop,
      child,
      pupilId,
      schoolPath(child),
      receptionStart(pop.dob[child]!),
    );
    addAnnualReviews(seed, child, out.ehcpRequests, asOf);
    out.missingEducation = missingEducationOf(seed, pop, child, pupilId);
    return out;
  };

  return {
    settingIds,
    settings,
    pupilIds,
    pupilIdOfChild: (child) => {
      const k = slotOfChild.get(child);
      return k === undefined ? null : pupilIds[k]!;
    },
    upnOfChild: (child) => {
      const k = slotOfChild.get(child);
      return k === undefined ? null : upns[k]!;
    },
    pupil,
    record,
  };
}

const YEAR_GROUPS = [
  'R',
  'Y1',
  'Y2',
  'Y3',
  'Y4',
  'Y5',
  'Y6',
  'Y7',
  'Y8',
  'Y9',
  'Y10',
  'Y11',
  'Y12',
  'Y13',
] as const;

function educationRecord(
  seed: string,
  pop: Population,
  child: number,
  pupilId: string,
  path: SchoolPath,
  reception: number,
): EyesEducationRecordShape {
  const rng = new Rng(seed, 'education', child);
  const asOf = pop.asOf;
  const dob = pop.dob[child]!;
  const sen = pop.senStatus[child]!;
  const care = pop.careStatus[child]!;
  const iso = toIso;
  let seq = 0;
  const nextId = (prefix: string) => `${pupilId}-${prefix}${++seq}`;
  const yearsFrom = (years: number) => dayOf(yearOf(reception) + years, 9, 1);
  const endOfSummer = (years: number) => dayOf(yearOf(reception) + years, 7, 22);

  const out: EyesEducationRecordShape = {
    pupilId,
    enrolments: [],
    attendance: [],
    exclusions: [],
    fsmPeriods: [],
    earlyYearsFunding: [],
    senSupport: [],
    ehcpRequests: [],
    neet: [],
    missingEducation: [],
  };

  const yearGroupOn = (day: number): string | null => {
    const index = yearOf(academicYearStart(day)) - yearOf(reception);
    return index >= 0 && index < YEAR_GROUPS.length ? YEAR_GROUPS[index]! : null;
  };
  const specialFrom = sen === SenStatus.EHCP_ACTIVE && rng.chance(0.35) ? yearsFrom(rng.int(0, 8)) : null;
  const permanentExclusion =
    reception + 7 * 365 < asOf && rng.chance(0.004) ? yearsFrom(rng.int(7, 10)) + rng.int(20, 200) : null;

  // Enrolments: nursery from two or three, reception at four, secondary at eleven, post-16 at sixteen.
  const stages: { setting: EyesSettingRecord; start: number; end: number | null }[] = [];
  const eyStart = dob + (rng.chance(0.4) ? 2 * 365 + rng.int(0, 120) : 3 * 365 + rng.int(0, 120));
  if (eyStart <= asOf) stages.push({ setting: path.ey, start: eyStart, end: reception - 40 });
  stages.push({ setting: path.primary, start: reception, end: endOfSummer(7) });
  stages.push({ setting: path.secondary, start: yearsFrom(7), end: endOfSummer(12) });
  if (rng.chance(0.85))
    stages.push({
      setting: rng.chance(0.4) ? path.secondary : path.post16,
      start: yearsFrom(12),
      end: endOfSummer(14),
    });
  const timeline: { setting: EyesSettingRecord; start: number; end: number | null }[] = [];
  for (const stage of stages) {
    let { start, end } = stage;
    let setting = stage.setting;
    if (specialFrom !== null && start < yearsFrom(12) && (end ?? asOf) > specialFrom) {
      if (start < specialFrom) timeline.push({ setting, start, end: specialFrom - 1 });
      setting = path.special;
      start = Math.max(start, specialFrom);
    }
    if (permanentExclusion !== null && start <= permanentExclusion && (end ?? asOf) > permanentExclusion) {
      timeline.push({ setting, start, end: permanentExclusion });
      setting = path.ap;
      start = permanentExclusion + 1;
    }
    if (start > asOf) break;
    if (end !== null && end >= asOf) end = null;
    timeline.push({ setting, start, end });
  }
  // Merge back-to-back spells at the same setting (e.g. secondary and its sixth form).
  const merged: typeof timeline = [];
  for (const spell of timeline) {
    const last = merged[merged.length - 1];
    if (last && last.setting === spell.setting && last.end !== null && spell.start - last.end <= 60)
      last.end = spell.end;
    else merged.push({ ...spell });
  }
  out.enrolments = merged.map((spell): EyesEnrolmentRecord => ({
    enrolmentId: nextId('E'),
    settingId: spell.setting.settingId,
    settingName: spell.setting.name,
    phase: spell.setting.phase,
    startDate: iso(spell.start),
    endDate: spell.end === null ? null : iso(spell.end),
    yearGroup: spell.setting.phase === 'EY' ? null : yearGroupOn(spell.end ?? asOf),
  }));

  // Attendance for up to three academic years of school (reception onward), the current one partial.
  const currentYear = academicYearStart(asOf);
  const baseAbsence = care === CareStatus.CP || care === CareStatus.CIN ? 0.12 : 0.055;
  const persistent = rng.chance(0.12);
  for (let y = 2; y >= 0; y--) {
    const start = dayOf(yearOf(currentYear) - y, 9, 1);
    if (start < reception || start >= endOfSummer(14)) continue;
    const possible = y === 0 ? Math.max(2, Math.round(((asOf - start) / 7) * 10 * 0.93) & ~1) : 380;
    const absence = Math.min(0.6, baseAbsence * (0.4 + rng.next() * 1.2) + (persistent ? 0.1 : 0));
    const absent = Math.round(possible * absence);
    const unauthorised = Math.round(absent * (0.2 + rng.next() * 0.4));
    out.attendance.push({
      academicYear: academicYearLabel(yearOf(start)),
      possibleSessions: possible,
      attendedSessions: possible - absent,
      authorisedAbsence: absent - unauthorised,
      unauthorisedAbsence: unauthorised,
    });
  }

  // Suspensions in secondary for a minority; permanent exclusion where it happened.
  const secondaryStart = yearsFrom(7);
  if (secondaryStart < asOf && rng.chance(care === CareStatus.NONE ? 0.06 : 0.15)) {
    const count = rng.int(1, 4);
    for (let n = 0; n < count; n++) {
      const day = addWorkingDays(
        secondaryStart + rng.int(0, Math.max(1, Math.min(asOf, endOfSummer(12)) - secondaryStart - 10)),
        0,
      );
      if (day > asOf) continue;
      out.exclusions.push({
        exclusionId: nextId('X'),
        settingId: path.secondary.settingId,
        kind: 'SUSPENSION',
        startDate: iso(day),
        sessions: rng.int(1, 10),
        reasonCode: rng.pick(EXCLUSION_REASONS),
      });
    }
    out.exclusions.sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
  }
  if (permanentExclusion !== null) {
    out.exclusions.push({
      exclusionId: nextId('X'),
      settingId: path.secondary.settingId,
      kind: 'PERMANENT',
      startDate: iso(addWorkingDays(permanentExclusion, 0)),
      sessions: 0,
      reasonCode: rng.pick(EXCLUSION_REASONS),
    });
  }

  // Free school meals.
  if (reception <= asOf && rng.chance(care === CareStatus.NONE ? 0.22 : 0.55)) {
    const start = reception + rng.int(0, Math.max(1, asOf - reception));
    const ends = rng.chance(0.3) ? Math.min(asOf, start + rng.int(90, 900)) : null;
    out.fsmPeriods.push({ startDate: iso(start), endDate: ends === null || ends >= asOf ? null : iso(ends) });
  }

  // Early-years funded hours, by term, while in nursery.
  const ey = merged.find((s) => s.setting.phase === 'EY');
  if (ey) {
    const twoYearOld = rng.chance(0.35);
    const extended = rng.chance(0.5);
    const terms: [string, number][] = [];
    for (let y = yearOf(ey.start) - 1; y <= yearOf(ey.end ?? asOf); y++) {
      terms.push(
        [`Autumn ${y}`, dayOf(y, 9, 1)],
        [`Spring ${y + 1}`, dayOf(y + 1, 1, 5)],
        [`Summer ${y + 1}`, dayOf(y + 1, 4, 20)],
      );
    }
    for (const [term, start] of terms) {
      if (start < ey.start - 60 || start > (ey.end ?? asOf) || start > asOf) continue;
      const age = ageOn(dob, start);
      if (age < 2) continue;
      if (age === 2 && !twoYearOld) continue;
      const kind = age === 2 ? 'TWO_YEAR_OLD' : extended ? 'EXTENDED_30' : 'UNIVERSAL_15';
      out.earlyYearsFunding.push({
        term,
        kind,
        hoursPerWeek: kind === 'EXTENDED_30' ? 30 : 15,
        settingId: ey.setting.settingId,
      });
    }
  }

  // SEN support and EHC plans.
  const need = rng.weighted(SEN_NEED_MIX);
  const secondNeed = rng.chance(0.3) ? rng.weighted(SEN_NEED_MIX) : null;
  const earliestSen = Math.max(dob + 2 * 365, asOf - 12 * 365);
  if (sen === SenStatus.SEN_SUPPORT) {
    out.senSupport.push({
      startDate: iso(earliestSen + rng.int(0, Math.max(1, asOf - earliestSen - 30))),
      endDate: null,
      primaryNeed: need,
      secondaryNeed: secondNeed === need ? null : secondNeed,
    });
  }
  const inAssessment = sen === SenStatus.EHCP_IN_ASSESSMENT;
  if (
    sen === SenStatus.EHCP_ACTIVE ||
    sen === SenStatus.EHCP_CEASED ||
    sen === SenStatus.EHCP_NOT_ISSUED ||
    inAssessment
  ) {
    const latestRequest = sen === SenStatus.EHCP_NOT_ISSUED ? asOf - 5 : asOf - 270;
    const requestDay = addWorkingDays(
      inAssessment
        ? Math.max(earliestSen, asOf - rng.int(5, 270))
        : Math.min(latestRequest, earliestSen + rng.int(0, Math.max(1, latestRequest - earliestSen))),
      0,
    );
    if (requestDay > earliestSen + 60) {
      out.senSupport.push({
        startDate: iso(earliestSen + rng.int(0, requestDay - earliestSen - 30)),
        endDate: sen === SenStatus.EHCP_NOT_ISSUED || inAssessment ? null : iso(requestDay + 140),
        primaryNeed: need,
        secondaryNeed: null,
      });
    }
    out.ehcpRequests.push(
      ehcpRequest(rng, nextId('R'), pupilId, requestDay, sen, need, secondNeed, merged, asOf),
    );
  }

  // CCIS activity for young people over 16.
  if (ageOn(dob, asOf) >= 16) {
    const sixteen = dayOf(yearOf(dob) + 16, 9, 30);
    const count = rng.int(1, 3);
    for (let n = 0; n < count; n++) {
      const day = Math.min(asOf, sixteen + n * 180 + rng.int(0, 60));
      const neet = rng.chance(0.06 + (care !== CareStatus.NONE ? 0.1 : 0));
      const options = NEET_ACTIVITY_CODES.filter(([, isNeet]) => isNeet === neet);
      const [activityCode] = rng.pick(options);
      out.neet.push({ recordedDate: iso(day), activityCode, neet });
    }
  }
  return out;
}

/** An EHC needs assessment request: decision within 6 weeks, plan within 20 weeks for about 70%. */
function ehcpRequest(
  rng: Rng,
  requestId: string,
  pupilId: string,
  requestDay: number,
  sen: number,
  need: string,
  secondNeed: string | null,
  enrolments: readonly { setting: EyesSettingRecord; start: number; end: number | null }[],
  asOf: number,
): EyesEhcpRequestRecord {
  const iso = toIso;
  const base = {
    requestId,
    pupilId,
    requestDate: iso(requestDay),
    requestSource: rng.pick(EHCP_REQUEST_SOURCES),
  };
  if (sen === SenStatus.EHCP_IN_ASSESSMENT) {
    const decided = requestDay + rng.int(25, 45);
    return {
      ...base,
      decisionToAssessDate: decided <= asOf ? iso(decided) : null,
      requestOutcome: decided <= asOf ? 'ASSESS' : 'PENDING',
      assessmentOutcome: 'PENDING',
      assessmentOutcomeDate: null,
      twentyWeekException: false,
      plan: null,
    };
  }
  if (sen === SenStatus.EHCP_NOT_ISSUED) {
    const age = asOf - requestDay;
    if (age < 140 && rng.chance(0.6)) {
      const decided = requestDay + rng.int(25, 45);
      return {
        ...base,
        decisionToAssessDate: decided <= asOf ? iso(decided) : null,
        requestOutcome: decided <= asOf ? 'ASSESS' : 'PENDING',
        assessmentOutcome: 'PENDING',
        assessmentOutcomeDate: null,
        twentyWeekException: false,
        plan: null,
      };
    }
    const refused = rng.chance(0.6);
    // A refusal is the decision not to assess: it is dated, like any decision, and closes the request.
    const decided = requestDay + rng.int(25, 42);
    return {
      ...base,
      decisionToAssessDate: iso(Math.min(asOf, decided)),
      requestOutcome: refused ? 'REFUSED' : 'ASSESS',
      assessmentOutcome: refused ? 'WITHDRAWN' : 'NO_PLAN',
      assessmentOutcomeDate: iso(Math.min(asOf, refused ? decided : requestDay + rng.int(90, 140))),
      twentyWeekException: false,
      plan: null,
    };
  }
  const decided = requestDay + (rng.chance(0.9) ? rng.int(20, 42) : rng.int(43, 70));
  const onTime = rng.chance(0.7);
  const issued = requestDay + (onTime ? rng.int(95, 140) : rng.int(141, 250));
  const setting = [...enrolments].reverse().find((s) => s.start <= issued) ?? enrolments[0];
  const ceased = sen === SenStatus.EHCP_CEASED ? Math.min(asOf - 1, issued + rng.int(180, 1500)) : null;
  return {
    ...base,
    decisionToAssessDate: iso(decided),
    requestOutcome: 'ASSESS',
    assessmentOutcome: 'PLAN_ISSUED',
    assessmentOutcomeDate: iso(issued),
    twentyWeekException: !onTime && rng.chance(0.15),
    plan: {
      planId: `${requestId}-PLAN`,
      startDate: iso(issued),
      ceasedDate: ceased === null ? null : iso(ceased),
      ceasedReason: ceased === null ? null : rng.pick(EHCP_CEASED_REASONS),
      primaryNeed: need,
      secondaryNeed: secondNeed === need ? null : secondNeed,
      settingId: setting ? setting.setting.settingId : null,
      annualReviews: [],
    },
  };
}
