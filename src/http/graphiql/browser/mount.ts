/**
 * Browser entry of the hub's offline GraphiQL page.
 *
 * This file never runs in Node: `src/http/graphiql/bundle.ts` bundles it with esbuild (together with
 * graphiql, react and the GraphiQL stylesheet) into `dist/graphiql/`, as an IIFE exposing the global
 * `HubGraphiQL`. The HTML page's tiny inline bootstrap script calls `HubGraphiQL.mount(container, options)`.
 *
 * Choices made for a page that shows children's data:
 * - requests go to the same-origin endpoint only, as `POST application/json` (a non-simple content type,
 *   so Apollo's CSRF prevention accepts it without extra headers);
 * - GraphiQL state (tabs, queries, variables, history) is kept in sessionStorage, not localStorage, so
 *   nothing typed about a child outlives the browser tab; the headers editor (which holds the bearer
 *   token) is never persisted.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import type { GraphiQLProps } from 'graphiql';
import 'graphiql/style.css';

/** What the page's inline bootstrap passes in; produced by `renderGraphiQLPage` on the server. */
export interface GraphiQLMountOptions {
  /** Same-origin path of the GraphQL endpoint, e.g. `/graphql`. */
  endpoint: string;
  /** Initial contents of the headers editor (a JSON object as text). */
  defaultHeaders: string;
  /** The query a new tab opens with (GraphiQL's welcome text when absent). */
  defaultQuery?: string;
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

function createSameOriginFetcher(endpoint: string): Fetcher {
  return async (params, options) => {
    const headers: FetcherHeaders = {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(options?.headers as FetcherHeaders | undefined),
    };
    if (params.operationName) headers['x-apollo-operation-name'] = params.operationName;
    const response = await fetch(endpoint, {
      method: 'POST',
      headers,
      body: JSON.stringify(params),
      credentials: 'same-origin',
    });
    return response.json();
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

export function mount(container: Element, options: GraphiQLMountOptions): void {
  (globalThis as unknown as { __webpack_nonce__?: string }).__webpack_nonce__ = options.styleNonce;
  const storage = sessionScopedStorage();
  createRoot(container).render(
    createElement(GraphiQL, {
      fetcher: createSameOriginFetcher(options.endpoint),
      defaultHeaders: options.defaultHeaders,
      ...(options.defaultQuery ? { defaultQuery: options.defaultQuery } : {}),
      shouldPersistHeaders: false,
      showPersistHeadersSettings: false,
      isHeadersEditorEnabled: true,
      defaultEditorToolsVisibility: 'headers',
      ...(storage ? { storage } : {}),
    }),
  );
}
