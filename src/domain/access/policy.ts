/**
 * THE access policy: one declarative table of which role sees which field group of a child's
 * record, and on what footing. Reviewers read this file; everything else is mechanism.
 *
 *   always            seen by the role for any (unrestricted) child
 *   withRelationship  seen only when the viewer or their team has an open involvement with the
 *                     child, or under a justified, audited, alerted break-glass override
 *   (not listed)      never seen by the role, not even with break-glass
 *
 * Service-scoped groups (caseloads, performance, financeReports, audit) have no child to be
 * related to, so a role either always has them or never does.
 *
 * Restricted records sit above this table: a restricted child is invisible (NOT_FOUND) to anyone
 * not named by the restriction, whatever this table says (see decide.ts).
 */
import {
  CHILD_FIELD_GROUPS,
  FIELD_GROUPS,
  ROLES,
  SERVICE_FIELD_GROUPS,
  type ChildFieldGroup,
  type FieldGroup,
  type Role,
} from './types.ts';

export interface RolePolicy {
  always: readonly FieldGroup[];
  withRelationship: readonly ChildFieldGroup[];
  /** Why the role is shaped this way: printed with the table. */
  rationale: string;
}

export const ACCESS_POLICY: Readonly<Record<Role, RolePolicy>> = {
  SOCIAL_WORKER: {
    always: ['identity.minimal', 'flags', 'socialCare.summary', 'caseloads'],
    withRelationship: [
      'identity.full',
      'socialCare.detail',
      'socialCare.cp',
      'socialCare.cla',
      'education.summary',
      'education.detail',
      'send',
      'frontDoor',
      'chronology',
      'accessLog',
    ],
    rationale:
      'Everything about the children they (or their team) work with; elsewhere only enough to know the child is known and to whom.',
  },
  TEAM_MANAGER: {
    always: ['identity.minimal', 'flags', 'socialCare.summary', 'caseloads', 'performance'],
    withRelationship: [
      'identity.full',
      'socialCare.detail',
      'socialCare.cp',
      'socialCare.cla',
      'education.summary',
      'education.detail',
      'send',
      'frontDoor',
      'finance',
      'chronology',
      'accessLog',
    ],
    rationale:
      "As a social worker for their team's children, plus placement costs they approve, caseloads and performance.",
  },
  FRONT_DOOR: {
    always: [
      'identity.minimal',
      'identity.full',
      'flags',
      'socialCare.summary',
      'socialCare.detail',
      'socialCare.cp',
      'education.summary',
      'frontDoor',
      'chronology',
    ],
    withRelationship: ['socialCare.cla', 'education.detail', 'send'],
    rationale:
      'Triage of a new contact needs history and current plans without an involvement: is this child already known, to whom, with what history?',
  },
  EARLY_HELP: {
    always: ['identity.minimal', 'flags', 'socialCare.summary'],
    withRelationship: [
      'identity.full',
      'socialCare.detail',
      'education.summary',
      'education.detail',
      'send',
      'frontDoor',
      'chronology',
    ],
    rationale:
      'Family support below the statutory threshold: the family picture when involved, never child protection or looked-after detail.',
  },
  SEND_OFFICER: {
    always: ['identity.minimal', 'socialCare.summary', 'education.summary', 'send'],
    withRelationship: ['identity.full', 'education.detail'],
    rationale:
      'EHCP status, setting, attendance and exclusions; that social care is involved and whom to contact, never social care detail.',
  },
  FINANCE: {
    always: ['identity.minimal', 'finance', 'financeReports'],
    withRelationship: [],
    rationale: 'What care costs and to whom it is paid, identified minimally; never case detail.',
  },
  AUDITOR: {
    always: ['identity.minimal', 'accessLog', 'audit'],
    withRelationship: [],
    rationale:
      'Who looked at which child, when and why; enough identity to name the child, never case detail.',
  },
  ADMIN: {
    always: ['performance'],
    withRelationship: [],
    rationale: 'Runs the service; does not browse children.',
  },
  DATA_STEWARD: {
    always: ['identity.minimal', 'linkReview'],
    withRelationship: [],
    rationale:
      'Judges whether records are the same child: names, dates of birth and identifiers, and the link evidence; never case detail.',
  },
};

/** What a reviewer or the README needs to know about each group. */
export const FIELD_GROUP_DESCRIPTIONS: Readonly<Record<FieldGroup, string>> = {
  'identity.minimal': 'name, date of birth, identifiers',
  'identity.full': 'addresses, ethnicity, aliases',
  flags: 'headline flags: CP plan, looked after, EHCP, missing',
  'socialCare.summary': 'known to social care; allocated worker and team contact',
  'socialCare.detail': 'referrals, assessments, CIN plans, visits',
  'socialCare.cp': 's47 enquiries, conferences, CP plans and reviews',
  'socialCare.cla': 'looked-after episodes, placements, legal status, reviews, pathway plans, UASC status',
  'education.summary': 'current setting and enrolment',
  'education.detail': 'attendance, exclusions, free school meals, funding, children missing education',
  send: 'SEN support, EHCP requests, assessments and plans',
  frontDoor: 'contacts, triage and decisions at the front door',
  finance: 'service agreements, rates, commitments, payments',
  chronology: 'the merged timeline across systems',
  accessLog: "who looked at this child's record",
  caseloads: "teams' and workers' caseloads",
  performance: 'timeliness and volume measures',
  financeReports: 'spend, commitments and projections across children',
  audit: 'audit trail queries and break-glass alerts',
  linkReview:
    'the possible-match review queue; confirming, rejecting and splitting links (stewards’ decisions)',
};

export type AccessLevel = 'always' | 'withRelationship' | 'never';

/** The level a single role has for a group, read straight from the table. */
export function accessLevel(role: Role, group: FieldGroup): AccessLevel {
  const policy = ACCESS_POLICY[role];
  if (policy.always.includes(group)) return 'always';
  if ((policy.withRelationship as readonly FieldGroup[]).includes(group)) return 'withRelationship';
  return 'never';
}

const SYMBOLS: Record<AccessLevel, string> = { always: '✓', withRelationship: 'R', never: '·' };

/** The table as markdown, for the README: groups down, roles across. */
export function renderPolicyMarkdown(): string {
  const header = `| field group | ${ROLES.join(' | ')} |`;
  const rule = `| --- | ${ROLES.map(() => ':---:').join(' | ')} |`;
  const rows = FIELD_GROUPS.map(
    (group) =>
      `| \`${group}\` (${FIELD_GROUP_DESCRIPTIONS[group]}) | ${ROLES.map((role) => SYMBOLS[accessLevel(role, group)]).join(' | ')} |`,
  );
  const legend =
    'Legend: ✓ always; R only with a legitimate relationship (own or team involvement) or an audited ' +
    'break-glass override; · never. Restricted records are invisible to everyone not named by the ' +
    'restriction, break-glass included.';
  const rationale = ROLES.map((role) => `- **${role}**: ${ACCESS_POLICY[role].rationale}`);
  return [header, rule, ...rows, '', legend, '', ...rationale, ''].join('\n');
}

/** Fails start-up if the table contradicts itself; cheap, and runs once at module load. */
function assertPolicyConsistent(): void {
  const childGroups: ReadonlySet<string> = new Set(CHILD_FIELD_GROUPS);
  const serviceGroups: ReadonlySet<string> = new Set(SERVICE_FIELD_GROUPS);
  for (const role of ROLES) {
    const { always, withRelationship } = ACCESS_POLICY[role];
    for (const group of withRelationship) {
      if (always.includes(group)) throw new Error(`Access policy: ${role} lists ${group} twice`);
      if (!childGroups.has(group) || serviceGroups.has(group)) {
        throw new Error(`Access policy: ${role} cannot hold service group ${group} by relationship`);
      }
    }
  }
}
assertPolicyConsistent();
