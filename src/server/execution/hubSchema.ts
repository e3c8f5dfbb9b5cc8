/**
 * The hub's executable schema, built as an Apollo Federation 2 subgraph: the domain SDL and
 * resolvers, plus `_service { sdl }` and `_entities(representations:)`, so a council's supergraph
 * (Apollo Router, Cosmo, Hive Gateway) can compose the hub with its other services. Child, Worker
 * and Team are entities keyed by `id`; a reference resolves through the same access and audit path
 * as `child(id:)`, `worker(id:)` and `team(id:)` (their `__resolveReference` resolvers).
 */
import { readFileSync } from 'node:fs';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse, type DocumentNode, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { hubError } from '../../platform/errors.ts';

/** One `{ typeDefs, resolvers }` module as buildSubgraphSchema takes it (its resolver map type is not exported). */
type SubgraphModule = Exclude<
  Extract<Parameters<typeof buildSubgraphSchema>[0], readonly unknown[]>[number],
  DocumentNode
>;

const FEDERATION_SDL = new URL('../../../schema/federation/subgraph.graphql', import.meta.url);

/** As many entities in one request as a page of children may hold. */
export const MAX_ENTITY_REPRESENTATIONS = 50;

export function buildHubSchema(
  typeDefs: readonly string[],
  resolvers: Record<string, unknown>,
): GraphQLSchema {
  const schema = buildSubgraphSchema([
    {
      typeDefs: parse([...typeDefs, readFileSync(FEDERATION_SDL, 'utf8')].join('\n')),
      resolvers: resolvers as SubgraphModule['resolvers'],
    },
  ]);
  // A router batches references; each one opens a child and writes an audit record, so bound them
  // as the page size bounds a list.
  const entities = schema.getQueryType()!.getFields()._entities!;
  const resolve = entities.resolve as GraphQLFieldResolver<unknown, unknown, { representations: unknown[] }>;
  entities.resolve = (source, args, context, info) => {
    if (args.representations.length > MAX_ENTITY_REPRESENTATIONS)
      throw hubError('BAD_USER_INPUT', `At most ${MAX_ENTITY_REPRESENTATIONS} representations per request.`);
    return resolve(source, args, context, info);
  };
  return schema;
}
