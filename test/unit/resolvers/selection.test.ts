import {
  parse,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import { requestedFields } from '../../../resolvers/support/selection.ts';

/** The resolve info of the operation's first field, as execution hands it to a resolver. */
function infoOf(
  document: ReturnType<typeof parse>,
  variableValues: Record<string, unknown> = {},
): GraphQLResolveInfo {
  const operation = document.definitions.find(
    (d) => d.kind === 'OperationDefinition',
  ) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition')
      .map((d) => [d.name.value, d]),
  );
  const field = operation.selectionSet.selections[0] as FieldNode;
  return { fieldNodes: [field], fragments, variableValues } as unknown as GraphQLResolveInfo;
}

describe('requested fields', () => {
  const document =
    parse(`query { child(id: "x") { id name { forename } ...Flags socialCare { team { id name } } } }
    fragment Flags on Child { flags { lookedAfter } __typename }`);

  it('answers the fields asked, fragments followed, the same on every request of one document', () => {
    const info = infoOf(document);
    expect(requestedFields(info)).toEqual(['id', 'name', 'flags', 'socialCare']);
    expect(requestedFields(info, ['socialCare', 'team'])).toEqual(['id', 'name']);
    // Asked again (a later request with the same parsed document): the same answers.
    expect(requestedFields(infoOf(document))).toEqual(['id', 'name', 'flags', 'socialCare']);
    expect(requestedFields(infoOf(document), ['socialCare', 'team'])).toEqual(['id', 'name']);
  });

  it('hands each caller its own list', () => {
    const first = requestedFields(infoOf(document));
    first.push('changed');
    expect(requestedFields(infoOf(document))).toEqual(['id', 'name', 'flags', 'socialCare']);
  });

  it('follows @include and @skip with each request’s variables', () => {
    const conditional = parse(
      `query($more: Boolean!) { child(id: "x") { id name @include(if: $more) socialCare @skip(if: $more) { caseStatus } } }`,
    );
    expect(requestedFields(infoOf(conditional, { more: true }))).toEqual(['id', 'name']);
    expect(requestedFields(infoOf(conditional, { more: false }))).toEqual(['id', 'socialCare']);
    expect(requestedFields(infoOf(conditional, { more: true }))).toEqual(['id', 'name']);
  });
});
