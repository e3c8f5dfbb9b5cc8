import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateCounty } from '../../../simulators/county/generate.ts';
import type { County } from '../../../simulators/county/types.ts';

function truthDigest(county: County): string {
  const hash = createHash('sha256');
  for (const t of county.groundTruth()) hash.update(JSON.stringify(t));
  return hash.digest('hex');
}

/** Every 7th record of every set, serialised: enough to catch any drift, cheap to compute. */
function sample(county: County): string {
  const sets = [
    county.lcs.people,
    county.lcs.socialCare,
    county.lcs.workers,
    county.lcs.teams,
    county.eyes.pupils,
    county.eyes.records,
    county.eyes.settings,
    county.lift.clients,
    county.lift.agreements,
    county.lift.payments,
    county.frontdoor.contacts,
  ];
  return JSON.stringify(
    sets.map((set) =>
      set
        .ids()
        .filter((_, n) => n % 7 === 0)
        .map((id) => set.get(id)),
    ),
  );
}

describe('the county is deterministic from (seed, scale, asOf)', () => {
  it('gives byte-identical records and ground truth for the same seed', () => {
    const a = generateCounty({ seed: 'same', scale: 'tiny' });
    const b = generateCounty({ seed: 'same', scale: 'tiny' });
    expect(sample(a)).toBe(sample(b));
    expect(truthDigest(a)).toBe(truthDigest(b));
  });

  it('derives lazy records identically whatever order they are read in', () => {
    const a = generateCounty({ seed: 'order', scale: 'tiny' });
    const b = generateCounty({ seed: 'order', scale: 'tiny' });
    const ids = [...a.eyes.records.ids()];
    const forward = ids.map((id) => JSON.stringify(a.eyes.records.get(id)));
    const backward = [...ids]
      .reverse()
      .map((id) => JSON.stringify(b.eyes.records.get(id)))
      .reverse();
    expect(backward).toEqual(forward);
    const contacts = [...a.frontdoor.contacts.ids()].reverse();
    expect(contacts.map((id) => JSON.stringify(b.frontdoor.contacts.get(id)))).toEqual(
      contacts.map((id) => JSON.stringify(a.frontdoor.contacts.get(id))),
    );
  });

  it('gives a different county for a different seed or asOf', () => {
    const a = generateCounty({ seed: 'one', scale: 'tiny' });
    const b = generateCounty({ seed: 'two', scale: 'tiny' });
    const c = generateCounty({ seed: 'one', scale: 'tiny', asOf: '2025-03-31' });
    expect(sample(a)).not.toBe(sample(b));
    expect(truthDigest(a)).not.toBe(truthDigest(b));
    expect(sample(a)).not.toBe(sample(c));
    expect(c.asOf).toBe('2025-03-31');
  });

  it('rejects a bad scale, an empty seed and an impossible asOf with a clear error', () => {
    expect(() => generateCounty({ seed: 'x', scale: 'huge' as never })).toThrow(/unknown scale/);
    expect(() => generateCounty({ seed: '', scale: 'tiny' })).toThrow(/seed/);
    expect(() => generateCounty({ seed: 'x', scale: 'tiny', asOf: '2026-02-30' })).toThrow(/calendar date/);
  });

  it('returns undefined for unknown ids', () => {
    const a = generateCounty({ seed: 'same', scale: 'tiny' });
    expect(a.lcs.people.get('999999999')).toBeUndefined();
    expect(a.eyes.pupils.get('P9999999')).toBeUndefined();
    expect(a.eyes.records.get('nonsense')).toBeUndefined();
    expect(a.frontdoor.contacts.get('FD9999999')).toBeUndefined();
    expect(a.lift.clients.get('CL999999')).toBeUndefined();
  });
});
