/**
 * Route templates: the request path with identifying segments replaced, safe for metrics labels
 * and error messages. A segment survives only if it looks like a resource word (lower-case
 * letters, `-`, `_`) or an API version (`v2`); anything with a digit, an upper-case letter, a dot,
 * an encoded character or other punctuation becomes `:id`. Resource words in these contracts are
 * lower-case; ids (numeric person ids, UPNs, UUIDs, refs like `CL-00123`) never are entirely.
 */
const RESOURCE_WORD = /^(?:[a-z][a-z_-]*|v\d{1,3})$/;

export const ID_PLACEHOLDER = ':id';

export function routeTemplate(path: string): string {
  const queryStart = path.indexOf('?');
  const bare = queryStart === -1 ? path : path.slice(0, queryStart);
  const segments = bare.split('/');
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    if (segment !== '' && !RESOURCE_WORD.test(segment)) segments[i] = ID_PLACEHOLDER;
  }
  const joined = segments.join('/');
  return joined.startsWith('/') ? joined : `/${joined}`;
}
