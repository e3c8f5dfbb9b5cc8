/**
 * Search: find the children matching what a practitioner typed (name, date of birth, postcode,
 * identifier), tolerant of typos, nicknames and transposed dates because it scores candidates with
 * the same comparison as linking. Candidates come from the blocks; results are clusters ranked by
 * the best-scoring record's summed field weights, then hub id, and paginated by keyset cursor.
 */
import { BLOCKING_RULES } from './blocking.ts';
import { emptyView, loadView, type RecordView } from './comparison.ts';
import { decodeCursor, encodeCursor, queryFingerprint } from './cursor.ts';
import { IdentityInputError } from './errors.ts';
import { normaliseIdentifier, recogniseIdentifier } from './identifiers.ts';
import { NONE, qualifiedKey } from './record-store.ts';
import type { LinkState } from './state.ts';
import { nameParts, normalisePostcode, packDate } from './text.ts';
import { type SearchOptions, type SearchPage, type SearchPageRequest, type SearchQuery } from './types.ts';
import { SYSTEMS, type SystemName } from '../../platform/systems.ts';
import { IDENTIFIER_MATCH_WEIGHT } from './weights.ts';

const DEFAULT_PAGE = 20;
const MAX_PAGE = 100;

interface NormalisedQuery {
  names: string[];
  dob: number;
  postcode: string | null;
  identifier: string | null;
}

function normaliseQuery(query: SearchQuery): NormalisedQuery {
  const names = query.name ? nameParts(query.name) : [];
  const dob = query.dateOfBirth ? packDate(query.dateOfBirth) : NONE;
  if (query.dateOfBirth && dob === NONE)
    throw new IdentityInputError('dateOfBirth must be a date (YYYY-MM-DD).');
  const postcode = query.postcode ? normalisePostcode(query.postcode) : null;
  if (query.postcode && !postcode) throw new IdentityInputError('postcode must be a full UK postcode.');
  const identifier = query.identifier?.trim() || null;
  if (names.length === 0 && dob === NONE && !postcode && !identifier) {
    throw new IdentityInputError('Give at least one of name, dateOfBirth, postcode or identifier.');
  }
  return { names, dob, postcode, identifier };
}

/**
 * One or two readings of the typed name: "forename … surname", and the reverse order. Names and
 * postcode are looked up, not added (a probe id for one no record carries): what a practitioner
 * types may be no child's, and must neither grow the tables nor reach a checkpoint. The ids are
 * valid until the tables' `endProbe`.
 */
function probes(state: LinkState, query: NormalisedQuery): RecordView[] {
  const names = state.store.names;
  const base = (): RecordView => {
    const view = emptyView();
    view.dob = query.dob;
    if (query.postcode) view.postcode = state.store.postcodes.probe(query.postcode);
    return view;
  };
  const ids = query.names.map((name) => names.probe(name));
  if (ids.length === 0) return [base()];
  if (ids.length === 1) {
    const asForename = base();
    asForename.forename = ids[0]!;
    const asSurname = base();
    asSurname.surname = ids[0]!;
    return [asForename, asSurname];
  }
  const reading = (forename: number, surname: number, middle: number[]): RecordView => {
    const view = base();
    view.forename = forename;
    view.surname = surname;
    if (middle.length > 0) view.foreAlt = Int32Array.from(middle);
    return view;
  };
  return [
    reading(ids[0]!, ids[ids.length - 1]!, ids.slice(1, -1)),
    reading(ids[ids.length - 1]!, ids[0]!, ids.slice(1, -1)),
  ];
}

function identifierSlots(state: LinkState, raw: string): number[] {
  const { store } = state;
  const qualified = /^([a-z]+):(.+)$/.exec(raw);
  if (qualified && (SYSTEMS as readonly string[]).includes(qualified[1]!)) {
    const slot = store.slotOf(qualifiedKey(qualified[1] as SystemName, qualified[2]!));
    return slot === undefined ? [] : [slot];
  }
  const slots: number[] = [];
  for (const { kind, value } of recogniseIdentifier(normaliseIdentifier(raw))) {
    const index = kind === 'nhsNumber' ? store.nhsIndex : kind === 'upn' ? store.upnIndex : store.ulnIndex;
    slots.push(...index.slotsOf(value));
  }
  return slots;
}

export function search(
  state: LinkState,
  query: SearchQuery,
  page: SearchPageRequest = {},
  options: SearchOptions = {},
): SearchPage {
  try {
    return searchProbing(state, query, page, options);
  } finally {
    state.store.names.endProbe();
    state.store.postcodes.endProbe();
  }
}

function searchProbing(
  state: LinkState,
  query: SearchQuery,
  page: SearchPageRequest,
  options: SearchOptions,
): SearchPage {
  const first = page.first ?? DEFAULT_PAGE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
    throw new IdentityInputError(`first must be an integer from 1 to ${MAX_PAGE}.`);
  }
  const normalised = normaliseQuery(query);
  const fingerprint = queryFingerprint([normalised, options.includeRestricted === true]);
  const after = page.after ? decodeCursor(page.after, fingerprint) : null;

  const { store, clusters, scorer, settings } = state;
  const views = probes(state, normalised);
  const identified = new Set(normalised.identifier ? identifierSlots(state, normalised.identifier) : []);
  const candidates = new Set<number>(identified);
  const fieldsGiven =
    Number(normalised.names.length > 0) + Number(normalised.dob !== NONE) + Number(!!normalised.postcode);
  const keys: number[] = [];
  for (const view of views) {
    BLOCKING_RULES.forEach((rule, index) => {
      // Single-field searches need the broad search-only blocks; richer ones are served by the linking blocks.
      if (!rule.forLinking && fieldsGiven > 1) return;
      keys.length = 0;
      rule.keys(view, store.names, keys);
      for (const key of keys) {
        state.blocks[index]!.forEach(key, (slot) => {
          if (candidates.size < settings.maxSearchCandidates) candidates.add(slot);
        });
      }
    });
  }

  const best = new Map<number, { score: number; slot: number; view: RecordView }>();
  const candidateView = emptyView();
  for (const slot of candidates) {
    if (store.alive[slot] !== 1) continue;
    if (clusters.restricted[slot] === 1 && options.includeRestricted !== true) continue;
    loadView(store, slot, candidateView);
    let score = -Infinity;
    let bestView = views[0]!;
    for (const view of views) {
      const weight = scorer.fieldWeights(view, candidateView);
      if (weight > score) {
        score = weight;
        bestView = view;
      }
    }
    if (identified.has(slot)) score += IDENTIFIER_MATCH_WEIGHT;
    if (score < settings.searchMinScore) continue;
    const root = clusters.find(slot);
    const current = best.get(root);
    if (!current || score > current.score)
      best.set(root, { score: Math.round(score * 1000) / 1000, slot, view: bestView });
  }

  const ranked = [...best.values()]
    .map((hit) => ({ ...hit, hubId: state.hubIdOf(hit.slot) }))
    .sort((x, y) => y.score - x.score || (x.hubId < y.hubId ? -1 : x.hubId > y.hubId ? 1 : 0));
  const start = after
    ? ranked.findIndex(
        (hit) => hit.score < after.score || (hit.score === after.score && hit.hubId > after.hubId),
      )
    : 0;
  const pageHits = start < 0 ? [] : ranked.slice(start, start + first);
  const items = pageHits.map((hit) => {
    scorer.fieldWeights(hit.view, loadView(store, hit.slot, candidateView));
    const { agreed } = scorer.explain();
    if (identified.has(hit.slot)) agreed.unshift('identifier:exact');
    return {
      cluster: state.view(hit.slot),
      score: hit.score,
      agreed,
      cursor: encodeCursor(fingerprint, { score: hit.score, hubId: hit.hubId }),
    };
  });
  return {
    items,
    totalCount: ranked.length,
    hasNextPage: start >= 0 && start + first < ranked.length,
    endCursor: items.length > 0 ? items[items.length - 1]!.cursor : null,
  };
}
