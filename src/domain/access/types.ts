/**
 * The vocabulary shared by authentication, policy and decisions: who is asking (Viewer), in which
 * capacity (Role), and which slices of a child's record (FieldGroup) an answer is made of.
 */

/** Every role the hub knows. A token may carry roles from other applications; those are ignored. */
export const ROLES = [
  'SOCIAL_WORKER',
  'TEAM_MANAGER',
  'FRONT_DOOR',
  'EARLY_HELP',
  'SEND_OFFICER',
  'FINANCE',
  'AUDITOR',
  'ADMIN',
  'DATA_STEWARD',
] as const;
export type Role = (typeof ROLES)[number];

const ROLE_SET: ReadonlySet<string> = new Set(ROLES);
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && ROLE_SET.has(value);
}

/** The authenticated person behind a request, built from verified token claims only. */
export interface Viewer {
  userId: string;
  name?: string;
  roles: Role[];
  /** The team the viewer works in; team involvement with a child is a legitimate relationship. */
  teamId: string | null;
  /** The viewer's practitioner id in LCS; an allocated involvement is a legitimate relationship. */
  workerId: string | null;
}

/**
 * Slices of data the access policy reasons about. Child-scoped groups are parts of one child's
 * record; service-scoped groups are whole-service views (caseloads, reports, the audit trail).
 */
export const CHILD_FIELD_GROUPS = [
  'identity.minimal',
  'identity.full',
  'flags',
  'socialCare.summary',
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
] as const;
export const SERVICE_FIELD_GROUPS = [
  'caseloads',
  'performance',
  'financeReports',
  'audit',
  'linkReview',
] as const;
export const FIELD_GROUPS = [...CHILD_FIELD_GROUPS, ...SERVICE_FIELD_GROUPS] as const;

export type ChildFieldGroup = (typeof CHILD_FIELD_GROUPS)[number];
export type ServiceFieldGroup = (typeof SERVICE_FIELD_GROUPS)[number];
export type FieldGroup = ChildFieldGroup | ServiceFieldGroup;
