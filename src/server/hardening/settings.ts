/**
 * Settings for the GraphQL hardening layer, with defaults chosen for the hub's own schema: child-centred
 * queries are rarely deeper than 8 levels, page through lists with `first`, and never need more than a
 * handful of aliases or directives. Every limit is a setting so operations teams can tune without code.
 *
 * The limits the hub's configuration also sets take their defaults from its schema (src/platform/config/schema.ts),
 * so a hardening layer built without configuration enforces the same limits as the hub.
 */
import { defaultOf } from '../../platform/config/schema.ts';

export interface CostSettings {
  /** Highest static cost an operation may have (see `estimateCost`). */
  maxCost: number;
  /** Multiplier for a list field that has no paging argument, and for a paging argument left unset. */
  defaultListSize: number;
  /** Arguments whose integer value is the number of list items requested. */
  pagingArguments: readonly string[];
}

export interface RateLimitSettings {
  /** Sustained rate each viewer may send. */
  requestsPerMinute: number;
  /** Requests a viewer may send at once after being idle (the bucket's capacity). */
  burst: number;
}

export type TrustedDocumentSettings =
  | { enabled: false }
  | {
      enabled: true;
      /** JSON file `{ "<sha256 hex of the document>": "<document>" }`. */
      manifestPath?: string;
      /** The same mapping given directly (e.g. in tests); merged with the file's. */
      documents?: Readonly<Record<string, string>>;
    };

export interface HardeningSettings extends CostSettings {
  /** Deepest field nesting an operation may reach, counting through fragments. */
  maxDepth: number;
  /** Aliased fields allowed in one document. */
  maxAliases: number;
  /** Lexer tokens allowed in one document; parsing stops at the limit (graphql's `maxTokens`). */
  maxTokens: number;
  /** Directives allowed in one document. */
  maxDirectives: number;
  /** Times one response key may appear directly in one selection set. */
  maxFieldDuplicates: number;
  /** Whether schema introspection is allowed; off in production unless enabled explicitly. */
  introspection: boolean;
  trustedDocuments: TrustedDocumentSettings;
  rateLimit: RateLimitSettings;
}

export const DEFAULT_HARDENING_SETTINGS: Readonly<Omit<HardeningSettings, 'introspection'>> = Object.freeze({
  maxDepth: defaultOf('GRAPHQL_MAX_DEPTH'),
  maxAliases: defaultOf('GRAPHQL_MAX_ALIASES'),
  maxTokens: defaultOf('GRAPHQL_MAX_TOKENS'),
  maxDirectives: 10,
  maxFieldDuplicates: 3,
  maxCost: defaultOf('GRAPHQL_MAX_COST'),
  defaultListSize: 20,
  pagingArguments: Object.freeze(['first', 'last', 'limit']),
  trustedDocuments: Object.freeze({ enabled: false as const }),
  rateLimit: Object.freeze({
    requestsPerMinute: defaultOf('RATE_LIMIT_PER_MINUTE'),
    burst: defaultOf('RATE_LIMIT_BURST'),
  }),
});

/**
 * Fills in defaults. Introspection follows Apollo's own rule when unset: on unless NODE_ENV is production.
 * Throws on nonsensical values so a bad configuration stops start-up instead of weakening a limit.
 */
export function resolveHardeningSettings(
  overrides: Partial<HardeningSettings> = {},
  nodeEnv: string | undefined = process.env.NODE_ENV,
): HardeningSettings {
  const settings: HardeningSettings = {
    ...DEFAULT_HARDENING_SETTINGS,
    introspection: nodeEnv !== 'production',
    ...overrides,
    rateLimit: { ...DEFAULT_HARDENING_SETTINGS.rateLimit, ...overrides.rateLimit },
  };
  const positiveIntegers: Array<[string, number]> = [
    ['maxDepth', settings.maxDepth],
    ['maxAliases', settings.maxAliases],
    ['maxTokens', settings.maxTokens],
    ['maxDirectives', settings.maxDirectives],
    ['maxFieldDuplicates', settings.maxFieldDuplicates],
    ['maxCost', settings.maxCost],
    ['defaultListSize', settings.defaultListSize],
    ['rateLimit.burst', settings.rateLimit.burst],
  ];
  for (const [name, value] of positiveIntegers) {
    if (!Number.isInteger(value) || value < 1) {
      throw new Error(`Hardening setting ${name} must be a positive integer`);
    }
  }
  if (!(settings.rateLimit.requestsPerMinute > 0)) {
    throw new Error('Hardening setting rateLimit.requestsPerMinute must be greater than zero');
  }
  return settings;
}
