import { describe, expect, it } from 'vitest';
import { generateCounty } from '../../../simulators/county/generate.ts';
import { evaluateLinkage } from '../../../src/domain/identity/evaluate.ts';
import { buildLinkIndex } from '../../../src/domain/identity/linker.ts';
import { countyRecords } from '../../support/county-sources.ts';

describe('linkage quality on the synthetic county (demo scale)', () => {
  const county = generateCounty({ seed: 'identity-it', scale: 'demo' });
  const index = buildLinkIndex(countyRecords(county));
  const quality = evaluateLinkage(index, county.groundTruth());

  it('joins records of the same child with precision >= 0.995 and recall >= 0.95', () => {
    expect(quality.missingRecords).toBe(0);
    expect(quality.precision).toBeGreaterThanOrEqual(0.995);
    expect(quality.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('links finance and education to social care almost perfectly (explicit references)', () => {
    expect(quality.bySystemPair['lcs-lift']?.recall).toBeGreaterThanOrEqual(0.99);
    expect(quality.bySystemPair['lcs-eyes']?.precision).toBeGreaterThanOrEqual(0.995);
  });

  it('links restricted records like any other: their children are whole, and hidden whole', () => {
    const restricted = [...index.clusters()].filter((cluster) => cluster.restricted);
    expect(restricted.length).toBeGreaterThan(0);
    const sizes = restricted.map((c) => Object.values(c.records).reduce((sum, ids) => sum + ids.length, 0));
    expect(Math.max(...sizes)).toBeGreaterThan(1);
    expect(index.stats().restrictedRecords).toBe(sizes.reduce((a, b) => a + b, 0));
  });

  it('gives the same hub ids when the records arrive in another order', () => {
    const reversed = buildLinkIndex([...countyRecords(county)].reverse());
    for (const child of [...county.groundTruth()].slice(0, 300)) {
      const id = child.lcs[0]
        ? `lcs:${child.lcs[0]}`
        : child.eyes[0]
          ? `eyes:${child.eyes[0]}`
          : `frontdoor:${child.frontdoor[0]}`;
      expect(reversed.resolve(id)?.hubId).toBe(index.resolve(id)?.hubId);
    }
  });
});
