/**
 * Audit: an append-only record of every consultation of a child's record, chained with an HMAC
 * under AUDIT_CHAIN_KEY and anchored apart from the records (see chain.ts and the README).
 *
 * ── Set-up (once, in app.ts) ────────────────────────────────────────────────────────────────
 *   const key = chainKey(secret)                       // AUDIT_CHAIN_KEY (loadChainKey in development)
 *   const sink = await createFileSink('.audit/audit.jsonl', { key, anchor })   // one instance per file
 *            // anchor: await createRedisAnchor({ redisUrl, key: 'svoc:audit:anchor' }); default a file
 *            // or await createRedisStreamSink({ redisUrl, stream: 'svoc:audit', key })  // many instances
 *   const audit = createAuditTrail({ sink, logger, metrics })
 *   // on shutdown: await audit.close()
 *
 * ── Per access (resolvers) ──────────────────────────────────────────────────────────────────
 *   await audit.record({
 *     requestId, userId: viewer.userId, roles: viewer.roles, teamId: viewer.teamId,
 *     childId,                              // hub id; null for SEARCH / AUDIT_QUERY
 *     childIds?,                            // hub ids a list showed (SEARCH, CASELOAD, REPORT)
 *     action: decision.alert ? 'BREAK_GLASS' : decision.visible ? 'VIEW' : 'DENY',
 *     groups: [...decision.groups], fields?, purpose?,
 *     breakGlass: decision.breakGlass ?? undefined,
 *     decision: 'ALLOWED' | 'DENIED' | 'NOT_FOUND',
 *   })
 *   // Resolves (with the sealed AuditRecord) once durable and anchored. Rejects with
 *   // AuditWriteError if the record could not be written: refuse the request then (the trail has
 *   // already logged and counted the failure). Rejects with AuditEntryError (a
 *   // TypeError) for a malformed entry: a programming error.
 *   // Only the fields above are stored; anything else on the object is dropped.
 *   // Resolvers go through resolvers/support/disclosure.ts (recordAccess), which refuses for them.
 *
 * ── Reading (AUDITOR, accessLog) ────────────────────────────────────────────────────────────
 *   audit.query({ userId?, childId?, from?, to?, limit })   newest first, limit ≤ 1000
 *   audit.recentForChild(childId, 25)                        the last accesses to a child
 *   (by child: records naming it in childId or listing it in childIds)
 *   audit.alerts(100)                                        break-glass uses for review
 *   The file sink answers from a bounded in-memory index (recent records per child and user);
 *   the Redis sink walks the stream backwards (bounded by maxScan).
 *
 * ── Verification ────────────────────────────────────────────────────────────────────────────
 *   npm run audit:verify                       the trail the configuration names, with its anchor
 *   npm run audit:verify -- --file .audit/audit.jsonl [--redis URL --anchor-key K]
 *   npm run audit:verify -- --redis redis://127.0.0.1:6379 --stream svoc:audit
 *   verifyChain(records, { key, anchor }) -> { ok: true, count, head, unanchored }
 *                                          | { ok: false, count, brokenSeq, problem }
 */
export {
  createAuditTrail,
  AuditWriteError,
  type AuditLogger,
  type AuditTrail,
  type AuditTrailOptions,
} from './trail.ts';
export {
  createFileSink,
  type FileAuditSink,
  readAuditFile,
  nodeFileIo,
  AuditFileCorruptError,
  type FileSinkIo,
  type FileSinkOptions,
} from './fileSink.ts';
export {
  createRedisStreamSink,
  readStream,
  alertsStreamOf,
  type RedisStreamSinkOptions,
} from './redisStreamSink.ts';
export { createMemorySink, type MemorySink } from './memorySink.ts';
export { createFileAnchor, createRedisAnchor, type AnchorStore } from './anchor.ts';
export { anchorKeyOfStream, connectAuditRedis, readRedisAnchor } from './redis.ts';
export {
  AUDIT_ALARMS,
  AUDIT_FAILURE_REASONS,
  AuditChainAlarm,
  AuditSinkError,
  type AuditAlarmKind,
  type AuditFailureReason,
} from './errors.ts';
export { NO_AUDIT_METRICS, type AuditMetrics, type AuditSinkKind } from './metrics.ts';
export { loadChainKey, readChainKey, type ChainKeySetting } from './chainKey.ts';
export { AuditEntryError } from './entry.ts';
export {
  GENESIS_HASH,
  UNPARSABLE,
  anchorOf,
  canonicalJson,
  chainKey,
  hashRecord,
  isAlert,
  sealBatch,
  sealBatchWithTexts,
  type SealedBatch,
  verifyChain,
  type Anchor,
  type ChainHead,
  type ChainKey,
  type VerifyProblem,
  type VerifyResult,
} from './chain.ts';
export type { RecentIndexLimits } from './recentIndex.ts';
export {
  AUDIT_ACTIONS,
  AUDIT_DECISIONS,
  type AuditAction,
  type AuditDecision,
  type AuditEntry,
  type AuditQuery,
  type AuditRecord,
  type AuditSink,
  type TimedEntry,
} from './types.ts';
