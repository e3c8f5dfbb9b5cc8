import { describe, expect, it } from 'vitest';
import { countCounty, generateCounty } from '../../../simulators/county/generate.ts';
import { SCALE_TARGETS } from '../../../simulators/county/scales.ts';
import type { Scale } from '../../../simulators/county/types.ts';

const within5 = (actual: number, target: number) => {
  expect(actual).toBeGreaterThanOrEqual(Math.floor(target * 0.95));
  expect(actual).toBeLessThanOrEqual(Math.ceil(target * 1.05));
};

function checkScale(scale: Scale) {
  const started = performance.now();
  const county = generateCounty({ seed: `scale-${scale}`, scale });
  const seconds = (performance.now() - started) / 1000;
  const counts = countCounty(county);
  const target = SCALE_TARGETS[scale];
  within5(counts.eyesChildren, target.eyesChildren);
  within5(counts.lcsChildren, target.lcsChildren);
  within5(counts.lookedAfter, target.lookedAfter);
  within5(counts.onCpPlan, target.onCpPlan);
  within5(counts.activeEhcps, target.activeEhcps);
  within5(counts.frontDoorContacts, target.frontDoorContacts);
  expect(counts.workers).toBe(target.workers);
  expect(counts.teams).toBe(target.teams);
  return { seconds, counts };
}

describe('each scale produces its target counts (within 5%)', () => {
  it('tiny', () => {
    checkScale('tiny');
  });

  it('demo, well under 3 s', () => {
    const { seconds } = checkScale('demo');
    expect(seconds).toBeLessThan(3);
  });

  it(
    'county: ~270k children in EYES, 40k in LCS, 1,000 looked after, 950 on CP plans, 12k EHCPs, 155k contacts over three years',
    { timeout: 90_000 },
    () => {
      const { seconds } = checkScale('county');
      // Generous: the target is ~15 s on a quiet machine; shared CI cores can be much slower.
      expect(seconds).toBeLessThan(45);
    },
  );
});
