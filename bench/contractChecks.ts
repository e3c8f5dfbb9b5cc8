/**
 * `npx tsx bench/contractChecks.ts`: what the connectors' contract checks cost per child. Over a
 * demo county (seed svoc), for every linked child, the payloads a cold single view reads off the
 * wire (LCS person batch and social care records, EYES pupil batch and education records, LIFT
 * agreements, payments and SEND costs, front-door contacts) are checked with the compiled
 * contracts the connectors use. Prints CPU per child (median, p95, max) and per payload, beside
 * JSON.parse of the same payloads for scale (CPU time, measured with process.cpuUsage around each
 * child, so other processes on a shared machine do not count; the call itself costs ~1 µs). BENCH_ROUNDS (default 20) repeats the county.
 */
import { EYES_CONTRACTS } from '../connectors/eyes/contracts.ts';
import { FRONTDOOR_CONTRACTS } from '../connectors/frontdoor/contracts.ts';
import { LCS_CONTRACTS } from '../connectors/lcs/contracts.ts';
import { LIFT_CONTRACTS } from '../connectors/lift/contracts.ts';
import type { Contract } from '../connectors/shared/contract.ts';
import { generateCounty } from '../simulators/county/generate.ts';
import type { RecordSet } from '../simulators/county/types.ts';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 20);
const county = generateCounty({ seed: 'svoc', scale: 'demo' });

function groupBy<T>(set: RecordSet<T>, key: (record: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const id of set.ids()) {
    const record = set.get(id)!;
    const list = groups.get(key(record)) ?? [];
    list.push(record);
    groups.set(key(record), list);
  }
  return groups;
}
const agreementsByClient = groupBy(county.lift.agreements, (a) => a.clientRef);
const paymentsByClient = groupBy(county.lift.payments, (p) => p.clientRef);
const sendCostsByPupil = groupBy(county.lift.sendCosts, (c) => c.pupilId);
const all = <T>(set: RecordSet<T>, ids: readonly string[]) => ids.map((id) => set.get(id)).filter(Boolean);

/** One payload as it arrives: its contract and its parsed body (and the JSON text, for scale). */
interface Payload {
  contract: Contract<unknown>;
  body: unknown;
  text: string;
}
const payload = <T>(contract: Contract<T>, body: unknown): Payload => ({
  contract: contract as Contract<unknown>,
  body,
  text: JSON.stringify(body),
});

const children: Payload[][] = [];
for (const truth of county.groundTruth()) {
  const payloads: Payload[] = [];
  if (truth.lcs.length > 0) {
    payloads.push(
      payload(LCS_CONTRACTS.personBatch, { items: all(county.lcs.people, truth.lcs), missing: [] }),
    );
    for (const id of truth.lcs)
      payloads.push(payload(LCS_CONTRACTS.socialCare, county.lcs.socialCare.get(id)));
  }
  if (truth.eyes.length > 0) {
    payloads.push(
      payload(EYES_CONTRACTS.pupilBatch, { items: all(county.eyes.pupils, truth.eyes), missing: [] }),
    );
    for (const id of truth.eyes) payloads.push(payload(EYES_CONTRACTS.record, county.eyes.records.get(id)));
    const costs = truth.eyes.flatMap((id) => sendCostsByPupil.get(id) ?? []);
    payloads.push(payload(LIFT_CONTRACTS.sendCostBatch, { items: costs, missing: [] }));
  }
  if (truth.lift.length > 0) {
    const agreements = truth.lift.flatMap((ref) => agreementsByClient.get(ref) ?? []);
    payloads.push(payload(LIFT_CONTRACTS.agreementBatch, { items: agreements, missing: [] }));
    for (const ref of truth.lift)
      payloads.push(
        payload(LIFT_CONTRACTS.paymentPage, { items: paymentsByClient.get(ref) ?? [], nextCursor: null }),
      );
  }
  if (truth.frontdoor.length > 0) {
    payloads.push(
      payload(FRONTDOOR_CONTRACTS.contactBatch, {
        items: all(county.frontdoor.contacts, truth.frontdoor),
        missing: [],
      }),
    );
  }
  // A child known to more than EYES alone: the single views the hub is for.
  if (truth.lcs.length + truth.lift.length + truth.frontdoor.length > 0) children.push(payloads);
}

function measure(work: (payloads: Payload[]) => void): number[] {
  for (const payloads of children) work(payloads); // warm up: compiled code and inline caches
  const perChild = children.map(() => 0);
  for (let round = 0; round < ROUNDS; round++) {
    children.forEach((payloads, i) => {
      // CPU time, not wall time: on a shared machine the wall clock also counts other processes.
      const started = process.cpuUsage();
      work(payloads);
      const spent = process.cpuUsage(started);
      perChild[i]! += spent.user + spent.system;
    });
  }
  return perChild.map((micros) => micros / ROUNDS).sort((a, b) => a - b);
}

let failed = 0;
const checked = measure((payloads) => {
  for (const { contract, body } of payloads) if (!contract.check(body)) failed++;
});
const parsed = measure((payloads) => {
  for (const { text } of payloads) JSON.parse(text);
});

const payloadCount = children.reduce((sum, payloads) => sum + payloads.length, 0);
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const row = (name: string, sorted: number[]) =>
  `${name.padEnd(22)} median ${quantile(sorted, 0.5).toFixed(1).padStart(6)} µs  p95 ${quantile(sorted, 0.95)
    .toFixed(1)
    .padStart(6)} µs  max ${sorted[sorted.length - 1]!.toFixed(1).padStart(7)} µs  per payload ${(
    sorted.reduce((a, b) => a + b, 0) / payloadCount
  ).toFixed(2)} µs`;

console.log(
  `demo county (seed svoc): ${children.length} children, ${payloadCount} payloads (${(payloadCount / children.length).toFixed(1)} a child), ${ROUNDS} rounds`,
);
console.log(row('contract checks', checked));
console.log(row('JSON.parse (scale)', parsed));
const bytes = children.flat().reduce((sum, { text }) => sum + text.length, 0);
console.log(`${(bytes / payloadCount / 1024).toFixed(1)} KiB of JSON a payload on average; ${failed} failed`);
if (failed > 0) process.exitCode = 1;
