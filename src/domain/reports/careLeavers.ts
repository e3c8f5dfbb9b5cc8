/**
 * Care leavers as the SSDA903 return and the LAIT indicators count them. Pure.
 *
 * The cohort: former relevant children (looked after for at least 13 weeks in all from their 14th
 * birthday, some of it on or after their 16th) whose 17th to 21st birthday fell in the period (up to
 * asOf) and whose care had ended before that birthday (so the 18-year-olds are those who left at 16
 * or 17; a young person leaving care on their 18th birthday is first counted at 19). Each is judged on what the council recorded
 * about that birthday: in touch (IN_TOUCH YES), in suitable accommodation (ACCOM ending 1), in
 * education, employment or training (ACTIV F1, P1, F2, P2, F3, P3). The denominator is the whole
 * cohort: a young person not in touch, or with nothing recorded, counts against every measure.
 */
import { daysBetween, type IsoDate } from '../rules/index.ts';
import type { Period } from './periods.ts';

/** The ages a care leaver's birthday is reported at. */
export const CARE_LEAVER_AGES = [17, 18, 19, 20, 21] as const;
/** SSDA903 ACTIV codes that count as education, employment or training. */
export const EET_ACTIVITIES: readonly string[] = ['F1', 'P1', 'F2', 'P2', 'F3', 'P3'];
/** SSDA903 IN_TOUCH code for a council in touch with the young person. */
export const IN_TOUCH = 'YES';
/** Time looked after from the 14th birthday that makes a relevant child: 13 weeks. */
const QUALIFYING_DAYS = 91;

export interface CareLeaverContactFact {
  readonly age: number;
  readonly inTouch: string;
  readonly activity: string;
  readonly accommodation: string;
}

export interface CareLeaverFact {
  readonly personId: string;
  readonly dateOfBirth: IsoDate;
  readonly contacts: readonly CareLeaverContactFact[];
}

export interface CareEpisodeSpan {
  readonly personId: string;
  readonly startDate: IsoDate;
  readonly ceasedDate: IsoDate | null;
}

/** ACCOM is the type then 1 (suitable) or 2 (not suitable); 0 when not known. */
export const isSuitableAccommodation = (code: string): boolean => code.length === 2 && code[1] === '1';

/**
 * The `years`th birthday. Someone born on 29 February reaches an age on 1 March in a common year
 * (as English law reckons ages), not on 28 February.
 */
export function birthday(dateOfBirth: IsoDate, years: number): IsoDate {
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (m === 2 && d === 29 && !leap) return `${String(year).padStart(4, '0')}-03-01`;
  return `${String(year).padStart(4, '0')}${dateOfBirth.slice(4)}`;
}

/**
 * A former relevant child on `day`: looked after for at least 13 weeks in all from the 14th
 * birthday up to the day, some of it on or after the 16th birthday, and out of care before the day
 * (a young person whose care ends on their 18th birthday is first counted at 19, as the return does).
 */
export function isFormerRelevantChild(
  dateOfBirth: IsoDate,
  episodes: readonly CareEpisodeSpan[],
  day: IsoDate,
): boolean {
  const fourteenth = birthday(dateOfBirth, 14);
  const sixteenth = birthday(dateOfBirth, 16);
  let days = 0;
  let afterSixteen = false;
  for (const e of episodes) {
    // Looked after on the day, or leaving care that day (counted from the next birthday on).
    if (e.startDate <= day && (e.ceasedDate === null || e.ceasedDate >= day)) return false;
    if (e.startDate > day) continue;
    const until = e.ceasedDate !== null && e.ceasedDate < day ? e.ceasedDate : day;
    const from = e.startDate > fourteenth ? e.startDate : fourteenth;
    if (until > from) days += daysBetween(from, until);
    if (until > sixteenth) afterSixteen = true;
  }
  return days >= QUALIFYING_DAYS && afterSixteen;
}

/** One age or age band of care leavers. */
export interface CareLeaverGroup {
  /** Care leavers whose birthday at this age fell in the period (not looked after on it). */
  readonly cohort: number;
  readonly inTouch: number;
  readonly inSuitableAccommodation: number;
  readonly inEducationEmploymentOrTraining: number;
  /** Of the cohort, by IN_TOUCH code (YES, NO, REFU, NREQ, RHOM, DIED), and NOT_RECORDED when nothing was. */
  readonly byInTouch: ReadonlyMap<string, number>;
}

export interface CareLeaverMeasures {
  /** The last birthday counted: the earlier of asOf and the period end. */
  readonly countedTo: IsoDate;
  readonly byAge: readonly (CareLeaverGroup & { readonly age: number })[];
  readonly aged17to18: CareLeaverGroup;
  readonly aged19to21: CareLeaverGroup;
}

/** What no contact was recorded for counts as. */
export const NOT_RECORDED = 'NOT_RECORDED';

class Tally {
  cohort = 0;
  inTouch = 0;
  suitable = 0;
  eet = 0;
  readonly byInTouch = new Map<string, number>();
  add(contact: CareLeaverContactFact | undefined): void {
    this.cohort++;
    const code = contact?.inTouch ?? NOT_RECORDED;
    this.byInTouch.set(code, (this.byInTouch.get(code) ?? 0) + 1);
    if (!contact) return;
    if (contact.inTouch === IN_TOUCH) this.inTouch++;
    if (isSuitableAccommodation(contact.accommodation)) this.suitable++;
    if (EET_ACTIVITIES.includes(contact.activity)) this.eet++;
  }
  group(): CareLeaverGroup {
    return {
      cohort: this.cohort,
      inTouch: this.inTouch,
      inSuitableAccommodation: this.suitable,
      inEducationEmploymentOrTraining: this.eet,
      byInTouch: this.byInTouch,
    };
  }
}

/**
 * The SSDA903 care-leaver measures over a period: every birthday from the 17th to the 21st in the
 * period (up to asOf) of a young person who was a former relevant child on it.
 */
export function careLeaverMeasures(
  leavers: Iterable<CareLeaverFact>,
  episodes: Iterable<CareEpisodeSpan>,
  period: Period,
  asOf: IsoDate,
): CareLeaverMeasures {
  const countedTo = period.to < asOf ? period.to : asOf;
  const episodesOf = new Map<string, CareEpisodeSpan[]>();
  for (const e of episodes) {
    const list = episodesOf.get(e.personId);
    if (list) list.push(e);
    else episodesOf.set(e.personId, [e]);
  }
  const byAge = new Map(CARE_LEAVER_AGES.map((age) => [age as number, new Tally()]));
  const young = new Tally();
  const older = new Tally();
  for (const leaver of leavers) {
    const history = episodesOf.get(leaver.personId) ?? [];
    for (const age of CARE_LEAVER_AGES) {
      const day = birthday(leaver.dateOfBirth, age);
      if (day < period.from || day > countedTo) continue;
      if (!isFormerRelevantChild(leaver.dateOfBirth, history, day)) continue;
      const contact = leaver.contacts.find((c) => c.age === age);
      byAge.get(age)!.add(contact);
      (age <= 18 ? young : older).add(contact);
    }
  }
  return {
    countedTo,
    byAge: [...byAge].map(([age, tally]) => ({ age, ...tally.group() })),
    aged17to18: young.group(),
    aged19to21: older.group(),
  };
}
