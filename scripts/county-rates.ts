/**
 * Prints the README's table of the synthetic county's rates: each band and its source from
 * simulators/county/rates.ts, and the value measured from the records at county scale per seed.
 *
 *   npm run county:rates -- --seed svoc --seed harbour
 */
import { parseArgs } from 'node:util';
import { generateCounty } from '../simulators/county/generate.ts';
import {
  COUNTY_RATE_BANDS,
  COUNTY_RATE_SEEDS,
  measureCountyRates,
  pupilsWithEhcpRequests,
} from '../simulators/county/rates.ts';

const { values } = parseArgs({
  options: { seed: { type: 'string', multiple: true, default: [...COUNTY_RATE_SEEDS] } },
});
const seeds = values.seed!;

/** Shares (bands within 0-1) as percentages, counts with thousands separators. */
const format = (value: number, share: boolean, digits = 1) =>
  share ? `${+(value * 100).toFixed(digits)}%` : Math.round(value).toLocaleString('en-GB');

const measured = seeds.map((seed) => {
  const county = generateCounty({ seed, scale: 'county' });
  return measureCountyRates(county, pupilsWithEhcpRequests(county));
});

const rows = COUNTY_RATE_BANDS.map((band) => {
  const share = band.max <= 1;
  const range = `${format(band.min, share, 0)}–${format(band.max, share, 0)}`;
  return [
    band.label,
    range,
    band.source,
    ...measured.map((rates) => {
      const value = rates[band.key] as number;
      const outside = value < band.min || value > band.max;
      return `${format(value, share)}${outside ? ' **(outside band)**' : ''}`;
    }),
  ];
});
const header = ['rate or volume', 'band', 'source', ...seeds.map((seed) => `seed \`${seed}\``)];
console.log(`| ${header.join(' | ')} |`);
console.log(`| ${header.map(() => '---').join(' | ')} |`);
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
console.log(
  `\nBusiest month for contacts: ${measured.map((rates) => rates.frontDoorBusiestMonth).join('; ')}`,
);
