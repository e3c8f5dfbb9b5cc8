/**
 * The red team's paths to a restricted child, through the real hub over HTTP: the child's records
 * in other systems (a post-adoption EYES record, a front-door contact about a HIGH_RISK child) by
 * id, identifier and search, and an adopted child's two identities found side by side by what a
 * birth family knows (a forename and a date of birth) or offered as possible matches.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GroundTruthChild } from '../../../simulators/county/types.ts';
import type { Role } from '../../../src/domain/access/types.ts';
import { SYSTEMS } from '../../../src/platform/systems.ts';
import { restrictionOf, startAccessHarness, type AccessHarness, type Json } from './harness.ts';

let h: AccessHarness;
let truth: GroundTruthChild[];
let restrictedChildren: GroundTruthChild[];

const CHILD =
  'query($id: ID!) { child(id: $id) { id name { forename surname } possibleMatches { childId } } }';
const SEARCH =
  'query($name: String, $dob: Date, $identifier: String) { searchChildren(name: $name, dateOfBirth: $dob, identifier: $identifier, first: 50) { nodes { childId } } }';
const ROLES: Role[] = [
  'FRONT_DOOR',
  'SOCIAL_WORKER',
  'TEAM_MANAGER',
  'EARLY_HELP',
  'SEND_OFFICER',
  'FINANCE',
];

const refsOf = (child: GroundTruthChild) =>
  SYSTEMS.flatMap((system) => child[system].map((id) => `${system}:${id}`));
const hubIdsOf = (child: GroundTruthChild) =>
  new Set(refsOf(child).map((ref) => h.hub.directory.resolve(ref)!.hubId));

interface PupilShape {
  forename: string;
  surname: string;
  dateOfBirth: string | null;
  upn: string | null;
}

beforeAll(async () => {
  h = await startAccessHarness();
  truth = [...h.sims.county.groundTruth()];
  restrictedChildren = truth.filter((child) => child.lcs.some((id) => restrictionOf(h.sims, id) !== null));
});
afterAll(async () => {
  await h?.close();
});

describe('a restricted child, reached through any of its systems', () => {
  it('the tiny county has restricted children with records outside LCS, and an adoption', () => {
    expect(restrictedChildren.some((child) => child.eyes.length + child.frontdoor.length > 0)).toBe(true);
    expect(truth.some((child) => child.adoptionPair !== null)).toBe(true);
  });

  it('child(id) on any record of a restricted child answers exactly as for an id that does not exist', async () => {
    for (const role of ROLES) {
      const token = await h.token({ userId: `stranger-${role}`, roles: [role], workerId: 'W99990' });
      for (const system of SYSTEMS) {
        const missing = await h.query(token, CHILD, { id: `${system}:NO-SUCH-RECORD` });
        expect(missing.body.errors[0].extensions.code).toBe('NOT_FOUND');
        for (const child of restrictedChildren) {
          const restriction = restrictionOf(
            h.sims,
            child.lcs.find((id) => restrictionOf(h.sims, id))!,
          )!;
          if (restriction.allowedRoles.includes(role)) continue;
          for (const id of child[system]) {
            const reply = await h.query(token, CHILD, { id: `${system}:${id}` });
            expect(reply.text, `${role} ${system}:${id}`).toBe(missing.text);
          }
        }
      }
    }
  });

  it('search and childByIdentifier never find a restricted child by its education record', async () => {
    const token = await h.token({ userId: 'fd-pupil', roles: ['FRONT_DOOR'] });
    const byUpn = 'query($upn: String) { childByIdentifier(upn: $upn) { id } }';
    let tried = 0;
    for (const child of restrictedChildren) {
      const hidden = hubIdsOf(child);
      for (const pupilId of child.eyes) {
        const pupil = h.sims.county.eyes.pupils.get(pupilId) as unknown as PupilShape;
        const searches = [
          {
            name: `${pupil.forename} ${pupil.surname}`,
            ...(pupil.dateOfBirth ? { dob: pupil.dateOfBirth } : {}),
          },
          { identifier: `eyes:${pupilId}` },
          ...(pupil.upn ? [{ identifier: pupil.upn }] : []),
        ];
        for (const variables of searches) {
          const { body } = await h.query(token, SEARCH, variables);
          expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
          for (const node of body.data.searchChildren.nodes as Json[])
            expect(hidden.has(node.childId)).toBe(false);
          tried++;
        }
        if (pupil.upn) {
          const { body } = await h.query(token, byUpn, { upn: pupil.upn });
          expect(body.errors?.[0]?.extensions.code).toBe('NOT_FOUND');
        }
      }
    }
    expect(tried).toBeGreaterThan(0);
  });
});

describe('the two identities of an adopted child', () => {
  it('a search by forename and date of birth never returns both, for any role', async () => {
    for (const one of truth.filter((child) => child.adoptionPair !== null)) {
      const other = truth.find((child) => child.child === one.adoptionPair)!;
      const [a, b] = [hubIdsOf(one), hubIdsOf(other)];
      for (const role of ROLES) {
        const token = await h.token({ userId: `family-${role}`, roles: [role], workerId: 'W99991' });
        for (const id of one.lcs) {
          const p = h.sims.county.lcs.people.get(id) as unknown as PupilShape;
          const { body } = await h.query(token, SEARCH, {
            name: p.forename,
            ...(p.dateOfBirth ? { dob: p.dateOfBirth } : {}),
          });
          const hits = (body.data.searchChildren.nodes as Json[]).map((node) => node.childId as string);
          expect(hits.some((hit) => a.has(hit)) && hits.some((hit) => b.has(hit)), role).toBe(false);
        }
      }
    }
  });

  it('the birth identity never lists the adoptive identity among its possible matches', async () => {
    const token = await h.token({ userId: 'sw-birth', roles: ['FRONT_DOOR'] });
    let opened = 0;
    for (const birth of truth.filter((child) => child.adoptionPair !== null)) {
      const adoptive = hubIdsOf(truth.find((child) => child.child === birth.adoptionPair)!);
      for (const ref of refsOf(birth)) {
        const { body } = await h.query(token, CHILD, { id: ref });
        if (body.errors) continue; // the adoptive side itself: NOT_FOUND
        opened++;
        for (const match of body.data.child.possibleMatches as Json[])
          expect(adoptive.has(match.childId)).toBe(false);
      }
    }
    expect(opened).toBeGreaterThan(0);
  });
});
