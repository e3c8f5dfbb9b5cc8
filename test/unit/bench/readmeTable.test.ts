import { describe, expect, it } from 'vitest';
import { MARKER_END, MARKER_START, insertIntoReadme, tableRows } from '../../../bench/readmeTable.ts';

const readme = (between: string) =>
  `# Title\n\nBefore.\n\n${MARKER_START}\n${between}\n${MARKER_END}\n\nAfter.\n`;

describe('the README performance table', () => {
  it('goes between the markers, replacing what was there and leaving the rest of the README as it was', () => {
    const table = '| what | measured |\n| --- | --- |\n| a | 1 |\n';
    const once = insertIntoReadme(readme('_placeholder_'), table);
    expect(once).not.toContain('_placeholder_');
    expect(once.startsWith('# Title\n\nBefore.\n\n')).toBe(true);
    expect(once.endsWith(`${MARKER_END}\n\nAfter.\n`)).toBe(true);
    expect(once).toContain(`${MARKER_START}\n\n${table}\n${MARKER_END}`);
    // A second run replaces the first table instead of adding another.
    expect(insertIntoReadme(once, table)).toBe(once);
  });

  it('is refused for a README without both markers', () => {
    expect(() => insertIntoReadme('# Title\n', 'x')).toThrow(/perf-table/);
    expect(() => insertIntoReadme(`${MARKER_END}\n${MARKER_START}\n`, 'x')).toThrow(/perf-table/);
  });

  it('shows every row of a scale that was not run as not run, judging none of them', () => {
    const rows = tableRows(null, null, null);
    expect(rows.length).toBeGreaterThanOrEqual(10);
    for (const row of rows) {
      expect(row.measured).toBe('not run');
      expect(row.met).toBeNull();
    }
  });
});
