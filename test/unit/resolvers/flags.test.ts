import DataLoader from 'dataloader';
import { describe, expect, it } from 'vitest';
import type { EducationRecord } from '../../../src/domain/models/education.ts';
import type { SocialCareRecord } from '../../../src/domain/models/socialCare.ts';
import type { Cached } from '../../../src/platform/cache/types.ts';
import { UpstreamError } from '../../../src/platform/upstream/types.ts';
import { computeFlags } from '../../../resolvers/support/flags.ts';
import { loadKeyGroups } from '../../../resolvers/support/systemResult.ts';

const TODAY = '2026-10-31';

/** A social care record with only the lists flags read; `lists` fills some of them. */
function care(lists: Partial<SocialCareRecord> = {}): SocialCareRecord {
  return {
    cpPlans: [],
    claEpisodes: [],
    referrals: [],
    earlyHelpEpisodes: [],
    missingEpisodes: [],
    ...lists,
  } as unknown as SocialCareRecord;
}

function education(lists: Partial<EducationRecord> = {}): EducationRecord {
  return {
    ehcpRequests: [],
    senSupport: [],
    fsmPeriods: [],
    neet: [],
    ...lists,
  } as unknown as EducationRecord;
}

const span = (startDate: string, endDate: string | null) => ({ startDate, endDate });

describe('computeFlags', () => {
  it('nothing recorded: every flag false but what the caller knows', () => {
    expect(computeFlags(TODAY, true, null, [])).toEqual({
      knownToSocialCare: true,
      onChildProtectionPlan: false,
      lookedAfter: false,
      childInNeed: false,
      earlyHelp: false,
      recentMissingEpisodes: false,
      ehcp: false,
      senSupport: false,
      freeSchoolMeals: false,
      neet: false,
    });
  });

  it('a span counts when it is open today: started on or before, not ended before', () => {
    const flags = (cpPlans: { startDate: string; endDate: string | null }[]) =>
      computeFlags(TODAY, true, care({ cpPlans } as Partial<SocialCareRecord>), []).onChildProtectionPlan;
    expect(flags([span('2026-01-01', null)])).toBe(true);
    expect(flags([span(TODAY, TODAY)])).toBe(true);
    expect(flags([span('2026-01-01', '2026-10-30')])).toBe(false);
    expect(flags([span('2026-11-01', null)])).toBe(false);
    expect(flags([span('2025-01-01', '2025-02-01'), span('2026-10-01', null)])).toBe(true);
  });

  it('reads each social care list with its own dates', () => {
    const record = care({
      claEpisodes: [{ startDate: '2026-05-01', ceasedDate: null }],
      referrals: [
        { referralDate: '2026-09-01', closeDate: null, nfa: true },
        { referralDate: '2026-09-02', closeDate: '2026-12-01', nfa: false },
      ],
      earlyHelpEpisodes: [span('2026-01-01', '2026-03-01')],
      missingEpisodes: [{ startDate: '2025-11-01' }],
    } as unknown as Partial<SocialCareRecord>);
    expect(computeFlags(TODAY, true, record, [])).toMatchObject({
      lookedAfter: true,
      childInNeed: true,
      earlyHelp: false,
      recentMissingEpisodes: true,
    });
  });

  it('a referral with no further action is not a child in need; a missing episode over a year ago is not recent', () => {
    const record = care({
      referrals: [{ referralDate: '2026-09-01', closeDate: null, nfa: true }],
      missingEpisodes: [{ startDate: '2025-10-30' }],
    } as unknown as Partial<SocialCareRecord>);
    expect(computeFlags(TODAY, true, record, [])).toMatchObject({
      childInNeed: false,
      recentMissingEpisodes: false,
    });
    // The year is counted from the day asked about, not from the first day the flags were computed.
    expect(computeFlags('2026-10-29', true, record, []).recentMissingEpisodes).toBe(true);
  });

  it('education flags come from any of the child’s pupil records, NEET from the latest recorded', () => {
    const records = [
      education({
        ehcpRequests: [{ plan: null }, { plan: { startDate: '2024-01-01', ceasedDate: null } }],
        neet: [{ recordedDate: '2026-01-01', neet: true }],
      } as unknown as Partial<EducationRecord>),
      education({
        senSupport: [span('2026-09-01', null)],
        fsmPeriods: [span('2025-09-01', '2026-07-31')],
        neet: [{ recordedDate: '2026-06-01', neet: false }],
      } as unknown as Partial<EducationRecord>),
    ];
    expect(computeFlags(TODAY, false, null, records)).toMatchObject({
      knownToSocialCare: false,
      ehcp: true,
      senSupport: true,
      freeSchoolMeals: false,
      neet: false,
    });
    expect(computeFlags(TODAY, false, null, [records[0]!]).neet).toBe(true);
  });
});

describe('loadKeyGroups', () => {
  const cached = (value: string): Cached<string> => ({
    value,
    freshness: 'fresh',
    asOf: '2026-10-31T08:00:00.000Z',
  });
  /** A request loader whose keys answer from `answers`: a value, null (no such record) or an Error. */
  const loaderOf = (answers: Record<string, string | null | Error>) => {
    let batches = 0;
    const loader = new DataLoader<string, Cached<string> | null>(async (keys) => {
      batches++;
      return keys.map((key) => {
        const answer = answers[key];
        return answer instanceof Error ? answer : answer ? cached(answer) : null;
      });
    });
    return { loader, batches: () => batches };
  };

  it('no keys at all: every group not linked, nothing loaded', async () => {
    const { loader, batches } = loaderOf({});
    expect(await loadKeyGroups('lcs', [[], []], loader)).toEqual([
      { system: 'lcs', state: 'NOT_LINKED', asOf: null, values: [], error: null },
      { system: 'lcs', state: 'NOT_LINKED', asOf: null, values: [], error: null },
    ]);
    expect(batches()).toBe(0);
  });

  it('each group answers as loadAll over its own keys, from one batch for the page', async () => {
    const { loader, batches } = loaderOf({ a: 'A', b: null, c: 'C', d: 'D' });
    const groups = await loadKeyGroups('lcs', [['a'], [], ['b', 'c'], ['b'], ['d', 'a']], loader);
    expect(groups.map((g) => [g.state, g.values])).toEqual([
      ['OK', ['A']],
      ['NOT_LINKED', []],
      ['OK', ['C']],
      ['OK', []],
      ['OK', ['D', 'A']],
    ]);
    expect(batches()).toBe(1);
  });

  it('a failed key is its group’s error and no other group’s', async () => {
    const failure = new UpstreamError('eyes', 'UPSTREAM_TIMEOUT', 'timed out');
    const { loader } = loaderOf({ a: failure, b: 'B' });
    const [withFailure, alone, without] = await loadKeyGroups('eyes', [['b', 'a'], ['a'], ['b']], loader);
    for (const result of [withFailure!, alone!]) {
      expect(result.state).toBe('TIMEOUT');
      expect(result.values).toEqual([]);
      expect(result.error?.extensions['code']).toBe('UPSTREAM_TIMEOUT');
    }
    expect(without).toMatchObject({ state: 'OK', values: ['B'], error: null });
  });
});
