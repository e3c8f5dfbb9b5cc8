/**
 * Every INTERNAL answer explains itself to the people who run the hub: the cause is logged (the
 * error's class, code and where it was thrown, never its message, which may quote a child's data) with the
 * request id, and the client's error carries the same request id to quote to the service desk.
 * An error is INTERNAL when masking would hide it (src/server/hardening/formatError.ts decides which).
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { CLIENT_SAFE_ERROR_CODES } from '../errors.ts';
import { safeError } from './redaction.ts';

interface WithRequestId {
  requestId: string;
}

function isMasked(error: GraphQLError): boolean {
  const code = error.extensions?.code;
  return typeof code !== 'string' || !CLIENT_SAFE_ERROR_CODES.has(code);
}

/** Where in the hub's code it failed: the stack without its first line, which quotes the message. */
function where(error: Error): string | undefined {
  return error.stack?.split('\n').slice(1, 8).join('\n');
}

export function internalErrorsPlugin<Context extends WithRequestId>(
  logger: Logger,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (!isMasked(error)) continue;
            logger.error(
              {
                requestId: contextValue.requestId,
                path: error.path?.join('.'),
                err: safeError(error.originalError ?? error),
                at: where(error.originalError ?? error),
              },
              'internal error: the client was answered INTERNAL',
            );
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const result = response.body.singleResult as { errors: GraphQLFormattedError[] };
          result.errors = result.errors.map((error) =>
            error.extensions?.code === 'INTERNAL'
              ? { ...error, extensions: { ...error.extensions, requestId: contextValue.requestId } }
              : error,
          );
        },
      };
    },
  };
}
