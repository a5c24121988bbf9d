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
  // One simulator, reset before each test: tests run one at a time (2-core machines anyway).
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // The fault matrix's table (tests/fault-matrix.spec.ts) is printed after the summary.
  reporter: [['list'], ['./support/matrix-reporter.ts']],
  globalSetup: './support/global-setup.ts',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: '/usr/bin/chromium', args: chromiumArgs },
    trace: 'off',
    actionTimeout: 10_000,
  },
});
