/**
 * Trusted-documents mode: only operations whose document is in a manifest built with the clients
 * (`{ "<sha256 hex>": "<document>" }`) may run. Clients may send the full text (its sha256 must be in the
 * manifest) or only the hash, in Apollo's persisted-query shape
 * `extensions: { persistedQuery: { version: 1, sha256Hash } }`; the document is then taken from the manifest.
 *
 * - unknown hash, no text:     PERSISTED_QUERY_NOT_FOUND (HTTP 400)
 * - text not in the manifest:  FORBIDDEN (HTTP 403)
 *
 * Apollo turns errors thrown before parsing into "Internal server error", so the verdict is delivered at
 * `didResolveOperation`; a hash-only request for an unknown hash is given a constant one-token document so
 * it reaches that point without parsing anything the client chose. Use with Apollo's automatic persisted
 * queries disabled (`persistedQueries: false`), or any client could register any document.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';

import { FORBIDDEN, PERSISTED_QUERY_NOT_FOUND } from './errors.ts';
import { errorMessage, errorStatus } from '../../platform/errors.ts';

/** Immutable set of trusted documents, keyed by the sha256 (hex) of their exact text. */
export type TrustedDocumentManifest = ReadonlyMap<string, string>;

const SHA256_HEX = /^[0-9a-f]{64}$/;
const PLACEHOLDER_DOCUMENT = '{__typename}';
const unknownHashRequests = new WeakSet<object>();

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Builds a manifest from a mapping, refusing entries whose key is not the sha256 of their document: a
 * mismatched manifest would silently trust a document nobody reviewed, so it stops start-up instead.
 */
export function trustedDocumentManifest(
  documents: Readonly<Record<string, string>>,
): TrustedDocumentManifest {
  const manifest = new Map<string, string>();
  for (const [hash, document] of Object.entries(documents)) {
    const normalisedHash = hash.toLowerCase();
    if (!SHA256_HEX.test(normalisedHash) || typeof document !== 'string') {
      throw new Error('Trusted document manifest entries must map a sha256 hex digest to a document string');
    }
    if (sha256Hex(document) !== normalisedHash) {
      throw new Error(
        `Trusted document manifest entry ${normalisedHash} does not match the sha256 of its document`,
      );
    }
    manifest.set(normalisedHash, document);
  }
  return manifest;
}

export function loadTrustedDocumentManifest(manifestPath: string): TrustedDocumentManifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    throw new Error(
      `Trusted document manifest ${manifestPath} could not be read as JSON: ${error instanceof Error ? error.message : 'unknown error'}`,
    );
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new Error(`Trusted document manifest ${manifestPath} must be a JSON object`);
  }
  return trustedDocumentManifest(parsed as Record<string, string>);
}

interface PersistedQueryExtension {
  version?: unknown;
  sha256Hash?: unknown;
}

export function createTrustedDocumentsPlugin<TContext extends BaseContext>(
  manifest: TrustedDocumentManifest,
): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ request }) {
      const persisted = request.extensions?.persistedQuery as PersistedQueryExtension | undefined;
      if (persisted !== undefined) {
        // The hash is only a way to name a manifest entry here; Apollo's APQ machinery must not see it.
        const { persistedQuery: _ignored, ...otherExtensions } = request.extensions ?? {};
        request.extensions = otherExtensions;
        if (request.query === undefined) {
          const hash = typeof persisted.sha256Hash === 'string' ? persisted.sha256Hash.toLowerCase() : '';
          const document = manifest.get(hash);
          if (document === undefined) {
            unknownHashRequests.add(request);
            request.query = PLACEHOLDER_DOCUMENT;
          } else {
            request.query = document;
          }
        }
      }
      return {
        async didResolveOperation({ request: resolved, queryHash }) {
          if (unknownHashRequests.has(resolved)) {
            throw new GraphQLError(errorMessage(PERSISTED_QUERY_NOT_FOUND), {
              extensions: {
                code: PERSISTED_QUERY_NOT_FOUND,
                http: { status: errorStatus(PERSISTED_QUERY_NOT_FOUND) },
              },
            });
          }
          if (!manifest.has(queryHash)) {
            throw new GraphQLError('Only trusted documents may run on this server.', {
              extensions: { code: FORBIDDEN, http: { status: errorStatus(FORBIDDEN) } },
            });
          }
        },
      };
    },
  };
}
