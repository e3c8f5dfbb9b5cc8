/**
 * A restriction covers the whole child, on counties from seeds the linker was never tuned on. The
 * checks come from outside the linker: the county's ground truth (which records are the same
 * child, which identities an adoption split) and the red team's method (the same linker run with
 * every restriction flag ignored, to see what a restricted record would otherwise join or match).
 */
import { describe, expect, it } from 'vitest';
import { generateCounty } from '../../../simulators/county/generate.ts';
import type { GroundTruthChild } from '../../../simulators/county/types.ts';
import { ROLES, type Role } from '../../../src/domain/access/types.ts';
import { createChildDirectory, type Restriction } from '../../../src/domain/identity/directory.ts';
import { buildLinkIndex } from '../../../src/domain/identity/linker.ts';
import { type ClusterView } from '../../../src/domain/identity/types.ts';
import { SYSTEMS } from '../../../src/platform/systems.ts';
import { countyRecords } from '../../support/county-sources.ts';

const SEEDS = ['hide-one', 'hide-two', 'hide-three'];

interface LcsPersonShape {
  forename: string;
  surname: string;
  dateOfBirth: string | null;
  nhsNumber: string | null;
  upn: string | null;
  restriction: Restriction | null;
}

const refsOf = (child: GroundTruthChild): string[] =>
  SYSTEMS.flatMap((system) => child[system].map((id) => `${system}:${id}`));

describe.each(SEEDS)('restrictions on the county from seed %s', (seed) => {
  const county = generateCounty({ seed, scale: 'demo' });
  const records = [...countyRecords(county)];
  const index = buildLinkIndex(records);
  const restrictions = new Map<string, Restriction>();
  const person = (id: string) => county.lcs.people.get(id) as unknown as LcsPersonShape;
  for (const id of county.lcs.people.ids()) {
    const restriction = person(id).restriction;
    if (restriction) restrictions.set(id, restriction);
  }
  const directory = createChildDirectory(index, restrictions);
  const truth = [...county.groundTruth()];
  const byTruthId = new Map(truth.map((child) => [child.child, child]));
  const restrictedChildren = truth.filter((child) => child.lcs.some((id) => person(id).restriction));
  const clusterOf = (ref: string): ClusterView => index.resolve(ref)!;

  /** Viewers of every role, none of them named by the restriction. */
  const strangers = (restriction: Restriction) =>
    ROLES.filter((role: Role) => !restriction.allowedRoles.includes(role)).map((role) => ({
      userId: `stranger-${role}`,
      roles: [role],
      teamId: null,
      workerId: 'W00000-stranger',
    }));

  it('has restricted children of every kind, with records outside LCS', () => {
    expect(restrictedChildren.length).toBeGreaterThanOrEqual(4);
    expect(restrictedChildren.some((child) => child.eyes.length + child.frontdoor.length > 0)).toBe(true);
    expect(truth.some((child) => child.adoptionPair !== null)).toBe(true);
  });

  it('hides every record of a restricted child, in every system, from everyone the restriction does not name', () => {
    for (const child of restrictedChildren) {
      const restriction = person(child.lcs.find((id) => person(id).restriction)!).restriction!;
      for (const ref of refsOf(child)) {
        const cluster = clusterOf(ref);
        expect(cluster.restricted, `${ref} of a restricted child`).toBe(true);
        for (const viewer of strangers(restriction)) expect(directory.mayReveal(cluster, viewer)).toBe(false);
      }
    }
  });

  it('withholds whatever the restricted record would join or be matched with if restrictions were ignored', () => {
    const ignoring = buildLinkIndex(records.map((record) => ({ ...record, restricted: false })));
    let withheld = 0;
    for (const child of restrictedChildren) {
      for (const id of child.lcs.filter((lcsId) => person(lcsId).restriction)) {
        const unrestricted = ignoring.resolve(`lcs:${id}`)!;
        const reachable = [
          unrestricted,
          ...ignoring.possibleMatches(unrestricted.hubId).map((match) => ignoring.cluster(match.hubId)!),
        ];
        for (const cluster of reachable) {
          for (const system of SYSTEMS) {
            for (const localId of cluster.records[system]) {
              withheld++;
              expect(clusterOf(`${system}:${localId}`).restricted, `${system}:${localId}`).toBe(true);
            }
          }
        }
      }
    }
    expect(withheld).toBeGreaterThan(restrictedChildren.length);
  });

  it('never returns a restricted child’s record from a search by what a stranger knows', () => {
    for (const child of restrictedChildren) {
      const hidden = new Set(refsOf(child).map((ref) => clusterOf(ref).hubId));
      for (const id of child.lcs) {
        const p = person(id);
        const dob = p.dateOfBirth ?? undefined;
        for (const query of [
          { name: `${p.forename} ${p.surname}`, dateOfBirth: dob },
          { name: p.forename, dateOfBirth: dob },
          ...(p.nhsNumber ? [{ identifier: p.nhsNumber }] : []),
          ...(p.upn ? [{ identifier: p.upn }] : []),
        ]) {
          for (const hit of directory.search(query, { first: 100 }).items) {
            expect(hidden.has(hit.cluster.hubId)).toBe(false);
            expect(hit.cluster.restricted).toBe(false);
          }
        }
      }
    }
  });

  it('never offers a restricted child as a possible match of any child', () => {
    const viewer = { userId: 'matcher', roles: ['SOCIAL_WORKER' as Role], teamId: null, workerId: null };
    for (const cluster of index.clusters()) {
      if (cluster.restricted) continue;
      for (const match of directory.possibleMatches(cluster, viewer)) {
        expect(index.cluster(match.hubId)!.restricted).toBe(false);
      }
    }
  });

  it('never joins, matches or returns together the two identities of an adopted child', () => {
    const pairs = truth.filter((child) => child.adoptionPair !== null && child.child < child.adoptionPair);
    expect(pairs.length).toBeGreaterThan(0);
    const viewer = { userId: 'adoption-team', roles: ['ADMIN' as Role], teamId: null, workerId: null };
    for (const one of pairs) {
      const other = byTruthId.get(one.adoptionPair!)!;
      const hubsOf = (child: GroundTruthChild) => new Set(refsOf(child).map((ref) => clusterOf(ref).hubId));
      const [a, b] = [hubsOf(one), hubsOf(other)];
      for (const hubId of a) expect(b.has(hubId)).toBe(false);
      for (const [mine, theirs] of [
        [a, b],
        [b, a],
      ] as const) {
        for (const hubId of mine) {
          const matches = directory.possibleMatches(index.cluster(hubId)!, viewer).map((m) => m.hubId);
          for (const match of matches) expect(theirs.has(match)).toBe(false);
        }
      }
      // What a birth family knows: a forename and a date of birth.
      for (const id of [...one.lcs, ...other.lcs]) {
        const p = person(id);
        const hits = directory
          .search({ name: p.forename, dateOfBirth: p.dateOfBirth ?? undefined }, { first: 100 })
          .items.map((hit) => hit.cluster.hubId);
        expect(hits.some((hubId) => a.has(hubId)) && hits.some((hubId) => b.has(hubId))).toBe(false);
      }
    }
  });
});
