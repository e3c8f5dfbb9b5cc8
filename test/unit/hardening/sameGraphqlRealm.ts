/**
 * Vite resolves `graphql` in transformed code (src/, test/) to its ES build (`index.mjs`), while packages
 * loaded natively from node_modules (@graphql-tools/schema, @apollo/server) get its CommonJS build: two
 * copies, and graphql refuses schemas and errors from "another module or realm". Under Node (tsx, the
 * running hub) there is only the CommonJS copy. Test files mock `graphql` with this so the code under test
 * sees the same single copy it sees in production. A repo-wide fix is an alias in vitest.config.ts
 * (`resolve.alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }]`); with it this is a no-op.
 */
import { createRequire } from 'node:module';

export function nodeGraphql(): Record<string, unknown> {
  return createRequire(import.meta.url)('graphql') as Record<string, unknown>;
}
