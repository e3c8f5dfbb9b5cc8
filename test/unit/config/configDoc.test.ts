/**
 * The README's configuration table is what scripts/config-doc.ts renders from the config schema
 * today: a variable added, a default changed or a range moved without `npm run config:doc` fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { README_PATH, TABLE_END, TABLE_START, renderReadme } from '../../../scripts/config-doc.ts';
import { CONFIG_SCHEMA, defaultOf } from '../../../src/platform/config/schema.ts';

const readme = readFileSync(README_PATH, 'utf8');
const table = readme.slice(readme.indexOf(TABLE_START), readme.indexOf(TABLE_END));

describe("README.md's configuration table", () => {
  it('is up to date with src/platform/config/schema.ts (regenerate: npm run config:doc)', async () => {
    expect(readme).toBe(await renderReadme(readme));
  });

  it('has one row per declared variable, with its default', () => {
    for (const name of Object.keys(CONFIG_SCHEMA.properties)) {
      expect(table, name).toContain(`| \`${name}\``);
    }
    const costRow = table.split('\n').find((line) => line.startsWith('| `GRAPHQL_MAX_COST`'));
    expect(costRow).toContain(`\`${defaultOf('GRAPHQL_MAX_COST')}\``);
  });

  it('is found stale when a row no longer matches the schema', async () => {
    const edited = readme.replace(`\`${defaultOf('GRAPHQL_MAX_COST')}\``, '`5000`');
    expect(edited).not.toBe(readme);
    expect(await renderReadme(edited)).not.toBe(edited);
  });
});
