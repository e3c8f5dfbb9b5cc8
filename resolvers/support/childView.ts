/**
 * One child as this request sees it: the linked records (from the identity index), the viewer's
 * access decision, and memoised loads of each system's data through this request's loaders.
 * Resolvers read everything about a child through here, so each upstream read happens once.
 */
import type { AccessDecision } from '../../src/access/index.ts';
import type { ChildFieldGroup } from '../../src/access/types.ts';
import type { HubContext } from '../../src/context.ts';
import type { ClusterView } from '../../src/identity/types.ts';
import type { LcsPerson, LcsSocialCareRecord } from '../../connectors/lcs/types.ts';
import type { EyesEducationRecord, EyesPupil } from '../../connectors/eyes/types.ts';
import type { LiftAgreement, LiftClient, LiftPayment } from '../../connectors/lift/types.ts';
import type { FrontDoorContact } from '../../connectors/frontdoor/types.ts';
import { loadAll, notLinked, type SystemResult } from './systemResult.ts';

export class ChildView {
  private readonly memo = new Map<string, Promise<SystemResult<unknown>>>();

  constructor(
    readonly cluster: ClusterView,
    readonly decision: AccessDecision,
    readonly ctx: HubContext,
  ) {}

  get hubId(): string {
    return this.cluster.hubId;
  }

  /** Reuses the loads another view of the same child already started (the access probe's). */
  adopt(other: ChildView): void {
    for (const [key, pending] of other.memo) this.memo.set(key, pending);
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

  lcsPeople(): Promise<SystemResult<LcsPerson>> {
    return this.once('lcs:person', () => loadAll('lcs', this.cluster.records.lcs, (ids) => this.ctx.loaders.lcs.person.loadMany(ids)));
  }

  socialCare(): Promise<SystemResult<LcsSocialCareRecord>> {
    return this.once('lcs:social-care', () =>
      loadAll('lcs', this.cluster.records.lcs, (ids) => this.ctx.loaders.lcs.socialCare.loadMany(ids)),
    );
  }

  pupils(): Promise<SystemResult<EyesPupil>> {
    return this.once('eyes:pupil', () => loadAll('eyes', this.cluster.records.eyes, (ids) => this.ctx.loaders.eyes.pupil.loadMany(ids)));
  }

  educationRecords(): Promise<SystemResult<EyesEducationRecord>> {
    return this.once('eyes:record', () => loadAll('eyes', this.cluster.records.eyes, (ids) => this.ctx.loaders.eyes.record.loadMany(ids)));
  }

  /** LIFT clients are found through the child's LCS person ids (finance follows social care). */
  liftClients(): Promise<SystemResult<LiftClient>> {
    return this.once('lift:clients', async () => {
      const personIds = this.cluster.records.lcs;
      if (personIds.length === 0) return notLinked<LiftClient>('lift');
      const result = await loadAll('lift', personIds, (ids) => this.ctx.loaders.lift.clientsByPerson.loadMany(ids));
      const clients = (result.values as unknown as LiftClient[][]).flat();
      return { ...result, values: clients, state: result.state === 'OK' && clients.length === 0 ? 'NOT_LINKED' : result.state };
    });
  }

  agreements(): Promise<SystemResult<LiftAgreement>> {
    return this.once('lift:agreements', async () => {
      const clients = await this.liftClients();
      if (clients.error || clients.values.length === 0) return { ...clients, values: [] };
      const result = await loadAll('lift', clients.values.map((c) => c.clientRef), (refs) =>
        this.ctx.loaders.lift.agreementsByClient.loadMany(refs),
      );
      return { ...result, values: (result.values as unknown as LiftAgreement[][]).flat() };
    });
  }

  payments(): Promise<SystemResult<LiftPayment>> {
    return this.once('lift:payments', async () => {
      const clients = await this.liftClients();
      if (clients.error || clients.values.length === 0) return { ...clients, values: [] };
      const result = await loadAll('lift', clients.values.map((c) => c.clientRef), (refs) =>
        this.ctx.loaders.lift.paymentsByClient.loadMany(refs),
      );
      return { ...result, values: (result.values as unknown as LiftPayment[][]).flat() };
    });
  }

  frontDoorContacts(): Promise<SystemResult<FrontDoorContact>> {
    return this.once('frontdoor:contact', () =>
      loadAll('frontdoor', this.cluster.records.frontdoor, (ids) => this.ctx.loaders.frontdoor.contact.loadMany(ids)),
    );
  }
}
