// The suite's `test`: every page runs under the strict Content-Security-Policy that
// `cargo xtask build` writes (served as a header by the static host), and a test fails on any
// `securitypolicyviolation` event or uncaught page error (a Rust panic surfaces as one).
import { test as playwrightTest, expect } from '@playwright/test';
import { Sim } from './sim';
import { startServers } from './servers';

/** Playwright's `test` with this worker's static server and simulator running. */
export const testWithServers = playwrightTest.extend<{}, { servers: void }>({
  servers: [
    async ({}, use) => {
      const stop = await startServers();
      await use();
      stop();
    },
    { scope: 'worker', auto: true },
  ],
});

export const test = testWithServers.extend<{ pageGuards: void }>({
  pageGuards: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
      // Reported through a binding, so that violations survive navigations and reloads.
      await page.exposeFunction('__reportCspViolation', (text: string) => errors.push(`CSP violation: ${text}`));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          const text = `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`;
          (window as any).__reportCspViolation(text);
        });
      });
      await use();
      expect(errors, 'CSP violations and uncaught errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * The simulator handle of a spec: its store and request log are reset before each test, so
 * every test starts from the demo data and counts only its own requests.
 */
export function freshSimForEachTest(): Sim {
  const sim = new Sim();
  test.beforeEach(async ({ request }) => {
    sim.use(request);
    await sim.reset();
    await sim.clearRequests();
  });
  return sim;
}
