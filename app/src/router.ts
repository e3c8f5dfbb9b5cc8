/** Screens live in the URL's fragment (`#/child/<id>`): bookmarkable, and never sent to a server log. */
import { useEffect, useState } from 'react';

export type Route =
  | { screen: 'child'; childId: string | null }
  | { screen: 'caseload'; workerId: string | null }
  | { screen: 'finance' };

export function parseRoute(hash: string): Route {
  const [screen, id] = hash.replace(/^#\/?/, '').split('/');
  const decoded = id ? decodeURIComponent(id) : null;
  if (screen === 'caseload') return { screen: 'caseload', workerId: decoded };
  if (screen === 'finance') return { screen: 'finance' };
  return { screen: 'child', childId: decoded };
}

export function childHref(childId: string): string {
  return `#/child/${encodeURIComponent(childId)}`;
}

export function workerHref(workerId: string): string {
  return `#/caseload/${encodeURIComponent(workerId)}`;
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
