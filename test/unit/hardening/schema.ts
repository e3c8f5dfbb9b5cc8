import { makeExecutableSchema } from '@graphql-tools/schema';

/** A small child-centred schema in the hub's shape: paged connection, plain lists, nesting, a mutation. */
export const typeDefs = /* GraphQL */ `
  type Query {
    child(id: ID!): Child
    searchChildren(name: String, first: Int): [Child!]!
  }
  type Mutation {
    flagChild(id: ID!): Child
  }
  type Child {
    id: ID!
    name: String
    nhsNumber: String
    siblings: [Child!]!
    chronology(first: Int): ChronologyConnection!
    worker: Worker
  }
  type ChronologyConnection {
    edges: [ChronologyEdge!]!
  }
  type ChronologyEdge {
    node: ChronologyEntry!
  }
  type ChronologyEntry {
    at: String!
    summary: String
  }
  type Worker {
    id: ID!
    team: Team
  }
  type Team {
    id: ID!
    members: [Worker!]!
  }
`;

export const schema = makeExecutableSchema({
  typeDefs,
  resolvers: {
    Query: {
      child: (_root: unknown, args: { id: string }) => ({ id: args.id, name: 'Synthetic Child' }),
      searchChildren: () => [],
    },
    Mutation: { flagChild: (_root: unknown, args: { id: string }) => ({ id: args.id }) },
    Child: { siblings: () => [], chronology: () => ({ edges: [] }), worker: () => null },
  },
});
