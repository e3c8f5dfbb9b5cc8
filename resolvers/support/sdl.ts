/**
 * The SDL under schema/, as written and as published. Hub-internal directives (`@access`, read by
 * childFields.ts) are removed before the schema is built, so introspection, GraphiQL and the
 * federation subgraph SDL show none of them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Kind, parse, print, visit } from 'graphql';

// Read relative to this module, so the compiled hub finds the copy its build put beside it.
const SCHEMA_DIR = fileURLToPath(new URL('../../schema/', import.meta.url));

/** Directives the hub reads from the SDL for itself and never publishes. */
export const INTERNAL_DIRECTIVES: ReadonlySet<string> = new Set(['access']);

/** Every schema/*.graphql file as written, in name order. */
export function readSchemaFiles(): string[] {
  return readdirSync(SCHEMA_DIR)
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => readFileSync(SCHEMA_DIR + file, 'utf8'));
}

/** One SDL document without the hub-internal directives (their definitions and their uses). */
export function withoutInternalDirectives(sdl: string): string {
  const internal = (node: { name: { value: string } }) => INTERNAL_DIRECTIVES.has(node.name.value);
  return print(
    visit(parse(sdl), {
      [Kind.DIRECTIVE_DEFINITION]: (node) => (internal(node) ? null : undefined),
      [Kind.DIRECTIVE]: (node) => (internal(node) ? null : undefined),
    }),
  );
}

/** The type definitions the executable schema is built from. */
export function loadTypeDefs(): string[] {
  return readSchemaFiles().map(withoutInternalDirectives);
}
