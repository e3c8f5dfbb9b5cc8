import { describe, expect, it } from 'vitest';
import { all, county } from './fixtures.ts';
import type { Agreement, Client, Person, SocialCare } from './types.ts';

describe('the ground truth of a demo county matches its records', () => {
  const c = county('demo');
  const truth = [...c.groundTruth()];

  it('every id in the truth exists in its system, and every record belongs to exactly one truth entry', () => {
    const seen = {
      lcs: new Map<string, string>(),
      eyes: new Map<string, string>(),
      lift: new Map<string, string>(),
      frontdoor: new Map<string, string>(),
    };
    for (const t of truth) {
      expect(t.child).toMatch(/^T\d{6}$/);
      expect(t.lcs.length + t.eyes.length + t.frontdoor.length).toBeGreaterThan(0);
      for (const system of ['lcs', 'eyes', 'lift', 'frontdoor'] as const) {
        for (const id of t[system]) {
          expect(seen[system].has(id)).toBe(false);
          seen[system].set(id, t.child);
        }
      }
      for (const id of t.lcs) expect(c.lcs.people.get(id)).toBeDefined();
      for (const id of t.eyes) expect(c.eyes.pupils.get(id)).toBeDefined();
      for (const id of t.lift) expect(c.lift.clients.get(id)).toBeDefined();
      for (const id of t.frontdoor) expect(c.frontdoor.contacts.get(id)).toBeDefined();
    }
    expect(seen.lcs.size).toBe(c.lcs.people.size);
    expect(seen.eyes.size).toBe(c.eyes.pupils.size);
    expect(seen.lift.size).toBe(c.lift.clients.size);
    expect(seen.frontdoor.size).toBe(c.frontdoor.contacts.size);
    expect(new Set(truth.map((t) => t.child)).size).toBe(truth.length);
  });

  it('LIFT clients and agreements point at LCS persons and placements of the same child', () => {
    const childOf = new Map<string, string>();
    for (const t of truth) for (const id of [...t.lcs, ...t.lift]) childOf.set(id, t.child);
    const placements = new Map<string, string>();
    for (const r of all(c.lcs.socialCare) as unknown as SocialCare[])
      for (const p of r.placements) placements.set(p.placementId, p.personId);
    for (const client of all(c.lift.clients) as unknown as Client[]) {
      expect(childOf.get(client.lcsPersonId)).toBe(childOf.get(client.clientRef));
    }
    const agreements = all(c.lift.agreements) as unknown as Agreement[];
    expect(agreements.length).toBeGreaterThan(0);
    for (const a of agreements) {
      expect(a.lcsPlacementId).not.toBeNull();
      expect(placements.get(a.lcsPlacementId!)).toBe(a.lcsPersonId);
      expect(childOf.get(a.lcsPersonId)).toBe(childOf.get(a.clientRef));
    }
  });

  it('EYES cross-references to LCS and front-door LCS ids name the same child', () => {
    const childOf = new Map<string, string>();
    for (const t of truth) for (const id of [...t.lcs, ...t.eyes, ...t.frontdoor]) childOf.set(id, t.child);
    let eyesLinks = 0;
    for (const id of c.eyes.pupils.ids()) {
      const pupil = c.eyes.pupils.get(id) as unknown as { lcsPersonId: string | null };
      if (pupil.lcsPersonId) {
        eyesLinks++;
        expect(childOf.get(pupil.lcsPersonId)).toBe(childOf.get(id));
      }
    }
    expect(eyesLinks).toBeGreaterThan(0);
    for (const id of c.frontdoor.contacts.ids()) {
      const contact = c.frontdoor.contacts.get(id) as unknown as { subject: { lcsPersonId: string | null } };
      if (contact.subject.lcsPersonId) expect(childOf.get(contact.subject.lcsPersonId)).toBe(childOf.get(id));
    }
  });

  it('pre- and post-adoption identities are different children sharing no id and no surname', () => {
    const people = new Map((all(c.lcs.people) as unknown as Person[]).map((p) => [p.personId, p]));
    const adopted = truth.filter((t) =>
      t.lcs.some((id) => people.get(id)!.restriction?.reason === 'ADOPTION'),
    );
    expect(adopted.length).toBeGreaterThan(0);
    const nhsOwners = new Map<string, string>();
    for (const t of truth) {
      for (const id of t.lcs) {
        const nhs = people.get(id)!.nhsNumber;
        if (nhs) {
          if (nhsOwners.has(nhs)) expect(nhsOwners.get(nhs)).toBe(t.child);
          nhsOwners.set(nhs, t.child);
        }
      }
    }
    for (const post of adopted) {
      const person = people.get(post.lcs[0]!)!;
      // The pre-adoption record: an episode that ended in adoption, same forename and date of birth.
      const candidates = truth.filter((t) =>
        t.lcs.some((id) => {
          const care = c.lcs.socialCare.get(id) as unknown as SocialCare;
          const p = people.get(id)!;
          return (
            care.claEpisodes.some((e) => e.reasonCeased === 'E11' || e.reasonCeased === 'E12') &&
            p.dateOfBirth === person.dateOfBirth
          );
        }),
      );
      for (const pre of candidates) {
        expect(pre.child).not.toBe(post.child);
        for (const id of pre.lcs) {
          expect(people.get(id)!.surname).not.toBe(person.surname);
          expect(people.get(id)!.aliases).not.toContain(person.surname);
        }
      }
    }
  });
});
