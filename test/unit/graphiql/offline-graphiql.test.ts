import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { graphiqlHandler, loadGraphiQLBundle } from '../../../src/server/http/graphiql/index.ts';
import type { GraphiQLHandler } from '../../../src/server/http/graphiql/index.ts';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,*/*;q=0.8';

/**
 * Absolute http(s) URLs that may appear inside the bundled JS, and why none of them makes the page reach
 * beyond its own origin. Anything not listed fails the test, so a GraphiQL upgrade that starts loading
 * something from the internet (a font, a CDN script, a schema) is caught and must be reviewed.
 */
const ALLOWED_BUNDLE_URLS: ReadonlyArray<{ url: string; why: string }> = [
  // XML namespace names used by React DOM when creating SVG/MathML elements: identifiers, never fetched.
  { url: 'http://www.w3.org/2000/svg', why: 'SVG namespace identifier' },
  { url: 'http://www.w3.org/1999/xlink', why: 'XLink namespace identifier' },
  { url: 'http://www.w3.org/XML/1998/namespace', why: 'XML namespace identifier' },
  { url: 'http://www.w3.org/1998/Math/MathML', why: 'MathML namespace identifier' },
  { url: 'http://www.w3.org/1999/xhtml', why: 'XHTML namespace identifier' },
  // Text inside error messages and schema descriptions: shown to a developer, never requested.
  { url: 'https://react.dev/errors/', why: "prefix of React's minified error message text" },
  {
    url: 'https://yarnpkg.com/en/docs/selective-version-resolutions',
    why: 'graphql-js duplicate-module warning text',
  },
  {
    url: 'https://en.wikipedia.org/wiki/IEEE_floating_point',
    why: 'graphql-js Float scalar description text',
  },
  { url: 'https://commonmark.org/', why: 'graphql-js @deprecated argument description text' },
  // Hyperlinks a developer may click (target=_blank): a navigation they choose, not a resource the page loads.
  { url: 'https://github.com/graphql/graphiql', why: 'GraphiQL logo link' },
  { url: 'https://codemirror.net/5/doc/manual.html#keymaps', why: 'link in the short-keys dialog' },
];

/**
 * Scheme prefixes with no host of their own (`"http://"`, or a template such as `http://${t.url}`):
 * markdown-it's linkifier puts them in front of bare `www.` text found in schema descriptions.
 */
const HOSTLESS_PREFIX = /^https?:\/\/(\$\{[^}]*\}?)?$/;

function absoluteUrls(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s"'`)<>\\,;]*/g)].map((match) => match[0]);
}

function isAllowedBundleUrl(found: string): boolean {
  return HOSTLESS_PREFIX.test(found) || ALLOWED_BUNDLE_URLS.some(({ url }) => found === url);
}

async function get(
  base: string,
  pathname: string,
  headers: Record<string, string> = {},
  method = 'GET',
): Promise<Response> {
  return fetch(base + pathname, { method, headers, redirect: 'manual' });
}

describe('offline GraphiQL', () => {
  let bundleDir: string;
  let handler: GraphiQLHandler;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    bundleDir = await mkdtemp(path.join(tmpdir(), 'hub-graphiql-'));
    handler = graphiqlHandler({ endpoint: '/graphql', enabled: true, bundleDir });
    await handler.ready;
    server = createServer((req, res) =>
      handler(req, res, (error) => {
        // Stands in for Apollo: proves which requests the handler let through.
        res.statusCode = error ? 500 : 299;
        res.end('passed-through');
      }),
    );
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server?.close();
    if (bundleDir) await rm(bundleDir, { recursive: true, force: true });
  });

  async function pageAndAssets(): Promise<{ html: string; csp: string; assetPaths: string[] }> {
    const response = await get(base, '/graphql', { accept: BROWSER_ACCEPT });
    expect(response.status).toBe(200);
    const html = await response.text();
    const assetPaths = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');
    return { html, csp: response.headers.get('content-security-policy') ?? '', assetPaths };
  }

  it('serves an HTML page to a browser navigation, with a self-only Content-Security-Policy', async () => {
    const response = await get(base, '/graphql', { accept: BROWSER_ACCEPT });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('vary')).toMatch(/accept/i);
    const csp = response.headers.get('content-security-policy') ?? '';
    const directives = new Map(
      csp.split(';').map((directive) => {
        const [name = '', ...sources] = directive.trim().split(/\s+/);
        return [name, sources] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    // Every source in every directive is a keyword, a nonce or data: (fonts/icons inlined by GraphiQL's CSS).
    for (const [, sources] of directives) {
      for (const source of sources) {
        expect(source).toMatch(/^('none'|'self'|'nonce-[A-Za-z0-9+/=]+'|data:)$/);
      }
    }
  });

  it('references only same-origin /graphiql/assets/ URLs and no external origin in the page', async () => {
    const { html, assetPaths } = await pageAndAssets();
    expect(assetPaths).toHaveLength(2);
    for (const assetPath of assetPaths)
      expect(assetPath).toMatch(/^\/graphiql\/assets\/[A-Za-z0-9._-]+\.(js|css)$/);
    expect(absoluteUrls(html)).toEqual([]);
    expect(html).not.toMatch(/\/\/[a-z0-9.-]+\.[a-z]{2,}\//i);
  });

  it('runs its only inline script under the per-response nonce named in the policy', async () => {
    const first = await pageAndAssets();
    const second = await pageAndAssets();
    const nonceOf = (html: string) => /<script nonce="([^"]+)">/.exec(html)?.[1];
    const nonce = nonceOf(first.html);
    expect(nonce).toBeDefined();
    expect(first.csp).toContain(`'nonce-${nonce}'`);
    expect(nonceOf(second.html)).not.toBe(nonce);
    const inlineScripts = [...first.html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>/g)];
    expect(inlineScripts).toHaveLength(1);
  });

  it('prefills the headers editor with a bearer-token placeholder and posts to the configured endpoint', async () => {
    const { html } = await pageAndAssets();
    expect(html).toContain('"endpoint":"/graphql"');
    expect(html).toContain('Bearer \\u003cpaste a token from npm start\\u003e');
  });

  it('bundles JS whose only absolute URLs are namespace names, message text and user-clicked links', async () => {
    const { assetPaths } = await pageAndAssets();
    const scriptPath = assetPaths.find((assetPath) => assetPath.endsWith('.js')) ?? '';
    const response = await get(base, scriptPath);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    const script = await response.text();
    expect(script.length).toBeGreaterThan(100_000);
    const unexpected = absoluteUrls(script).filter((url) => !isAllowedBundleUrl(url));
    expect(unexpected).toEqual([]);
    // The bundle must not need eval (the policy has no 'unsafe-eval').
    expect(script).not.toMatch(/\bnew Function\(|\beval\(/);
  });

  it('bundles CSS that loads nothing from elsewhere: no imports, every url() is inline data', async () => {
    const { assetPaths } = await pageAndAssets();
    const stylesheetPath = assetPaths.find((assetPath) => assetPath.endsWith('.css')) ?? '';
    const response = await get(base, stylesheetPath);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/css/);
    const css = await response.text();
    expect(css).not.toMatch(/@import/i);
    const urls = [...css.matchAll(/url\(\s*['"]?([^'")]*)/g)].map((match) => match[1] ?? '');
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url.startsWith('data:')).toBe(true);
    expect(absoluteUrls(css)).toEqual([]);
  });

  it('serves assets immutably with an ETag and answers a matching If-None-Match with 304', async () => {
    const { assetPaths } = await pageAndAssets();
    const first = await get(base, assetPaths[0] ?? '');
    expect(first.headers.get('cache-control')).toContain('immutable');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).not.toBe('');
    const revalidated = await get(base, assetPaths[0] ?? '', { 'if-none-match': etag });
    expect(revalidated.status).toBe(304);
  });

  it('serves only the bundle files from the asset route, not the manifest or licence files', async () => {
    for (const pathname of [
      '/graphiql/assets/manifest.json',
      '/graphiql/assets/nothing.js',
      '/graphiql/assets/%2e%2e%2fmanifest.json',
    ]) {
      expect((await get(base, pathname)).status).toBe(404);
    }
  });

  it('leaves API traffic on the endpoint to Apollo: POST, ?query=, JSON and */* clients', async () => {
    expect((await get(base, '/graphql', { accept: BROWSER_ACCEPT }, 'POST')).status).toBe(299);
    expect((await get(base, '/graphql?query=%7B__typename%7D', { accept: BROWSER_ACCEPT })).status).toBe(299);
    expect((await get(base, '/graphql', { accept: 'application/json' })).status).toBe(299);
    expect((await get(base, '/graphql', { accept: '*/*' })).status).toBe(299);
    expect((await get(base, '/graphql', { accept: 'application/json, text/html;q=0.5' })).status).toBe(299);
    expect((await get(base, '/healthz', { accept: BROWSER_ACCEPT })).status).toBe(299);
  });

  it('passes every request through when disabled', async () => {
    const disabled = graphiqlHandler({ enabled: false, bundleDir });
    await disabled.ready;
    let passed = 0;
    const fakeResponse = {} as never;
    disabled(
      { method: 'GET', url: '/graphql', headers: { accept: BROWSER_ACCEPT } } as never,
      fakeResponse,
      () => {
        passed += 1;
      },
    );
    expect(passed).toBe(1);
  });

  it('treats a bundle built from other package versions as stale rather than serving it', async () => {
    const manifestPath = path.join(bundleDir, 'manifest.json');
    const original = await readFile(manifestPath, 'utf8');
    const manifest = JSON.parse(original) as { builtFrom: Record<string, string> };
    manifest.builtFrom.graphiql = '0.0.0-older';
    await writeFile(manifestPath, JSON.stringify(manifest));
    try {
      expect(await loadGraphiQLBundle(bundleDir)).toBeUndefined();
    } finally {
      await writeFile(manifestPath, original);
    }
    expect(await loadGraphiQLBundle(bundleDir)).toBeDefined();
  });
});
