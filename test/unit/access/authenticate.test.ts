import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthError,
  createAuthenticator,
  loadLocalSigningKey,
  mintToken,
  type Authenticator,
  type LocalSigningKey,
} from '../../../src/domain/access/index.ts';

const issuer = 'urn:test:issuer';
const audience = 'urn:test:hub';
const claims = {
  userId: 'u-1',
  roles: ['SOCIAL_WORKER' as const],
  teamId: 'team-7',
  workerId: 'w-3',
  name: 'Sam',
};

async function rejection(promise: Promise<unknown>): Promise<AuthError> {
  const error = await promise.then(
    () => {
      throw new Error('expected authentication to fail');
    },
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AuthError);
  return error as AuthError;
}

describe('local-mode authentication', () => {
  let dir: string;
  let keyFile: string;
  let key: LocalSigningKey;
  let auth: Authenticator;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'svoc-auth-'));
    keyFile = join(dir, 'nested', 'key.json');
    auth = await createAuthenticator({ mode: 'local', issuer, audience, keyFile });
    key = await loadLocalSigningKey(keyFile);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('turns a valid token into a viewer from its claims', async () => {
    const token = await mintToken(key, claims, { issuer, audience, ttlSeconds: 600 });
    await expect(auth.authenticate(`Bearer ${token}`)).resolves.toEqual({
      userId: 'u-1',
      name: 'Sam',
      roles: ['SOCIAL_WORKER'],
      teamId: 'team-7',
      workerId: 'w-3',
    });
  });

  it('shares one key file between the hub and the token minter', async () => {
    const again = await createAuthenticator({ mode: 'local', issuer, audience, keyFile });
    expect(again.publicJwks).toEqual(auth.publicJwks);
    expect(auth.publicJwks?.keys[0]).not.toHaveProperty('d');
  });

  it('ignores roles the hub does not know and defaults team and worker to null', async () => {
    const token = await mintToken(
      key,
      { userId: 'u-2', roles: ['FINANCE', 'SOME_OTHER_APP_ROLE' as never] },
      { issuer, audience, ttlSeconds: 600 },
    );
    const viewer = await auth.authenticate(`bearer ${token}`);
    expect(viewer).toMatchObject({ roles: ['FINANCE'], teamId: null, workerId: null });
  });

  it('rejects a missing or empty header as MISSING', async () => {
    expect((await rejection(auth.authenticate(undefined))).reason).toBe('MISSING');
    expect((await rejection(auth.authenticate('  '))).reason).toBe('MISSING');
  });

  it('rejects a malformed header or token as MALFORMED without echoing it', async () => {
    for (const header of ['Basic dXNlcjpwYXNz', 'Bearer not-a-jwt', 'Bearer a.b.c', 'Bearer secret.token']) {
      const error = await rejection(auth.authenticate(header));
      expect(error.reason).toBe('MALFORMED');
      expect(error.code).toBe('UNAUTHENTICATED');
      expect(error.message).not.toContain(header.split(' ')[1]);
    }
  });

  it('rejects an expired token as EXPIRED', async () => {
    const issuedAt = Math.floor(Date.now() / 1000) - 3600;
    const token = await mintToken(key, claims, { issuer, audience, ttlSeconds: 60, issuedAt });
    const error = await rejection(auth.authenticate(`Bearer ${token}`));
    expect(error.reason).toBe('EXPIRED');
    expect(error.message).not.toContain(token);
  });

  it('rejects a token for another audience or from another issuer', async () => {
    const wrongAudience = await mintToken(key, claims, { issuer, audience: 'urn:other', ttlSeconds: 600 });
    const wrongIssuer = await mintToken(key, claims, { issuer: 'urn:evil', audience, ttlSeconds: 600 });
    expect((await rejection(auth.authenticate(`Bearer ${wrongAudience}`))).reason).toBe('WRONG_AUDIENCE');
    expect((await rejection(auth.authenticate(`Bearer ${wrongIssuer}`))).reason).toBe('WRONG_ISSUER');
  });

  it('rejects a token signed by another key, and a tampered payload, as BAD_SIGNATURE', async () => {
    const stranger = await loadLocalSigningKey();
    const forged = await mintToken(stranger, claims, { issuer, audience, ttlSeconds: 600 });
    expect((await rejection(auth.authenticate(`Bearer ${forged}`))).reason).toBe('BAD_SIGNATURE');

    const genuine = await mintToken(key, claims, { issuer, audience, ttlSeconds: 600 });
    const [header, , signature] = genuine.split('.');
    const elevated = Buffer.from(
      JSON.stringify({ sub: 'u-1', roles: ['ADMIN'], iss: issuer, aud: audience, exp: 9_999_999_999 }),
    ).toString('base64url');
    const tampered = `${header}.${elevated}.${signature}`;
    expect((await rejection(auth.authenticate(`Bearer ${tampered}`))).reason).toBe('BAD_SIGNATURE');
  });

  it('verifies a token arriving on many requests at once only once', async () => {
    const token = await mintToken(key, claims, { issuer, audience, ttlSeconds: 600 });
    const viewers = await Promise.all(Array.from({ length: 20 }, () => auth.authenticate(`Bearer ${token}`)));
    // One verification builds one frozen viewer object; every caller receives that same object.
    expect(new Set(viewers).size).toBe(1);
    expect(Object.isFrozen(viewers[0])).toBe(true);
  });

  it('remembers a verified token only until it expires', async () => {
    let clock = Date.now();
    const timed = await createAuthenticator({ mode: 'local', issuer, audience, keyFile, now: () => clock });
    const token = await mintToken(key, claims, {
      issuer,
      audience,
      ttlSeconds: 60,
      issuedAt: Math.floor(clock / 1000),
    });
    const first = await timed.authenticate(`Bearer ${token}`);
    expect(await timed.authenticate(`Bearer ${token}`)).toBe(first);
    clock += 120_000;
    expect((await rejection(timed.authenticate(`Bearer ${token}`))).reason).toBe('EXPIRED');
  });
});

describe('JWKS-mode authentication', () => {
  let server: Server;
  let key: LocalSigningKey;
  let auth: Authenticator;

  beforeAll(async () => {
    key = await loadLocalSigningKey();
    server = createServer((req, res) => {
      if (req.url !== '/jwks.json') {
        res.writeHead(404).end();
        return;
      }
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ keys: [key.publicJwk] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    auth = await createAuthenticator({
      mode: 'jwks',
      jwksUrl: `http://127.0.0.1:${port}/jwks.json`,
      issuer,
      audience,
    });
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('verifies a token against keys fetched from the JWKS endpoint', async () => {
    const token = await mintToken(key, claims, { issuer, audience, ttlSeconds: 600 });
    await expect(auth.authenticate(`Bearer ${token}`)).resolves.toMatchObject({ userId: 'u-1' });
    expect(auth.publicJwks).toBeNull();
  });

  it('rejects a token whose key the JWKS does not publish as BAD_SIGNATURE', async () => {
    const stranger = await loadLocalSigningKey();
    const token = await mintToken(stranger, claims, { issuer, audience, ttlSeconds: 600 });
    expect((await rejection(auth.authenticate(`Bearer ${token}`))).reason).toBe('BAD_SIGNATURE');
  });

  it('reports unreachable signing keys as KEYS_UNAVAILABLE, not as a bad token', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const offline = await createAuthenticator({
      mode: 'jwks',
      jwksUrl: `http://127.0.0.1:${port}/jwks.json`,
      issuer,
      audience,
    });
    const token = await mintToken(key, claims, { issuer, audience, ttlSeconds: 600 });
    expect((await rejection(offline.authenticate(`Bearer ${token}`))).reason).toBe('KEYS_UNAVAILABLE');
  });
});
