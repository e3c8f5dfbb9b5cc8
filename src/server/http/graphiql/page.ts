/**
 * The offline GraphiQL page: HTML that references only same-origin assets, and the Content-Security-Policy
 * it is served with. Pure functions, no I/O, so the page and its policy can be checked in unit tests.
 *
 * The only inline script is a one-line bootstrap carrying a per-response nonce; the policy allows scripts
 * and styles from this origin plus that nonce, fonts and images from this origin or `data:` (GraphiQL's
 * stylesheet inlines its fonts and icons), requests to this origin only, and nothing else.
 */
import { randomBytes } from 'node:crypto';

import { GRAPHIQL_BUNDLE_GLOBAL } from './bundle.ts';

/** URL prefix under which the bundle's script and stylesheet are served. */
export const GRAPHIQL_ASSET_PREFIX = '/graphiql/assets/';

/** What the headers editor starts with: where a developer pastes the token `npm start` prints. */
export const DEFAULT_GRAPHIQL_HEADERS = '{\n  "authorization": "Bearer <paste a token from npm start>"\n}';

export interface GraphiQLPageInput {
  /** Same-origin path of the GraphQL endpoint, e.g. `/graphql`. */
  endpoint: string;
  /** File names of the bundle's assets (from its manifest). */
  script: string;
  stylesheet: string;
  /** Per-response nonce; see `createCspNonce`. */
  nonce: string;
  /** Initial headers editor contents; defaults to `DEFAULT_GRAPHIQL_HEADERS`. */
  defaultHeaders?: string;
  /** The query a new tab opens with. */
  defaultQuery?: string;
  /** Offer development sign-in ("view as" a role) from `/dev/personas` and `/dev/token`. */
  devSignIn?: boolean;
}

/** 128 random bits, base64: unguessable per response, as CSP nonces must be. */
export function createCspNonce(): string {
  return randomBytes(16).toString('base64');
}

export function graphiqlContentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "font-src 'self' data:",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The page's own layout and the development sign-in bar (dark text on light grey: AA contrast). */
const PAGE_STYLE = [
  'html,body{margin:0;height:100%}',
  '#graphiql,.hub-graphiql{height:100vh;display:flex;flex-direction:column}',
  '.hub-graphiql>.graphiql-container{flex:1;min-height:0}',
  '.hub-sign-in{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;padding:.4rem .75rem;',
  'font:14px system-ui,sans-serif;color:#1b1b1b;background:#f3f3f3;border-bottom:1px solid #b1b4b6}',
  '.hub-sign-in label{font-weight:600}',
  '.hub-sign-in-ids{color:#3d3d3d}',
  '.hub-sign-in button{font:inherit;padding:.15rem .75rem}',
  '.hub-sign-in button:focus-visible,.hub-sign-in select:focus-visible{outline:3px solid #fd0;outline-offset:0}',
].join('');

/** JSON that is safe inside an inline <script>: no `</script>`, no HTML comment openers, no line separators. */
export function jsonForInlineScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function escapeHtmlAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function renderGraphiQLPage(input: GraphiQLPageInput): string {
  const options = {
    endpoint: input.endpoint,
    defaultHeaders: input.defaultHeaders ?? DEFAULT_GRAPHIQL_HEADERS,
    ...(input.defaultQuery ? { defaultQuery: input.defaultQuery } : {}),
    devSignIn: input.devSignIn === true,
    styleNonce: input.nonce,
  };
  const nonce = escapeHtmlAttribute(input.nonce);
  const scriptUrl = escapeHtmlAttribute(GRAPHIQL_ASSET_PREFIX + input.script);
  const stylesheetUrl = escapeHtmlAttribute(GRAPHIQL_ASSET_PREFIX + input.stylesheet);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Single View of a Child - GraphiQL</title>
<link rel="stylesheet" href="${stylesheetUrl}">
<style nonce="${nonce}">${PAGE_STYLE}</style>
</head>
<body>
<div id="graphiql"></div>
<noscript>GraphiQL needs JavaScript. The GraphQL endpoint accepts POST requests at ${escapeHtmlAttribute(input.endpoint)}.</noscript>
<script src="${scriptUrl}"></script>
<script nonce="${nonce}">${GRAPHIQL_BUNDLE_GLOBAL}.mount(document.getElementById("graphiql"),${jsonForInlineScript(options)});</script>
</body>
</html>
`;
}
