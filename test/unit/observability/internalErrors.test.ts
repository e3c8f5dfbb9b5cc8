/**
 * An INTERNAL answer explains itself: the client gets the request id it can quote, and the log has
 * the same id with the cause, never the error's message (which may quote a child's data).
 */
import { Writable } from 'node:stream';
import { ApolloServer } from '@apollo/server';
import { makeExecutableSchema } from '@graphql-tools/schema';
import { expect, it } from 'vitest';
import { formatError } from '../../../src/server/hardening/formatError.ts';
import { hubError } from '../../../src/platform/errors.ts';
import { createLogger } from '../../../src/platform/observability/logger.ts';
import { internalErrorsPlugin } from '../../../src/platform/observability/internalErrors.ts';

it('logs every INTERNAL with its cause and the request id the client also sees, and keeps its message out', async () => {
  const lines: string[] = [];
  const logger = createLogger({
    level: 'info',
    destination: new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    }),
  });
  const server = new ApolloServer<{ requestId: string }>({
    schema: makeExecutableSchema({
      typeDefs: 'type Query { broken: String  refused: String }',
      resolvers: {
        Query: {
          broken: () => {
            throw new TypeError('Cannot read surname of Amelia Hartley');
          },
          refused: () => {
            throw hubError('BAD_USER_INPUT', 'Not like that.');
          },
        },
      },
    }),
    formatError,
    plugins: [internalErrorsPlugin<{ requestId: string }>(logger)],
  });
  await server.start();
  const response = await server.executeOperation(
    { query: '{ broken refused }' },
    { contextValue: { requestId: 'req-123' } },
  );
  await server.stop();
  const body = response.body.kind === 'single' ? response.body.singleResult : null;
  const byCode = Object.fromEntries(body!.errors!.map((e) => [e.extensions?.code, e]));
  expect(byCode.INTERNAL!.extensions).toEqual({ code: 'INTERNAL', requestId: 'req-123' });
  expect(byCode.INTERNAL!.message).toBe('Internal server error');
  expect(byCode.BAD_USER_INPUT!.extensions?.requestId).toBeUndefined();

  const logged = lines.map((line) => JSON.parse(line)).filter((l) => l.msg?.startsWith('internal error'));
  expect(logged).toHaveLength(1);
  expect(logged[0]).toMatchObject({ requestId: 'req-123', path: 'broken', err: { name: 'TypeError' } });
  expect(logged[0].at).toMatch(/internalErrors\.test\.ts/);
  expect(lines.join('')).not.toContain('Hartley');
});
