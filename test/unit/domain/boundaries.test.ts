import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const domainDir = join(import.meta.dirname, '../../../src/domain/rules');
const sources = readdirSync(domainDir)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => ({ name, text: readFileSync(join(domainDir, name), 'utf8') }));

describe('src/domain/rules stays pure', () => {
  it('has source files to check', () => {
    expect(sources.map((source) => source.name)).toEqual(expect.arrayContaining(['calendar.ts', 'cost.ts']));
  });

  it('imports only its own modules, by relative path with the .ts extension', () => {
    let checked = 0;
    for (const { name, text } of sources) {
      const specifiers = [
        ...text.matchAll(/^\s*(?:import|export)[^'"]*?from\s+'([^']+)'/gm),
        ...text.matchAll(/^\s*import\s+'([^']+)'/gm),
        ...text.matchAll(/\bimport\(\s*'([^']+)'/g),
        ...text.matchAll(/\brequire\(/g),
      ].map((match) => match[1] ?? 'require(');
      for (const specifier of specifiers) {
        expect(specifier, `${name} imports ${specifier}`).toMatch(/^\.\/[A-Za-z]+\.ts$/);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('never reads the clock, randomness, the environment or the file system', () => {
    for (const { name, text } of sources) {
      expect(text, name).not.toMatch(/Date\.now|new Date\b|Math\.random|process\.|node:/);
    }
  });
});
