/**
 * Checks an audit trail: walks its keyed hash chain from the genesis and compares its end with the
 * anchor kept apart from it. Reports the first bad seq: an edited, deleted or reordered record, a
 * record re-hashed without the chain key, or records cut off the end.
 *
 *   npm run audit:verify                         the trail the configuration names (AUDIT_SINK ...)
 *   npm run audit:verify -- --file .tmp/audit.jsonl [--anchor-key K --redis URL]
 *   npm run audit:verify -- --redis redis://127.0.0.1:6379 --stream svoc:audit
 *
 * The chain key comes from AUDIT_CHAIN_KEY, else --key-file, else the development key file
 * beside the development signing key (AUTH_LOCAL_KEY_FILE). The file trail's anchor is the Redis
 * key AUDIT_ANCHOR_KEY (or --anchor-key) when set, else `<file>.anchor`; a stream's anchor is
 * `<stream>:anchor`.
 *
 * Exit codes: 0 trail intact and complete, 1 trail broken, 2 bad usage or nothing could be read.
 */
import { access } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Redis } from 'ioredis';
import {
  anchorKeyOfStream,
  connectAuditRedis,
  createFileAnchor,
  readAuditFile,
  readChainKey,
  readRedisAnchor,
  readStream,
  verifyChain,
  type Anchor,
  type ChainKey,
  type VerifyProblem,
  type VerifyResult,
} from '../src/platform/audit/index.ts';
import { ConfigError, loadConfig, type HubConfig } from '../src/platform/config/index.ts';

const PROBLEMS: Record<VerifyProblem, string> = {
  UNPARSABLE: 'the record cannot be read',
  SEQ: 'a record is missing or out of order',
  PREV_HASH: 'the record does not link to the one before it',
  HASH: 'the record was altered after it was written, or its hash recomputed without the chain key',
  TRUNCATED: 'records were cut off the end of the trail',
  ANCHOR_MISSING: 'the trail has no anchor, so a cut-off end could not be told from a complete trail',
  ANCHOR_FORGED: 'the anchor was not written with this chain key',
  ANCHOR_MISMATCH: 'the record at the anchored seq is not the one that was anchored',
};

function usage(message: string): never {
  console.error(`audit:verify: ${message}`);
  console.error(
    'usage: npm run audit:verify [-- --file F [--anchor-key K] | --redis URL --stream S] [--key-file P]',
  );
  process.exit(2);
}

interface Trail {
  description: string;
  records: AsyncIterable<unknown> | Iterable<unknown>;
  anchor: Anchor | null;
  anchorLocation: string;
}

async function withRedis<T>(url: string, use: (redis: Redis) => Promise<T>): Promise<T> {
  const redis = await connectAuditRedis(url);
  try {
    return await use(redis);
  } finally {
    redis.disconnect();
  }
}

async function verify(trail: Trail, key: ChainKey): Promise<VerifyResult> {
  console.log(`audit:verify: ${trail.description}, anchor at ${trail.anchorLocation}`);
  return verifyChain(trail.records, { key, anchor: trail.anchor });
}

async function verifyFile(
  path: string,
  anchorKey: string | null,
  redisUrl: string | null,
  key: ChainKey,
): Promise<{ result: VerifyResult; anchor: Anchor | null }> {
  const exists = await access(path).then(
    () => true,
    () => false,
  );
  const readAnchor = async (): Promise<{ anchor: Anchor | null; location: string }> => {
    if (anchorKey === null) {
      const store = createFileAnchor(`${path}.anchor`);
      return { anchor: await store.read(), location: store.location };
    }
    if (!redisUrl) usage('--anchor-key needs --redis URL (or REDIS_URL)');
    return {
      anchor: await withRedis(redisUrl, (redis) => readRedisAnchor(redis, anchorKey)),
      location: `redis key ${anchorKey}`,
    };
  };
  const { anchor, location } = await readAnchor();
  if (!exists && anchor === null) usage(`cannot read ${path}, and it has no anchor: no trail there`);
  // A trail file that is gone while its anchor remains is a trail cut off at seq 1.
  const records = exists ? readAuditFile(path) : [];
  const result = await verify(
    { description: `file ${path}`, records, anchor, anchorLocation: location },
    key,
  );
  return { result, anchor };
}

async function verifyStream(
  url: string,
  stream: string,
  key: ChainKey,
): Promise<{ result: VerifyResult; anchor: Anchor | null }> {
  return withRedis(url, async (redis) => {
    const anchorKey = anchorKeyOfStream(stream);
    const anchor = await readRedisAnchor(redis, anchorKey);
    // A mistyped stream name would otherwise verify as an intact, empty chain.
    if ((await redis.exists(stream)) === 0 && anchor === null)
      usage(`no stream named ${stream} at that Redis, and no anchor for one`);
    const result = await verify(
      {
        description: `stream ${stream}`,
        records: readStream(redis, stream),
        anchor,
        anchorLocation: `redis key ${anchorKey}`,
      },
      key,
    );
    return { result, anchor };
  });
}

function loadConfigOrExit(): HubConfig {
  try {
    return loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) usage(error.message);
    throw error;
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      redis: { type: 'string' },
      stream: { type: 'string' },
      'anchor-key': { type: 'string' },
      'key-file': { type: 'string' },
    },
    strict: true,
  });
  const config = loadConfigOrExit();
  const keySetting = values['key-file'] ? { devFile: values['key-file'] } : config.audit.chainKey;
  const key = await readChainKey(keySetting).catch((error: Error) =>
    usage(
      `no chain key: set AUDIT_CHAIN_KEY or give --key-file (${'devFile' in keySetting ? `${keySetting.devFile}: ` : ''}${error.message})`,
    ),
  );
  if (values.file && values.stream) usage('give either --file or --stream, not both');
  const redisUrl = values.redis ?? config.redis.url;
  let outcome: { result: VerifyResult; anchor: Anchor | null };
  if (values.stream || (!values.file && config.audit.sink === 'redis')) {
    if (!redisUrl) usage('a stream needs --redis URL (or REDIS_URL)');
    outcome = await verifyStream(redisUrl, values.stream ?? config.audit.stream, key);
  } else {
    const anchorKey = values['anchor-key'] ?? config.audit.anchorKey;
    outcome = await verifyFile(values.file ?? config.audit.file, anchorKey, redisUrl, key);
  }
  const { result, anchor } = outcome;
  if (result.ok) {
    const tail =
      result.unanchored > 0
        ? `; the last ${result.unanchored} were written after the anchor (a batch whose requests were refused)`
        : '';
    console.log(`OK: ${result.count} records, chain intact and complete (head ${result.head.hash})${tail}`);
    return;
  }
  const detail =
    result.problem === 'TRUNCATED' && anchor
      ? `${PROBLEMS.TRUNCATED}: the anchor says it reaches seq ${anchor.seq}`
      : PROBLEMS[result.problem];
  console.log(`BROKEN at seq ${result.brokenSeq}: ${detail} (${result.count} records intact before it)`);
  process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(`audit:verify: ${(error as Error).message}`);
  process.exit(2);
});
