/**
 * The reference practitioner app at `/app`: a React front-end (sources in `app/`) built by the hub with
 * the same esbuild machinery as GraphiQL (`staticBundle.ts`) and served by the hub itself, so it works
 * offline under a self-only Content-Security-Policy. It talks to the hub only through `/graphql` (and,
 * in local auth mode, the development sign-in at `/dev/personas` and `/dev/token`; in jwks mode with
 * `AUTH_APP_CLIENT_ID`, the identity provider's OpenID Connect endpoints, from the browser).
 *
 * It answers only:
 * - `GET|HEAD /app` and `/app/`: the page. Screens are chosen by the URL's fragment (`#/child/<id>`,
 *   `#/caseload`, `#/finance`), so one page serves them all and no child id reaches a server log.
 * - `GET|HEAD /app/assets/<hashed name>`: the bundle's script and stylesheet, cached immutably.
 * Everything else passes to `next()`. With `enabled: false` every request does.
 *
 * The page has no inline script at all: its options travel in a JSON data block, which browsers never
 * execute, so the policy is `script-src 'self'` with no nonce.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';

import { ensureBundle, RUNS_COMPILED } from './staticBundle.ts';
import type { BundleSpec, LoadedBundle } from './staticBundle.ts';
import { sendAsset, sendHtml, sendText, setPageSecurityHeaders } from './staticResponses.ts';
import { escapeHtmlAttribute, jsonForInlineScript } from './graphiql/page.ts';

export const PRACTITIONER_APP_PATH = '/app';
export const PRACTITIONER_APP_ASSET_PREFIX = '/app/assets/';

/** Where the hub (and `scripts/build-graphiql.ts --app`) put the bundle: `<repo>/dist/app/`. */
export const DEFAULT_APP_BUNDLE_DIR = fileURLToPath(
  new URL(RUNS_COMPILED ? '../../../app/' : '../../../dist/app/', import.meta.url),
);

export const PRACTITIONER_APP_BUNDLE: BundleSpec = {
  label: 'Practitioner app',
  name: 'app',
  entry: fileURLToPath(new URL('../../../app/src/main.tsx', import.meta.url)),
  packages: ['react', 'react-dom', 'esbuild'],
};

/** How the app signs in with the identity provider (OpenID Connect, authorization code with PKCE). */
export interface PractitionerAppOidc {
  /** The issuer tokens must carry; its discovery document names the endpoints. */
  issuer: string;
  /** The app's public client id (no secret: PKCE proves the code's requester). */
  clientId: string;
  /** Space-separated scopes to ask for. */
  scope: string;
  /** Same-origin path the provider redirects back to, after sign-in and after sign-out (this page). */
  redirectPath: string;
}

/** What the page tells the app; read from the page's JSON data block. */
export interface PractitionerAppOptions {
  /** Same-origin path of the GraphQL endpoint. */
  endpoint: string;
  /** Offer development sign-in ("view as" a role) from `/dev/personas` and `/dev/token`. */
  devSignIn: boolean;
  /** Sign in with the identity provider; null: development sign-in, or a pasted token. */
  oidc: PractitionerAppOidc | null;
}

/**
 * Self only, but for the identity provider's origin when the app signs in with it: the browser
 * fetches its discovery document and exchanges the code at its token endpoint (which must share
 * the issuer's origin, as it does at the common providers).
 */
export function practitionerAppContentSecurityPolicy(oidc: PractitionerAppOidc | null = null): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    oidc ? `connect-src 'self' ${new URL(oidc.issuer).origin}` : "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function renderPractitionerAppPage(
  input: PractitionerAppOptions & { script: string; stylesheet: string },
): string {
  const options: PractitionerAppOptions = {
    endpoint: input.endpoint,
    devSignIn: input.devSignIn,
    oidc: input.oidc,
  };
  const script = escapeHtmlAttribute(PRACTITIONER_APP_ASSET_PREFIX + input.script);
  const stylesheet = escapeHtmlAttribute(PRACTITIONER_APP_ASSET_PREFIX + input.stylesheet);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Single View of a Child</title>
<link rel="stylesheet" href="${stylesheet}">
</head>
<body>
<div id="app"></div>
<noscript>This app needs JavaScript. The hub's GraphQL endpoint accepts POST requests at ${escapeHtmlAttribute(input.endpoint)}.</noscript>
<script type="application/json" id="app-options">${jsonForInlineScript(options)}</script>
<script src="${script}" defer></script>
</body>
</html>
`;
}

export interface PractitionerAppHandlerOptions {
  enabled: boolean;
  endpoint?: string;
  devSignIn?: boolean;
  /** Sign in with the identity provider (the redirect comes back to this page). */
  oidc?: Omit<PractitionerAppOidc, 'redirectPath'> | null;
  bundleDir?: string;
  /** Told once if the bundle can be neither loaded nor built (the page then answers 503). */
  onBundleError?: (error: unknown) => void;
}

export type PractitionerAppHandler = ((
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void) & { ready: Promise<void> };

export function practitionerAppHandler(options: PractitionerAppHandlerOptions): PractitionerAppHandler {
  let bundle: LoadedBundle | undefined;
  const ready: Promise<void> = options.enabled
    ? ensureBundle(PRACTITIONER_APP_BUNDLE, options.bundleDir ?? DEFAULT_APP_BUNDLE_DIR).then(
        (loaded) => {
          bundle = loaded;
        },
        (error: unknown) => options.onBundleError?.(error),
      )
    : Promise.resolve();
  const page: PractitionerAppOptions = {
    endpoint: options.endpoint ?? '/graphql',
    devSignIn: options.devSignIn === true,
    oidc: options.oidc ? { ...options.oidc, redirectPath: PRACTITIONER_APP_PATH } : null,
  };

  const handler = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    if (!options.enabled || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    const { pathname } = new URL(req.url ?? '/', 'http://hub.invalid');
    if (pathname === PRACTITIONER_APP_PATH || pathname === `${PRACTITIONER_APP_PATH}/`) {
      void ready
        .then(() => {
          if (!bundle) {
            setPageSecurityHeaders(res);
            sendText(req, res, 503, 'The practitioner app is unavailable on this instance.');
            return;
          }
          const { script, stylesheet } = bundle.manifest;
          sendHtml(
            req,
            res,
            renderPractitionerAppPage({ ...page, script, stylesheet }),
            practitionerAppContentSecurityPolicy(page.oidc),
          );
        })
        .catch(next);
      return;
    }
    if (pathname.startsWith(PRACTITIONER_APP_ASSET_PREFIX)) {
      const name = pathname.slice(PRACTITIONER_APP_ASSET_PREFIX.length);
      void ready.then(() => sendAsset(req, res, bundle?.assets.get(name))).catch(next);
      return;
    }
    next();
  };
  return Object.assign(handler, { ready });
}
