import { Writable } from 'node:stream';

import { describe, expect, it } from 'vitest';

import { createLogger, safeError } from '../../../src/platform/observability/logger.ts';
import { correlationId, requestId } from '../../../src/platform/observability/requestId.ts';

/** Synthetic child: realistic shapes, made-up values (the NHS number has a valid check digit). */
const CHILD = {
  name: 'Amelia Rose Hartley',
  forename: 'Amelia',
  surname: 'Hartley',
  dob: '2016-03-14',
  nhsNumber: '943 476 5919',
  upn: 'A123456789012',
  postcode: 'SW1A 1AA',
  address: { line1: '12 Orchard Close', town: 'Exampleton' },
};
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ3b3JrZXItNDIifQ.c2lnbmF0dXJl';
const SECRETS = [
  'Amelia',
  'Hartley',
  '2016-03-14',
  '943 476 5919',
  '9434765919',
  'A123456789012',
  'SW1A 1AA',
  'Orchard Close',
  TOKEN,
];

function capture(): { lines: () => string; stream: Writable } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk.toString('utf8'));
      callback();
    },
  });
  return { lines: () => chunks.join(''), stream };
}

function expectNoChildData(output: string): void {
  for (const secret of SECRETS) expect(output).not.toContain(secret);
}

describe('logger redaction', () => {
  it('writes none of a child’s identity or the viewer’s token, at any depth, as JSON lines', () => {
    const { lines, stream } = capture();
    const logger = createLogger({ level: 'debug', destination: stream });
    logger.info(
      {
        req: {
          method: 'POST',
          url: '/graphql',
          headers: { authorization: `Bearer ${TOKEN}`, 'x-request-id': 'r-1' },
        },
        operationName: 'ChildSummary',
        variables: { id: 'lcs:1001', nhsNumber: CHILD.nhsNumber },
        query: `query ChildSummary { searchChildren(name: "${CHILD.name}", dob: "${CHILD.dob}") { id } childByIdentifier(nhsNumber: 9434765919) { id } }`,
        result: { child: CHILD, siblings: [{ ...CHILD, name: 'Oliver Hartley' }] },
        upstream: {
          system: 'LCS',
          response: { person: { first_name: 'Amelia', family_name: 'Hartley', date_of_birth: CHILD.dob } },
        },
      },
      'graphql request finished',
    );
    const output = lines();
    expectNoChildData(output);
    const line = JSON.parse(output) as Record<string, unknown>;
    // What operators need survives.
    expect(line.msg).toBe('graphql request finished');
    expect(line.operationName).toBe('ChildSummary');
    expect(line.level).toBe('info');
    expect((line.req as { url: string }).url).toBe('/graphql');
    expect(String(line.query)).toContain('searchChildren(name:');
  });

  it('scrubs identifiers written into the message text itself', () => {
    const { lines, stream } = capture();
    const logger = createLogger({ destination: stream });
    logger.warn(
      `no match for NHS number ${CHILD.nhsNumber} at ${CHILD.postcode}, upn ${CHILD.upn}, token Bearer ${TOKEN}`,
    );
    expectNoChildData(lines());
  });

  it('reduces errors to name, code and system, dropping messages and stacks that quote the request', () => {
    const { lines, stream } = capture();
    const logger = createLogger({ destination: stream });
    const error = Object.assign(new Error(`LCS lookup failed for ${CHILD.name} (${CHILD.nhsNumber})`), {
      code: 'UPSTREAM_TIMEOUT',
      system: 'LCS',
      config: { headers: { authorization: `Bearer ${TOKEN}` } },
    });
    logger.error({ err: error }, 'upstream failed');
    logger.error(error);
    logger.info({ nested: { cause: error } }, 'nested');
    const output = lines();
    expectNoChildData(output);
    expect(output).not.toContain('stack');
    const [first, second] = output
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(first?.err).toEqual({ name: 'Error', code: 'UPSTREAM_TIMEOUT', system: 'LCS' });
    expect(second?.err).toEqual({ name: 'Error', code: 'UPSTREAM_TIMEOUT', system: 'LCS' });
    expect(second?.msg).toBe('Error');
  });

  it('scrubs child and grandchild logger bindings too', () => {
    const { lines, stream } = capture();
    const logger = createLogger({ destination: stream }).child({ requestId: 'abc', child: CHILD });
    logger.info('bound');
    logger.child({ nhsNumber: CHILD.nhsNumber, upn: CHILD.upn }).info('grandchild');
    expectNoChildData(lines());
    expect(lines()).toContain('"requestId":"abc"');
  });

  it('writes nothing below the configured level', () => {
    const { lines, stream } = capture();
    createLogger({ level: 'warn', destination: stream }).info('quiet');
    expect(lines()).toBe('');
  });
});

describe('safeError', () => {
  it('keeps only name, code and system, also from GraphQL-style extensions', () => {
    expect(
      safeError(Object.assign(new TypeError('x is undefined for Amelia'), { stack: 'at secret.ts' })),
    ).toEqual({
      name: 'TypeError',
    });
    expect(
      safeError({ name: 'GraphQLError', message: 'm', extensions: { code: 'FORBIDDEN', system: 'EYES' } }),
    ).toEqual({
      name: 'GraphQLError',
      code: 'FORBIDDEN',
      system: 'EYES',
    });
  });
});

describe('request and correlation ids', () => {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

  it('the request id is always the hub’s own fresh random id', () => {
    expect(requestId()).toMatch(uuid);
    expect(requestId()).not.toBe(requestId());
  });

  it('keeps a sane incoming x-request-id as the correlation id', () => {
    expect(correlationId({ headers: { 'x-request-id': 'abc-123_DEF' } })).toBe('abc-123_DEF');
  });

  it('drops an over-long, oddly shaped, repeated or missing header', () => {
    for (const incoming of ['a'.repeat(65), 'id with spaces', 'x\n{"level":"fatal"}', '943 476 5919', '']) {
      expect(correlationId({ headers: { 'x-request-id': incoming } })).toBeNull();
    }
    expect(correlationId({ headers: { 'x-request-id': ['a', 'b'] as unknown as string } })).toBeNull();
    expect(correlationId({ headers: {} })).toBeNull();
  });
});
