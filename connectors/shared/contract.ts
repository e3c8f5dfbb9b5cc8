/**
 * The connector edge's check of every upstream answer against its system's published contract.
 * Each schema (connectors/<system>/schemas.generated.ts, generated from the OpenAPI document) is
 * compiled once; each payload is checked once, when it arrives off the wire and before anything
 * maps it (cache reads are not checked again: only checked payloads are ever cached).
 *
 * A payload that breaks its contract fails as the system being unavailable (UPSTREAM_UNAVAILABLE,
 * naming the system), so only that system's part of an answer is lost and nothing is cached. Where
 * it broke is logged and counted: the schema, the path and the keyword, never the value (it may
 * be a child's data).
 */
import { FormatRegistry, type Static, type TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import { UpstreamError } from '../../src/platform/upstream/types.ts';
import { type SystemName } from '../../src/platform/systems.ts';
import { quietLog } from '../../src/platform/observability/quietLog.ts';

/** Where a payload broke its contract: nothing in it comes from the payload's values. */
export interface ContractViolation {
  system: SystemName;
  /** The contract's schema name, e.g. `LcsPersonBatch`. */
  schema: string;
  /** JSON pointer to the first failing place, e.g. `/items/3/dateOfBirth` (property names and indexes). */
  path: string;
  /** The JSON Schema keyword that failed there: `required`, `type`, `format`, `enum`, ... */
  keyword: string;
}

/** Hears of every payload that broke its contract (the hub logs and counts them). */
export interface ContractWatch {
  violated(violation: ContractViolation): void;
}

/** One compiled contract schema. */
export interface Contract<T> {
  readonly system: SystemName;
  readonly schema: string;
  /** True when the payload keeps the contract (and is then typed as it). */
  check(payload: unknown): payload is T;
  /** Where the payload broke the contract; call only after `check` said false (it is the slow path). */
  violation(payload: unknown): ContractViolation;
}

/**
 * Compiles the schema `schema` of a system's generated schemas (once, at start-up: keep the result).
 * Declare the result with the generated OpenAPI type (`Contract<Batch<LcsPerson>>`): the compiler
 * then proves that what passes the check is what the connector's types say it is.
 */
export function compileContract<M extends Record<string, TSchema>, K extends keyof M & string>(
  system: SystemName,
  schemas: M,
  schema: K,
): Contract<Static<M[K]>> {
  registerContractFormats();
  const compiled = TypeCompiler.Compile(schemas[schema] as M[K]);
  return {
    system,
    schema,
    check: (payload): payload is Static<M[K]> => compiled.Check(payload),
    violation: (payload) => {
      const first = compiled.Errors(payload).First();
      return { system, schema, ...(first ? issueOf(first) : { path: '', keyword: 'unknown' }) };
    },
  };
}

/**
 * The payload, if it keeps its contract; otherwise the watch hears where it broke and the call
 * fails as the system being unavailable (the message names the schema, path and keyword only).
 */
export function keptContract<T>(contract: Contract<T>, payload: unknown, watch: ContractWatch): T {
  if (contract.check(payload)) return payload;
  const violation = contract.violation(payload);
  watch.violated(violation);
  throw new UpstreamError(
    contract.system,
    'UPSTREAM_UNAVAILABLE',
    `${contract.system} answered a payload that breaks its contract: ${violation.schema} at ${violation.path || '/'} (${violation.keyword})`,
  );
}

/** How long one kind of violation stays quiet in the log after it was logged (it is still counted). */
export const CONTRACT_LOG_QUIET_MS = 60_000;

/**
 * A watch that counts every violation by system and schema, and logs it at warn (reason
 * `contract`). A drifted adapter breaks every answer alike, so one kind of violation (system,
 * schema, keyword, path with its indexes left out) is logged once per CONTRACT_LOG_QUIET_MS, with
 * how many like it went unlogged since: the log says what broke without a line per request.
 */
export function loggingContractWatch(
  logger: { warn(fields: object, message: string): void },
  count: (system: SystemName, schema: string) => void,
  now: () => number = Date.now,
): ContractWatch {
  const due = quietLog(CONTRACT_LOG_QUIET_MS, now);
  return {
    violated: (violation) => {
      count(violation.system, violation.schema);
      const logged = due(
        `${violation.system} ${violation.schema} ${violation.keyword} ${violation.path.replace(/\/\d+(?=\/|$)/g, '/*')}`,
      );
      if (logged === null) return;
      logger.warn(
        {
          ...violation,
          reason: 'contract',
          ...(logged.unloggedSince ? { unloggedSince: logged.unloggedSince } : {}),
        },
        `${violation.system} answered a payload that breaks its contract: its part of the answer is unavailable`,
      );
    },
  };
}

/** The JSON Schema keyword behind each error TypeBox can report for the generated schemas. */
const KEYWORD: Partial<Record<ValueErrorType, string>> = {
  [ValueErrorType.ObjectRequiredProperty]: 'required',
  [ValueErrorType.Object]: 'type',
  [ValueErrorType.Array]: 'type',
  [ValueErrorType.String]: 'type',
  [ValueErrorType.Integer]: 'type',
  [ValueErrorType.Number]: 'type',
  [ValueErrorType.Boolean]: 'type',
  [ValueErrorType.Null]: 'type',
  [ValueErrorType.Literal]: 'enum',
  [ValueErrorType.StringFormat]: 'format',
  [ValueErrorType.StringFormatUnknown]: 'format',
  [ValueErrorType.StringPattern]: 'pattern',
  [ValueErrorType.IntegerMinimum]: 'minimum',
  [ValueErrorType.NumberMinimum]: 'minimum',
  [ValueErrorType.IntegerMaximum]: 'maximum',
  [ValueErrorType.NumberMaximum]: 'maximum',
  [ValueErrorType.Union]: 'anyOf',
};

/**
 * Path and keyword of one error (its value and message are dropped). A union says little by itself,
 * so a nullable field is judged by its non-null member, and a union of literals is an `enum`.
 */
function issueOf(error: ValueError): { path: string; keyword: string } {
  if (error.type === ValueErrorType.Union) {
    const members = error.errors
      .map((member) => member.First())
      .filter((first): first is ValueError => first !== undefined && first.type !== ValueErrorType.Null);
    if (members.length === 1) return issueOf(members[0]!);
    if (members.length > 0 && members.every((member) => member.type === ValueErrorType.Literal)) {
      return { path: error.path, keyword: 'enum' };
    }
  }
  return { path: error.path, keyword: KEYWORD[error.type] ?? ValueErrorType[error.type] ?? 'unknown' };
}

const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i;

/** The digit at `at` (0-9), or -1 when it is anything else. */
function digitAt(text: string, at: number): number {
  const code = text.charCodeAt(at) - 48;
  return code >= 0 && code <= 9 ? code : -1;
}

/**
 * A real calendar date, YYYY-MM-DD (no 31 June, 29 February only in a leap year). Read digit by
 * digit: every date in every upstream answer is checked against its contract, and a regular
 * expression's match array and captured strings were about 1% of what a cold view allocates.
 */
export function isCalendarDate(text: string): boolean {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  const y0 = digitAt(text, 0);
  const y1 = digitAt(text, 1);
  const y2 = digitAt(text, 2);
  const y3 = digitAt(text, 3);
  const m0 = digitAt(text, 5);
  const m1 = digitAt(text, 6);
  const d0 = digitAt(text, 8);
  const d1 = digitAt(text, 9);
  if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1) < 0) return false;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  if (month < 1 || month > 12 || day < 1) return false;
  if (day <= 28) return true;
  const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** An instant, ISO 8601 with an offset (`Z` or `±hh:mm`), on a real calendar date. */
export function isDateTime(text: string): boolean {
  return DATE_TIME.test(text) && isCalendarDate(text.slice(0, 10));
}

/**
 * TypeBox checks `format` only through its (process-wide) registry and fails unknown formats, so
 * the two formats the contracts use are registered here. A simulator running in the same process
 * registers the same rules (simulators/kit/formats.ts); whichever comes first is kept.
 */
function registerContractFormats(): void {
  if (!FormatRegistry.Has('date')) FormatRegistry.Set('date', isCalendarDate);
  if (!FormatRegistry.Has('date-time')) FormatRegistry.Set('date-time', isDateTime);
}
