/**
 * The access decision for one viewer and one child: visible at all, on what footing, and which
 * field groups may be shown. Pure and allocation-light: the policy table is compiled into
 * per-role bitmasks once, and each distinct outcome's group set is built once and shared.
 */
import { validateBreakGlass, type BreakGlass, type BreakGlassRequest } from './breakGlass.ts';
import { ACCESS_POLICY } from './policy.ts';
import {
  CHILD_FIELD_GROUPS,
  FIELD_GROUPS,
  ROLES,
  type ChildFieldGroup,
  type FieldGroup,
  type Role,
  type ServiceFieldGroup,
  type Viewer,
} from './types.ts';

export interface Restriction {
  /** Why the record is restricted (adoption, witness protection, staff relative, high risk). */
  reason: string;
  /** Roles that may see the record at all; compared with the viewer's roles. */
  allowedRoles: readonly string[];
  /** User ids or worker ids that may see the record at all. */
  allowedUsers: readonly string[];
}

export interface Involvement {
  workerId: string | null;
  teamId: string | null;
  open: boolean;
}

export interface ChildAccessFacts {
  restriction: Restriction | null;
  involvements: readonly Involvement[];
}

export interface DecideChildAccessInput {
  viewer: Viewer;
  child: ChildAccessFacts;
  breakGlass?: BreakGlassRequest | null;
}

/**
 * ALLOCATED: the viewer has an open involvement. TEAM: their team has one. BREAK_GLASS: neither,
 * but a valid override unlocked relationship-only groups. ROLE: the role alone grants something.
 * NONE: nothing may be shown.
 */
export type Relationship = 'ALLOCATED' | 'TEAM' | 'ROLE' | 'BREAK_GLASS' | 'NONE';

export interface AccessDecision {
  /** false: answer exactly as if the child did not exist (NOT_FOUND), revealing nothing. */
  visible: boolean;
  relationship: Relationship;
  /** Child field groups that may be shown. Shared between decisions: do not mutate. */
  groups: ReadonlySet<ChildFieldGroup>;
  /** Child field groups withheld, for the audit record and `sources`. Shared: do not mutate. */
  denied: readonly ChildFieldGroup[];
  /** The validated override when it was used to decide; null otherwise. */
  breakGlass: BreakGlass | null;
  /** Raise an alert for review (every break-glass use). */
  alert: boolean;
  /** The record is restricted (only ever true together with visible: true). */
  restricted: boolean;
}

const BIT = new Map<FieldGroup, number>(FIELD_GROUPS.map((group, index) => [group, 1 << index]));
const CHILD_MASK = CHILD_FIELD_GROUPS.reduce((mask, group) => mask | bitOf(group), 0);

function bitOf(group: FieldGroup): number {
  const bit = BIT.get(group);
  if (bit === undefined) throw new Error(`Unknown field group ${group}`);
  return bit;
}

function maskOf(groups: readonly FieldGroup[]): number {
  return groups.reduce((mask, group) => mask | bitOf(group), 0);
}

interface CompiledRole {
  always: number;
  withRelationship: number;
}

const COMPILED: ReadonlyMap<string, CompiledRole> = new Map(
  ROLES.map((role) => [
    role,
    {
      always: maskOf(ACCESS_POLICY[role].always),
      withRelationship: maskOf(ACCESS_POLICY[role].withRelationship),
    },
  ]),
);

/** A viewer with several roles gets the union of what each role grants. */
function compileViewer(roles: readonly Role[]): CompiledRole {
  let always = 0;
  let withRelationship = 0;
  for (const role of roles) {
    const compiled = COMPILED.get(role);
    if (!compiled) continue;
    always |= compiled.always;
    withRelationship |= compiled.withRelationship;
  }
  return { always, withRelationship };
}

interface GroupView {
  groups: ReadonlySet<ChildFieldGroup>;
  denied: readonly ChildFieldGroup[];
}

/** At most 2^14 child masks exist and real traffic uses a handful: build each view once. */
const VIEWS = new Map<number, GroupView>();
function viewOf(mask: number): GroupView {
  const childMask = mask & CHILD_MASK;
  let view = VIEWS.get(childMask);
  if (!view) {
    const groups = CHILD_FIELD_GROUPS.filter((group) => (childMask & bitOf(group)) !== 0);
    const denied = CHILD_FIELD_GROUPS.filter((group) => (childMask & bitOf(group)) === 0);
    view = { groups: new Set(groups), denied: Object.freeze(denied) };
    VIEWS.set(childMask, view);
  }
  return view;
}

function mayOpenRestricted(viewer: Viewer, restriction: Restriction): boolean {
  if (viewer.roles.some((role) => restriction.allowedRoles.includes(role))) return true;
  if (restriction.allowedUsers.includes(viewer.userId)) return true;
  return viewer.workerId !== null && restriction.allowedUsers.includes(viewer.workerId);
}

function relationshipOf(viewer: Viewer, involvements: readonly Involvement[]): 'ALLOCATED' | 'TEAM' | null {
  let team = false;
  for (const involvement of involvements) {
    if (!involvement.open) continue;
    if (viewer.workerId !== null && involvement.workerId === viewer.workerId) return 'ALLOCATED';
    if (viewer.teamId !== null && involvement.teamId === viewer.teamId) team = true;
  }
  return team ? 'TEAM' : null;
}

function decision(
  visible: boolean,
  relationship: Relationship,
  mask: number,
  breakGlass: BreakGlass | null,
  restricted: boolean,
): AccessDecision {
  const { groups, denied } = viewOf(mask);
  return { visible, relationship, groups, denied, breakGlass, alert: breakGlass !== null, restricted };
}

/**
 * Decides what `viewer` may see of `child`. Throws BreakGlassError (BAD_USER_INPUT) when a
 * break-glass request is present but invalid, before looking at the child, so the error reveals
 * nothing about whether the child exists or is restricted.
 */
export function decideChildAccess(input: DecideChildAccessInput): AccessDecision {
  const { viewer, child } = input;
  const breakGlass = input.breakGlass ? validateBreakGlass(input.breakGlass) : null;

  const restricted = child.restriction !== null;
  if (child.restriction !== null && !mayOpenRestricted(viewer, child.restriction)) {
    // Break-glass never opens a restricted record: its existence must not be revealed.
    return decision(false, 'NONE', 0, null, false);
  }

  const compiled = compileViewer(viewer.roles);
  const related = relationshipOf(viewer, child.involvements);
  if (related !== null) {
    return decision(true, related, compiled.always | compiled.withRelationship, null, restricted);
  }
  const unlocksMore = (compiled.withRelationship & ~compiled.always & CHILD_MASK) !== 0;
  if (breakGlass !== null && unlocksMore) {
    return decision(true, 'BREAK_GLASS', compiled.always | compiled.withRelationship, breakGlass, restricted);
  }
  const roleMask = compiled.always & CHILD_MASK;
  return decision(true, roleMask === 0 ? 'NONE' : 'ROLE', roleMask, null, restricted);
}

/** Service-scoped groups (caseloads, performance, financeReports, audit): role only. */
export function canAccessService(viewer: Viewer, group: ServiceFieldGroup): boolean {
  return (compileViewer(viewer.roles).always & bitOf(group)) !== 0;
}
