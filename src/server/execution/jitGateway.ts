/**
 * A graphql-jit executor for Apollo Server 5, plugged in through Apollo's `gateway` option (Apollo 5
 * has no executor option; a gateway's `load()` may return `{ schema, executor }`).
 *
 * Each document is compiled once, keyed by its text and the operation name the client sent, and
 * kept in a bounded LRU. Everything Apollo does around execution stays as it was: parsing,
 * validation (depth, cost and the other hardening rules), plugins, `formatError` masking. Two details
 * keep answers identical to graphql-js:
 * - graphql-jit reports errors as its own error objects; they are turned back into graphql-js
 *   `GraphQLError`s (same message, locations, path, extensions, original error) so Apollo's
 *   formatting and masking treat them exactly as before;
 * - a request that fails before any resolver runs (variable coercion) is answered by graphql-js,
 *   whose errors carry the AST nodes Apollo needs to classify them as BAD_USER_INPUT with a 400.
 * Documents graphql-jit cannot compile run on graphql-js `execute`, and so do federation entity
 * fetches: graphql-jit drops the null left by a failed item of a list of an abstract type
 * (`_entities` answered `[a]` for `[a, null]`), and a router matches entities by position.
 */
import {
  BREAK,
  execute,
  GraphQLError,
  visit,
  printSchema,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type SourceLocation,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type {
  GatewayExecutor,
  GatewayInterface,
  GatewaySchemaLoadOrUpdateCallback,
} from '@apollo/server-gateway-interface';
import { BoundedLru } from './lru.ts';

export interface JitGatewayOptions {
  schema: GraphQLSchema;
  /** How many compiled documents to keep (least recently used are dropped). Default 500. */
  maxCachedDocuments?: number;
}

export interface JitExecutionStats {
  compiled: number;
  cacheHits: number;
  fallbacks: number;
  cached: number;
}

export interface JitGateway extends GatewayInterface {
  /** Runs one document (what Apollo's pipeline calls); exposed for tests and benchmarks. */
  readonly executor: GatewayExecutor;
  stats(): JitExecutionStats;
}

/** A compiled plan, or `null` when graphql-jit could not compile the document (graphql-js runs it). */
type Plan = CompiledQuery | null;

interface JitErrorShape {
  message: string;
  locations?: readonly SourceLocation[];
  path?: readonly (string | number)[];
  originalError?: unknown;
  extensions?: Record<string, unknown>;
}

/** Rebuilds a graphql-jit error as a graphql-js GraphQLError with the same observable fields. */
export function toGraphQLError(error: unknown): GraphQLError {
  // graphql-jit's errors inherit GraphQLError's prototype without running its constructor (no
  // `extensions` object, no nodes), so `instanceof` alone cannot tell them apart: only errors built
  // by graphql-js itself are kept as they are.
  if (error instanceof GraphQLError && (error as { extensions?: unknown }).extensions !== undefined)
    return error;
  const shape = error as JitErrorShape;
  const original = shape.originalError instanceof Error ? shape.originalError : undefined;
  const converted = new GraphQLError(String(shape.message), {
    ...(shape.path ? { path: [...shape.path] } : {}),
    ...(original ? { originalError: original } : {}),
    ...(shape.extensions ? { extensions: shape.extensions } : {}),
  });
  if (shape.locations && shape.locations.length > 0) {
    // graphql-js derives locations from AST nodes; graphql-jit hands them over already resolved.
    (converted as { locations?: readonly SourceLocation[] }).locations = shape.locations.map((l) => ({
      line: l.line,
      column: l.column,
    }));
  }
  return converted;
}

function convertResult(result: ExecutionResult): ExecutionResult {
  if (!result.errors || result.errors.length === 0) return result;
  return { ...result, errors: result.errors.map(toGraphQLError) };
}

function selectsEntities(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Field(node) {
      if (node.name.value !== '_entities') return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

export function createJitGateway(options: JitGatewayOptions): JitGateway {
  const { schema } = options;
  const plans = new BoundedLru<string, Plan>(options.maxCachedDocuments ?? 500);
  const listeners = new Set<GatewaySchemaLoadOrUpdateCallback>();
  const counters = { compiled: 0, cacheHits: 0, fallbacks: 0 };
  let loaded: { apiSchema: GraphQLSchema; coreSupergraphSdl: string } | null = null;

  const planFor = (source: string, document: DocumentNode, operationName: string | undefined): Plan => {
    const key = operationName === undefined ? source : `${operationName}\u0000${source}`;
    const known = plans.get(key);
    if (known !== undefined) {
      counters.cacheHits++;
      return known;
    }
    let plan: Plan = null;
    try {
      const compiled = selectsEntities(document) ? null : compileQuery(schema, document, operationName);
      plan = compiled !== null && isCompiledQuery(compiled) ? compiled : null;
    } catch {
      plan = null;
    }
    counters.compiled++;
    plans.set(key, plan);
    return plan;
  };

  const runWithGraphqlJs = async (
    document: DocumentNode,
    contextValue: unknown,
    variables: Record<string, unknown> | undefined,
    operationName: string | undefined,
  ) => {
    counters.fallbacks++;
    return execute({ schema, document, contextValue, variableValues: variables, operationName });
  };

  const executor: GatewayExecutor = async (requestContext) => {
    const { document, source, context } = requestContext;
    const operationName = requestContext.request.operationName ?? undefined;
    const variables = requestContext.request.variables;
    const plan = planFor(source, document, operationName);
    if (plan === null) return runWithGraphqlJs(document, context, variables, operationName);
    const result = await plan.query(undefined, context, variables ?? {});
    // No `data` at all means the request failed before execution (variables): let graphql-js word
    // it, so the errors keep their AST nodes and Apollo answers 400 BAD_USER_INPUT as it always has.
    if (result.data === undefined && result.errors && result.errors.length > 0) {
      return runWithGraphqlJs(document, context, variables, operationName);
    }
    return convertResult(result);
  };

  return {
    executor,
    onSchemaLoadOrUpdate(callback) {
      listeners.add(callback);
      if (loaded) callback(loaded);
      return () => listeners.delete(callback);
    },
    async load() {
      loaded ??= { apiSchema: schema, coreSupergraphSdl: printSchema(schema) };
      for (const listener of listeners) listener(loaded);
      return { executor };
    },
    async stop() {
      listeners.clear();
      plans.clear();
    },
    stats: () => ({ ...counters, cached: plans.size }),
  };
}

/**
 * Apollo Server's schema options for the hub: `{ gateway }` running graphql-jit, or plain `{ schema }`
 * (graphql-js) when `jit` is off. Spread into `new ApolloServer({...})`.
 */
export function apolloExecution(
  schema: GraphQLSchema,
  options: { jit: boolean; maxCachedDocuments?: number },
): { gateway: JitGateway } | { schema: GraphQLSchema } {
  if (!options.jit) return { schema };
  return {
    gateway: createJitGateway({
      schema,
      ...(options.maxCachedDocuments ? { maxCachedDocuments: options.maxCachedDocuments } : {}),
    }),
  };
}
