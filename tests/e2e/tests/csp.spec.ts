// Issue 5: the app runs under the strict CSP that the build writes for hosts. Every other spec
// fails on a violation (support/fixtures.ts); this one proves the policy is served and enforced.
// Without the suite's guard (which fails a test on any violation): here violations are provoked.
import { testWithServers as test, expect } from '../support/fixtures';
import { App } from '../support/app';
import { Sim } from '../support/sim';

test('index.html is served with the strict policy, and the app runs under it', async ({ page, request }) => {
  await new Sim(request).reset();
  const violations: string[] = [];
  await page.exposeFunction('__violation', (d: string) => violations.push(d));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) => (window as any).__violation(e.violatedDirective)),
  );
  const app = new App(page);
  const response = await page.goto(`${process.env.APP_URL}/`);
  const policy = response!.headers()['content-security-policy'];
  // Trunk's loader and index.html's early-start script (preconnect, locale data), each by its hash.
  expect(policy).toMatch(/^default-src 'none'; script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+'){2};/);
  expect(policy).toContain("style-src 'self';");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(policy).not.toContain('unsafe-inline');
  await app.connect();
  await app.openParentSegment('Retail Customers');
  await app.selectFolder('Web Personalization');
  expect(violations).toEqual([]);

  // The policy bites: an inline style or script is refused and reported (so the guard in
  // every other spec would see one the app caused).
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.__ran = true';
    document.body.append(s);
    document.body.setAttribute('style', 'color: red');
  });
  await expect.poll(() => violations.sort()).toEqual(['script-src-elem', 'style-src-attr']);
  expect(await page.evaluate(() => (window as any).__ran)).toBeUndefined();
});
