/**
 * Walks an audit trail's hash chain from the genesis and reports the first broken seq.
 *
 *   npm run audit:verify -- --file .audit/audit.jsonl
 *   npm run audit:verify -- --redis redis://127.0.0.1:6379 --stream svoc:audit
 *
 * Exit codes: 0 chain intact, 1 chain broken, 2 bad usage or the trail could not be read.
 */
import { access } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { readAuditFile, readStream, verifyChain, type VerifyResult } from '../src/audit/index.ts';

const PROBLEMS: Record<Extract<VerifyResult, { ok: false }>['problem'], string> = {
  UNPARSABLE: 'the record cannot be read',
  SEQ: 'a record is missing or out of order',
  PREV_HASH: 'the record does not link to the one before it',
  HASH: 'the record was altered after it was written',
};

function usage(message: string): never {
  console.error(`audit:verify: ${message}`);
  console.error('usage: npm run audit:verify -- --file F | --redis URL --stream S');
  process.exit(2);
}

async function verifyFile(path: string): Promise<VerifyResult> {
  await access(path).catch(() => usage(`cannot read ${path}`));
  return verifyChain(readAuditFile(path));
}

async function verifyRedis(url: string, stream: string): Promise<VerifyResult> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    // A mistyped stream name would otherwise verify as an intact, empty chain.
    if ((await redis.exists(stream)) === 0) usage(`no stream named ${stream} at that Redis`);
    return await verifyChain(readStream(redis, stream));
  } finally {
    redis.disconnect();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { file: { type: 'string' }, redis: { type: 'string' }, stream: { type: 'string' } },
    strict: true,
  });
  let result: VerifyResult;
  if (values.file && !values.redis) {
    result = await verifyFile(values.file);
  } else if (values.redis && values.stream && !values.file) {
    result = await verifyRedis(values.redis, values.stream);
  } else {
    usage('give either --file, or --redis with --stream');
  }
  if (result.ok) {
    console.log(`OK: ${result.count} records, chain intact (head ${result.head.hash})`);
    return;
  }
  console.log(
    `BROKEN at seq ${result.brokenSeq}: ${PROBLEMS[result.problem]} (${result.count} records intact before it)`,
  );
  process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`audit:verify: ${(error as Error).message}`);
  process.exit(2);
});
