// Issue 11, in an iframe: index.html framed by a host console. The host posts
// { type: "profiles-studio:authorization", value }; only origins in config.json's embedOrigins
// are listened to, and the app says { type: "profiles-studio:ready" } to an allowed parent.
import fs from 'node:fs';
import { test, expect, freshSimForEachTest } from '../support/fixtures';
import { simKey } from '../support/sim';

const sim = freshSimForEachTest();
let policy = '';
let config = '';

test.beforeEach(() => {
  policy = fs.readFileSync(process.env.CSP_FILE!, 'utf8');
  config = fs.readFileSync(process.env.CONFIG_FILE!, 'utf8');
  // The README's frame-ancestors for a framed deployment: exactly the host console.
  fs.writeFileSync(process.env.CSP_FILE!, policy.replace("frame-ancestors 'none'", `frame-ancestors ${process.env.HOST_URL}`));
});

test.afterEach(() => {
  fs.writeFileSync(process.env.CSP_FILE!, policy);
  fs.writeFileSync(process.env.CONFIG_FILE!, config);
});

function allow(origins: string[]) {
  fs.writeFileSync(process.env.CONFIG_FILE!, JSON.stringify({ ...JSON.parse(config), embedOrigins: origins }));
}

/** Frames the app in the host page and records every message it posts to the host. */
async function frameApp(page: import('@playwright/test').Page) {
  await page.goto(`${process.env.HOST_URL}/blank.html`);
  await page.evaluate((app) => {
    const w = window as any;
    w.__messages = [];
    addEventListener('message', (e) => w.__messages.push({ origin: e.origin, data: e.data }));
    const frame = document.createElement('iframe');
    frame.title = 'Profiles Studio';
    frame.src = `${app}/`;
    frame.style.width = '900px';
    document.body.append(frame);
  }, process.env.APP_URL!);
  return page.frameLocator('iframe[title="Profiles Studio"]');
}

const post = (page: import('@playwright/test').Page, value: string) =>
  page.evaluate(
    ({ value, app }) => document.querySelector('iframe')!.contentWindow!.postMessage({ type: 'profiles-studio:authorization', value }, app),
    { value, app: process.env.APP_URL! },
  );

test('a credential posted by an allowed host connects the framed app, and is not stored', async ({ page }) => {
  allow([process.env.HOST_URL!]);
  const frame = await frameApp(page);
  await expect.poll(() => page.evaluate(() => (window as any).__messages)).toEqual([
    { origin: process.env.APP_URL, data: { type: 'profiles-studio:ready' } },
  ]);
  await post(page, `TD1 ${simKey()}`);
  await expect(frame.getByRole('link', { name: /^Retail Customers/ })).toBeVisible();
  await expect(frame.getByLabel('API key', { exact: true })).toHaveCount(0);
  const stored = await frame.locator('body').evaluate(() => JSON.stringify(sessionStorage) + JSON.stringify(localStorage));
  expect(stored).toBe('{}{}');
  const fromFrame = (await sim.requests()).filter((r) => r.origin);
  expect(fromFrame.map((r: any) => r.keyIndex)).toEqual([0]);
});

test('a credential from any other origin is ignored, silently', async ({ page }) => {
  allow(['http://127.0.0.1:9']);
  const consoleLines: string[] = [];
  page.on('console', (m) => consoleLines.push(m.text()));
  const frame = await frameApp(page);
  await expect(frame.getByLabel('API key', { exact: true })).toBeVisible();
  await post(page, `TD1 ${simKey()}`);
  // Give the frame the time it would need to act on it (it never should).
  await page.waitForTimeout(500);
  await expect(frame.getByLabel('API key', { exact: true })).toBeVisible();
  expect(await page.evaluate(() => (window as any).__messages), 'not ready for a foreign parent').toEqual([]);
  expect((await sim.requests()).filter((r) => r.origin)).toEqual([]);
  expect(consoleLines.filter((l) => /profiles-studio|TD1|credential/i.test(l))).toEqual([]);
});
