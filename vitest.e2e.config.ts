import { defineConfig } from 'vitest/config';

// End-to-end tests: the real server (started once in global setup) driven through Chromium.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    // One browser session at a time against one shared server keeps the tests independent and stable.
    fileParallelism: false,
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
