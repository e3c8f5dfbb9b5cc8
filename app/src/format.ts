/** How the app writes dates, money and codes for people (en-GB, Europe/London). */

const DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});
const POUNDS = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  maximumFractionDigits: 0,
});
const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });
const MONTH_YEAR = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

export function formatDate(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : DATE.format(date);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '—';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : DATE_TIME.format(date);
}

/** Integer pence to whole pounds. */
export function formatPence(pence: number): string {
  return POUNDS.format(Math.round(pence / 100));
}

/** `2026-04` to `Apr` (three letters every month: en-GB writes September `Sept`). */
export function formatMonth(month: string): string {
  return MONTH.format(new Date(`${month}-01T00:00:00Z`)).slice(0, 3);
}

/** `2026-04` to `April 2026`. */
export function formatMonthYear(month: string): string {
  return MONTH_YEAR.format(new Date(`${month}-01T00:00:00Z`));
}

export function fullName(name: { forename: string; surname: string } | null | undefined): string {
  return name ? `${name.forename} ${name.surname}` : 'Name withheld';
}

export function humanise(code: string): string {
  const lower = code.replace(/_/g, ' ').toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
}

export const SYSTEM_NAMES: Record<string, string> = {
  LCS: 'Social care (LCS)',
  EYES: 'Education and SEND (EYES)',
  LIFT: 'Finance (LIFT)',
  FRONTDOOR: 'Front door (C-SPA / L-SPA)',
};

export const GROUP_NAMES: Record<string, string> = {
  'identity.minimal': 'name and date of birth',
  'identity.full': 'addresses and aliases',
  flags: 'headline flags',
  'socialCare.summary': 'social care contact',
  'socialCare.detail': 'social care detail',
  'socialCare.cp': 'child protection',
  'socialCare.cla': 'looked-after detail',
  'education.summary': 'current school or setting',
  'education.detail': 'attendance and exclusions',
  send: 'SEND and EHCPs',
  frontDoor: 'front-door contacts',
  finance: 'finance',
  chronology: 'chronology',
  accessLog: 'who has looked at this record',
};

export const CASE_STATUS_NAMES: Record<string, string> = {
  CIN: 'Child in need',
  CP: 'Child protection',
  CLA: 'Looked after',
  EARLY_HELP: 'Early help',
  CARE_LEAVER: 'Care leaver',
};

/** How the viewer came to see the child (`access.relationship`). */
export const RELATIONSHIP_NAMES: Record<string, string> = {
  ALLOCATED: 'Allocated to you',
  TEAM: 'Your team’s case',
  ROLE: 'Your role only',
  BREAK_GLASS: 'Break glass',
  NONE: 'None',
};
