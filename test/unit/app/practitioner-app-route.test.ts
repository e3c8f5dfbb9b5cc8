/**
 * The /app route serves the practitioner app as GraphiQL is served: built by the hub, hashed assets
 * cached immutably, nothing from another origin, and a policy stricter than GraphiQL's (no inline
 * script or style at all). Everything else passes through, and with the route disabled, all of it.
 */
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  practitionerAppHandler,
  type PractitionerAppHandler,
} from '../../../src/server/http/practitionerApp.ts';

async function serve(handler: PractitionerAppHandler): Promise<{ server: Server; base: string }> {
  const server = createServer((req, res) =>
    handler(req, res, () => {
      // Stands in for the rest of the hub: proves which requests the handler let through.
      res.statusCode = 299;
      res.end('passed on');
    }),
  );
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('the /app route', () => {
  let bundleDir: string;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    bundleDir = await mkdtemp(path.join(tmpdir(), 'hub-app-'));
    const handler = practitionerAppHandler({ enabled: true, devSignIn: true, bundleDir });
    await handler.ready;
    ({ server, base } = await serve(handler));
  });
  afterAll(async () => {
    server?.close();
    await rm(bundleDir, { recursive: true, force: true });
  });

  it('serves the page with a self-only policy, no inline script and its options as inert JSON', async () => {
    for (const pathname of ['/app', '/app/']) {
      const response = await fetch(base + pathname);
      expect(response.status).toBe(200);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("style-src 'self';");
      expect(csp).not.toMatch(/unsafe|nonce|https?:/);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      const html = await response.text();
      const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
      expect(scripts.map(([, attributes]) => (attributes ?? '').trim())).toEqual([
        'type="application/json" id="app-options"',
        expect.stringMatching(/^src="\/app\/assets\/app-[A-Z0-9]+\.js" defer$/),
      ]);
      expect(JSON.parse(scripts[0]![2]!)).toEqual({ endpoint: '/graphql', devSignIn: true, oidc: null });
      expect(html).not.toMatch(/https?:\/\//);
    }
  });

  it('serves the hashed script and stylesheet immutably, and nothing else in the bundle folder', async () => {
    const html = await (await fetch(`${base}/app`)).text();
    const assets = [...html.matchAll(/(?:href|src)="(\/app\/assets\/[^"]+)"/g)].map((match) => match[1]!);
    expect(assets).toHaveLength(2);
    for (const asset of assets) {
      const response = await fetch(base + asset);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const etag = response.headers.get('etag')!;
      expect((await fetch(base + asset, { headers: { 'if-none-match': etag } })).status).toBe(304);
    }
    const css = await readFile(
      path.join(
        bundleDir,
        assets
          .find((a) => a.endsWith('.css'))!
          .split('/')
          .pop()!,
      ),
      'utf8',
    );
    expect(css).not.toMatch(/@import|url\(\s*['"]?https?:/i);
    for (const forbidden of [
      '/app/assets/manifest.json',
      '/app/assets/%2e%2e%2fmanifest.json',
      '/app/assets/x.js',
    ]) {
      expect((await fetch(base + forbidden)).status).toBe(404);
    }
  });

  it('passes every other request on: other paths, and anything but GET or HEAD', async () => {
    expect((await fetch(`${base}/application`)).status).toBe(299);
    expect((await fetch(`${base}/graphql`)).status).toBe(299);
    expect((await fetch(`${base}/app`, { method: 'POST', body: '{}' })).status).toBe(299);
  });

  it('signing in with an identity provider, tells the app its issuer, client and redirect path, and lets it reach the issuer’s origin alone', async () => {
    const oidc = { issuer: 'https://idp.example/realms/council', clientId: 'svoc-app', scope: 'openid' };
    const handler = practitionerAppHandler({ enabled: true, oidc, bundleDir });
    await handler.ready;
    const signing = await serve(handler);
    try {
      const response = await fetch(`${signing.base}/app`);
      expect(response.headers.get('content-security-policy')).toContain(
        "connect-src 'self' https://idp.example;",
      );
      const html = await response.text();
      const options = /<script type="application\/json" id="app-options">([\s\S]*?)<\/script>/.exec(
        html,
      )![1]!;
      expect(JSON.parse(options)).toEqual({
        endpoint: '/graphql',
        devSignIn: false,
        oidc: { ...oidc, redirectPath: '/app' },
      });
    } finally {
      signing.server.close();
    }
  });

  it('passes everything on when disabled, as in production', async () => {
    const disabled = await serve(practitionerAppHandler({ enabled: false, bundleDir }));
    try {
      expect((await fetch(`${disabled.base}/app`)).status).toBe(299);
      expect((await fetch(`${disabled.base}/app/assets/anything.js`)).status).toBe(299);
    } finally {
      disabled.server.close();
    }
  });
});
