/**
 * An INTERNAL answer explains itself: the client gets the request id it can quote, and the log has
 * the same id with the cause (never a child's data).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startAccessHarness, type AccessHarness } from './harness.ts';

let h: AccessHarness;
beforeAll(async () => {
  h = await startAccessHarness();
});
afterAll(async () => {
  await h?.close();
});

it('logs every INTERNAL with its cause and the request id the client also sees, and no child data', async () => {
  const personId = [...h.sims.county.lcs.people.ids()][0]!;
  const person = h.sims.county.lcs.people.get(personId) as unknown as { forename: string; surname: string };
  const token = await h.token({ userId: 'fd-internal', roles: ['FRONT_DOOR'] });
  h.sink.refuse = true;
  try {
    const reply = await h.query(token, 'query($id: ID!) { child(id: $id) { name { forename surname } } }', {
      id: `lcs:${personId}`,
    });
    const error = reply.body.errors[0];
    expect(error.extensions.code).toBe('INTERNAL');
    const requestId = reply.headers.get('x-request-id');
    expect(requestId).toBeTruthy();
    expect(error.extensions.requestId).toBe(requestId);
    const lines = h.logs.filter((line) => line.includes(requestId!) && line.includes('internal error'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!).err.name).toEqual(expect.any(String));
    for (const line of h.logs) {
      expect(line).not.toContain(person.surname);
      expect(line).not.toContain(personId);
    }
  } finally {
    h.sink.refuse = false;
  }
});
