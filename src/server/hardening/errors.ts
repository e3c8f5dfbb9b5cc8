/**
 * Error codes and constructors shared by the hardening rules and plugins. Every limit the hub enforces
 * answers with `extensions.code = 'QUERY_TOO_COMPLEX'` so clients can tell "make the query smaller" from
 * other failures; messages name the limit, never the document's contents.
 */
import { GraphQLError } from 'graphql';
import type { ASTNode } from 'graphql';
import { errorStatus, type HubErrorCode } from '../../platform/errors.ts';

// Names for catalogue codes (src/platform/errors.ts) the hardening layer raises.
export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX' satisfies HubErrorCode;
export const PERSISTED_QUERY_NOT_FOUND = 'PERSISTED_QUERY_NOT_FOUND' satisfies HubErrorCode;
export const FORBIDDEN = 'FORBIDDEN' satisfies HubErrorCode;
export const RATE_LIMITED = 'RATE_LIMITED' satisfies HubErrorCode;

/** A limit violation; the catalogue's status (400) when Apollo turns it into a response. */
export function queryTooComplex(message: string, nodes?: ASTNode | readonly ASTNode[]): GraphQLError {
  return new GraphQLError(message, {
    ...(nodes === undefined ? {} : { nodes }),
    extensions: { code: QUERY_TOO_COMPLEX, http: { status: errorStatus(QUERY_TOO_COMPLEX) } },
  });
}
