/** One child may hold several LCS person records (duplicates): their social care lists are merged. */
import type { SocialCareRecord } from '../../src/domain/models/socialCare.ts';

type ListKey = Exclude<keyof SocialCareRecord, 'personId' | 'careLeaver' | 'uasc'>;

const LIST_KEYS: ListKey[] = [
  'contacts',
  'referrals',
  'assessments',
  's47Enquiries',
  'cinPlans',
  'cpPlans',
  'visits',
  'claEpisodes',
  'placements',
  'legalStatuses',
  'claReviews',
  'missingEpisodes',
  'earlyHelpEpisodes',
  'involvements',
];

export function mergeSocialCare(records: readonly SocialCareRecord[]): SocialCareRecord | null {
  if (records.length === 0) return null;
  if (records.length === 1) return records[0]!;
  const merged = { personId: records[0]!.personId } as SocialCareRecord;
  for (const key of LIST_KEYS) {
    (merged[key] as unknown[]) = records.flatMap((r) => r[key] as unknown[]);
  }
  merged.careLeaver = records.find((r) => r.careLeaver)?.careLeaver ?? null;
  merged.uasc = records.find((r) => r.uasc)?.uasc ?? null;
  return merged;
}

/** Newest first by the given date field (ISO dates sort as strings). */
export function newestFirst<T>(items: readonly T[], date: (item: T) => string): T[] {
  return [...items].sort((a, b) => (date(a) < date(b) ? 1 : date(a) > date(b) ? -1 : 0));
}

/** The involvement that says who holds the case now: the allocated social worker's, else any open one. */
export function currentInvolvement(record: SocialCareRecord | null, today: string) {
  const open = record?.involvements.filter((i) => i.endDate === null || i.endDate >= today) ?? [];
  return open.find((i) => i.role === 'ALLOCATED_SOCIAL_WORKER') ?? open[0];
}
