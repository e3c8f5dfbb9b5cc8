/**
 * Audit: an append-only, hash-chained record of every consultation of a child's record.
 *
 * ── Set-up (once, in app.ts) ────────────────────────────────────────────────────────────────
 *   const sink = await createFileSink('.audit/audit.jsonl')           // one instance per file
 *            // or await createRedisStreamSink({ redisUrl, stream: 'svoc:audit' })  // many instances
 *   const audit = createAuditTrail({ sink })
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
 *   // Resolves (with the sealed AuditRecord) once durable. Rejects with AuditWriteError if the
 *   // record could not be written: refuse the request then. Rejects with AuditEntryError (a
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
 *   npm run audit:verify -- --file .audit/audit.jsonl
 *   npm run audit:verify -- --redis redis://127.0.0.1:6379 --stream svoc:audit
 *   verifyChain(records) -> { ok: true, count } | { ok: false, count, brokenSeq, problem }
 */
export { createAuditTrail, AuditWriteError, type AuditTrail, type AuditTrailOptions } from './trail.ts';
export {
  createFileSink,
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
export { AuditEntryError } from './entry.ts';
export {
  GENESIS_HASH,
  UNPARSABLE,
  canonicalJson,
  hashRecord,
  isAlert,
  sealBatch,
  verifyChain,
  type ChainHead,
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
