/**
 * Who is signed in, kept for this browser tab only (sessionStorage): nothing about a viewer outlives
 * the tab. In local auth mode the hub's development sign-in issues a short-lived token per role
 * (`GET /dev/personas`, `POST /dev/token`); with the council's identity provider the app signs in
 * by OpenID Connect (./oidc.ts); failing both, the viewer pastes a token (the hub verifies it
 * against AUTH_JWKS_URL, issuer and audience).
 */

export interface Persona {
  role: string;
  label: string;
  workerId: string | null;
  teamId: string | null;
}

export interface Session {
  token: string;
  /** The role signed in as (development), `OIDC` through the identity provider, `TOKEN` for a pasted token. */
  role: string;
  label: string;
  expiresAt: string | null;
  /** The identity provider's ID token: the hint its end-session endpoint asks for. */
  idToken?: string;
}

const KEY = 'svoc:app-session';

export function storedSession(): Session | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Session | null;
    if (!saved) return null;
    return saved.expiresAt === null || Date.parse(saved.expiresAt) > Date.now() ? saved : null;
  } catch {
    return null;
  }
}

export function keepSession(session: Session | null): void {
  try {
    if (session) sessionStorage.setItem(KEY, JSON.stringify(session));
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage disabled by policy: the session lasts as long as the page.
  }
}

const NOTICE_KEY = 'svoc:app-notice';

/** A message to show once after a redirect (e.g. back from the provider's sign-out). */
export function leaveNotice(text: string): void {
  try {
    sessionStorage.setItem(NOTICE_KEY, text);
  } catch {
    // Storage disabled: the message is lost with the page.
  }
}

export function takeNotice(): string {
  try {
    const text = sessionStorage.getItem(NOTICE_KEY) ?? '';
    sessionStorage.removeItem(NOTICE_KEY);
    return text;
  } catch {
    return '';
  }
}

export async function loadPersonas(): Promise<{ personas: Persona[]; exampleChildId: string | null }> {
  const response = await fetch('/dev/personas', { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`personas: ${response.status}`);
  return (await response.json()) as { personas: Persona[]; exampleChildId: string | null };
}

export async function devSignIn(persona: Persona): Promise<Session> {
  const response = await fetch('/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role: persona.role }),
    credentials: 'same-origin',
  });
  if (!response.ok) throw new Error(`token: ${response.status}`);
  const { token, expiresAt } = (await response.json()) as { token: string; expiresAt: string };
  return { token, role: persona.role, label: persona.label, expiresAt };
}
