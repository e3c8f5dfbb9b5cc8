/**
 * One child as this request sees it: the linked records (from the identity index), the viewer's
 * access decision, and memoised loads of each system's data through this request's loaders.
 * Resolvers read everything about a child through here, so each upstream read happens once.
 */
import type { AccessDecision } from '../../src/domain/access/index.ts';
import type { ChildFieldGroup } from '../../src/domain/access/types.ts';
import type { HubContext } from '../context.ts';
import type { ClusterView } from '../../src/domain/identity/types.ts';
import type { SocialCarePerson, SocialCareRecord } from '../../src/domain/models/socialCare.ts';
import type { EducationRecord, Pupil } from '../../src/domain/models/education.ts';
import type { Payment, SendCost, ServiceAgreement } from '../../src/domain/models/finance.ts';
import type { FrontDoorContact } from '../../src/domain/models/frontDoor.ts';
import { currentInvolvement, mergeSocialCare } from './socialCareMerge.ts';
import { CHILD_FIELDS } from './childFields.ts';
import { SYSTEM_NAMES, combineState, loadAll, notLinked, type SystemResult } from './systemResult.ts';
import type { SystemName } from '../../src/platform/systems.ts';
import type { System } from '../types.generated.ts';

/** The schema's System name -> the hub's own name for the system. */
const SYSTEM_OF = Object.fromEntries(
  Object.entries(SYSTEM_NAMES).map(([name, system]) => [system, name]),
) as Record<System, SystemName>;

export class ChildView {
  private readonly memo = new Map<string, Promise<SystemResult<unknown>>>();

  private access: AccessDecision | null = null;

  /** The allocated worker's and team's records the query shows (set from the selection). */
  private allocationWanted = { worker: false, team: false };

  /** Loads may start before the access decision; nothing is shown until `decide` has been called. */
  constructor(
    readonly cluster: ClusterView,
    readonly ctx: HubContext,
  ) {}

  decide(decision: AccessDecision): this {
    this.access = decision;
    return this;
  }

  get decision(): AccessDecision {
    if (!this.access) throw new Error('ChildView read before its access decision');
    return this.access;
  }

  get hubId(): string {
    return this.cluster.hubId;
  }

  can(group: ChildFieldGroup): boolean {
    return this.decision.groups.has(group);
  }

  private once<T>(key: string, load: () => Promise<SystemResult<T>>): Promise<SystemResult<T>> {
    let pending = this.memo.get(key);
    if (!pending) {
      pending = load();
      this.memo.set(key, pending);
    }
    return pending as Promise<SystemResult<T>>;
  }

  lcsPeople(): Promise<SystemResult<SocialCarePerson>> {
    return this.once('lcs:person', () =>
      loadAll('lcs', this.cluster.records.lcs, (ids) => this.ctx.loaders.lcs.person.loadMany(ids)),
    );
  }

  socialCare(): Promise<SystemResult<SocialCareRecord>> {
    return this.once('lcs:social-care', () =>
      loadAll('lcs', this.cluster.records.lcs, (ids) => this.ctx.loaders.lcs.socialCare.loadMany(ids)),
    );
  }

  /**
   * The query shows the allocated worker's or team's own fields: their LCS reads then count in
   * `sources` like the child's own records (a failure there is an LCS failure, not an OK).
   */
  wantAllocation(parts: { worker: boolean; team: boolean }): void {
    this.allocationWanted = parts;
  }

  /**
   * The wanted allocated worker and team records, through this request's loaders (the Worker and
   * Team fields then read the same loads). NOT_LINKED when nothing is wanted or nothing allocated.
   */
  allocation(): Promise<SystemResult<unknown>> {
    return this.once('lcs:allocation', async () => {
      const wanted = this.allocationWanted;
      if (!wanted.worker && !wanted.team) return notLinked('lcs');
      const open = currentInvolvement(mergeSocialCare((await this.socialCare()).values), this.ctx.today);
      if (!open) return notLinked('lcs');
      const loads: Promise<SystemResult<unknown>>[] = [];
      if (wanted.worker && open.workerId)
        loads.push(loadAll('lcs', [open.workerId], (ids) => this.ctx.loaders.lcs.worker.loadMany(ids)));
      if (wanted.team && open.teamId)
        loads.push(loadAll('lcs', [open.teamId], (ids) => this.ctx.loaders.lcs.team.loadMany(ids)));
      const results = await Promise.all(loads);
      const failed = results.find((r) => r.error !== null);
      if (failed) return failed;
      return results.reduce<SystemResult<unknown>>(
        (acc, r) => ({ ...acc, ...combineState(acc, r) }),
        notLinked('lcs'),
      );
    });
  }

  pupils(): Promise<SystemResult<Pupil>> {
    return this.once('eyes:pupil', () =>
      loadAll('eyes', this.cluster.records.eyes, (ids) => this.ctx.loaders.eyes.pupil.loadMany(ids)),
    );
  }

  educationRecords(): Promise<SystemResult<EducationRecord>> {
    return this.once('eyes:record', () =>
      loadAll('eyes', this.cluster.records.eyes, (ids) => this.ctx.loaders.eyes.record.loadMany(ids)),
    );
  }

  /**
   * LIFT client refs come from the directory (the link index loaded every LIFT client), so
   * agreements and payments are read at once instead of after a clients-by-person round trip.
   */
  agreements(): Promise<SystemResult<ServiceAgreement>> {
    return this.once('lift:agreements', async () => {
      const result = await loadAll('lift', this.cluster.records.lift, (refs) =>
        this.ctx.loaders.lift.agreementsByClient.loadMany(refs),
      );
      return { ...result, values: (result.values as unknown as ServiceAgreement[][]).flat() };
    });
  }

  /** SEND costs (LIFT phase two) are keyed by the child's EYES pupil ids: SEND finance follows education. */
  sendCosts(): Promise<SystemResult<SendCost>> {
    return this.once('lift:send-costs', async () => {
      const result = await loadAll('lift', this.cluster.records.eyes, (pupilIds) =>
        this.ctx.loaders.lift.sendCostsByPupil.loadMany(pupilIds),
      );
      return { ...result, values: (result.values as unknown as SendCost[][]).flat() };
    });
  }

  payments(): Promise<SystemResult<Payment>> {
    return this.once('lift:payments', async () => {
      const result = await loadAll('lift', this.cluster.records.lift, (refs) =>
        this.ctx.loaders.lift.paymentsByClient.loadMany(refs),
      );
      return { ...result, values: (result.values as unknown as Payment[][]).flat() };
    });
  }

  /**
   * Each system's loads: its people (what identity fields read) and its case records (what every
   * other field reads). Prefetch and Child.sources both take them from here.
   */
  private readonly systemLoads: Record<
    SystemName,
    { people: (() => Promise<SystemResult<unknown>>)[]; records: (() => Promise<SystemResult<unknown>>)[] }
  > = {
    lcs: { people: [() => this.lcsPeople()], records: [() => this.socialCare()] },
    eyes: { people: [() => this.pupils()], records: [() => this.educationRecords()] },
    lift: { people: [], records: [() => this.agreements(), () => this.payments()] },
    frontdoor: { people: [], records: [() => this.frontDoorContacts()] },
  };

  /**
   * Starts, all at once, the reads the requested fields will need (the systems each field's
   * `@access` says it reads), so that they run alongside the access decision and the audit write
   * instead of after them. Nothing is shown before the decision: this only warms this request's loaders.
   */
  prefetch(fields: readonly string[]): void {
    for (const field of fields) {
      const meaning = CHILD_FIELDS.get(field);
      if (!meaning) continue;
      const part = meaning.group.startsWith('identity.') ? 'people' : 'records';
      for (const system of meaning.reads)
        for (const load of this.systemLoads[SYSTEM_OF[system]][part]) void load();
    }
  }

  /** Everything Child.sources folds into one system's status (the allocation reads count for LCS). */
  sourceLoads(system: System): Promise<SystemResult<unknown>[]> {
    const name = SYSTEM_OF[system];
    const { people, records } = this.systemLoads[name];
    const loads = [...people, ...records, ...(name === 'lcs' ? [() => this.allocation()] : [])];
    return Promise.all(loads.map((load) => load()));
  }

  frontDoorContacts(): Promise<SystemResult<FrontDoorContact>> {
    return this.once('frontdoor:contact', () =>
      loadAll('frontdoor', this.cluster.records.frontdoor, (ids) =>
        this.ctx.loaders.frontdoor.contact.loadMany(ids),
      ),
    );
  }
}
