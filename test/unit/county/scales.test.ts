import { describe, expect, it } from 'vitest';
import { countCounty, generateCounty } from '../../../simulators/county/generate.ts';
import { SCALE_TARGETS } from '../../../simulators/county/scales.ts';
import type { Scale } from '../../../simulators/county/types.ts';

const within5 = (actual: number, target: number) => {
  expect(actual).toBeGreaterThanOrEqual(Math.floor(target * 0.95));
  expect(actual).toBeLessThanOrEqual(Math.ceil(target * 1.05));
};

function checkScale(scale: Scale) {
  const county = generateCounty({ seed: `scale-${scale}`, scale });
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
}

describe('each scale produces its target counts (within 5%)', () => {
  it('tiny', () => {
    checkScale('tiny');
  });

  // Generation time is a speed target: `npm run bench:indicators` prints it; here only the counts.
  it('demo', () => {
    checkScale('demo');
  });

  it(
    'county: ~270k children in EYES, 40k in LCS, 1,000 looked after, 950 on CP plans, 12k EHCPs, 155k contacts over three years',
    { timeout: 180_000 },
    () => {
      checkScale('county');
    },
  );
});
