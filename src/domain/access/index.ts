/**
 * Access: who is asking, and what they may see of a child.
 *
 * ── Authentication (once per HTTP request) ──────────────────────────────────────────────────
 *   const auth = await createAuthenticator({ mode: 'local', issuer, audience, keyFile })
 *             // or { mode: 'jwks', jwksUrl, issuer, audience }
 *   const viewer: Viewer = await auth.authenticate(req.headers.authorization)
 *   // rejects with AuthError { code: 'UNAUTHENTICATED', reason: 'MISSING' | 'MALFORMED' |
 *   //   'EXPIRED' | 'BAD_SIGNATURE' | 'WRONG_ISSUER' | 'WRONG_AUDIENCE' | 'INVALID_CLAIMS' |
 *   //   'LIFETIME_TOO_LONG' | 'KEYS_UNAVAILABLE' } -> HTTP 401. Messages never echo the token.
 *   auth.publicJwks   // local mode: { keys: [...] } to serve at /.well-known/jwks.json
 *
 * ── Decisions (once per child resolved) ─────────────────────────────────────────────────────
 *   const d = decideChildAccess({
 *     viewer,
 *     child: { restriction: { reason, allowedRoles, allowedUsers } | null,
 *              involvements: [{ workerId, teamId, open }] },
 *     breakGlass: args.breakGlass ?? null,        // { reasonCode, justification }
 *   })
 *   // throws BreakGlassError { code: 'BAD_USER_INPUT' } for an invalid override
 *   d.visible        false -> answer NOT_FOUND exactly as for an unknown id (restricted record)
 *   d.groups         ReadonlySet<ChildFieldGroup>: resolve a field only if its group is here;
 *                    no 'identity.minimal' -> FORBIDDEN for the child as a whole
 *   d.denied         groups withheld: record them in the audit entry
 *   d.relationship   'ALLOCATED' | 'TEAM' | 'ROLE' | 'BREAK_GLASS' | 'NONE'
 *   d.breakGlass     the validated override when it was used, else null
 *   d.alert          true when break-glass was used: audit action 'BREAK_GLASS'
 *   canAccessService(viewer, 'caseloads' | 'performance' | 'financeReports' | 'audit')
 *
 * ── Policy ──────────────────────────────────────────────────────────────────────────────────
 *   ACCESS_POLICY (policy.ts) is the single declarative table; renderPolicyMarkdown() prints it.
 *
 * ── Dev tokens ──────────────────────────────────────────────────────────────────────────────
 *   npm run token -- --user U --role R [--role R2] [--team T] [--worker W] [--name N] [--ttl 8h]
 *   uses the key file at AUTH_LOCAL_KEY_FILE (default .tmp/dev-signing-key.json), issuer
 *   AUTH_ISSUER (default DEFAULT_LOCAL_ISSUER) and audience AUTH_AUDIENCE (default DEFAULT_AUDIENCE).
 */
export {
  DEFAULT_MAX_TOKEN_LIFETIME_SECONDS,
  createAuthenticator,
  type Authenticator,
  type AuthenticatorSettings,
  type JwksSettings,
  type LocalSettings,
} from './authenticate.ts';
export {
  DEFAULT_AUDIENCE,
  DEFAULT_LOCAL_ISSUER,
  DEFAULT_LOCAL_KEY_FILE,
  loadLocalSigningKey,
  localKeyFilePath,
  mintToken,
  parseTtl,
  type LocalSigningKey,
  type MintOptions,
  type TokenClaims,
} from './localKey.ts';
export {
  AuthError,
  BreakGlassError,
  PurposeError,
  type AuthFailureReason,
  type BreakGlassProblem,
} from './errors.ts';
export { STATED_TEXT_MAX_LENGTH, validatePurpose } from './statedText.ts';
export {
  BREAK_GLASS_REASON_CODES,
  JUSTIFICATION_MIN_NON_BLANK,
  validateBreakGlass,
  type BreakGlass,
  type BreakGlassReasonCode,
  type BreakGlassRequest,
} from './breakGlass.ts';
export {
  ACCESS_POLICY,
  FIELD_GROUP_DESCRIPTIONS,
  accessLevel,
  renderPolicyMarkdown,
  type AccessLevel,
  type RolePolicy,
} from './policy.ts';
export {
  canAccessService,
  decideChildAccess,
  type AccessDecision,
  type ChildAccessFacts,
  type DecideChildAccessInput,
  type Involvement,
  type Relationship,
  type Restriction,
} from './decide.ts';
export {
  CHILD_FIELD_GROUPS,
  FIELD_GROUPS,
  ROLES,
  SERVICE_FIELD_GROUPS,
  isRole,
  type ChildFieldGroup,
  type FieldGroup,
  type Role,
  type ServiceFieldGroup,
  type Viewer,
} from './types.ts';
