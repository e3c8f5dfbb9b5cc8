/**
 * Browser entry of the hub's offline GraphiQL page.
 *
 * This file never runs in Node: `src/server/http/graphiql/bundle.ts` bundles it with esbuild (together with
 * graphiql, react and the GraphiQL stylesheet) into `dist/graphiql/`, as an IIFE exposing the global
 * `HubGraphiQL`. The HTML page's tiny inline bootstrap script calls `HubGraphiQL.mount(container, options)`.
 *
 * Choices made for a page that shows children's data:
 * - requests go to the same-origin endpoint only, as `POST application/json` (a non-simple content type,
 *   so Apollo's CSRF prevention accepts it without extra headers);
 * - GraphiQL state (tabs, queries, variables, history) is kept in sessionStorage, not localStorage, so
 *   nothing typed about a child outlives the browser tab; the headers editor (which holds the bearer
 *   token) is never persisted.
 * - In local auth mode (development only) a bar above GraphiQL signs in "as" a role through the hub's
 *   `/dev/token`: the short-lived token is kept for this tab only (sessionStorage, so a reload keeps
 *   it), the schema docs load with it at once, and the example opens with its variables filled.
 */
import { createElement, useCallback, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import type { GraphiQLProps } from 'graphiql';
import type { ExecutionResult } from 'graphql';
import 'graphiql/style.css';

/** What the page's inline bootstrap passes in; produced by `renderGraphiQLPage` on the server. */
export interface GraphiQLMountOptions {
  /** Same-origin path of the GraphQL endpoint, e.g. `/graphql`. */
  endpoint: string;
  /** Initial contents of the headers editor (a JSON object as text). */
  defaultHeaders: string;
  /** The query a new tab opens with (GraphiQL's welcome text when absent). */
  defaultQuery?: string;
  /** Offer development sign-in from `/dev/personas` and `/dev/token`. */
  devSignIn?: boolean;
  /**
   * The page's per-response CSP nonce. Radix dialogs (through react-style-singleton) inject a small
   * <style> element for scroll locking; they tag it with `__webpack_nonce__` when set, which lets the
   * page keep `style-src 'self' 'nonce-…'` instead of allowing every inline style.
   */
  styleNonce: string;
}

type Fetcher = GraphiQLProps['fetcher'];
type GraphiQLStorage = NonNullable<GraphiQLProps['storage']>;
type FetcherHeaders = Record<string, string>;

interface Persona {
  role: string;
  label: string;
  workerId: string | null;
  teamId: string | null;
}

interface SignedIn {
  role: string;
  token: string;
  expiresAt: string;
}

const SIGN_IN_KEY = 'svoc:dev-sign-in';
/** Where GraphiQL keeps its tabs in the storage it is given. */
const TAB_STATE_KEY = 'graphiql:tabState';
/** A bearer token someone typed into the headers editor (not the placeholder): it wins. */
const TYPED_BEARER = /^Bearer [\w-]+\.[\w-]+\.[\w-]+$/;

function createSameOriginFetcher(endpoint: string, token: string | null): Fetcher {
  return async (params, options) => {
    const fromEditor = options?.headers as FetcherHeaders | undefined;
    const headers: FetcherHeaders = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...fromEditor,
    };
    if (token && !TYPED_BEARER.test(fromEditor?.authorization ?? ''))
      headers.authorization = `Bearer ${token}`;
    if (params.operationName) headers['x-apollo-operation-name'] = params.operationName;
    const response = await fetch(endpoint, {
      method: 'POST',
      headers,
      body: JSON.stringify(params),
      credentials: 'same-origin',
    });
    // The hub answers every POST with a GraphQL response body.
    return (await response.json()) as ExecutionResult;
  };
}

function sessionScopedStorage(): GraphiQLStorage | undefined {
  try {
    return (globalThis as unknown as { sessionStorage: GraphiQLStorage }).sessionStorage;
  } catch {
    // Storage can be disabled by browser policy; GraphiQL then keeps its state in memory.
    return undefined;
  }
}

function storedSignIn(storage: GraphiQLStorage | undefined): SignedIn | null {
  try {
    const saved = JSON.parse(storage?.getItem(SIGN_IN_KEY) ?? 'null') as SignedIn | null;
    return saved && Date.parse(saved.expiresAt) > Date.now() + 60_000 ? saved : null;
  } catch {
    return null;
  }
}

async function postJson<T>(url: string, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

function SignInBar(props: {
  personas: Persona[];
  signedIn: SignedIn | null;
  status: string;
  onSignIn: (role: string) => void;
}) {
  const [choice, setChoice] = useState(props.signedIn?.role ?? props.personas[0]?.role ?? '');
  useEffect(() => {
    if (props.signedIn) setChoice(props.signedIn.role);
  }, [props.signedIn]);
  const persona = props.personas.find((p) => p.role === choice);
  return createElement(
    'form',
    {
      className: 'hub-sign-in',
      'aria-label': 'Development sign-in',
      onSubmit: (event: { preventDefault(): void }) => {
        event.preventDefault();
        if (choice) props.onSignIn(choice);
      },
    },
    createElement('label', { htmlFor: 'hub-persona' }, 'View as'),
    createElement(
      'select',
      {
        id: 'hub-persona',
        value: choice,
        onChange: (event: { target: { value: string } }) => setChoice(event.target.value),
      },
      props.personas.map((p) => createElement('option', { key: p.role, value: p.role }, p.label)),
    ),
    persona?.workerId || persona?.teamId
      ? createElement(
          'span',
          { className: 'hub-sign-in-ids' },
          [persona.workerId && `worker ${persona.workerId}`, persona.teamId && `team ${persona.teamId}`]
            .filter(Boolean)
            .join(', '),
        )
      : null,
    createElement('button', { type: 'submit' }, 'Sign in'),
    createElement('output', { role: 'status', 'aria-live': 'polite' }, props.status),
  );
}

function HubGraphiQL({ options, storage }: { options: GraphiQLMountOptions; storage?: GraphiQLStorage }) {
  const [signedIn, setSignedIn] = useState<SignedIn | null>(() => storedSignIn(storage));
  const [personas, setPersonas] = useState<Persona[] | null>(options.devSignIn ? null : []);
  const [exampleChildId, setExampleChildId] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  const signIn = useCallback(
    async (role: string) => {
      try {
        const { token, expiresAt } = await postJson<{ token: string; expiresAt: string }>('/dev/token', {
          role,
        });
        const next = { role, token, expiresAt };
        storage?.setItem(SIGN_IN_KEY, JSON.stringify(next));
        setSignedIn(next);
      } catch {
        setStatus('Sign-in failed: is the hub running in local auth mode?');
      }
    },
    [storage],
  );

  useEffect(() => {
    if (!options.devSignIn) return;
    fetch('/dev/personas', { credentials: 'same-origin' })
      .then((response) => response.json() as Promise<{ personas: Persona[]; exampleChildId: string | null }>)
      .then(async ({ personas: list, exampleChildId: example }) => {
        // A first visit signs in before GraphiQL asks for the schema, so the docs load at once.
        if (!storedSignIn(storage) && list[0]) await signIn(list[0].role);
        setExampleChildId(example);
        setPersonas(list);
      })
      .catch(() => setPersonas([]));
  }, [options.devSignIn, signIn, storage]);

  useEffect(() => {
    if (!signedIn || !personas) return;
    const label = personas.find((p) => p.role === signedIn.role)?.label ?? signedIn.role;
    setStatus(`Signed in as ${label} until ${new Date(signedIn.expiresAt).toLocaleTimeString()}`);
  }, [signedIn, personas]);

  const fetcher = useMemo(
    () => createSameOriginFetcher(options.endpoint, signedIn?.token ?? null),
    [options.endpoint, signedIn?.token],
  );
  // Wait for the personas (and so the example's id) before the first render of the editors.
  if (personas === null) return createElement('p', { className: 'hub-loading' }, 'Loading…');

  const headers = signedIn
    ? JSON.stringify({ authorization: `Bearer ${signedIn.token}` }, null, 2)
    : options.defaultHeaders;
  // GraphiQL fills the variables editor from this prop (not from defaultTabs), so give the example's
  // only on a first visit: after that the tab's own variables, kept for the tab, win.
  const exampleVariables =
    exampleChildId && storage?.getItem(TAB_STATE_KEY) == null
      ? JSON.stringify({ id: exampleChildId }, null, 2)
      : undefined;
  return createElement(
    'div',
    { className: 'hub-graphiql' },
    options.devSignIn
      ? createElement(SignInBar, { personas, signedIn, status, onSignIn: (role) => void signIn(role) })
      : null,
    createElement(GraphiQL, {
      fetcher,
      headers,
      defaultHeaders: headers,
      ...(options.defaultQuery ? { defaultQuery: options.defaultQuery } : {}),
      ...(exampleVariables ? { variables: exampleVariables } : {}),
      shouldPersistHeaders: false,
      showPersistHeadersSettings: false,
      isHeadersEditorEnabled: true,
      defaultEditorToolsVisibility: options.devSignIn ? 'variables' : 'headers',
      ...(storage ? { storage } : {}),
    }),
  );
}

export function mount(container: Element, options: GraphiQLMountOptions): void {
  (globalThis as unknown as { __webpack_nonce__?: string }).__webpack_nonce__ = options.styleNonce;
  createRoot(container).render(createElement(HubGraphiQL, { options, storage: sessionScopedStorage() }));
}
