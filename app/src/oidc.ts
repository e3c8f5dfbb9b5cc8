/**
 * Sign-in with the council's identity provider: OpenID Connect's authorization code flow with PKCE,
 * run in the browser as a public client (no secret).
 *
 * 1. `beginSignIn`: read the issuer's discovery document, keep a fresh state, nonce and PKCE verifier
 *    for this tab (sessionStorage), and send the browser to the authorization endpoint.
 * 2. `completeSignIn`, on the way back (`/app?code=…&state=…`): check the state, exchange the code
 *    and verifier at the token endpoint, check the ID token's issuer, audience and nonce, and return
 *    the session: the access token (the hub verifies it against its issuer, audience and keys), when
 *    it expires, and the ID token (kept only as the hint for signing out).
 * 3. `endSession`: send the browser to the provider's end-session endpoint, which comes back here.
 *
 * The code never outlives the exchange: the address bar is cleaned before the token request.
 */
import type { Session } from './session.ts';

export interface OidcSettings {
  issuer: string;
  clientId: string;
  scope: string;
  /** This page's path: where the provider redirects back to. */
  redirectPath: string;
}

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint?: string;
}

/** What a sign-in in progress keeps across the redirect. */
interface Pending {
  state: string;
  nonce: string;
  verifier: string;
  /** The screen to return to (the URL's fragment when sign-in began). */
  returnTo: string;
}

/** Sign-in failed; the message is for the viewer and names no token or code. */
export class SignInError extends Error {}

const PENDING_KEY = 'svoc:app-oidc-pending';

const base64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const randomText = (): string => base64url(crypto.getRandomValues(new Uint8Array(32)));

async function challengeOf(verifier: string): Promise<string> {
  return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
}

export const redirectUri = (settings: OidcSettings): string => location.origin + settings.redirectPath;

let discovered: Promise<Discovery> | null = null;

/** The issuer's discovery document (once per page); its issuer must be the one configured. */
export function discover(settings: OidcSettings): Promise<Discovery> {
  discovered ??= (async () => {
    const url = `${settings.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    let document: Discovery;
    try {
      const response = await fetch(url, { headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error(String(response.status));
      document = (await response.json()) as Discovery;
    } catch {
      throw new SignInError('The identity provider cannot be reached.');
    }
    if (document.issuer !== settings.issuer || !document.authorization_endpoint || !document.token_endpoint) {
      throw new SignInError('The identity provider’s settings do not match the hub’s.');
    }
    return document;
  })().catch((error: unknown) => {
    discovered = null;
    throw error;
  });
  return discovered;
}

export async function beginSignIn(settings: OidcSettings): Promise<void> {
  const provider = await discover(settings);
  const pending: Pending = {
    state: randomText(),
    nonce: randomText(),
    verifier: randomText(),
    returnTo: location.hash,
  };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(provider.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: settings.clientId,
    redirect_uri: redirectUri(settings),
    scope: settings.scope,
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await challengeOf(pending.verifier),
    code_challenge_method: 'S256',
  }).toString();
  location.assign(url.toString());
}

function claimsOf(jwt: string): Record<string, unknown> {
  const payload = jwt.split('.')[1] ?? '';
  const text = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(text, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

/**
 * Finishes a sign-in when the page is the provider's redirect back; null when it is not. The ID
 * token's signature is not checked here: it came straight from the token endpoint over TLS (OpenID
 * Connect Core 3.1.3.7), and the hub verifies the access token it is given.
 */
export async function completeSignIn(settings: OidcSettings): Promise<Session | null> {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) return null;
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) ?? 'null') as Pending | null;
  sessionStorage.removeItem(PENDING_KEY);
  // The code is single-use and bound to the verifier, but it still leaves the address bar now.
  history.replaceState(null, '', settings.redirectPath + (pending?.returnTo ?? ''));
  // Back on the screen sign-in began from (replaceState alone tells the router nothing).
  dispatchEvent(new HashChangeEvent('hashchange'));
  if (!pending || params.get('state') !== pending.state) {
    throw new SignInError('That sign-in was not started here, or has already been used. Sign in again.');
  }
  if (params.has('error')) {
    throw new SignInError(
      params.get('error') === 'access_denied'
        ? 'Sign-in was cancelled or refused.'
        : 'The identity provider could not sign you in.',
    );
  }
  const provider = await discover(settings);
  let body: { access_token?: string; id_token?: string; expires_in?: number; token_type?: string };
  try {
    const response = await fetch(provider.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: params.get('code') ?? '',
        redirect_uri: redirectUri(settings),
        client_id: settings.clientId,
        code_verifier: pending.verifier,
      }),
    });
    body = (await response.json()) as typeof body;
    if (!response.ok) throw new Error(String(response.status));
  } catch {
    throw new SignInError('The identity provider did not issue a token. Sign in again.');
  }
  if (!body.access_token || body.token_type?.toLowerCase() !== 'bearer' || !body.id_token) {
    throw new SignInError('The identity provider did not issue a token. Sign in again.');
  }
  const claims = claimsOf(body.id_token);
  const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (
    claims.iss !== provider.issuer ||
    !audiences.includes(settings.clientId) ||
    claims.nonce !== pending.nonce
  ) {
    throw new SignInError('The identity provider’s answer was not for this sign-in. Sign in again.');
  }
  const lifetime = typeof body.expires_in === 'number' ? body.expires_in : 300;
  return {
    token: body.access_token,
    role: 'OIDC',
    label: typeof claims.name === 'string' && claims.name ? claims.name : 'your account',
    expiresAt: new Date(Date.now() + lifetime * 1000).toISOString(),
    idToken: body.id_token,
  };
}

/** Ends the provider's session too, when it offers to; it sends the browser back to this page. */
export async function endSession(settings: OidcSettings, idToken: string | undefined): Promise<boolean> {
  let provider: Discovery;
  try {
    provider = await discover(settings);
  } catch {
    return false;
  }
  if (!provider.end_session_endpoint) return false;
  const url = new URL(provider.end_session_endpoint);
  url.search = new URLSearchParams({
    client_id: settings.clientId,
    post_logout_redirect_uri: redirectUri(settings),
    ...(idToken ? { id_token_hint: idToken } : {}),
  }).toString();
  location.assign(url.toString());
  return true;
}
