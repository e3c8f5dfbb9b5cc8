/**
 * Reading request bodies under a size limit, for every route that takes one (/graphql, /events,
 * /dev/token). A body over the limit is refused with 413 before it is buffered: at once when its
 * Content-Length says so, otherwise as soon as the bytes received pass the limit.
 */
import type { IncomingMessage } from 'node:http';
import { HttpError } from './respond.ts';

/** The 413 a body over its route's limit gets. */
export class BodyTooLargeError extends HttpError {
  constructor() {
    super(413, 'The request body is too large.');
    this.name = 'BodyTooLargeError';
  }
}

/**
 * The body, as text, of at most `limit` bytes. Past the limit the rest is read and dropped rather
 * than the socket cut, so the client receives the 413; the 413 is sent with `connection: close`,
 * which ends the connection once that answer is written.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > limit) {
      reject(new BodyTooLargeError());
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    const onData = (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > limit) {
        refused = true;
        chunks.length = 0;
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => {
      if (refused) return;
      resolve(chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

/** True when the request says its body is JSON (`application/json`, parameters such as charset allowed). */
export function isJsonContent(req: IncomingMessage): boolean {
  const type = req.headers['content-type'];
  if (type === undefined) return false;
  const semicolon = type.indexOf(';');
  return (semicolon === -1 ? type : type.slice(0, semicolon)).trim().toLowerCase() === 'application/json';
}

/**
 * A JSON object or array from the body, for the small JSON routes (/events, /dev/token): undefined
 * when the body is not declared JSON or is empty (the route then refuses it in its own words);
 * 400 when it is not an object or array of valid JSON; 415 when it is compressed (these routes
 * take small bodies, so no decompression is offered); 413 past `limit`.
 */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  if (!isJsonContent(req)) return undefined;
  const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'identity') throw new HttpError(415, 'Send the body uncompressed.');
  const text = await readBody(req, limit);
  const start = text.trimStart()[0];
  if (start === undefined) return undefined;
  // Only an object or an array: a bare string or number is never a notification or a sign-in.
  if (start !== '{' && start !== '[') throw new HttpError(400);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400);
  }
}
