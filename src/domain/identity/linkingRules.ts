/**
 * The name of the rules the linker applies. The register stores it with the links it holds; an
 * instance that finds links made under other rules relinks from the systems at start (keeping
 * every hub id whose records still join) instead of restoring links its own rules would not make.
 * Change it with any change to src/domain/identity that changes which records join.
 */
export const LINKING_RULES =
  '2026-12-07: dated address histories, contradiction veto on scored joins (a same-district postcode too, a one-character postcode slip not), one-edit spellings, transposed dates weighed as chance allows, names read the commoner way round, swaps weighed by how rarely different children agree crosswise, two dated postcodes weighed as one child moves, a record fitting two different children unless one is 19 times likelier joins neither, two established spellings a letter apart are two names, a contact decided as a referral weighed with the LCS referral from its source within a week, join at 5.75';
