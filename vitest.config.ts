import { defineConfig } from 'vitest/config';

export default defineConfig({
  // One copy of graphql for our code and for Apollo/graphql-tools (the CommonJS build both load);
  // otherwise schemas built by one are rejected by the other ("another module or realm").
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/testRunTmpdir.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Integration tests start real servers on ephemeral ports; two cores, so keep parallelism modest.
    maxWorkers: 2,
    reporters: ['default'],
  },
});
