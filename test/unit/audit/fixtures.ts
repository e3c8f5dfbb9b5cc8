import { chainKey, type AuditEntry } from '../../../src/platform/audit/index.ts';

/** A plausible VIEW entry; ids are synthetic and carry no personal data. */
export function viewEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    requestId: 'req-1',
    userId: 'user-1',
    roles: ['SOCIAL_WORKER'],
    teamId: 'team-a',
    childId: 'child-1',
    action: 'VIEW',
    groups: ['identity.minimal', 'socialCare.summary'],
    decision: 'ALLOWED',
    ...overrides,
  };
}

export function breakGlassEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return viewEntry({
    action: 'BREAK_GLASS',
    breakGlass: { reasonCode: 'IMMEDIATE_RISK', justification: 'Police at the address' },
    ...overrides,
  });
}

/** A chain key for tests: fixed, so a spawned verifier can be given the same one. */
export const TEST_CHAIN_SECRET = 'unit-test-audit-chain-key-0123456789abcdef';
export const testKey = chainKey(TEST_CHAIN_SECRET);
