/**
 * Responses shared by the hub's own browser pages (GraphiQL, the practitioner app): the security headers
 * every page and asset carries, hashed assets cached immutably with conditional GETs, and plain text.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

import type { BundleAsset } from './staticBundle.ts';

export const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

export function setPageSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(PAGE_SECURITY_HEADERS)) res.setHeader(name, value);
}

/** A bundle asset; names carry a content hash, so a given URL never changes content. */
export function sendAsset(req: IncomingMessage, res: ServerResponse, asset: BundleAsset | undefined): void {
  setPageSecurityHeaders(res);
  if (!asset) {
    sendText(req, res, 404, 'Not found');
    return;
  }
  res.setHeader('cache-control', 'public, max-age=31536000, immutable');
  res.setHeader('etag', asset.etag);
  if (req.headers['if-none-match'] === asset.etag) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.statusCode = 200;
  res.setHeader('content-type', asset.contentType);
  res.setHeader('content-length', asset.body.length);
  res.end(req.method === 'HEAD' ? undefined : asset.body);
}

export function sendText(req: IncomingMessage, res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'text/plain; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(req.method === 'HEAD' ? undefined : text);
}

/** Sends a rendered HTML page under its Content-Security-Policy; never cached (it may carry a nonce). */
export function sendHtml(req: IncomingMessage, res: ServerResponse, html: string, csp: string): void {
  setPageSecurityHeaders(res);
  res.setHeader('cache-control', 'no-store');
  res.statusCode = 200;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('content-security-policy', csp);
  res.setHeader('content-length', Buffer.byteLength(html));
  res.end(req.method === 'HEAD' ? undefined : html);
}
