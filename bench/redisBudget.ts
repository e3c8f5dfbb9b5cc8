/**
 * `npm run bench:redis-budget`: what the 50 ms Redis command budget does on a busy machine. Two
 * clients read the same 7 cached entries (MGET, about 2 KB each) in turns from 20 concurrent
 * workers that also burn CPU per read (the hub's own work, BUDGET_WORK_MS, 1 ms), while CPU burners
 * take the machine's cores: ioredis's plain 50 ms command timeout against the hub's budget (floor
 * 50 ms, adapted to the measured round trips, judged after pending I/O). Prints how many reads
 * each turned into misses, the round trips, and where the budget settled.
 * Environment: BUDGET_SECONDS (20), BUDGET_BURNERS (one per core), BUDGET_WORK_MS (1), REDIS_URL.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { Redis } from 'ioredis';
import { budgetedCommands } from '../src/platform/cache/redisConnection.ts';

const env = process.env;
const SECONDS = Number(env['BUDGET_SECONDS'] ?? 20);
const BURNERS = Number(env['BUDGET_BURNERS'] ?? cpus().length);
/** The hub's own CPU work per read, per worker. */
const WORK_MS = Number(env['BUDGET_WORK_MS'] ?? 1);
const REDIS_URL = env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const BUDGET_MS = 50;

function busy(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // the hub's CPU work between reads
  }
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}

async function main(): Promise<void> {
  const prefix = `svoc-budget-bench-${randomBytes(4).toString('hex')}:`;
  const plain = new Redis(REDIS_URL, {
    keyPrefix: prefix,
    commandTimeout: BUDGET_MS,
    maxRetriesPerRequest: 0,
  });
  const budgeted = new Redis(REDIS_URL, { keyPrefix: prefix, commandTimeout: 1000, maxRetriesPerRequest: 0 });
  const bounded = budgetedCommands({ commandTimeoutMs: BUDGET_MS });
  const keys = Array.from({ length: 7 }, (_, i) => `k${i}`);
  for (const key of keys) await plain.set(key, randomBytes(1024).toString('hex'), 'EX', 600);

  const burners = Array.from({ length: BURNERS }, () =>
    spawn(process.execPath, ['-e', 'for(;;){}'], { stdio: 'ignore' }),
  );
  const until = Date.now() + SECONDS * 1000;
  const counts = { plainReads: 0, plainTimeouts: 0, budgetReads: 0, budgetMisses: 0 };
  const roundTrips: number[] = [];
  const worker = async () => {
    while (Date.now() < until) {
      counts.plainReads++;
      await plain.mgetBuffer(keys).catch(() => counts.plainTimeouts++);
      busy(WORK_MS);
      counts.budgetReads++;
      const sent = performance.now();
      await bounded.run(budgeted.mgetBuffer(keys)).then(
        () => roundTrips.push(performance.now() - sent),
        () => counts.budgetMisses++,
      );
      busy(WORK_MS);
    }
  };
  try {
    await Promise.all(Array.from({ length: 20 }, worker));
  } finally {
    for (const burner of burners) burner.kill('SIGKILL');
  }
  roundTrips.sort((a, b) => a - b);
  process.stdout.write(
    `${SECONDS} s, ${BURNERS} CPU burners on ${cpus().length} cores, 20 workers:\n` +
      `  plain ioredis commandTimeout ${BUDGET_MS} ms: ${counts.plainTimeouts} of ${counts.plainReads} reads timed out (each a miss and an upstream call)\n` +
      `  the hub's budget (floor ${BUDGET_MS} ms, adaptive): ${counts.budgetMisses} of ${counts.budgetReads} reads missed; budget at the end ${bounded.budget.ms().toFixed(0)} ms\n` +
      `  answered reads, send to answer as the process saw it: p50 ${percentile(roundTrips, 0.5).toFixed(1)} ms, ` +
      `p99 ${percentile(roundTrips, 0.99).toFixed(1)} ms, max ${(roundTrips.at(-1) ?? 0).toFixed(1)} ms\n`,
  );
  await plain.del(...keys);
  plain.disconnect();
  budgeted.disconnect();
}

await main();
