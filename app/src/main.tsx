/**
 * Browser entry of the reference practitioner app (served by the hub at /app; see
 * src/http/practitionerApp.ts). It reads its options from the page's JSON data block, signs in, and
 * shows one of three screens: a child, a team's caseload, the finance report.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';
import { HubError, graphql } from './api.ts';
import { ME, type MeData } from './queries.ts';
import {
  devSignIn,
  keepSession,
  loadPersonas,
  storedSession,
  type Persona,
  type Session,
} from './session.ts';
import { HubContext, hubFor, type Hub } from './hub.ts';
import { useRoute } from './router.ts';
import { ChildScreen } from './child.tsx';
import { CaseloadScreen } from './caseload.tsx';
import { FinanceScreen } from './finance.tsx';

interface AppOptions {
  endpoint: string;
  devSignIn: boolean;
}

const CASELOAD_ROLES = ['TEAM_MANAGER', 'SOCIAL_WORKER'];
const FINANCE_ROLES = ['FINANCE'];

function readOptions(): AppOptions {
  const text = document.getElementById('app-options')?.textContent ?? '{}';
  const parsed = JSON.parse(text) as Partial<AppOptions>;
  return { endpoint: parsed.endpoint ?? '/graphql', devSignIn: parsed.devSignIn === true };
}

function SignInBar(props: {
  personas: Persona[] | null;
  session: Session | null;
  status: string;
  onDevSignIn: (persona: Persona) => void;
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
  const [status, setStatus] = useState('');

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
          session={session}
          status={status}
          onDevSignIn={(persona) => void signIn(persona)}
          onToken={(token) => {
            const next: Session = { token, role: 'TOKEN', label: 'your account', expiresAt: null };
            keepSession(next);
            setSession(next);
          }}
          onSignOut={() => {
            keepSession(null);
            setSession(null);
            setStatus('Signed out.');
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
          <p className="notice">{session ? 'Signing in…' : 'Sign in to continue.'}</p>
        )}
      </main>
    </>
  );
}

createRoot(document.getElementById('app')!).render(<App options={readOptions()} />);
