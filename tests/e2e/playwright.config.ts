import { defineConfig } from '@playwright/test';

// Debian's Chromium: Playwright's own browser download is impossible (and never wanted) here.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: './tests',
  // Each worker starts its own static server and simulator (support/servers.ts), reset before
  // each test. Two workers: most of a test is waiting (retries, backoff, timeouts), so two
  // overlap well even on these 2-core machines.
  workers: 2,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The fault matrix's table (tests/fault-matrix.spec.ts) is printed after the summary; a
  // reporter runs in the main process, so it sees the results of every worker.
  reporter: [['list'], ['./support/matrix-reporter.ts']],
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
    trace: 'off',
    actionTimeout: 10_000,
  },
});
