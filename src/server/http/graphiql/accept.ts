/**
 * Accept-header negotiation for `GET /graphql`: a browser navigation (which lists text/html explicitly)
 * gets the GraphiQL page; API clients (`*\/*`, `application/json`, `application/graphql-response+json`)
 * fall through to Apollo. Mirrors Apollo's own landing-page rule: HTML only when it is preferred.
 */

interface MediaRange {
  type: string;
  quality: number;
}

function parseAccept(header: string): MediaRange[] {
  return header
    .split(',')
    .map((part) => {
      const [rawType = '', ...parameters] = part.split(';');
      const qualityParameter = parameters.map((p) => p.trim()).find((p) => p.toLowerCase().startsWith('q='));
      const quality = qualityParameter === undefined ? 1 : Number(qualityParameter.slice(2));
      return { type: rawType.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0 };
    })
    .filter((range) => range.type.length > 0);
}

/** True when text/html is explicitly accepted and ranked at least as high as any JSON type. */
export function prefersHtml(acceptHeader: string | undefined): boolean {
  if (!acceptHeader) return false;
  const ranges = parseAccept(acceptHeader);
  const html = ranges.find((range) => range.type === 'text/html');
  if (!html || html.quality <= 0) return false;
  const bestJson = Math.max(
    0,
    ...ranges
      .filter(
        (range) => range.type === 'application/json' || range.type === 'application/graphql-response+json',
      )
      .map((range) => range.quality),
  );
  return html.quality >= bestJson;
}
