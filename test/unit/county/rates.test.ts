import { describe, expect, it } from 'vitest';
import { generateCounty } from '../../../simulators/county/generate.ts';
import {
  COUNTY_RATE_BANDS,
  COUNTY_RATE_SEEDS,
  measureCountyRates,
  pupilsWithEhcpRequests,
} from '../../../simulators/county/rates.ts';

// Generating a county takes 10-15 s on a quiet machine and several times that on a busy one:
// the timeout leaves room for a busy machine; it is not a speed target.
const COUNTY_TIMEOUT_MS = 300_000;

describe('a county-scale county reads like the returns and the council report', () => {
  it.each(COUNTY_RATE_SEEDS)(
    'every rate and volume in the README table falls inside its stated band (seed %s)',
    (seed) => {
      const county = generateCounty({ seed, scale: 'county' });
      const rates = measureCountyRates(county, pupilsWithEhcpRequests(county));
      for (const band of COUNTY_RATE_BANDS) {
        const value = rates[band.key] as number;
        expect(value, band.label).toBeGreaterThanOrEqual(band.min);
        expect(value, band.label).toBeLessThanOrEqual(band.max);
      }
      // The council's surge month: March is the busiest month for contacts.
      expect(rates.frontDoorBusiestMonth.slice(5, 7)).toBe('03');
    },
    COUNTY_TIMEOUT_MS,
  );
});
