/**
 * A drifted adapter, end to end: a system whose answers break its contract (well-formed JSON with a
 * field left out, or sent as the wrong type) gives UPSTREAM_UNAVAILABLE naming that system, its
 * part of the child's answer is null with `sources` saying so, the child's other systems still
 * answer, nothing broken is cached, and the log says where the payload broke but never what it held.
 */
import { Writable } from 'node:stream';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/platform/observability/logger.ts';
import {
  SYSTEMS,
  branchOf,
  errorsOf,
  healthyStatus,
  startResilienceHarness,
  statusOf,
  total,
  type ResilienceHarness,
} from './support.ts';

const logs: string[] = [];
const destination = new Writable({
  write(chunk: Buffer, _encoding, done) {
    logs.push(chunk.toString('utf8'));
    done();
  },
});

let h: ResilienceHarness;
let token: string;
beforeAll(async () => {
  h = await startResilienceHarness(
    { BREAKER_FAILURE_THRESHOLD: '1000' },
    { logger: createLogger({ level: 'info', destination }) },
  );
  token = await h.viewerToken();
});
afterEach(async () => {
  await h.clearFaults();
});
afterAll(async () => {
  await h?.close();
});

const contractLines = () =>
  logs
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line['reason'] === 'contract');

describe('a drifted adapter', () => {
  it('gives UPSTREAM_UNAVAILABLE naming EYES when its education record lacks a field, while LCS, LIFT and the front door still answer', async () => {
    const id = h.freshChild('eyes', 2);
    const violationsBefore = total(await h.metrics(), 'svoc_upstream_contract_violations_total', {
      system: 'eyes',
    });
    await h.setFault('eyes', { dropFields: ['enrolments'], routes: ['/pupils/{pupilId}/record'] });
    const { status, body } = await h.timedQuery(token, id);
    expect(status).toBe(200);
    const child = body.data!.child!;

    expect(branchOf(child, 'eyes')).toBeNull();
    expect(statusOf(child, 'eyes')).toBe('UNAVAILABLE');
    const eyesErrors = errorsOf(body, 'eyes');
    expect(eyesErrors.length).toBeGreaterThan(0);
    for (const error of eyesErrors) expect(error.extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(body.errors!.every((error) => error.extensions?.system === 'EYES')).toBe(true);

    for (const system of SYSTEMS.filter((s) => s !== 'eyes')) {
      const healthy = healthyStatus(child, system);
      expect(statusOf(child, system)).toBe(healthy);
      if (healthy === 'OK') expect(branchOf(child, system)).not.toBeNull();
    }
    const violationsAfter = total(await h.metrics(), 'svoc_upstream_contract_violations_total', {
      system: 'eyes',
      schema: 'EyesEducationRecord',
    });
    expect(violationsAfter).toBeGreaterThan(violationsBefore);

    // Nothing broken was cached: once the adapter is fixed, the next request reads EYES afresh.
    await h.clearFaults();
    const fixed = await h.timedQuery(token, id);
    expect(statusOf(fixed.body.data!.child!, 'eyes')).toBe('OK');
    expect(branchOf(fixed.body.data!.child!, 'eyes')).not.toBeNull();
  });

  it('logs where an LCS payload broke (system, schema, path, keyword) and none of the child’s values', async () => {
    const id = h.freshChild('lcs', 2);
    const cluster = h.hub.directory.resolve(id);
    const people = (cluster?.records.lcs ?? []).map((personId) => h.sims.county.lcs.people.get(personId)!);
    expect(people.length).toBeGreaterThan(0);
    const childValues = people
      .flatMap((p) => [
        p.personId,
        p.forename,
        p.surname,
        p.dateOfBirth,
        p.nhsNumber,
        ...p.addresses.map((a) => a.line1),
      ])
      .filter((value): value is string => typeof value === 'string' && value.length >= 4);

    logs.length = 0;
    // personId drifts too: it is in the social care record as well, which the branch displays.
    await h.setFault('lcs', { wrapFields: ['personId', 'forename', 'surname', 'dateOfBirth'] });
    const { body } = await h.timedQuery(token, id);
    const child = body.data!.child!;
    expect(statusOf(child, 'lcs')).toBe('UNAVAILABLE');
    expect(branchOf(child, 'lcs')).toBeNull();
    expect(errorsOf(body, 'lcs').map((e) => e.extensions?.code)).toContain('UPSTREAM_UNAVAILABLE');

    const lines = contractLines();
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).toMatchObject({ system: 'lcs', keyword: 'type' });
      expect(String(line['path'])).toMatch(/\/(personId|forename|surname|dateOfBirth)$/);
      expect(String(line['schema'])).toMatch(/^Lcs/);
    }
    const written = logs.join('\n');
    for (const value of childValues) expect(written).not.toContain(value);
  });
});
