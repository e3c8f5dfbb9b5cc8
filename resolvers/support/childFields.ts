/**
 * What each Child field means to the hub, read once from its `@access` directive in schema/
 * (schema/access.graphql defines it): the access group that shows it, and the systems it comes
 * from. Everything else that used to list Child fields is derived here: the field -> group table
 * the audit records, the guard that nulls a withheld field, the systems Child.sources reports, and
 * the loads ChildView.prefetch starts. Adding a Child field is one SDL line and one resolver.
 */
import { Kind, parse, type ConstDirectiveNode, type ConstValueNode } from 'graphql';
import { CHILD_FIELD_GROUPS as GROUPS, type ChildFieldGroup } from '../../src/domain/access/types.ts';
import type { System } from '../types.generated.ts';
import { readSchemaFiles } from './sdl.ts';
import { SYSTEM_NAMES } from './systemResult.ts';

/** The group of fields everyone who may open the child sees (id, sources, access). */
export const OPEN = 'open';

export interface ChildFieldMeaning {
  group: ChildFieldGroup | typeof OPEN;
  /** The system whose part of the record this field is, if it is one system's. */
  source: System | null;
  /** The systems the field reads: its source, or those a joined field names. */
  reads: readonly System[];
}

const SYSTEMS: readonly System[] = Object.values(SYSTEM_NAMES);
const GROUP_NAMES: ReadonlySet<string> = new Set([...GROUPS, OPEN]);

function argument(directive: ConstDirectiveNode, name: string): ConstValueNode | undefined {
  return directive.arguments?.find((a) => a.name.value === name)?.value;
}

function system(value: ConstValueNode, where: string): System {
  const name = value.kind === Kind.ENUM ? value.value : '';
  if (!SYSTEMS.includes(name as System)) throw new Error(`${where}: ${name || 'that'} is not a System`);
  return name as System;
}

/** Reads every Child field's @access from SDL documents; throws on a field that has none. */
export function childFieldsOf(sdl: readonly string[]): ReadonlyMap<string, ChildFieldMeaning> {
  const fields = new Map<string, ChildFieldMeaning>();
  for (const document of sdl.map((text) => parse(text))) {
    for (const definition of document.definitions) {
      const isChild =
        (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) &&
        definition.name.value === 'Child';
      if (!isChild) continue;
      for (const field of definition.fields ?? []) {
        const where = `Child.${field.name.value}`;
        const access = field.directives?.find((d) => d.name.value === 'access');
        if (!access) throw new Error(`${where} declares no @access(group:) in schema/`);
        const group = argument(access, 'group');
        if (group?.kind !== Kind.STRING || !GROUP_NAMES.has(group.value))
          throw new Error(`${where}: @access group must be one of ${[...GROUP_NAMES].join(', ')}`);
        const sourceValue = argument(access, 'source');
        const readsValue = argument(access, 'reads');
        if (sourceValue && readsValue) throw new Error(`${where}: @access takes source or reads, not both`);
        const source = sourceValue && sourceValue.kind !== Kind.NULL ? system(sourceValue, where) : null;
        const named = readsValue?.kind === Kind.LIST ? readsValue.values.map((v) => system(v, where)) : [];
        fields.set(field.name.value, {
          group: group.value as ChildFieldMeaning['group'],
          source,
          reads: source ? [source] : named,
        });
      }
    }
  }
  return fields;
}

/** Read at start-up from the SDL the hub serves. */
export const CHILD_FIELDS: ReadonlyMap<string, ChildFieldMeaning> = childFieldsOf(readSchemaFiles());

/**
 * Which field group each Child field belongs to; `open` fields are not listed (always shown). A
 * withheld field resolves to null, so each of these must be nullable in the schema (a test checks it).
 */
export const CHILD_FIELD_GROUPS: Readonly<Record<string, ChildFieldGroup>> = Object.fromEntries(
  [...CHILD_FIELDS].flatMap(([field, { group }]) => (group === OPEN ? [] : [[field, group]])),
);

/** Per system, the groups of the fields that are its part of the record (Child.sources). */
export const SOURCE_GROUPS: Readonly<Record<System, readonly ChildFieldGroup[]>> = (() => {
  const groups = Object.fromEntries(SYSTEMS.map((s) => [s, new Set<ChildFieldGroup>()])) as Record<
    System,
    Set<ChildFieldGroup>
  >;
  for (const { group, source } of CHILD_FIELDS.values())
    if (source && group !== OPEN) groups[source].add(group);
  return Object.fromEntries(SYSTEMS.map((s) => [s, [...groups[s]]])) as Record<System, ChildFieldGroup[]>;
})();

const GUARDED = new WeakMap<object, unknown>();

/** The resolver a guard wraps (the resolver itself when it is not a guard). */
export function unguarded(resolver: unknown): unknown {
  return (typeof resolver === 'function' && GUARDED.get(resolver)) || resolver;
}

/**
 * Wraps the Child field resolvers so a field whose group the viewer was not granted resolves to
 * null without reading anything: the resolvers themselves never name a group.
 */
export function guardChildFields<R extends object>(resolvers: R): R {
  return Object.fromEntries(
    Object.entries(resolvers).map(([field, resolve]) => {
      const group = CHILD_FIELD_GROUPS[field];
      if (group === undefined || typeof resolve !== 'function') return [field, resolve];
      const guarded = (child: { can(group: ChildFieldGroup): boolean }, ...rest: unknown[]) =>
        child.can(group) ? (resolve as (...a: unknown[]) => unknown)(child, ...rest) : null;
      GUARDED.set(guarded, resolve);
      return [field, guarded];
    }),
  ) as R;
}
