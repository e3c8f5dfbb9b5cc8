/**
 * Offline GraphiQL for the hub: `GET /graphql` from a browser gets a GraphiQL page bundled by the hub
 * itself (no CDN; it works with the network cut) under a self-only Content-Security-Policy.
 *
 * Wiring (src/server/app.ts): the router sends `/graphql` requests other than POST, and `/graphiql/assets/*`,
 * here first, with the GraphQL route (or the router's 404) as what follows:
 *
 *   const graphiql = graphiqlHandler({ endpoint: '/graphql', enabled: config.graphiql });
 *   { methods: '*', path: '/graphql', handler: orElse(graphiql, graphql) }
 *   { methods: ['GET'], path: `${GRAPHIQL_ASSET_PREFIX}*`, handler: orElse(graphiql, sendNotFound) }
 *   await graphiql.ready;                    // optional: build/load the bundle before listening
 *
 * It answers only:
 * - `GET|HEAD <endpoint>` without a `query` parameter whose Accept header prefers text/html (a browser
 *   navigation): the page. Everything else on the endpoint (POST, GET with `?query=`, JSON clients)
 *   passes to `next()` untouched, so Apollo keeps doing what it does.
 * - `GET|HEAD /graphiql/assets/<hashed name>`: the bundle's script and stylesheet, cached immutably.
 * With `enabled: false` every request passes to `next()`.
 *
 * The bundle lives in `dist/graphiql/` (`scripts/build-graphiql.ts` builds it ahead of time); when it is
 * missing or stale the handler builds it once at creation (esbuild, well under a few seconds), so a fresh
 * clone after `npm install` just works. If that fails the page answers 503 and `onBundleError` is told.
 * Apollo's own landing page loads from a CDN: keep it disabled (createHardening's plugins do).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { DEFAULT_GRAPHIQL_BUNDLE_DIR, ensureGraphiQLBundle } from './bundle.ts';
import type { LoadedGraphiQLBundle } from './bundle.ts';
import { prefersHtml } from './accept.ts';
import { sendAsset, sendHtml, sendText, setPageSecurityHeaders } from '../staticResponses.ts';
import {
  GRAPHIQL_ASSET_PREFIX,
  type GraphiQLPageInput,
  createCspNonce,
  graphiqlContentSecurityPolicy,
  renderGraphiQLPage,
} from './page.ts';

export {
  buildGraphiQLBundle,
  ensureGraphiQLBundle,
  loadGraphiQLBundle,
  DEFAULT_GRAPHIQL_BUNDLE_DIR,
} from './bundle.ts';
export {
  DEFAULT_GRAPHIQL_HEADERS,
  GRAPHIQL_ASSET_PREFIX,
  graphiqlContentSecurityPolicy,
  renderGraphiQLPage,
} from './page.ts';

export interface GraphiQLHandlerOptions {
  /** Path of the GraphQL endpoint the page is served at and posts to. Default `/graphql`. */
  endpoint?: string;
  /** Serve the page at all (e.g. off in production unless explicitly enabled). */
  enabled: boolean;
  /** Bundle directory; default `<repo>/dist/graphiql/`. */
  bundleDir?: string;
  /** Initial contents of the headers editor; default asks for a bearer token. */
  defaultHeaders?: string;
  /** The query a new tab opens with (e.g. an example the hub can answer). */
  defaultQuery?: string;
  /** Offer "view as" a role, signing in through `/dev/token` (local auth mode only; see devSignIn.ts). */
  devSignIn?: boolean;
  /** Told once if the bundle can be neither loaded nor built (the page then answers 503). */
  onBundleError?: (error: unknown) => void;
}

/** A `(req, res, next)` handler (see router.ts's `orElse`); `ready` settles once the bundle is loaded (or has failed to load). */
export type GraphiQLHandler = ((
  req: IncomingMessage,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void) & {
  ready: Promise<void>;
};

export function graphiqlHandler(options: GraphiQLHandlerOptions): GraphiQLHandler {
  const endpoint = options.endpoint ?? '/graphql';
  let bundle: LoadedGraphiQLBundle | undefined;
  const ready: Promise<void> = options.enabled
    ? ensureGraphiQLBundle(options.bundleDir ?? DEFAULT_GRAPHIQL_BUNDLE_DIR).then(
        (loaded) => {
          bundle = loaded;
        },
        (error: unknown) => {
          options.onBundleError?.(error);
        },
      )
    : Promise.resolve();

  const page: PageOptions = {
    endpoint,
    ...(options.defaultHeaders === undefined ? {} : { defaultHeaders: options.defaultHeaders }),
    ...(options.defaultQuery === undefined ? {} : { defaultQuery: options.defaultQuery }),
    devSignIn: options.devSignIn === true,
  };
  const handler = (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void => {
    if (!options.enabled || (req.method !== 'GET' && req.method !== 'HEAD')) return next();
    const url = new URL(req.url ?? '/', 'http://hub.invalid');
    if (url.pathname === endpoint) {
      if (url.searchParams.has('query') || !prefersHtml(req.headers.accept)) return next();
      void ready.then(() => sendPage(req, res, bundle, page)).catch(next);
      return;
    }
    if (url.pathname.startsWith(GRAPHIQL_ASSET_PREFIX)) {
      const name = url.pathname.slice(GRAPHIQL_ASSET_PREFIX.length);
      void ready.then(() => sendAsset(req, res, bundle?.assets.get(name))).catch(next);
      return;
    }
    next();
  };
  return Object.assign(handler, { ready });
}

type PageOptions = Omit<GraphiQLPageInput, 'script' | 'stylesheet' | 'nonce'>;

function sendPage(
  req: IncomingMessage,
  res: ServerResponse,
  bundle: LoadedGraphiQLBundle | undefined,
  page: PageOptions,
): void {
  setPageSecurityHeaders(res);
  // The same URL answers JSON to API clients; caches must key on Accept.
  res.setHeader('vary', 'Accept');
  res.setHeader('cache-control', 'no-store');
  if (!bundle) {
    sendText(req, res, 503, 'GraphiQL is unavailable on this instance.');
    return;
  }
  const nonce = createCspNonce();
  const html = renderGraphiQLPage({
    ...page,
    script: bundle.manifest.script,
    stylesheet: bundle.manifest.stylesheet,
    nonce,
  });
  sendHtml(req, res, html, graphiqlContentSecurityPolicy(nonce));
}
