import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

let h: Harness;
let token: string;
beforeAll(async () => {
  h = await startHarness();
  token = await h.token({ userId: 'fd1', roles: ['FRONT_DOOR'] });
});
afterAll(async () => {
  await h?.close();
});

async function ask(accept: string | undefined) {
  const response = await fetch(h.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      ...(accept === undefined ? {} : { accept }),
    },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

describe('the answer’s media type follows the Accept header, request after request', () => {
  it.each([
    [undefined, 200, 'application/json; charset=utf-8'],
    ['application/json', 200, 'application/json; charset=utf-8'],
    ['application/graphql-response+json', 200, 'application/graphql-response+json; charset=utf-8'],
    ['application/graphql-response+json;q=0.5, application/json', 200, 'application/json; charset=utf-8'],
    ['text/plain', 406, null],
  ])('Accept %s: %i %s', async (accept, status, type) => {
    // Asked three times: the first works the choice out, the others are answered from memory.
    for (let i = 0; i < 3; i++) {
      const answer = await ask(accept);
      expect(answer.status).toBe(status);
      if (type) {
        expect(answer.type).toBe(type);
        expect(JSON.parse(answer.text)).toEqual({ data: { __typename: 'Query' } });
      }
    }
  });
});
