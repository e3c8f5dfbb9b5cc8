import { createRequire } from 'node:module';
import Negotiator from 'negotiator';
import { describe, expect, it, vi } from 'vitest';
import { rememberMediaTypeChoices } from '../../../src/server/execution/index.ts';

const OFFERED = [
  ['multipart/mixed; deferSpec=20220824', 'multipart/mixed'],
  ['application/json', 'application/graphql-response+json'],
  ['application/graphql-response+json', 'application/json', 'text/html'],
] as const;
const HEADERS = [
  undefined,
  '',
  '*/*',
  'application/json',
  'application/graphql-response+json, application/json;q=0.9',
  'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
  'multipart/mixed;deferSpec=20220824, application/json;q=0.5',
  'text/plain',
  'application/json;q=0',
  `application/json;q=0.1, ${'x'.repeat(300)}/json`,
];

const choose = (accept: string | undefined, offered: readonly string[]) =>
  new Negotiator({ headers: { accept } }).mediaType(offered);

describe('remembered media-type choices', () => {
  it('choose exactly as negotiator does, the first time and every time after', () => {
    const before = HEADERS.map((accept) => OFFERED.map((offered) => choose(accept, offered)));
    // A header that accepts none of them is among the cases.
    expect(before.flat()).toContain(undefined);
    rememberMediaTypeChoices();
    rememberMediaTypeChoices();
    for (let round = 0; round < 3; round++)
      expect(HEADERS.map((accept) => OFFERED.map((offered) => choose(accept, offered)))).toEqual(before);
  });

  it('work out an ordinary header once, and a very long one every time', () => {
    rememberMediaTypeChoices();
    const parse = vi.spyOn(Negotiator.prototype as unknown as { mediaTypes: () => string[] }, 'mediaTypes');
    try {
      const accept = 'application/graphql-response+json;q=0.8, application/json;q=0.7';
      for (let i = 0; i < 5; i++) choose(accept, OFFERED[1]);
      expect(parse).toHaveBeenCalledTimes(1);
      const long = `application/json, ${'y'.repeat(300)}/z`;
      for (let i = 0; i < 3; i++) choose(long, OFFERED[1]);
      expect(parse).toHaveBeenCalledTimes(4);
    } finally {
      parse.mockRestore();
    }
  });

  it('are Apollo Server’s choices too: Apollo resolves the same negotiator module', () => {
    const require = createRequire(import.meta.url);
    const fromApollo = createRequire(require.resolve('@apollo/server')).resolve('negotiator');
    expect(fromApollo).toBe(require.resolve('negotiator'));
  });
});
