/**
 * Issue 11's secrets, through real hubs over the simulators: outside production the cache is sealed
 * with a key generated on first start and kept beside the development signing key (checked against
 * what lands in a real Redis); /metrics answers only with its bearer token; and operation names
 * become metric labels only for trusted documents.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSealer } from '../../../src/platform/cache/index.ts';
import { sha256Hex } from '../../../src/server/hardening/index.ts';
import { clearPrefix, dumpPrefix, eventually, uniquePrefix } from '../cache/support/hubs.ts';
import { restrictionOf, startAccessHarness, type AccessHarness } from './harness.ts';

const REDIS_URL = 'redis://127.0.0.1:6379';
const METRICS_TOKEN = 'metrics-itest-token-0123456789';

function unrestrictedChild(h: AccessHarness, skip = 0): string {
  const ids = [...h.sims.county.lcs.people.ids()].filter((id) => restrictionOf(h.sims, id) === null);
  return `lcs:${ids[skip]!}`;
}

const metricsUrl = (h: AccessHarness) => new URL('/metrics', h.url).href;

describe('the development cache sealing key', () => {
  const prefix = uniquePrefix('devkey');
  const env = { REDIS_URL, REDIS_KEY_PREFIX: prefix, CACHE_NEAR_ENTRIES: '0' };
  let redis: Redis;
  let first: AccessHarness;
  let second: AccessHarness | undefined;
  let elsewhere: AccessHarness | undefined;

  beforeAll(async () => {
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    first = await startAccessHarness(env);
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close(), elsewhere?.close()]);
    if (redis) {
      await clearPrefix(redis, prefix);
      redis.disconnect();
    }
  });

  const keyFileBeside = (h: AccessHarness) => join(dirname(h.keyFile), 'dev-cache-key.json');
  const readKey = (h: AccessHarness) =>
    JSON.parse(readFileSync(keyFileBeside(h), 'utf8')) as { id: string; secret: string };

  /** Views a child, then waits until its records are sealed in Redis; returns the new entries. */
  async function viewAndCollect(h: AccessHarness, child: string) {
    const before = new Set((await dumpPrefix(redis, prefix)).map(({ key }) => key));
    const token = await h.token({ userId: 'devkey-fd', roles: ['FRONT_DOOR'] });
    const reply = await h.query(token, 'query($id: ID!) { child(id: $id) { id name { forename } } }', {
      id: child,
    });
    expect(reply.body.errors).toBeUndefined();
    let written: { key: string; value: Buffer }[] = [];
    await eventually(async () => {
      written = (await dumpPrefix(redis, prefix)).filter(({ key }) => !before.has(key));
      return written.length > 0;
    }, 10_000);
    return written;
  }

  it('is generated at random on first start, kept beside the development signing key (mode 0600), and seals what the cache writes', async () => {
    const file = keyFileBeside(first);
    expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
    const key = readKey(first);
    expect(key.id).toMatch(/^dev-[0-9a-f]{8}$/);
    expect(Buffer.from(key.secret.replace(/^base64:/, ''), 'base64')).toHaveLength(32);

    const written = await viewAndCollect(first, unrestrictedChild(first));
    const sealer = createSealer({ keys: [key], current: key.id });
    for (const { key: stored, value } of written) {
      const headerId = value.subarray(2, 2 + value[1]!).toString('ascii');
      expect(headerId).toBe(key.id);
      expect(sealer.open(stored.slice(prefix.length), value)).toBeInstanceOf(Buffer);
    }
  });

  it('is kept across restarts (a hub started on the same key directory reuses it), and differs from another directory’s', async () => {
    const before = readFileSync(keyFileBeside(first), 'utf8');
    second = await startAccessHarness({ ...env, AUTH_LOCAL_KEY_FILE: first.keyFile });
    expect(readFileSync(keyFileBeside(first), 'utf8')).toBe(before);
    const key = readKey(first);
    const sealer = createSealer({ keys: [key], current: key.id });
    // Tokens from the first harness: the second hub verifies with the same signing key file.
    const token = await first.token({ userId: 'devkey-fd2', roles: ['FRONT_DOOR'] });
    const child = unrestrictedChild(first, 1);
    const existing = new Set((await dumpPrefix(redis, prefix)).map(({ key: stored }) => stored));
    const reply = await second.query(token, 'query($id: ID!) { child(id: $id) { id } }', { id: child });
    expect(reply.body.errors).toBeUndefined();
    let written: { key: string; value: Buffer }[] = [];
    await eventually(async () => {
      written = (await dumpPrefix(redis, prefix)).filter(({ key: stored }) => !existing.has(stored));
      return written.length > 0;
    }, 10_000);
    for (const { key: stored, value } of written) {
      expect(sealer.open(stored.slice(prefix.length), value)).toBeInstanceOf(Buffer);
    }

    elsewhere = await startAccessHarness({ REDIS_KEY_PREFIX: uniquePrefix('devkey-other') });
    expect(readKey(elsewhere).secret).not.toBe(key.secret);
    expect(readKey(elsewhere).id).not.toBe(key.id);
  });
});

describe('/metrics', () => {
  let guarded: AccessHarness;
  let open: AccessHarness;
  let production: AccessHarness;

  beforeAll(async () => {
    [guarded, open, production] = await Promise.all([
      startAccessHarness({ METRICS_TOKEN }),
      startAccessHarness(),
      startAccessHarness({}, { production: true }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([guarded?.close(), open?.close(), production?.close()]);
  });

  it('with METRICS_TOKEN configured, answers only that bearer token: 401 without it or with another', async () => {
    const refused = await Promise.all(
      [undefined, 'Bearer not-the-metrics-token-at-all', `Basic ${METRICS_TOKEN}`, METRICS_TOKEN].map(
        (authorization) => fetch(metricsUrl(guarded), authorization ? { headers: { authorization } } : {}),
      ),
    );
    for (const response of refused) {
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Bearer');
      const body = await response.text();
      expect(body).not.toContain('svoc_');
      expect(JSON.parse(body).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const allowed = await fetch(metricsUrl(guarded), {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toContain('svoc_graphql_request_duration_seconds');
  });

  it('in production without METRICS_TOKEN, refuses everyone; in development without it, stays open', async () => {
    const refused = await fetch(metricsUrl(production), {
      headers: { authorization: 'Bearer anything-at-all-0123' },
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('svoc_');
    const served = await fetch(metricsUrl(open));
    expect(served.status).toBe(200);
  });

  it('labels a request by its operation name only when the document is trusted; client-chosen names are "untrusted"', async () => {
    const token = await open.token({ userId: 'metrics-fd', roles: ['FRONT_DOOR'] });
    const child = unrestrictedChild(open);
    const reply = await open.query(token, `query Child_${child.replace(':', '_')} { __typename }`);
    expect(reply.body.errors).toBeUndefined();
    await open.query(token, 'query ClientChosenName { __typename }');
    const text = await (await fetch(metricsUrl(open))).text();
    const operations = new Set(
      [...text.matchAll(/^svoc_graphql_request_duration_seconds_count\{[^}]*operation="([^"]*)"/gm)].map(
        (m) => m[1],
      ),
    );
    expect([...operations]).toEqual(['untrusted']);
    expect(text).not.toContain('ClientChosenName');
  });

  it('in trusted-documents mode, a trusted document is labelled by its name and a refused one "untrusted"', async () => {
    const trustedDocument = 'query TrustedLookup($id: ID!) { child(id: $id) { id } }';
    const manifest = join(dirname(open.keyFile), 'trusted-documents.json');
    writeFileSync(manifest, JSON.stringify({ [sha256Hex(trustedDocument)]: trustedDocument }));
    const trusted = await startAccessHarness({ METRICS_TOKEN, TRUSTED_DOCUMENTS_FILE: manifest });
    try {
      const token = await trusted.token({ userId: 'metrics-trusted', roles: ['FRONT_DOOR'] });
      const ok = await trusted.query(token, trustedDocument, { id: unrestrictedChild(trusted) });
      expect(ok.body.errors).toBeUndefined();
      const refused = await trusted.query(token, 'query SneakyName { __typename }');
      expect(refused.status).toBe(403);
      const text = await (
        await fetch(metricsUrl(trusted), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
      ).text();
      const operations = new Set(
        [...text.matchAll(/^svoc_graphql_request_duration_seconds_count\{[^}]*operation="([^"]*)"/gm)].map(
          (m) => m[1],
        ),
      );
      expect([...operations].sort()).toEqual(['TrustedLookup', 'untrusted']);
      expect(text).not.toContain('SneakyName');
    } finally {
      await trusted.close();
    }
  });
});
