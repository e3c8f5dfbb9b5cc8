/**
 * Browser entry of the reference practitioner app (served by the hub at /app; see
 * src/server/http/practitionerApp.ts). It reads its options from the page's JSON data block, signs in, and
 * shows one of three screens: a child, a team's caseload, the finance report.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import { HubError, graphql, messageFor } from './api.ts';
import { ME, type MeData } from './queries.ts';
import {
  devSignIn,
  keepSession,
  leaveNotice,
  loadPersonas,
  storedSession,
  takeNotice,
  type Persona,
  type Session,
} from './session.ts';
import { beginSignIn, completeSignIn, endSession, SignInError, type OidcSettings } from './oidc.ts';
import { HubContext, hubFor, type Hub } from './hub.ts';
import { useRoute } from './router.ts';
import { ChildScreen } from './child.tsx';
import { CaseloadScreen } from './caseload.tsx';
import { FinanceScreen } from './finance.tsx';

interface AppOptions {
  endpoint: string;
  devSignIn: boolean;
  oidc: OidcSettings | null;
}

const CASELOAD_ROLES = ['TEAM_MANAGER', 'SOCIAL_WORKER'];
const FINANCE_ROLES = ['FINANCE'];

function readOptions(): AppOptions {
  const text = document.getElementById('app-options')?.textContent ?? '{}';
  const parsed = JSON.parse(text) as Partial<AppOptions>;
  return {
    endpoint: parsed.endpoint ?? '/graphql',
    devSignIn: parsed.devSignIn === true,
    oidc: parsed.oidc ?? null,
  };
}

const EXPIRED = 'Your sign-in has expired. Sign in again.';

function SignInBar(props: {
  personas: Persona[] | null;
  oidc: boolean;
  session: Session | null;
  status: string;
  onDevSignIn: (persona: Persona) => void;
  onOidcSignIn: () => void;
  onToken: (token: string) => void;
  onSignOut: () => void;
}) {
  const [choice, setChoice] = useState(props.session?.role ?? props.personas?.[0]?.role ?? '');
  const [token, setToken] = useState('');
  useEffect(() => {
    if (props.session) setChoice(props.session.role);
  }, [props.session]);
  if (props.personas) {
    return (
      <form
        className="sign-in"
        aria-label="Development sign-in"
        onSubmit={(event) => {
          event.preventDefault();
          const persona = props.personas?.find((p) => p.role === choice);
          if (persona) props.onDevSignIn(persona);
        }}
      >
        <label htmlFor="view-as">View as</label>
        <select id="view-as" value={choice} onChange={(event) => setChoice(event.target.value)}>
          {props.personas.map((p) => (
            <option key={p.role} value={p.role}>
              {p.label}
            </option>
          ))}
        </select>
        <button type="submit">Sign in</button>
        <output role="status" aria-live="polite">
          {props.status}
        </output>
      </form>
    );
  }
  if (props.oidc) {
    return (
      <div className="sign-in" role="group" aria-label="Sign-in">
        <output role="status" aria-live="polite">
          {props.status}
        </output>
        {props.session ? (
          <button type="button" onClick={props.onSignOut}>
            Sign out
          </button>
        ) : (
          <button type="button" onClick={props.onOidcSignIn}>
            Sign in
          </button>
        )}
      </div>
    );
  }
  return (
    <form
      className="sign-in"
      aria-label="Sign in with a token"
      onSubmit={(event) => {
        event.preventDefault();
        if (token.trim()) props.onToken(token.trim());
      }}
    >
      {props.session ? (
        <>
          <output role="status">{props.status}</output>
          <button type="button" onClick={props.onSignOut}>
            Sign out
          </button>
        </>
      ) : (
        <>
          <label htmlFor="token">Access token from your identity provider</label>
          <input
            id="token"
            type="password"
            autoComplete="off"
            value={token}
            onChange={(e) => setToken(e.target.value)}
          />
          <button type="submit">Sign in</button>
          <output role="status">{props.status}</output>
        </>
      )}
    </form>
  );
}

function App({ options }: { options: AppOptions }) {
  const route = useRoute();
  const [session, setSession] = useState<Session | null>(() => storedSession());
  const [personas, setPersonas] = useState<Persona[] | null>(null);
  const [exampleChildId, setExampleChildId] = useState<string | null>(null);
  const [viewer, setViewer] = useState<MeData['me'] | null>(null);
  const [status, setStatus] = useState(() => takeNotice());

  // Back from the identity provider: finish the sign-in it started.
  useEffect(() => {
    if (!options.oidc) return;
    completeSignIn(options.oidc)
      .then((next) => {
        if (!next) return;
        keepSession(next);
        setSession(next);
      })
      .catch((error: unknown) => {
        setStatus(error instanceof SignInError ? error.message : 'Sign-in failed.');
      });
  }, [options.oidc]);

  // A token is never used past its expiry: the viewer is signed out and told so.
  useEffect(() => {
    if (!session?.expiresAt) return;
    const left = Date.parse(session.expiresAt) - Date.now();
    const timer = setTimeout(
      () => {
        keepSession(null);
        setSession(null);
        setStatus(EXPIRED);
      },
      Math.max(0, Math.min(left, 2 ** 31 - 1)),
    );
    return () => clearTimeout(timer);
  }, [session]);

  const signIn = useCallback(async (persona: Persona) => {
    try {
      const next = await devSignIn(persona);
      keepSession(next);
      setSession(next);
    } catch {
      setStatus('Sign-in failed: is the hub running in local auth mode?');
    }
  }, []);

  useEffect(() => {
    if (!options.devSignIn) return;
    loadPersonas()
      .then(async ({ personas: list, exampleChildId: example }) => {
        setPersonas(list);
        setExampleChildId(example);
        if (!storedSession() && list[0]) await signIn(list[0]);
      })
      .catch(() => setStatus('Development sign-in is unavailable.'));
  }, [options.devSignIn, signIn]);

  useEffect(() => {
    if (!session) {
      setViewer(null);
      return;
    }
    let live = true;
    graphql<MeData>(options.endpoint, session.token, ME)
      .then(({ data }) => {
        if (!live || !data) return;
        setViewer(data.me);
        setStatus(`Signed in as ${session.label}${data.me.worker ? ` (${data.me.worker.name})` : ''}`);
      })
      .catch((error: unknown) => {
        if (!live) return;
        setStatus(error instanceof HubError ? error.message : 'Sign-in failed.');
        if (error instanceof HubError && error.code === 'UNAUTHENTICATED') {
          keepSession(null);
          setSession(null);
        }
      });
    return () => {
      live = false;
    };
  }, [session, options.endpoint]);

  const hub: Hub | null = useMemo(
    () =>
      session && viewer
        ? hubFor(
            options.endpoint,
            session.token,
            { roles: viewer.roles, teamId: viewer.team?.id ?? null },
            exampleChildId,
            () => {
              keepSession(null);
              setSession(null);
              setStatus(messageFor('UNAUTHENTICATED'));
            },
          )
        : null,
    [session, viewer, options.endpoint, exampleChildId],
  );

  const roles = viewer?.roles ?? [];
  const links = [
    { href: '#/child', label: 'Child', screen: 'child', show: true },
    {
      href: '#/caseload',
      label: 'Caseload',
      screen: 'caseload',
      show: roles.some((r) => CASELOAD_ROLES.includes(r)),
    },
    {
      href: '#/finance',
      label: 'Finance',
      screen: 'finance',
      show: roles.some((r) => FINANCE_ROLES.includes(r)),
    },
  ].filter((link) => link.show);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <p className="app-title">Single View of a Child</p>
        <nav aria-label="Screens">
          <ul>
            {links.map((link) => (
              <li key={link.screen}>
                <a href={link.href} aria-current={route.screen === link.screen ? 'page' : undefined}>
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <SignInBar
          personas={personas}
          oidc={options.oidc !== null}
          session={session}
          status={status}
          onDevSignIn={(persona) => void signIn(persona)}
          onOidcSignIn={() => {
            if (!options.oidc) return;
            setStatus('Signing in…');
            beginSignIn(options.oidc).catch((error: unknown) =>
              setStatus(error instanceof SignInError ? error.message : 'Sign-in failed.'),
            );
          }}
          onToken={(token) => {
            const next: Session = { token, role: 'TOKEN', label: 'your account', expiresAt: null };
            keepSession(next);
            setSession(next);
          }}
          onSignOut={() => {
            const idToken = session?.idToken;
            keepSession(null);
            setSession(null);
            setStatus('Signed out.');
            if (!options.oidc) return;
            // The provider's session ends too, so the next sign-in asks who is there.
            leaveNotice('Signed out.');
            void endSession(options.oidc, idToken).then((leaving) => {
              if (!leaving) takeNotice();
            });
          }}
        />
      </header>
      <main id="main" tabIndex={-1}>
        {hub ? (
          <HubContext.Provider value={hub}>
            {route.screen === 'child' && (
              <ChildScreen key={`${session?.token}:${route.childId}`} childId={route.childId} />
            )}
            {route.screen === 'caseload' && <CaseloadScreen key={session?.token} workerId={route.workerId} />}
            {route.screen === 'finance' && <FinanceScreen key={session?.token} />}
          </HubContext.Provider>
        ) : (
          // The page's one heading while no screen is shown: what to do next.
          <h1 className="notice">{session ? 'Signing in…' : 'Sign in to continue.'}</h1>
        )}
      </main>
    </>
  );
}

createRoot(document.getElementById('app')!).render(<App options={readOptions()} />);
