/**
 * Production sign-in, end to end in headless Chromium: the hub runs with NODE_ENV=production and
 * AUTH_MODE=jwks against a real OpenID provider on 127.0.0.1 (./identityProvider.ts), and the app
 * signs in with it by the authorization code flow with PKCE. A practitioner who signs in sees the
 * child allocated to them; a token the provider issued for another audience is refused and never
 * used again; signing out clears the token and ends the provider's session; an expired token
 * signs the viewer out, and so does the hub's refusal of a token the browser still holds valid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startHarness, type Harness } from '../hub/harness.ts';
import { listenIdentityProvider, type IdentityProvider } from './identityProvider.ts';
import { accessibilityViolations, openAppBrowser, screenshot, type AppBrowser } from './appBrowser.ts';

const HUB_AUDIENCE = 'urn:svoc-hub:production-test';
const CLIENT_ID = 'svoc-practitioner-app';
const SESSION_KEY = 'svoc:app-session';

let idp: IdentityProvider;
let h: Harness;
let origin: string;
let allocated: { childId: string; workerId: string; teamId: string };
const open: AppBrowser[] = [];

/** A team's allocated case, read from the LCS simulator's own REST contract. */
async function allocatedCase(lcs: string): Promise<typeof allocated> {
  const teams = (await (await fetch(`${lcs}/teams`)).json()) as {
    items: { teamId: string; managerWorkerId: string | null }[];
  };
  for (const team of teams.items.filter((t) => t.managerWorkerId)) {
    const involvements = (await (
      await fetch(`${lcs}/involvements?teamId=${team.teamId}&open=true`)
    ).json()) as { items: { personId: string; workerId: string; role: string }[] };
    const found = involvements.items.find(
      (i) => i.role === 'ALLOCATED_SOCIAL_WORKER' && i.workerId !== team.managerWorkerId,
    );
    if (found) return { childId: `lcs:${found.personId}`, workerId: found.workerId, teamId: team.teamId };
  }
  throw new Error('the county has no allocated case');
}

beforeAll(async () => {
  idp = await listenIdentityProvider(HUB_AUDIENCE);
  h = await startHarness({
    NODE_ENV: 'production',
    CACHE_KEYS: `test:${'k'.repeat(40)}`,
    AUDIT_CHAIN_KEY: 'c'.repeat(40),
    AUTH_MODE: 'jwks',
    AUTH_JWKS_URL: idp.jwksUrl,
    AUTH_ISSUER: idp.issuer,
    AUTH_AUDIENCE: HUB_AUDIENCE,
    AUTH_APP_CLIENT_ID: CLIENT_ID,
  });
  origin = new URL(h.url).origin;
  idp.open({ clientId: CLIENT_ID, redirectUri: `${origin}/app` });
  allocated = await allocatedCase(h.sims.urls.lcs!);
  idp.practitioners.set('asha', {
    password: 'correct horse battery staple',
    name: 'Asha Social Worker',
    roles: ['SOCIAL_WORKER'],
    worker: allocated.workerId,
    team: allocated.teamId,
  });
});
afterAll(async () => {
  for (const app of open) await app.close();
  await h?.close();
  await idp?.close();
});

async function browser(): Promise<AppBrowser> {
  const app = await openAppBrowser(h, [idp.issuer]);
  app.page.setDefaultTimeout(60_000);
  open.push(app);
  return app;
}

const status = (page: Page) => page.getByRole('status').first().innerText();
/** The session the app keeps in the tab's sessionStorage (evaluated in the page). */
const storedSession = (page: Page) =>
  page.evaluate<string | null>(`sessionStorage.getItem(${JSON.stringify(SESSION_KEY)})`);

/** From the app's Sign in button, through the provider's login page, and back. */
async function signInAtProvider(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('User name').fill('asha');
  await page.getByLabel('Password').fill('correct horse battery staple');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.origin === origin && url.pathname === '/app', { timeout: 60_000 });
}

describe('production sign-in through the council’s identity provider', () => {
  it('serves the app in production, sends the practitioner to the provider and shows the child allocated to them', async () => {
    const app = await browser();
    const response = await app.page.goto(`${app.appUrl}#/child/${encodeURIComponent(allocated.childId)}`);
    expect(response?.status()).toBe(200);
    expect(response?.headers()['content-security-policy']).toContain(`connect-src 'self' ${idp.issuer};`);
    await app.page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await app.page.locator('main').innerText()).toMatch(/Sign in to continue/);
    expect(await accessibilityViolations(app.page)).toEqual([]);
    // Production: no development sign-in.
    expect((await fetch(`${origin}/dev/personas`)).status).toBe(404);

    await signInAtProvider(app.page);
    await expect
      .poll(() => status(app.page), { timeout: 60_000 })
      .toMatch(/^Signed in as Asha Social Worker/);
    // Back on the screen sign-in began from, with the code gone from the address bar.
    expect(new URL(app.page.url()).search).toBe('');
    expect(new URL(app.page.url()).hash).toBe(`#/child/${encodeURIComponent(allocated.childId)}`);
    await expect.poll(() => app.page.locator('#child-name').innerText(), { timeout: 60_000 }).toMatch(/\S/);
    await expect.poll(() => app.page.getByRole('tab').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    expect(await app.page.getByRole('tab').allInnerTexts()).toContain('Social care');

    // The token the app holds is the provider's access token for the hub, and it works on its own.
    const session = JSON.parse((await storedSession(app.page)) ?? 'null') as { token: string; role: string };
    expect(session.role).toBe('OIDC');
    const claims = JSON.parse(Buffer.from(session.token.split('.')[1]!, 'base64url').toString()) as {
      iss: string;
      aud: string;
      worker: string;
    };
    expect(claims).toMatchObject({ iss: idp.issuer, aud: HUB_AUDIENCE, worker: allocated.workerId });
    const me = await h.query(session.token, '{ me { roles worker { id } } }');
    expect(me.status).toBe(200);
    expect(me.body.data.me).toEqual({ roles: ['SOCIAL_WORKER'], worker: { id: allocated.workerId } });
    await screenshot(app.page, 'app-production-sign-in');

    // Signing out clears the token and ends the provider's session.
    await app.page.getByRole('button', { name: 'Sign out' }).click();
    await app.page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await app.page.waitForURL((url) => url.origin === origin && url.pathname === '/app', { timeout: 60_000 });
    await expect.poll(() => status(app.page), { timeout: 60_000 }).toBe('Signed out.');
    expect(await accessibilityViolations(app.page)).toEqual([]);
    expect(await storedSession(app.page)).toBeNull();
    await app.page.getByRole('button', { name: 'Sign in' }).click();
    // The provider asks who is there again: its session ended with the app's.
    await app.page.getByLabel('User name').waitFor();
    expect(app.foreign).toEqual([]);
  }, 240_000);

  it('refuses a token the provider issued for another audience, and keeps none', async () => {
    const app = await browser();
    const refused: number[] = [];
    app.page.on('response', (r) => {
      if (new URL(r.url()).pathname === '/graphql') refused.push(r.status());
    });
    idp.audience = 'urn:another-council-api';
    try {
      await app.page.goto(app.appUrl);
      await signInAtProvider(app.page);
      await expect
        .poll(() => status(app.page), { timeout: 60_000 })
        .toBe('Your sign-in has expired or is not valid. Sign in again.');
    } finally {
      idp.audience = HUB_AUDIENCE;
    }
    expect(refused).toEqual([401]);
    expect(await storedSession(app.page)).toBeNull();
    expect(await app.page.locator('main').innerText()).toMatch(/Sign in to continue/);
    await app.page.getByRole('button', { name: 'Sign in' }).waitFor();
  }, 180_000);

  it('signs the viewer out when the token expires, and says so', async () => {
    const app = await browser();
    idp.accessTokenSeconds = 45;
    try {
      await app.page.goto(app.appUrl);
      await signInAtProvider(app.page);
      await expect.poll(() => status(app.page), { timeout: 40_000 }).toMatch(/^Signed in as Asha/);
    } finally {
      idp.accessTokenSeconds = 600;
    }
    const session = JSON.parse((await storedSession(app.page)) ?? 'null') as { expiresAt: string };
    expect(Date.parse(session.expiresAt) - Date.now()).toBeLessThanOrEqual(45_000);
    await expect
      .poll(() => status(app.page), { timeout: 120_000, interval: 1000 })
      .toBe('Your sign-in has expired. Sign in again.');
    expect(await storedSession(app.page)).toBeNull();
    await app.page.getByRole('button', { name: 'Sign in' }).waitFor();
  }, 180_000);

  it('signs the viewer out when the hub refuses a token the browser still holds valid (its clock is stopped)', async () => {
    const app = await browser();
    // The page's clock stands still, so the app's own expiry never comes: only the hub can refuse.
    await app.page.clock.install();
    await app.page.clock.pauseAt(Date.now() + 1000);
    idp.accessTokenSeconds = 20;
    try {
      await app.page.goto(app.appUrl);
      await signInAtProvider(app.page);
      await expect.poll(() => status(app.page), { timeout: 40_000 }).toMatch(/^Signed in as Asha/);
    } finally {
      idp.accessTokenSeconds = 600;
    }
    const child = `#/child/${encodeURIComponent(allocated.childId)}`;
    let open = false;
    // Each look opens the child or goes back to the search: the child's queries carry the token.
    await expect
      .poll(
        async () => {
          open = !open;
          await app.page.evaluate(`location.hash = ${JSON.stringify(open ? child : '#/child')}`);
          return status(app.page);
        },
        { timeout: 120_000, interval: 3000 },
      )
      .toBe('Your sign-in has expired or is not valid. Sign in again.');
    expect(await storedSession(app.page)).toBeNull();
    await app.page.getByRole('button', { name: 'Sign in' }).waitFor();
  }, 240_000);
});
