/**
 * Issue 5 across instances: two hubs (two `createHub`) on one Redis and key prefix share the cache;
 * a change notification posted to either drops the entries for both, and a restriction added
 * upstream hides the child on the next request, whichever instance answers it.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clearPrefix,
  dumpPrefix,
  eventually,
  startWorld,
  uniquePrefix,
  withoutAsOf,
  type CachingWorld,
  type RunningHub,
} from './support/hubs.ts';

const REDIS_URL = 'redis://127.0.0.1:6379';
const prefix = uniquePrefix('shared');
const env = {
  REDIS_URL,
  REDIS_KEY_PREFIX: prefix,
  CACHE_KEYS: 'it:caching-shared-instances-sealing-key-0123456789',
};
let world: CachingWorld;
let a: RunningHub;
let b: RunningHub;
let redis: Redis;
let viewer: string;

beforeAll(async () => {
  redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  world = await startWorld();
  a = await world.startHub(env);
  b = await world.startHub(env);
  viewer = await world.token({ userId: 'fd-shared', roles: ['FRONT_DOOR', 'FINANCE'] });
});

afterAll(async () => {
  await world?.close();
  if (redis) {
    await clearPrefix(redis, prefix);
    redis.disconnect();
  }
});

describe('two hub instances on one Redis and prefix', () => {
  it('share the cache: a view filled by one costs the other no upstream call', async () => {
    const child = world.childrenInAllSystems()[0]!;
    const filled = await a.childView(viewer, `lcs:${child.lcs[0]}`);
    expect(filled.body.errors).toBeUndefined();
    await a.settled();

    await world.resetCalls();
    const shared = await b.childView(viewer, `lcs:${child.lcs[0]}`);
    expect(await world.calls()).toEqual({ lcs: 0, eyes: 0, lift: 0, frontdoor: 0 });
    expect(shared.body.data).toEqual(filled.body.data);
  });

  it('a change posted to one instance drops the entries for both within a second', async () => {
    const child = world.childrenInAllSystems()[1]!;
    const personId = child.lcs[0]!;
    const id = `lcs:${personId}`;
    await a.childView(viewer, id);
    await a.settled();
    await b.childView(viewer, id);
    const before = (await dumpPrefix(redis, prefix)).length;

    // Posted to A; B is the one asked next.
    const posted = performance.now();
    expect(await a.postEvents({ system: 'lcs', resource: 'people', id: personId })).toBe(202);
    await world.resetCalls();
    const refetched = await b.childView(viewer, id);
    const elapsed = performance.now() - posted;
    const calls = await world.calls();
    // The person and social care record are fetched again; nothing else changed, nothing else is.
    expect(calls.lcs).toBeGreaterThanOrEqual(2);
    expect({ eyes: calls.eyes, lift: calls.lift, frontdoor: calls.frontdoor }).toEqual({
      eyes: 0,
      lift: 0,
      frontdoor: 0,
    });
    expect(refetched.body.errors).toBeUndefined();
    expect(withoutAsOf(refetched.body.data!.child)).toEqual(
      withoutAsOf((await a.childView(viewer, id)).body.data!.child),
    );
    expect(elapsed).toBeLessThan(1000);
    expect(before).toBeGreaterThan(0);

    // And the other way round: posted to B, A fetches again.
    await b.settled();
    await world.resetCalls();
    await a.childView(viewer, id);
    expect((await world.calls()).lcs).toBe(0);
    expect(await b.postEvents({ system: 'lcs', resource: 'people', id: personId })).toBe(202);
    await world.resetCalls();
    await a.childView(viewer, id);
    expect((await world.calls()).lcs).toBeGreaterThanOrEqual(2);
  });

  it('a restriction added upstream hides the child on the next request, on either instance', async () => {
    const child = world.childrenInAllSystems()[2]!;
    const personId = child.lcs[0]!;
    const id = `lcs:${personId}`;
    const manager = await world.token({ userId: 'tm-shared', roles: ['TEAM_MANAGER'] });
    const hubId = (await a.childView(viewer, id)).body.data?.child?.id;
    expect(hubId).toBeTruthy();
    expect((await b.childView(viewer, id)).body.data?.child?.id).toBe(hubId);
    await a.settled();
    const search = async (hub: RunningHub): Promise<string[]> => {
      const { body } = await hub.query(
        viewer,
        'query($q: String!) { searchChildren(identifier: $q) { nodes { childId } } }',
        { q: id },
      );
      const data = body.data as { searchChildren?: { nodes: { childId: string }[] } } | null | undefined;
      return data?.searchChildren?.nodes.map((n) => n.childId) ?? [];
    };
    for (const hub of [a, b]) expect(await search(hub)).toContain(hubId);

    await world.patch('lcs', 'people', personId, {
      restriction: { reason: 'HIGH_RISK', allowedRoles: ['TEAM_MANAGER'], allowedUsers: [] },
    });
    expect(await a.postEvents({ system: 'lcs', resource: 'people', id: personId })).toBe(202);

    // The instance that took the notification: at once.
    const hidden = await a.childView(viewer, id);
    expect(hidden.body.data?.child ?? null).toBeNull();
    expect(hidden.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // The other instance: within a second (it hears the change on the invalidation channel).
    await eventually(async () => {
      const answer = await b.childView(viewer, id);
      return answer.body.errors?.[0]?.extensions?.code === 'NOT_FOUND';
    }, 1000);
    // Nor does search on either instance reveal that it exists.
    expect(await search(a)).not.toContain(hubId);
    await eventually(async () => !(await search(b)).includes(hubId!), 1000);
    // Those the restriction names still open it.
    for (const hub of [a, b]) {
      const allowed = await hub.query(manager, 'query($id: ID!) { child(id: $id) { id } }', { id });
      expect(allowed.body.errors?.map((e) => e.extensions?.code) ?? []).not.toContain('NOT_FOUND');
    }
  });
});
