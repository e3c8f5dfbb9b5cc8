/**
 * Valid answers pass: every record of a demo county keeps its system's contract as the hub's
 * connectors check it, both as the county holds them and as the simulators serve every list over
 * HTTP through the real clients (which check each page). A false alarm here would take a child's
 * answer down in production.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEyesClient } from '../../../connectors/eyes/client.ts';
import { EYES_CONTRACTS } from '../../../connectors/eyes/contracts.ts';
import { createFrontDoorClient } from '../../../connectors/frontdoor/client.ts';
import { FRONTDOOR_CONTRACTS } from '../../../connectors/frontdoor/contracts.ts';
import { createLcsClient } from '../../../connectors/lcs/client.ts';
import { LCS_CONTRACTS } from '../../../connectors/lcs/contracts.ts';
import { createLiftClient } from '../../../connectors/lift/client.ts';
import { LIFT_CONTRACTS } from '../../../connectors/lift/contracts.ts';
import type { Contract, ContractViolation } from '../../../connectors/shared/contract.ts';
import { readAllPages } from '../../../connectors/shared/loaderKit.ts';
import { testUpstreamClient } from '../../support/upstreamClients.ts';
import type { SystemName } from '../../../src/platform/systems.ts';
import { startSimulators, type RunningSimulators } from '../../../simulators/index.ts';
import type { RecordSet } from '../../../simulators/county/types.ts';
import { recordingWatch } from './support.ts';

let sims: RunningSimulators;
beforeAll(async () => {
  sims = await startSimulators({ seed: 'contracts', scale: 'demo' });
});
afterAll(async () => {
  await sims?.close();
});

/** Every record of a set in one page or batch envelope: the envelope's contract checks each item. */
const page = (set: RecordSet<unknown>) => ({ items: set.ids().map((id) => set.get(id)), nextCursor: null });
const batch = (set: RecordSet<unknown>) => ({ items: set.ids().map((id) => set.get(id)), missing: [] });
const each = (set: RecordSet<unknown>) => set.ids().map((id) => set.get(id));

/** Where the payload breaks the contract: nothing when it keeps it. */
const broken = <T>(contract: Contract<T>, payload: unknown): ContractViolation[] =>
  contract.check(payload) ? [] : [contract.violation(payload)];

function http(system: SystemName) {
  return testUpstreamClient(system, sims.urls[system]!, { maxConcurrency: 4 });
}

describe('a demo county against the contracts the connectors check', () => {
  it('holds no record that breaks its contract, in any system', () => {
    const { lcs, eyes, lift, frontdoor } = sims.county;
    const violations = [
      ...broken(LCS_CONTRACTS.personPage, page(lcs.people)),
      ...each(lcs.socialCare).flatMap((record) => broken(LCS_CONTRACTS.socialCare, record)),
      ...broken(LCS_CONTRACTS.workerPage, page(lcs.workers)),
      ...broken(LCS_CONTRACTS.teamPage, page(lcs.teams)),
      ...broken(EYES_CONTRACTS.pupilPage, page(eyes.pupils)),
      ...each(eyes.records).flatMap((record) => broken(EYES_CONTRACTS.record, record)),
      ...broken(EYES_CONTRACTS.settingBatch, batch(eyes.settings)),
      ...broken(LIFT_CONTRACTS.clientPage, page(lift.clients)),
      ...broken(LIFT_CONTRACTS.agreementPage, page(lift.agreements)),
      ...broken(LIFT_CONTRACTS.paymentPage, page(lift.payments)),
      ...broken(LIFT_CONTRACTS.budgetLinePage, page(lift.budgetLines)),
      ...broken(LIFT_CONTRACTS.sendCostPage, page(lift.sendCosts)),
      ...broken(FRONTDOOR_CONTRACTS.contactPage, page(frontdoor.contacts)),
    ];
    expect(violations).toEqual([]);
    expect(lcs.people.size + eyes.pupils.size + frontdoor.contacts.size).toBeGreaterThan(5000);
  });

  it('serves every list through the checking clients without one broken page', async () => {
    const seen = recordingWatch();
    const scope = {};
    const lcs = createLcsClient(http('lcs'), seen.watch);
    const eyes = createEyesClient(http('eyes'), seen.watch);
    const lift = createLiftClient(http('lift'), seen.watch);
    const frontdoor = createFrontDoorClient(http('frontdoor'), seen.watch);
    const read = <T>(page: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>) =>
      readAllPages(page);

    const teams = await read((c) => lcs.teamsPage(c, scope));
    const counts = await Promise.all([
      read((c) => lcs.peoplePage(c, scope)),
      read((c) => lcs.workersPage(c, scope)),
      ...teams.map((team) => read((c) => lcs.involvementsPage(c, scope, { teamId: team.teamId }))),
      read((c) => lcs.referralsPage(c, scope, {})),
      read((c) => lcs.assessmentsPage(c, scope, {})),
      read((c) => lcs.s47Page(c, scope, {})),
      read((c) => lcs.cpPlansPage(c, scope, {})),
      read((c) => lcs.claEpisodesPage(c, scope, {})),
      read((c) => lcs.placementsPage(c, scope, {})),
      read((c) => lcs.cinPlansPage(c, scope, {})),
      read((c) => lcs.careLeaversPage(c, scope)),
      read((c) => lcs.uascPage(c, scope)),
      read((c) => eyes.pupilsPage(c, scope)),
      read((c) => eyes.ehcpRequestsPage(c, scope, {})),
      read((c) => eyes.ehcpPlansPage(c, scope, {})),
      read((c) => eyes.missingEducationPage(c, scope, {})),
      read((c) => lift.clientsPage(c, scope)),
      read((c) => lift.agreementsPage(c, scope, {})),
      read((c) => lift.allPaymentsPage(c, scope, {})),
      read((c) => lift.sendCostsPage(c, scope, {})),
      read((c) => frontdoor.contactsPage(c, scope)),
    ]).then((lists) => lists.map((list) => list.length));
    expect(seen.logged).toEqual([]);
    expect(counts.every((count) => count > 0)).toBe(true);
  });
});
