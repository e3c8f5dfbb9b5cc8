/**
 * Static cost of an operation: an estimate of the upstream work it can cause, computed before execution.
 *
 *   cost(field) = multiplier × (1 + cost of its selections)
 *
 * - every field costs 1;
 * - a field with a paging argument (`first`, `last`, `limit`) multiplies by that argument's value (from
 *   the document or the request's variables; `defaultListSize` when unset); when it returns an object (a
 *   connection), the lists directly below it (`edges`/`nodes`) are not multiplied again: the page size
 *   already counts them;
 * - any other list field multiplies by `defaultListSize`;
 * - fragments and inline fragments are summed (an upper bound for abstract types); a fragment's cost is
 *   memoised (it does not depend on where the fragment is spread, beyond the paging context), so
 *   fragment re-use cannot make estimation exponential;
 * - introspection (`__schema`, `__type`) costs 1: it reads the in-memory schema, not upstream systems,
 *   and graphql's MaxIntrospectionDepthRule bounds its shape.
 */
import {
  Kind,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  valueFromASTUntyped,
} from 'graphql';
import type {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';

import type { CostSettings } from './settings.ts';

const INTROSPECTION_ROOT_FIELDS = new Set(['__schema', '__type']);

function rootType(schema: GraphQLSchema, operation: OperationDefinitionNode): GraphQLNamedType | undefined {
  if (operation.operation === 'query') return schema.getQueryType() ?? undefined;
  if (operation.operation === 'mutation') return schema.getMutationType() ?? undefined;
  return schema.getSubscriptionType() ?? undefined;
}

function selectOperation(
  document: DocumentNode,
  operationName?: string | null,
): OperationDefinitionNode | undefined {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (operationName) return operations.find((operation) => operation.name?.value === operationName);
  return operations.length === 1 ? operations[0] : undefined;
}

export interface CostEstimateInput {
  schema: GraphQLSchema;
  document: DocumentNode;
  operationName?: string | null;
  variables?: Readonly<Record<string, unknown>> | null;
  settings: CostSettings;
}

/** Static cost of the selected operation; 0 when there is no single operation to price. */
export function estimateCost({
  schema,
  document,
  operationName,
  variables,
  settings,
}: CostEstimateInput): number {
  const operation = selectOperation(document, operationName);
  if (!operation) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const fragmentCosts = new Map<string, number>();
  const fragmentsBeingPriced = new Set<string>();
  const pagingArguments = new Set(settings.pagingArguments);

  function pageSize(field: FieldNode): number | undefined {
    for (const argument of field.arguments ?? []) {
      if (!pagingArguments.has(argument.name.value)) continue;
      const value = valueFromASTUntyped(argument.value, variables ?? undefined);
      // A variable the request left unset, or a nonsensical value, is priced at the default page size.
      return typeof value === 'number' && Number.isFinite(value) && value >= 0
        ? value
        : settings.defaultListSize;
    }
    return undefined;
  }

  function fieldDefinition(
    parent: GraphQLNamedType | undefined,
    name: string,
  ): GraphQLField<unknown, unknown> | undefined {
    if (!parent || !(isObjectType(parent) || isInterfaceType(parent))) return undefined;
    return parent.getFields()[name];
  }

  function fragmentCost(
    name: string,
    parent: GraphQLNamedType | undefined,
    insidePagedField: boolean,
  ): number {
    // Memoised per name and paging context: the two are all a fragment's cost depends on.
    const key = `${insidePagedField ? 'paged' : 'plain'}:${name}`;
    const known = fragmentCosts.get(key);
    if (known !== undefined) return known;
    const fragment = fragments.get(name);
    if (!fragment || fragmentsBeingPriced.has(name)) return 0;
    fragmentsBeingPriced.add(name);
    const typeCondition = schema.getType(fragment.typeCondition.name.value) ?? parent;
    const cost = selectionSetCost(fragment.selectionSet, typeCondition, insidePagedField);
    fragmentsBeingPriced.delete(name);
    fragmentCosts.set(key, cost);
    return cost;
  }

  function fieldCost(
    field: FieldNode,
    parent: GraphQLNamedType | undefined,
    insidePagedField: boolean,
  ): number {
    if (INTROSPECTION_ROOT_FIELDS.has(field.name.value)) return 1;
    const definition = fieldDefinition(parent, field.name.value);
    const explicitPageSize = pageSize(field);
    const returnsList = definition !== undefined && isListType(getNullableType(definition.type));
    let multiplier = 1;
    if (explicitPageSize !== undefined) multiplier = explicitPageSize;
    else if (returnsList && !insidePagedField) multiplier = settings.defaultListSize;
    const childType = definition ? getNamedType(definition.type) : undefined;
    // A paged field returning an object is a connection: its edges/nodes lists are the page itself.
    const pagesAConnection = explicitPageSize !== undefined && !returnsList;
    const childCost = field.selectionSet
      ? selectionSetCost(field.selectionSet, childType, pagesAConnection)
      : 0;
    return multiplier * (1 + childCost);
  }

  function selectionSetCost(
    selectionSet: SelectionSetNode,
    parent: GraphQLNamedType | undefined,
    insidePagedField: boolean,
  ): number {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        total += fieldCost(selection, parent, insidePagedField);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const narrowed = selection.typeCondition
          ? schema.getType(selection.typeCondition.name.value)
          : parent;
        total += selectionSetCost(selection.selectionSet, narrowed ?? parent, insidePagedField);
      } else {
        total += fragmentCost(selection.name.value, parent, insidePagedField);
      }
    }
    return total;
  }

  return selectionSetCost(operation.selectionSet, rootType(schema, operation), false);
}
