/**
 * The hub's structured JSON logger (pino) with children's data scrubbed before anything is written.
 *
 *   const logger = createLogger({ level: config.logLevel, pretty: config.env === 'development' });
 *   const log = logger.child({ requestId: requestId(req) });
 *   log.info({ operationName, durationMs }, 'graphql request');
 *   log.error({ err }, 'upstream call failed');          // err becomes { name, code, system }
 *
 * What is removed (see redaction.ts): values under identity and secret keys at any depth (names, dob,
 * nhsNumber, upn, postcode, addresses, authorization/cookie/tokens, GraphQL `variables`), string
 * literals of GraphQL documents under `query`, identifier-shaped text anywhere (NHS numbers, UPNs,
 * postcodes, bearer tokens, JWTs) including the message itself, and every error's message and stack.
 * pino's path redaction backs this up for logged request shapes (node:http's `req.headers`).
 *
 * `pretty: true` pipes through pino-pretty (a dev dependency) when it is installed, else stays JSON.
 */
import { createRequire } from 'node:module';
import { hostname } from 'node:os';

import pino from 'pino';
import type { Bindings, ChildLoggerOptions, DestinationStream, Level, Logger, LoggerOptions } from 'pino';

import { REDACTED, safeError, scrubText, scrubValue } from './redaction.ts';

export { REDACTED, safeError, scrubText, scrubValue } from './redaction.ts';
export type { SafeError } from './redaction.ts';
export type { Logger } from 'pino';

export interface CreateLoggerOptions {
  level?: Level | 'silent';
  /** Human-readable output for local development; ignored when `destination` is given. */
  pretty?: boolean;
  /** Where lines go; default stdout. Tests pass a stream to capture output. */
  destination?: DestinationStream;
  /** Fields added to every line (e.g. service, version): scrubbed like everything else. */
  base?: Record<string, unknown>;
}

/** Request shapes (node:http) whose credentials are removed by path even before the deep scrub. */
const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'variables',
  '*.variables',
];

function scrubArguments(args: unknown[]): unknown[] {
  const [first, ...rest] = args;
  // pino would use an error's message as the line's message; log its safe form and name instead.
  if (first instanceof Error) {
    return [{ err: safeError(first) }, ...(rest.length > 0 ? rest.map(scrubArgument) : [first.name])];
  }
  return args.map(scrubArgument);
}

function scrubArgument(argument: unknown): unknown {
  return typeof argument === 'string' ? scrubText(argument) : argument;
}

function prettyTransport(): DestinationStream | undefined {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
  } catch {
    return undefined;
  }
  return pino.transport({
    target: 'pino-pretty',
    options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l' },
  });
}

export function createLogger(options: CreateLoggerOptions = {}): Logger {
  const loggerOptions: LoggerOptions = {
    level: options.level ?? 'info',
    base: {
      pid: process.pid,
      hostname: hostname(),
      ...(options.base ? (scrubValue(options.base) as Record<string, unknown>) : {}),
    },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    serializers: { err: safeError, error: safeError },
    formatters: {
      level: (label) => ({ level: label }),
      bindings: (bindings) => scrubValue(bindings) as Record<string, unknown>,
      log: (object) => scrubValue(object) as Record<string, unknown>,
    },
    hooks: {
      logMethod(args, method) {
        method.apply(this, scrubArguments(args) as Parameters<typeof method>);
      },
    },
  };
  const destination = options.destination ?? (options.pretty ? prettyTransport() : undefined);
  return withScrubbedChildBindings(destination ? pino(loggerOptions, destination) : pino(loggerOptions));
}

/**
 * pino applies `formatters.bindings` to the root logger's bindings only; children would write theirs
 * unscrubbed. Each logger (root and every descendant) gets its own `child` that scrubs first.
 */
function withScrubbedChildBindings(logger: Logger): Logger {
  const createChild = logger.child.bind(logger);
  const child = (bindings: Bindings, childOptions?: ChildLoggerOptions): Logger =>
    withScrubbedChildBindings(createChild(scrubValue(bindings) as Bindings, childOptions));
  return Object.assign(logger, { child: child as unknown as Logger['child'] });
}
