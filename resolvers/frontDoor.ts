/** Child.frontDoor: contacts about the child with their 1-working-day decision timeliness. */
import type { Resolvers } from './types.generated.ts';
import type { HubContext } from './context.ts';
import { mapContact } from './shapes/frontDoor.ts';
import type { FrontDoorContact } from '../src/domain/models/frontDoor.ts';
import type { ChildView } from './support/childView.ts';
import { paginate, type PageArgs } from './support/connection.ts';
import { newestFirst } from './support/socialCareMerge.ts';

export type FrontDoorModel = { contacts: FrontDoorContact[] };
export type FrontDoorContactModel = ReturnType<typeof mapContact>;

export const frontDoorResolvers: Resolvers = {
  Child: {
    frontDoor: async (child: ChildView) => {
      const result = await child.frontDoorContacts();
      if (result.error) throw result.error;
      return { contacts: result.values };
    },
  },
  FrontDoor: {
    contacts: (m: { contacts: FrontDoorContact[] }, args: PageArgs) =>
      paginate(
        newestFirst(m.contacts, (c) => c.receivedAt),
        args,
        mapContact,
      ),
  },
  FrontDoorContact: {
    decisionTimeliness: (c: ReturnType<typeof mapContact>, _: unknown, ctx: HubContext) =>
      ctx.services.rules.referralDecision(
        { contactDate: c.date, decisionDate: c.decidedAt?.slice(0, 10) ?? null },
        ctx.today,
      ),
  },
};
