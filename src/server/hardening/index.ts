/**
 * GraphQL hardening for the hub's Apollo Server 5: request-size and shape limits, introspection control,
 * trusted documents, error masking and a per-viewer rate limiter, from one settings object.
 *
 * Wiring (src/server/app.ts):
 *
 *   const hardening = createHardening({ introspection: config.introspection, trustedDocuments: … });
 *   const apollo = new ApolloServer<HubContext>({ schema, ...hardening.apolloServerOptions });
 *   // per request, after authentication:
 *   if (!hardening.rateLimiter.take(viewer.userId)) {
 *     res.set('Retry-After', String(hardening.rateLimiter.retryAfterSeconds(viewer.userId)));
 *     res.status(429).json({ errors: [{ message: 'Too many requests', extensions: { code: 'RATE_LIMITED' } }] });
 *   }
 *
 * `apolloServerOptions` also pins Apollo 5's safe defaults explicitly so a future default change cannot
 * loosen them silently: batched HTTP arrays refused, CSRF prevention on (mutations over GET are refused
 * by Apollo itself with 405), no stack traces, no schema details in client errors, no CDN landing page.
 *
 * What enforces what:
 * - token limit:                      `parseOptions.maxTokens` (graphql parses no further than the limit)
 * - depth, aliases, directives,
 *   field duplication:                `validationRules` (this folder's rules/)
 * - circular fragments:               graphql's NoFragmentCyclesRule (in specifiedRules, always run by Apollo)
 * - circular introspection:           graphql's MaxIntrospectionDepthRule (in specifiedRules since 16.9)
 * - introspection off:                NoSchemaIntrospectionCustomRule when `introspection` is false
 * - cost (needs variables):           a plugin at didResolveOperation
 * - trusted documents:                a plugin (see trustedDocuments.ts)
 * - masking, "Did you mean" removal:  `formatError`
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import type { GraphQLFormattedError, ParseOptions, ValidationRule } from 'graphql';

import { createCostLimitPlugin } from './costLimitPlugin.ts';
import { formatError } from './formatError.ts';
import { createRateLimiter } from './rateLimiter.ts';
import type { RateLimiter } from './rateLimiter.ts';
import { createAliasLimitRule, createDirectiveLimitRule } from './rules/countLimits.ts';
import { createDepthLimitRule } from './rules/depthLimit.ts';
import { createFieldDuplicationLimitRule } from './rules/fieldDuplicationLimit.ts';
import { resolveHardeningSettings } from './settings.ts';
import type { HardeningSettings } from './settings.ts';
import {
  createTrustedDocumentsPlugin,
  loadTrustedDocumentManifest,
  trustedDocumentManifest,
} from './trustedDocuments.ts';
import type { TrustedDocumentManifest } from './trustedDocuments.ts';

export { DEFAULT_HARDENING_SETTINGS, resolveHardeningSettings } from './settings.ts';
export type {
  CostSettings,
  HardeningSettings,
  RateLimitSettings,
  TrustedDocumentSettings,
} from './settings.ts';
export { estimateCost } from './cost.ts';
export { formatError, maskError, stripSuggestions } from './formatError.ts';
export { CLIENT_SAFE_ERROR_CODES } from '../../platform/errors.ts';
export { createRateLimiter } from './rateLimiter.ts';
export type { RateLimiter } from './rateLimiter.ts';
export { QUERY_TOO_COMPLEX, RATE_LIMITED, queryTooComplex } from './errors.ts';
export { loadTrustedDocumentManifest, sha256Hex, trustedDocumentManifest } from './trustedDocuments.ts';
export type { TrustedDocumentManifest } from './trustedDocuments.ts';

export interface Hardening<TContext extends BaseContext = BaseContext> {
  settings: HardeningSettings;
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin<TContext>[];
  formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
  parseOptions: ParseOptions;
  rateLimiter: RateLimiter;
  /** Whether a document (by its sha256 hex, Apollo's queryHash) is in the trusted manifest. */
  isTrustedDocument(queryHash: string | undefined): boolean;
  /** Everything above plus Apollo's safety switches, to spread into `new ApolloServer({ schema, ... })`. */
  apolloServerOptions: {
    validationRules: ValidationRule[];
    plugins: ApolloServerPlugin<TContext>[];
    formatError: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;
    parseOptions: ParseOptions;
    introspection: boolean;
    allowBatchedHttpRequests: false;
    csrfPrevention: true;
    includeStacktraceInErrorResponses: false;
    hideSchemaDetailsFromClientErrors: true;
    validationOptions: { maxErrors: number };
    persistedQueries?: false;
  };
}

function trustedManifestFor(settings: HardeningSettings): TrustedDocumentManifest | undefined {
  const trusted = settings.trustedDocuments;
  if (!trusted.enabled) return undefined;
  const fromFile = trusted.manifestPath
    ? loadTrustedDocumentManifest(trusted.manifestPath)
    : new Map<string, string>();
  const given = trustedDocumentManifest(trusted.documents ?? {});
  return new Map([...fromFile, ...given]);
}

export function createHardening<TContext extends BaseContext = BaseContext>(
  overrides: Partial<HardeningSettings> = {},
): Hardening<TContext> {
  const settings = resolveHardeningSettings(overrides);
  const validationRules: ValidationRule[] = [
    createDepthLimitRule(settings.maxDepth),
    createAliasLimitRule(settings.maxAliases),
    createDirectiveLimitRule(settings.maxDirectives),
    createFieldDuplicationLimitRule(settings.maxFieldDuplicates),
    ...(settings.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
  ];
  const trustedManifest = trustedManifestFor(settings);
  const plugins: ApolloServerPlugin<TContext>[] = [
    ...(trustedManifest ? [createTrustedDocumentsPlugin<TContext>(trustedManifest)] : []),
    createCostLimitPlugin<TContext>(settings),
    // Apollo's default landing page loads Apollo Sandbox from a CDN; the hub serves its own GraphiQL.
    ApolloServerPluginLandingPageDisabled() as ApolloServerPlugin<TContext>,
  ];
  const parseOptions: ParseOptions = { maxTokens: settings.maxTokens };
  return {
    settings,
    validationRules,
    plugins,
    formatError,
    parseOptions,
    rateLimiter: createRateLimiter(settings.rateLimit),
    isTrustedDocument: (queryHash) => queryHash !== undefined && trustedManifest?.has(queryHash) === true,
    apolloServerOptions: {
      validationRules,
      plugins,
      formatError,
      parseOptions,
      introspection: settings.introspection,
      allowBatchedHttpRequests: false,
      csrfPrevention: true,
      includeStacktraceInErrorResponses: false,
      hideSchemaDetailsFromClientErrors: true,
      // Stop validating after a few errors: a document built to produce many (directive or field
      // overloading) costs little, and the answer no longer echoes every abuse back.
      validationOptions: { maxErrors: 5 },
      // Automatic persisted queries would let any client register any document: off in trusted mode.
      ...(trustedManifest ? { persistedQueries: false as const } : {}),
    },
  };
}
