/**
 * The Fellegi–Sunter parameters: for each compared field and each level of agreement, m (how often
 * two records of the SAME child show that level) and u (how often two records of DIFFERENT children
 * do). A level's match weight is log2(m/u): positive when the level is evidence for a match.
 *
 * m values reflect the error rates seen in children's records (typos, nicknames, day/month
 * transposition, surname changes after care or adoption orders, moves between postcodes). u values
 * for the "exact" levels of names, date of birth and postcode are not fixed: they are the value's
 * frequency among the records (term-frequency adjustment, as Splink does), so agreeing on "Oliver
 * Smith" counts for less than agreeing on a rare name. The u values in the table are used where the
 * frequency is unknown, and `tfFloor` stops a value seen once or twice from being treated as
 * near-certain proof.
 */

export interface Level {
  m: number;
  u: number;
}

export const FIELDS = ['forename', 'surname', 'dateOfBirth', 'sex', 'postcode', 'referral'] as const;
export type Field = (typeof FIELDS)[number];

export interface MuTable {
  /**
   * Forename and surname entered the wrong way round on one side, each agreeing with the other
   * side's opposite field: m only. Two different children rarely agree crosswise on both names,
   * no more often than straight on both, so u is taken as exact agreement's (term frequencies and
   * all): the swap weighs what exact names weigh, less log2 of how much rarer the swap is.
   */
  namesSwapped: {
    m: number;
    /**
     * How often two different children's names agree crosswise (one's forename the other's
     * surname and the other way round), as a share of how often they agree straight: a swap's u is
     * exact agreement's times this. Forenames are rarely surnames, so it is small.
     */
    crosswiseShare: number;
  };
  forename: {
    exact: Level;
    nickname: Level;
    similar: Level;
    initial: Level;
    disagree: Level;
    tfFloor: number;
  };
  surname: { exact: Level; similar: Level; disagree: Level; tfFloor: number };
  dateOfBirth: { exact: Level; transposed: Level; oneComponentOff: Level; disagree: Level; tfFloor: number };
  sex: { agree: Level; disagree: Level };
  postcode: {
    exact: Level;
    district: Level;
    disagree: Level;
    /**
     * Disagreement where one record holds every address its child had when the other's postcode
     * was recorded (SourceRecord.addressesSince, postcodeDate): a move cannot explain it, only an
     * error in a postcode.
     */
    disagreeWithHistory: Level;
    /**
     * The same district, and disagreement, between two dated postcodes (SourceRecord.postcodeDate:
     * two front-door contacts, each the child's address on its day): one child's contacts move
     * district far less often than a register's address and a contact differ.
     */
    districtDated: Level;
    disagreeDated: Level;
    tfFloor: number;
  };
  /**
   * A front-door contact decided as a referral and an LCS referral from the same source within days
   * of it (SourceRecord.referrals). Only agreement counts: a contact's referral may be recorded
   * against an open case without a new referral, so its absence says little.
   */
  referral: { agree: Level };
}

export const DEFAULT_MU: MuTable = {
  // After misspellings, swaps are the commonest name discrepancy between two records of one person
  // (Just et al. 2016): well under 1% of pairs.
  namesSwapped: {
    m: 0.006,
    // Training seed train-a: 25,785 pairs of different children's records agree crosswise, 2,278,210
    // straight (1.1%); among records of one child, 2,269 and 178,119.
    crosswiseShare: 0.011,
  },
  forename: {
    exact: { m: 0.86, u: 0.004 },
    // "Bill" for William: common in front-door contacts taken by phone.
    nickname: { m: 0.05, u: 0.0008 },
    // Jaro–Winkler >= threshold: typos and spelling variants (Jayden/Jaden).
    similar: { m: 0.06, u: 0.003 },
    // Only an initial recorded on one side, and it agrees.
    initial: { m: 0.01, u: 0.0015 },
    disagree: { m: 0.02, u: 0.99 },
    tfFloor: 0.00005,
  },
  surname: {
    exact: { m: 0.88, u: 0.003 },
    similar: { m: 0.05, u: 0.002 },
    // Surnames change (care, adoption, marriage of a parent) more often than forenames.
    disagree: { m: 0.07, u: 0.995 },
    tfFloor: 0.00005,
  },
  dateOfBirth: {
    exact: { m: 0.92, u: 0.00015 },
    // Two different children's dates are each other's transposition as often as they are equal
    // (one date either way), so u is exact's; m as measured between a child's own records.
    transposed: { m: 0.015, u: 0.00015 },
    oneComponentOff: { m: 0.045, u: 0.009 },
    disagree: { m: 0.01, u: 0.99 },
    tfFloor: 0.00002,
  },
  sex: {
    agree: { m: 0.98, u: 0.5 },
    disagree: { m: 0.02, u: 0.5 },
  },
  postcode: {
    // Histories are compared whole (every postcode either side holds), so a child's own records
    // share one in about 94% of pairs where both have a postcode (training seeds).
    exact: { m: 0.94, u: 0.0005 },
    // Neither for nor against: another postcode in the same district is how often two different
    // children's addresses fall, and the training seeds' own-child pairs do it no more often.
    district: { m: 0.03, u: 0.03 },
    // Children move; a different postcode is only weak evidence against.
    disagree: { m: 0.18, u: 0.97 },
    // A postcode error on either side: in the synthetic county's training seeds a child's own
    // records disagree with a whole history in under 0.3% of pairs.
    disagreeWithHistory: { m: 0.005, u: 0.97 },
    // Training seed train-a: of 28,457 pairs of one child's contacts that both give a postcode, 0.4%
    // give two in one district and 7.9% two districts (against 3% and 18% for every pair).
    districtDated: { m: 0.004, u: 0.03 },
    disagreeDated: { m: 0.079, u: 0.97 },
    tfFloor: 0.00005,
  },
  referral: {
    // Training seed train-a: 35,823 of the 35,855 contacts decided as referrals share one with their
    // child's LCS record; of the pairs of such a contact and another child's LCS record with a
    // referral, 0.105% do (a source's referrals of one week, among 36,196 LCS records).
    agree: { m: 0.999, u: 0.00105 },
  },
};

/** Weight of an identifier match in search (a check-digit-valid national identifier: m≈0.99, u≈1e-9). */
export const IDENTIFIER_MATCH_WEIGHT = Math.log2(0.99 / 1e-9);

export interface LinkSettings {
  /**
   * Match weight at or above which two records join one cluster (5.75 ≈ posterior odds 54:1). A
   * join on a score is also refused when any record of one cluster contradicts one of the other
   * (Scorer.contradicts), which is what lets the bar sit this low. It was 5 until referral evidence
   * (referrals.ts) joined the contacts that needed it: on the unseen counties of issue 17, 5.75
   * keeps recall 0.1 points above its target and leaves fewer pairs of two children who chance to
   * share a name and birthday (5: recall 97.90-97.95%, up to 22 such clusters; 6: 97.50-97.53%, 19).
   */
  joinThreshold: number;
  /**
   * Match weight from which a pair below the join threshold may be the same child: withheld with
   * a restricted child (restriction.ts), and offered as a possible match.
   */
  possibleThreshold: number;
  /**
   * Match weight from which a pair is offered to a person as a possible match (possibleMatches).
   * Lower than possibleThreshold: a contact giving only a name and nothing else scores around -4
   * with its own child (odds about 1:16), too weak to link or to hide with a restricted child but
   * exactly what a data steward is there to settle.
   */
  reviewThreshold: number;
  /**
   * λ, the prior probability that two records picked at random are the same child. Default: one
   * over the number of records (each record has about one other record of the same child among
   * all the others), so the prior grows stricter as the population grows.
   */
  priorMatchProbability: number | null;
  /**
   * Share of records from which a spelling is a name in its own right: two such spellings are two
   * names however close (Hall/Hill), not a slip (Scorer.twoNames). Training seed train-a: 1 in
   * 10,000 (about 47 records a county) cost 5 of 205,318 true pairs; 3 in 100,000 cost 476.
   */
  establishedNameShare: number;
  /** Jaro–Winkler similarity counted as a "similar" forename. */
  forenameSimilarity: number;
  /** Jaro–Winkler similarity counted as a "similar" surname (lower: short surnames, Smith/Smyth = 0.89). */
  surnameSimilarity: number;
  /** Blocks larger than this are not compared (a placeholder value shared by thousands). */
  maxBlockSize: number;
  /** Lowest search score (sum of field weights) worth returning. */
  searchMinScore: number;
  /** Most candidate records a search scores (the best-ranked ones are found first by block). */
  maxSearchCandidates: number;
  mu: MuTable;
}

export const DEFAULT_SETTINGS: LinkSettings = {
  joinThreshold: 5.75,
  possibleThreshold: 0,
  reviewThreshold: -4,
  priorMatchProbability: null,
  forenameSimilarity: 0.92,
  surnameSimilarity: 0.88,
  establishedNameShare: 0.0001,
  maxBlockSize: 1000,
  searchMinScore: 8,
  maxSearchCandidates: 20_000,
  mu: DEFAULT_MU,
};

export const levelWeight = (level: Level): number => Math.log2(level.m / level.u);

/** log2(m/u) for an exact agreement on a value carried by `count` of `total` records. */
export function termFrequencyWeight(level: Level, count: number, total: number, floor: number): number {
  if (total <= 0 || count <= 0) return levelWeight(level);
  return Math.log2(level.m / Math.max(count / total, floor));
}

export const priorWeight = (lambda: number): number => Math.log2(lambda / (1 - lambda));
