/**
 * Issue 5, what rests in Redis: after real child views through a hub, no key or value under the
 * hub's prefix holds a name, date of birth, NHS number or UPN of the county's children; a value
 * tampered with in Redis is a miss (fetched again, answered correctly); and after a key rotation
 * (a hub restarted with CACHE_KEYS="new:...,old:...") values sealed under the old key still read.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clearPrefix,
  dumpPrefix,
  NEW_KEY,
  OLD_KEY,
  startWorld,
  uniquePrefix,
  type CachingWorld,
  type RunningHub,
} from './support/hubs.ts';

const REDIS_URL = 'redis://127.0.0.1:6379';
const prefix = uniquePrefix('sealed');
// The near-cache would answer from process memory what these tests change behind the hub's back in Redis.
const base = { REDIS_URL, REDIS_KEY_PREFIX: prefix, CACHE_NEAR_ENTRIES: '0' };
let world: CachingWorld;
let hub: RunningHub;
let redis: Redis;
let viewer: string;

beforeAll(async () => {
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  world = await startWorld();
  hub = await world.startHub({ ...base, CACHE_KEYS: OLD_KEY });
  viewer = await world.token({ userId: 'fd-sealed', roles: ['FRONT_DOOR', 'FINANCE'] });
});

afterAll(async () => {
  await world?.close();
  if (redis) {
    await clearPrefix(redis, prefix);
    redis.disconnect();
  }
});

/** The readable identity of every child in the county, from the records the simulators serve. */
function identityFragments(): string[] {
  const { county } = world.sims;
  const fragments = new Set<string>();
  const add = (value: unknown) => {
    // Short names turn up by chance in kilobytes of ciphertext and in base64 digests (a four-letter
    // name in a few hundred random values is a few-percent event); six characters cannot. A leak of
    // plaintext would show the longer names, dates of birth, NHS numbers and UPNs anyway.
    if (typeof value === 'string' && value.length >= 6) fragments.add(value);
  };
  for (const id of county.lcs.people.ids()) {
    const p = county.lcs.people.get(id) as Record<string, unknown>;
    for (const field of ['forename', 'surname', 'dateOfBirth', 'nhsNumber', 'upn']) add(p[field]);
  }
  for (const id of county.eyes.pupils.ids()) {
    const p = county.eyes.pupils.get(id) as Record<string, unknown>;
    for (const field of ['forename', 'surname', 'dateOfBirth', 'nhsNumber', 'upn']) add(p[field]);
  }
  return [...fragments];
}

describe('what the hub leaves in Redis', () => {
  it('holds no name, date of birth, NHS number or UPN of any child, in keys or values', async () => {
    const viewed = [...world.childrenInAllSystems(), ...world.childrenInLcsAndEyesOnly().slice(0, 5)];
    for (const child of viewed) {
      const answer = await hub.childView(viewer, `lcs:${child.lcs[0]}`);
      expect(answer.body.errors).toBeUndefined();
    }
    await hub.settled();

    const dump = await dumpPrefix(redis, prefix);
    // Every system's records were cached: person, social care, pupil, record, LIFT, contacts.
    expect(dump.length).toBeGreaterThanOrEqual(viewed.length * 4);
    expect(new Set(dump.map(({ key }) => key.slice(prefix.length).split(':')[2]))).toEqual(
      new Set(['{lcs', '{eyes', '{lift', '{frontdoor']),
    );
    const fragments = identityFragments();
    expect(fragments.length).toBeGreaterThan(100);
    // The children viewed are in the list (the check would be empty otherwise).
    const first = world.sims.county.lcs.people.get(viewed[0]!.lcs[0]!) as { dateOfBirth: string };
    expect(fragments).toContain(first.dateOfBirth);
    for (const { key, value } of dump) {
      const text = value.toString('latin1');
      const utf8 = value.toString('utf8');
      for (const fragment of fragments) {
        if (key.includes(fragment) || text.includes(fragment) || utf8.includes(fragment)) {
          throw new Error(
            `a cached key or value holds a readable identity fragment (key ${key.slice(0, prefix.length + 24)}…)`,
          );
        }
      }
      // Ids are hashed in key names: nothing but the prefix, namespace, version, tag and digest.
      expect(key.startsWith(`${prefix}svoc:v1:{`)).toBe(true);
    }
  });

  it('answers a value tampered with in Redis as a miss: fetched again, answered correctly', async () => {
    const child = world.childrenInLcsAndEyesOnly()[10]!;
    const id = `lcs:${child.lcs[0]}`;
    const original = await hub.childView(viewer, id);
    await hub.settled();
    const personKeys = (await dumpPrefix(redis, prefix)).filter(({ key }) => key.includes('{lcs:person:'));
    expect(personKeys.length).toBeGreaterThan(0);
    for (const { key, value } of personKeys) {
      const tampered = Buffer.from(value);
      // One bit in the ciphertext, past the header and IV.
      tampered[tampered.length - 20]! ^= 0x01;
      await redis.set(key, tampered, 'KEEPTTL');
    }

    await world.resetCalls();
    const answer = await hub.childView(viewer, id);
    const calls = await world.calls();
    expect(original.body.errors).toBeUndefined();
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toEqual(
      expect.objectContaining({ child: expect.objectContaining({ id: original.body.data!.child!.id }) }),
    );
    expect((answer.body.data!.child as Record<string, unknown>)['name']).toEqual(
      (original.body.data!.child as Record<string, unknown>)['name'],
    );
    // Only what was tampered with is fetched again (the person records, from LCS).
    expect(calls.lcs).toBeGreaterThanOrEqual(1);
    expect({ eyes: calls.eyes, lift: calls.lift, frontdoor: calls.frontdoor }).toEqual({
      eyes: 0,
      lift: 0,
      frontdoor: 0,
    });

    // The refetch was written back over the tampered value: the next view is all hits.
    await hub.settled();
    await world.resetCalls();
    await hub.childView(viewer, id);
    expect(await world.calls()).toEqual({ lcs: 0, eyes: 0, lift: 0, frontdoor: 0 });
  });

  it('still reads values sealed under the old key after a rotation, and seals new ones under the new key', async () => {
    const child = world.childrenInAllSystems()[0]!;
    const id = `lcs:${child.lcs[0]}`;
    const before = await hub.childView(viewer, id);
    await hub.settled();
    await hub.close();

    // Restarted with the new key current and the old one still configured.
    hub = await world.startHub({ ...base, CACHE_KEYS: `${NEW_KEY},${OLD_KEY}` });
    await world.resetCalls();
    const after = await hub.childView(viewer, id);
    expect(await world.calls()).toEqual({ lcs: 0, eyes: 0, lift: 0, frontdoor: 0 });
    expect(after.body.data).toEqual(before.body.data);

    // A child not viewed before is sealed under the new key (its id is in each value's header).
    const fresh = world.childrenInLcsAndEyesOnly()[11]!;
    const keysBefore = new Set((await dumpPrefix(redis, prefix)).map(({ key }) => key));
    await hub.childView(viewer, `lcs:${fresh.lcs[0]}`);
    await hub.settled();
    const written = (await dumpPrefix(redis, prefix)).filter(({ key }) => !keysBefore.has(key));
    expect(written.length).toBeGreaterThan(0);
    const keyIdOf = (value: Buffer) => value.subarray(2, 2 + value[1]!).toString('ascii');
    expect(new Set(written.map(({ value }) => keyIdOf(value)))).toEqual(new Set(['new']));

    // Once the old key is removed, its values are misses: fetched again, never an error.
    await hub.close();
    hub = await world.startHub({ ...base, CACHE_KEYS: NEW_KEY, CACHE_KEY_NAME_SECRET: OLD_KEY.slice(4) });
    await world.resetCalls();
    const withoutOld = await hub.childView(viewer, id);
    expect(withoutOld.body.errors).toBeUndefined();
    expect(withoutOld.body.data).toEqual(
      expect.objectContaining({ child: expect.objectContaining({ id: before.body.data!.child!.id }) }),
    );
    expect((await world.calls()).lcs).toBeGreaterThan(0);
  });
});
