import { describe, expect, it } from 'vitest';
import {
  BreakGlassError,
  CHILD_FIELD_GROUPS,
  ROLES,
  SERVICE_FIELD_GROUPS,
  accessLevel,
  canAccessService,
  decideChildAccess,
  renderPolicyMarkdown,
  type ChildAccessFacts,
  type Role,
  type Viewer,
} from '../../../src/domain/access/index.ts';

const viewerWith = (role: Role, extra: Partial<Viewer> = {}): Viewer => ({
  userId: `user-${role}`,
  roles: [role],
  teamId: 'team-a',
  workerId: 'worker-a',
  ...extra,
});
const unrelated: ChildAccessFacts = {
  restriction: null,
  involvements: [{ workerId: 'worker-z', teamId: 'team-z', open: true }],
};
const allocated: ChildAccessFacts = {
  restriction: null,
  involvements: [{ workerId: 'worker-a', teamId: 'team-z', open: true }],
};
const teamInvolved: ChildAccessFacts = {
  restriction: null,
  involvements: [{ workerId: 'worker-z', teamId: 'team-a', open: true }],
};
const breakGlass = { reasonCode: 'IMMEDIATE_RISK', justification: 'Police called about the child tonight' };

// The matrix below is generated from the policy table itself: every role x child field group,
// in each situation, must come out of decideChildAccess exactly as the table says.
const matrix = ROLES.flatMap((role) =>
  CHILD_FIELD_GROUPS.map((group) => ({ role, group, level: accessLevel(role, group) })),
);

describe('decideChildAccess agrees with the policy table for every role and field group', () => {
  it.each(matrix)('$role / $group ($level)', ({ role, group, level }) => {
    const viewer = viewerWith(role);
    const without = decideChildAccess({ viewer, child: unrelated });
    const withAllocation = decideChildAccess({ viewer, child: allocated });
    const withTeam = decideChildAccess({ viewer, child: teamInvolved });
    const withBreakGlass = decideChildAccess({ viewer, child: unrelated, breakGlass });
    const restrictedBreakGlass = decideChildAccess({
      viewer,
      child: { ...allocated, restriction: { reason: 'ADOPTION', allowedRoles: [], allowedUsers: [] } },
      breakGlass,
    });

    expect(without.groups.has(group)).toBe(level === 'always');
    expect(withAllocation.groups.has(group)).toBe(level !== 'never');
    expect(withTeam.groups.has(group)).toBe(level !== 'never');
    expect(withBreakGlass.groups.has(group)).toBe(level !== 'never');
    expect(restrictedBreakGlass.groups.has(group)).toBe(false);
    for (const decision of [without, withAllocation, withTeam, withBreakGlass]) {
      expect(decision.visible).toBe(true);
      expect(decision.denied.includes(group)).toBe(!decision.groups.has(group));
    }
    expect(restrictedBreakGlass.visible).toBe(false);
  });
});

describe('relationship and break-glass', () => {
  it('names the footing of each decision', () => {
    const worker = viewerWith('SOCIAL_WORKER');
    expect(decideChildAccess({ viewer: worker, child: allocated }).relationship).toBe('ALLOCATED');
    expect(decideChildAccess({ viewer: worker, child: teamInvolved }).relationship).toBe('TEAM');
    expect(decideChildAccess({ viewer: worker, child: unrelated }).relationship).toBe('ROLE');
    expect(decideChildAccess({ viewer: worker, child: unrelated, breakGlass }).relationship).toBe(
      'BREAK_GLASS',
    );
    expect(decideChildAccess({ viewer: viewerWith('ADMIN'), child: unrelated }).relationship).toBe('NONE');
  });

  it('ignores closed involvements', () => {
    const closed: ChildAccessFacts = {
      restriction: null,
      involvements: [{ workerId: 'worker-a', teamId: 'team-a', open: false }],
    };
    const decision = decideChildAccess({ viewer: viewerWith('SOCIAL_WORKER'), child: closed });
    expect(decision.relationship).toBe('ROLE');
    expect(decision.groups.has('socialCare.detail')).toBe(false);
  });

  it('flags break-glass for alert and carries the validated reason', () => {
    const decision = decideChildAccess({ viewer: viewerWith('SOCIAL_WORKER'), child: unrelated, breakGlass });
    expect(decision.alert).toBe(true);
    expect(decision.breakGlass).toEqual(breakGlass);
  });

  it('does not use break-glass when a relationship already exists, or when it unlocks nothing', () => {
    const related = decideChildAccess({ viewer: viewerWith('SOCIAL_WORKER'), child: allocated, breakGlass });
    expect(related).toMatchObject({ relationship: 'ALLOCATED', alert: false, breakGlass: null });
    const finance = decideChildAccess({ viewer: viewerWith('FINANCE'), child: unrelated, breakGlass });
    expect(finance).toMatchObject({ relationship: 'ROLE', alert: false, breakGlass: null });
  });

  it('rejects an invalid break-glass request before looking at the child', () => {
    const hidden: ChildAccessFacts = {
      restriction: { reason: 'WITNESS_PROTECTION', allowedRoles: [], allowedUsers: [] },
      involvements: [],
    };
    const bad = { reasonCode: 'OTHER', justification: 'curious' };
    for (const child of [unrelated, hidden]) {
      expect(() =>
        decideChildAccess({ viewer: viewerWith('SOCIAL_WORKER'), child, breakGlass: bad }),
      ).toThrow(BreakGlassError);
    }
  });

  it('gives a viewer with several roles the union of their grants', () => {
    const both = viewerWith('SEND_OFFICER', { roles: ['SEND_OFFICER', 'FINANCE'] });
    const decision = decideChildAccess({ viewer: both, child: unrelated });
    expect(decision.groups.has('send')).toBe(true);
    expect(decision.groups.has('finance')).toBe(true);
    expect(decision.groups.has('socialCare.detail')).toBe(false);
  });
});

describe('restricted records', () => {
  const restricted = (allowedRoles: string[], allowedUsers: string[]): ChildAccessFacts => ({
    restriction: { reason: 'ADOPTION', allowedRoles, allowedUsers },
    involvements: [{ workerId: 'worker-a', teamId: 'team-a', open: true }],
  });

  it('are invisible to everyone not named, even with an involvement and break-glass', () => {
    for (const role of ROLES) {
      const decision = decideChildAccess({
        viewer: viewerWith(role),
        child: restricted(['AUDITOR_X'], []),
        breakGlass,
      });
      expect(decision).toMatchObject({
        visible: false,
        relationship: 'NONE',
        alert: false,
        restricted: false,
      });
      expect(decision.groups.size).toBe(0);
    }
  });

  it('are visible to a named role, under the normal rules', () => {
    const decision = decideChildAccess({
      viewer: viewerWith('SOCIAL_WORKER'),
      child: restricted(['SOCIAL_WORKER'], []),
    });
    expect(decision).toMatchObject({ visible: true, relationship: 'ALLOCATED', restricted: true });
    expect(decision.groups.has('socialCare.cp')).toBe(true);
  });

  it('are visible to a named user id or worker id', () => {
    const byUser = restricted([], ['user-TEAM_MANAGER']);
    const byWorker = restricted([], ['worker-a']);
    expect(decideChildAccess({ viewer: viewerWith('TEAM_MANAGER'), child: byUser }).visible).toBe(true);
    expect(decideChildAccess({ viewer: viewerWith('FRONT_DOOR'), child: byWorker }).visible).toBe(true);
    expect(
      decideChildAccess({ viewer: viewerWith('FRONT_DOOR', { workerId: null }), child: byWorker }).visible,
    ).toBe(false);
  });
});

describe('the policy as stated in the brief', () => {
  const sees = (role: Role, group: (typeof CHILD_FIELD_GROUPS)[number], child = unrelated) =>
    decideChildAccess({ viewer: viewerWith(role), child, breakGlass }).groups.has(group);

  it('finance sees costs and minimal identity, never case detail', () => {
    expect(sees('FINANCE', 'finance')).toBe(true);
    expect(sees('FINANCE', 'identity.minimal')).toBe(true);
    expect(sees('FINANCE', 'socialCare.detail', allocated)).toBe(false);
  });

  it('a SEND officer sees that social care is involved and whom to contact, not CP detail', () => {
    expect(sees('SEND_OFFICER', 'socialCare.summary')).toBe(true);
    expect(sees('SEND_OFFICER', 'socialCare.cp', allocated)).toBe(false);
  });

  it('the front door sees social care detail for triage without a relationship', () => {
    expect(
      decideChildAccess({ viewer: viewerWith('FRONT_DOOR'), child: unrelated }).groups.has(
        'socialCare.detail',
      ),
    ).toBe(true);
  });

  it('an auditor sees the access log and audit, not case detail; an admin browses no child', () => {
    expect(sees('AUDITOR', 'accessLog')).toBe(true);
    expect(canAccessService(viewerWith('AUDITOR'), 'audit')).toBe(true);
    expect(sees('AUDITOR', 'socialCare.detail', allocated)).toBe(false);
    for (const group of CHILD_FIELD_GROUPS) expect(sees('ADMIN', group, allocated)).toBe(false);
  });

  it('grants service groups exactly as the table says', () => {
    for (const role of ROLES) {
      for (const group of SERVICE_FIELD_GROUPS) {
        expect(canAccessService(viewerWith(role), group)).toBe(accessLevel(role, group) === 'always');
      }
    }
  });

  it('renders the table as markdown with one row per group and one column per role', () => {
    const markdown = renderPolicyMarkdown();
    const rows = markdown.split('\n').filter((line) => line.startsWith('| `'));
    expect(rows).toHaveLength(CHILD_FIELD_GROUPS.length + SERVICE_FIELD_GROUPS.length);
    expect(markdown.split('\n')[0]).toBe(`| field group | ${ROLES.join(' | ')} |`);
    const financeRow = rows.find((row) => row.startsWith('| `finance`'));
    expect(
      financeRow
        ?.split('|')
        .slice(2, -1)
        .map((cell) => cell.trim()),
    ).toEqual(
      ROLES.map((role) => ({ always: '✓', withRelationship: 'R', never: '·' })[accessLevel(role, 'finance')]),
    );
  });
});
