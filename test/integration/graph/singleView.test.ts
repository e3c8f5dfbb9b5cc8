import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../hub/harness.ts';
import type { GroundTruthChild } from '../../../simulators/county/types.ts';

let h: Harness;
let token: string;
beforeAll(async () => {
  h = await startHarness();
  token = await h.token({ userId: 'fd1', roles: ['FRONT_DOOR'] });
});
afterAll(async () => {
  await h?.close();
});

const VIEW = `query($id: ID!) { child(id: $id) {
  id
  identifiers { lcsPersonIds eyesPupilIds liftClientRefs frontDoorContactIds }
  socialCare { referrals(first: 100) { nodes { id } } assessments(first: 100) { nodes { id } } visits(first: 100) { nodes { id } } }
  education { enrolments(first: 100) { nodes { id } } }
  frontDoor { contacts(first: 100) { nodes { id } } }
  chronology(first: 100) { totalCount nodes { date } }
} }`;

const sorted = (ids: string[]) => [...ids].sort();

/** Children whose records the linker joined exactly as the ground truth says. */
async function views(children: GroundTruthChild[]) {
  return Promise.all(
    children.map(async (truth) => {
      const anchor = truth.lcs[0] ? `lcs:${truth.lcs[0]}` : `eyes:${truth.eyes[0]}`;
      const { body } = await h.query(token, VIEW, { id: anchor });
      return { truth, body };
    }),
  );
}

describe('a child’s single view against the county’s ground truth', () => {
  it('names the allocated worker and team for a child with an open case', async () => {
    const county = h.sims.county;
    const personId = county.lcs.socialCare
      .ids()
      .find(
        (id) =>
          county.lcs.people.get(id)!.restriction === null &&
          county.lcs.socialCare.get(id)!.involvements.some((i) => i.endDate === null),
      )!;
    const involvements = county.lcs.socialCare.get(personId)!.involvements.filter((i) => i.endDate === null);
    const open = involvements.find((i) => i.role === 'ALLOCATED_SOCIAL_WORKER') ?? involvements[0]!;
    const { body } = await h.query(
      token,
      `{ child(id: "lcs:${personId}") { socialCareContact { knownToSocialCare caseStatus allocatedWorker { id name } team { id name } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const contact = body.data.child.socialCareContact;
    expect(contact.knownToSocialCare).toBe(true);
    expect(contact.allocatedWorker.id).toBe(open.workerId);
    expect(contact.allocatedWorker.name).toBe(county.lcs.workers.get(open.workerId)!.name);
    expect(contact.team.id).toBe(open.teamId);
  });

  it('holds exactly the records the four systems hold for that child, for nearly every child', async () => {
    const children = [...h.sims.county.groundTruth()]
      .filter((c) => c.lcs.length > 0 && c.eyes.length > 0)
      .slice(0, 40);
    const restricted = new Set(
      h.sims.county.lcs.people.ids().filter((id) => h.sims.county.lcs.people.get(id)!.restriction !== null),
    );
    const open = children.filter((c) => !c.lcs.some((id) => restricted.has(id)));
    const results = await views(open);
    let exact = 0;
    for (const { truth, body } of results) {
      expect(body.errors).toBeUndefined();
      const ids = body.data.child.identifiers;
      if (
        JSON.stringify(sorted(ids.lcsPersonIds)) === JSON.stringify(sorted(truth.lcs)) &&
        JSON.stringify(sorted(ids.eyesPupilIds)) === JSON.stringify(sorted(truth.eyes)) &&
        JSON.stringify(sorted(ids.frontDoorContactIds)) === JSON.stringify(sorted(truth.frontdoor))
      ) {
        exact++;
      }
    }
    // Linking is probabilistic (precision and recall are measured elsewhere); nearly all must be exact.
    expect(exact / results.length).toBeGreaterThanOrEqual(0.9);
  });

  it('shows every social care, education and front-door record of the linked ids, and nothing else', async () => {
    const children = [...h.sims.county.groundTruth()]
      .filter((c) => c.lcs.length === 1 && c.eyes.length === 1)
      .slice(0, 15);
    for (const { body } of await views(children)) {
      const child = body.data.child;
      const county = h.sims.county;
      const care = child.identifiers.lcsPersonIds.map((id: string) => county.lcs.socialCare.get(id)!);
      const education = child.identifiers.eyesPupilIds.map((id: string) => county.eyes.records.get(id)!);
      const expectIds = (actual: { id: string }[] | undefined, expected: string[]) =>
        expect(sorted((actual ?? []).map((n) => n.id))).toEqual(sorted(expected));
      if (child.socialCare) {
        expectIds(
          child.socialCare.referrals.nodes,
          care.flatMap((r: { referrals: { referralId: string }[] }) => r.referrals.map((x) => x.referralId)),
        );
        expectIds(
          child.socialCare.assessments.nodes,
          care.flatMap((r: { assessments: { assessmentId: string }[] }) =>
            r.assessments.map((x) => x.assessmentId),
          ),
        );
        expectIds(
          child.socialCare.visits.nodes,
          care.flatMap((r: { visits: { visitId: string }[] }) => r.visits.map((x) => x.visitId)),
        );
      }
      if (child.education) {
        expectIds(
          child.education.enrolments.nodes,
          education.flatMap((r: { enrolments: { enrolmentId: string }[] }) =>
            r.enrolments.map((x) => x.enrolmentId),
          ),
        );
      }
      expectIds(child.frontDoor?.contacts.nodes, child.identifiers.frontDoorContactIds);
      const dates: string[] = child.chronology.nodes.map((n: { date: string }) => n.date);
      expect([...dates].sort().reverse()).toEqual(dates);
    }
  });

  it('finds a child by name despite a typo, ranked, with minimal identity only', async () => {
    const truth = [...h.sims.county.groundTruth()].find((c) => c.eyes.length === 1 && c.lcs.length === 0)!;
    const pupil = h.sims.county.eyes.pupils.get(truth.eyes[0]!)!;
    const typo =
      pupil.surname.length > 3
        ? pupil.surname.slice(0, 2) + pupil.surname[3] + pupil.surname[2] + pupil.surname.slice(4)
        : pupil.surname;
    const { body } = await h.query(
      token,
      `query($name: String, $dob: Date) { searchChildren(name: $name, dateOfBirth: $dob, first: 5) { nodes { childId score systems } pageInfo { hasNextPage } } }`,
      { name: `${pupil.forename} ${typo}`, dob: pupil.dateOfBirth },
    );
    expect(body.errors).toBeUndefined();
    const hits = body.data.searchChildren.nodes;
    expect(hits.length).toBeGreaterThan(0);
    const direct = await h.query(token, `{ child(id: "eyes:${truth.eyes[0]}") { id } }`);
    expect(hits.map((hit: { childId: string }) => hit.childId)).toContain(direct.body.data.child.id);
  });
});
