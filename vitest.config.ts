import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One real Chromium for the whole run, launched here and shared through its WebSocket endpoint.
    globalSetup: ['test/helpers/global-browser.ts'],
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: test files that render share the browser, so run a few files at a time.
    maxWorkers: 2,
  },
});
