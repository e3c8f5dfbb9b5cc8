/**
 * What the synthetic county offers the four simulators. The county is generated deterministically
 * from (seed, scale, asOf); records are the REST contract's shapes (simulators/contracts).
 */
import type { LcsPerson, LcsSocialCareRecord, LcsWorker, LcsTeam } from '../contracts/lcs.ts';
import type { EyesPupil, EyesEducationRecord, EyesSetting } from '../contracts/eyes.ts';
import type {
  LiftClient,
  LiftAgreement,
  LiftBudgetLine,
  LiftPayment,
  LiftSendCost,
} from '../contracts/lift.ts';
import type { FrontDoorContact } from '../contracts/frontdoor.ts';
import type { RecordFlaw } from './identity.ts';

export type { RecordFlaw } from './identity.ts';

export type Scale = 'tiny' | 'demo' | 'county';

export interface CountyOptions {
  seed: string;
  scale: Scale;
  /** The county's "today" (YYYY-MM-DD): every record is dated on or before it. Not wall-clock. */
  asOf?: string;
}

/** One real child and the ids each system holds for them (several where a system has duplicates). */
export interface GroundTruthChild {
  child: string;
  lcs: string[];
  eyes: string[];
  lift: string[];
  frontdoor: string[];
  /** For either identity of an adopted child: the ground-truth id of the other one; else null. */
  adoptionPair: string | null;
  /** True for a care leaver: a young adult who left the county's care, not one of its children. */
  careLeaver?: boolean;
}

/** A record whose identity departs from its child's real one, and how (a swapped name, a duplicate…). */
export interface FlawedRecord {
  /** The ground-truth id of the child (GroundTruthChild.child). */
  child: string;
  system: 'lcs' | 'eyes' | 'lift' | 'frontdoor';
  id: string;
  flaws: RecordFlaw[];
}

/**
 * A read-only, ordered view of one system's records. `ids()` is in a stable order (the order
 * list endpoints page through). `get` returns undefined for an unknown id.
 */
export interface RecordSet<T> {
  readonly size: number;
  ids(): readonly string[];
  get(id: string): T | undefined;
}

export interface County {
  readonly seed: string;
  readonly scale: Scale;
  readonly asOf: string;
  readonly lcs: {
    people: RecordSet<LcsPerson>;
    /** keyed by personId; every LCS person has one (possibly with empty lists). */
    socialCare: RecordSet<LcsSocialCareRecord>;
    workers: RecordSet<LcsWorker>;
    teams: RecordSet<LcsTeam>;
  };
  readonly eyes: {
    pupils: RecordSet<EyesPupil>;
    /** keyed by pupilId */
    records: RecordSet<EyesEducationRecord>;
    settings: RecordSet<EyesSetting>;
  };
  readonly lift: {
    clients: RecordSet<LiftClient>;
    /** keyed by agreementId */
    agreements: RecordSet<LiftAgreement>;
    /** keyed by paymentId */
    payments: RecordSet<LiftPayment>;
    /** keyed by budgetLineId: the current and the previous financial year's budget lines */
    budgetLines: RecordSet<LiftBudgetLine>;
    /** keyed by sendCostId: SEND costs of pupils with an EHC plan */
    sendCosts: RecordSet<LiftSendCost>;
  };
  readonly frontdoor: {
    contacts: RecordSet<FrontDoorContact>;
  };
  /** The real children behind the records, in a stable order. */
  groundTruth(): Iterable<GroundTruthChild>;
  /**
   * The ground truth of the data-quality flaws: every record whose identity departs from its
   * child's, child by child. Derives the lazily built systems' identities, so it costs a second or two.
   */
  recordFlaws(): Iterable<FlawedRecord>;
}
