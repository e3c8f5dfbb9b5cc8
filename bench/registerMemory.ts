/**
 * What a restarted instance's memory consists of: over a register that holds a full load and a link
 * checkpoint (e.g. one `npm run bench:register` kept with BENCH_KEEP_DATABASE=1), measures in this
 * process, after a full GC each time, the link index laid out from the checkpoint alone, the id map
 * the register mirrors alone, then a whole start (startChildRegister, as the hub starts it).
 *
 *   BENCH_DATABASE_URL=postgres://…/svoc_register_bench_… node --expose-gc --import tsx bench/registerMemory.ts
 */
import { getHeapSpaceStatistics } from 'node:v8';
import { readCheckpoint } from '../src/domain/identity/checkpoint.ts';
import { startChildRegister } from '../src/platform/register/childRegister.ts';
import { openRegisterStore } from '../src/platform/register/store.ts';

const url = process.env['BENCH_DATABASE_URL'];
if (!url) throw new Error('BENCH_DATABASE_URL: a register database holding a full load');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc');

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`;
function usage(label: string, since?: NodeJS.MemoryUsage): NodeJS.MemoryUsage {
  gc!();
  gc!();
  const now = process.memoryUsage();
  const delta = (key: keyof NodeJS.MemoryUsage) => (since ? ` (${mb(now[key] - since[key])})` : '');
  const total = `, heap total ${mb(now.heapTotal)}`;
  console.log(
    `${label.padEnd(44)} rss ${mb(now.rss)}${delta('rss')}, heap used ${mb(now.heapUsed)}${delta('heapUsed')}, ` +
      `external ${mb(now.external)}${delta('external')} of which array buffers ${mb(now.arrayBuffers)}${delta('arrayBuffers')}${total}`,
  );
  return now;
}

const base = usage('before anything');
const store = await openRegisterStore({ url, dataDir: null, poolSize: 4 });
const opened = usage('register store open', base);

/** The link index laid out from the checkpoint, measured, then let go. */
async function linkIndexAlone(): Promise<void> {
  const newest = await store.newestCheckpoint();
  if (newest === null) throw new Error('no link checkpoint stored');
  let started = performance.now();
  let bytes: Uint8Array | null = await store.readCheckpoint(newest);
  const readMs = performance.now() - started;
  usage(`checkpoint bytes read (${mb(bytes.length)})`, opened);
  started = performance.now();
  const directory = readCheckpoint(bytes, { rules: store.linkingRules });
  console.log(`  read ${readMs.toFixed(0)} ms, laid out ${(performance.now() - started).toFixed(0)} ms`);
  bytes = null;
  usage(`link index alone (${directory.stats().totalRecords} records)`, opened);
}
await linkIndexAlone();
usage('link index let go', opened);

async function idMapAlone(): Promise<void> {
  const started = performance.now();
  // Read as the register reads it, but into a Map of key to id (no link index to lay it over here).
  const memberships = new Map<string, string>();
  await store.snapshot((record, hubId) => memberships.set(record, hubId));
  console.log(`  id map read in ${(performance.now() - started).toFixed(0)} ms`);
  usage(`id map alone, as a Map (${memberships.size} memberships)`, opened);
}
await idMapAlone();
usage('id map let go', opened);

const started = performance.now();
const register = await startChildRegister(store, {
  pollMs: 60_000,
  loadFromSystems: () => Promise.reject(new Error('this instance starts from the register alone')),
});
console.log(`  started in ${(performance.now() - started).toFixed(0)} ms`);
usage('whole start (startChildRegister)', opened);
for (const space of getHeapSpaceStatistics())
  if (space.space_used_size > 1024 * 1024)
    console.log(`  ${space.space_name.padEnd(28)} ${mb(space.space_used_size)}`);
await register.close();
