/**
 * The link index's vocabulary: what connectors hand it (SourceRecord) and what it answers with
 * (cluster views, possible matches, search pages, stats). The index keeps personal data in the
 * memory of the hub process only; nothing here is meant for logs.
 */

import type { SystemName } from '../../platform/systems.ts';

/**
 * Systems whose records are people, one per child but for mistakes: two of one system's records
 * join only on a shared identifier, never on a score. The front door's records are contacts, many
 * per child, and joining them is the point.
 */
export const PERSON_REGISTERS: readonly SystemName[] = ['lcs', 'eyes', 'lift'];

export interface SourceRef {
  system: SystemName;
  localId: string;
}

/** One upstream person record, mapped by its connector to the fields linking needs. */
export interface SourceRecord {
  system: SystemName;
  localId: string;
  forename: string;
  surname: string;
  /** Other names the child is or was known by: former surnames, preferred surnames, nicknames. */
  aliases: string[];
  /** YYYY-MM-DD, or null when unknown. */
  dateOfBirth: string | null;
  sex: 'M' | 'F' | null;
  /** Every postcode the system holds for the child (current first where known). */
  postcodes: string[];
  /**
   * YYYY-MM-DD: the postcodes are every address the child has had since this date (when the
   * system's earliest address for the child began). A postcode another record gives for the child
   * on a later date, or for a child this one has known since birth, must then be among them: its
   * absence is not a move. Absent or null when the system keeps no dated addresses.
   */
  addressesSince?: string | null;
  /**
   * YYYY-MM-DD: the day the first postcode was the child's address, for a system that records the
   * address as of an event (a front-door contact's date). Absent or null otherwise.
   */
  postcodeDate?: string | null;
  nhsNumber: string | null;
  upn: string | null;
  uln: string | null;
  /**
   * Referrals to children's social care the record shows, each with its day and who referred (the
   * system's referral source code): a front-door contact decided as a referral (`CONTACT`), or LCS's
   * referrals of the child (`REFERRAL`). LCS records a referral within days of the contact that
   * asked for it, with the contact's source, so the two are evidence the contact is that child's.
   * Absent when the system records none.
   */
  referrals?: ReferralEvidence[];
  /** Explicit references to the same child in another system (EYES/LIFT/front door -> LCS person id). */
  crossRefs: SourceRef[];
  /**
   * Adoption, protected identity, staff...: the record is linked like any other, and its whole
   * cluster (with every record that might be the same child) is hidden from all but named viewers.
   */
  restricted: boolean;
  /** BIRTH or ADOPTIVE for either identity of an adopted child: the two are never linked or matched. */
  adoptionIdentity: 'BIRTH' | 'ADOPTIVE' | null;
}

export interface ReferralEvidence {
  /** YYYY-MM-DD: the contact's day, or the day LCS recorded the referral. */
  date: string;
  /** Who referred, as the systems code it (POLICE, SCHOOL, ...). */
  source: string;
  recorded: 'CONTACT' | 'REFERRAL';
}

/** What the index can tell about one of its records: enough to label it, nothing more. */
export type IndexedIdentity = Pick<
  SourceRecord,
  'system' | 'localId' | 'forename' | 'surname' | 'dateOfBirth' | 'sex'
>;

/** The ids each system holds for one child, sorted. */
export type RecordsBySystem = Record<SystemName, string[]>;

export interface ClusterView {
  hubId: string;
  records: RecordsBySystem;
  restricted: boolean;
  /** The declared-restricted records whose restrictions apply to this cluster (empty when visible). */
  restrictedBy: SourceRef[];
}

/** How two records compare, field by field. */
export interface PairComparison {
  /** Fellegi–Sunter match weight (log2 odds, prior included). */
  score: number;
  /** `field:level` for each field that agreed fully or partly, e.g. `forename:nickname`. */
  agreed: string[];
  /** Fields that were present on both records and disagreed. */
  disagreed: string[];
}

export interface PossibleMatch extends PairComparison {
  hubId: string;
  /** The match weight of the best pair between the two clusters. */
  score: number;
}

export interface SearchQuery {
  /** Free text "forename surname" (any order of tokens is tolerated). */
  name?: string | null;
  dateOfBirth?: string | null;
  postcode?: string | null;
  /** NHS number, UPN, ULN or a system-qualified id such as `lcs:123`. */
  identifier?: string | null;
}

export interface SearchPageRequest {
  first?: number;
  after?: string | null;
}

export interface SearchOptions {
  /** Only for callers that have already established the viewer may see restricted records. */
  includeRestricted?: boolean;
}

export interface SearchHit {
  cluster: ClusterView;
  /** Sum of the field match weights (log2 m/u) of the best-matching record; higher is better. */
  score: number;
  agreed: string[];
  cursor: string;
}

export interface SearchPage {
  items: SearchHit[];
  totalCount: number;
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface LinkStats {
  records: Record<SystemName, number>;
  totalRecords: number;
  clusters: number;
  restrictedRecords: number;
  /** Pairs scored while building (blocking keeps this far below all pairs). */
  comparisons: number;
  /** Blocks larger than the configured cap, left uncompared (e.g. a placeholder postcode). */
  oversizedBlocks: number;
  /** Merges refused because the clusters carry different valid NHS numbers or permanent UPNs. */
  refusedMerges: number;
  /**
   * Scored merges refused because both clusters hold a record of one person register (a likely
   * duplicate within LCS, EYES or LIFT, left apart and offered as a possible match).
   */
  sameSystemRefused: number;
  /**
   * Scored merges refused because a record of one cluster contradicts a record of the other (a
   * different sex, dates of birth far apart, a postcode missing from an address history).
   */
  contradictedRefused: number;
  /** Records given twice in one build; the first occurrence is kept. */
  duplicateInputs: number;
  buildMs: number;
}
