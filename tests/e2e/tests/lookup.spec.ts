// Issue 12, "Test lookup" on the token page: the Profiles API called on the simulator's lookup
// listener (its own origin), the answer explained, every failure explained in place.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { test, expect, freshSimForEachTest } from '../support/fixtures';
import { App } from '../support/app';
import { expectAccessible } from '../support/axe';
import { TokenForm, tabTo } from '../support/token_form';

const sim = freshSimForEachTest();
const require = createRequire(import.meta.url);
const LOOKUP = '/cdp/lookup/collect/segments';

async function openToken(app: App, ps: string, id: string, name: string) {
  await app.open(`#/ps/${ps}/tokens/${id}`);
  await app.connect();
  await expect(app.page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(name);
  return app.page.getByRole('region', { name: 'Test lookup' });
}

const marks = (tester: import('@playwright/test').Locator) => tester.getByRole('list', { name: "This token's segments" }).getByRole('listitem');

test('a profile in some of the token\'s segments: marks, attributes, status and the raw answer', async ({ page }) => {
  const tester = await openToken(new App(page), '101', '5002', 'Cart_Recovery_Banner');
  await tester.getByLabel('td_client_id', { exact: true }).fill('c-1001');
  await tester.getByRole('button', { name: 'Look up' }).click();
  await expect(tester.getByRole('status').filter({ hasText: 'segments' })).toHaveText("This profile is in 1 of this token's 2 segments.");
  await expect(marks(tester)).toHaveText(['Cart Abandoners Live In', 'Lapsed Buyers 90d Not in']);
  const table = tester.getByRole('table', { name: 'Attributes' });
  await expect(table.getByRole('row', { name: /last_purchase_date/ })).toContainText('2025-03-02');
  await expect(table.getByRole('row', { name: /cart_value/ })).toContainText('129.5');
  await expect(tester.locator('.lookup-status')).toHaveText(/^HTTP 200 · \d+ ms$/);
  await tester.getByText('Raw answer').click();
  await expect(tester.locator('pre')).toContainText('"audienceId":"101"');
  await expectAccessible(page, 'lookup tester with an answer');
  // The request: no key, the value encoded, to the lookup listener.
  const sent = (await sim.requests()).filter((r) => r.path === LOOKUP);
  expect(sent).toHaveLength(1);
  expect(sent[0].hasAuthorization).toBe(false);
  // (gloo-net ends every query with an empty `&`.)
  expect(sent[0].query?.replace(/&$/, '')).toBe('version=2&token=0b7e5c3a-2d4f-4e6a-8c1b-3f5d7e9a1c22&key.td_client_id=c-1001');
});

test('in none of its segments, no such profile, and values that need encoding', async ({ page }) => {
  const app = new App(page);
  let tester = await openToken(app, '101', '5002', 'Cart_Recovery_Banner');
  const field = tester.getByLabel('td_client_id', { exact: true });
  await field.fill('c-1003');
  await field.press('Enter');
  await expect(tester.getByRole('status').filter({ hasText: 'segments' })).toContainText("none of this token's segments");
  await field.fill('nobody');
  await field.press('Enter');
  await expect(tester.getByRole('alert')).toContainText('No profile has td_client_id = “nobody”');

  // Email Preference Sync looks up by email: `+` and Japanese text arrive intact.
  await page.goto(`${process.env.APP_URL}/#/ps/101/tokens/5003`);
  tester = page.getByRole('region', { name: 'Test lookup' });
  const email = tester.getByLabel('email', { exact: true });
  await email.fill('田中@example.jp');
  await email.press('Enter');
  await expect(marks(tester)).toHaveText(['Newsletter Subscribers In']);
  await email.fill('ana+shop@example.com');
  await email.press('Enter');
  await expect(tester.getByRole('status').filter({ hasText: 'segments' })).toContainText("none of this token's segments");
  const queries = (await sim.requests()).filter((r) => r.path === LOOKUP).map((r) => r.query);
  expect(queries.at(-2)).toContain('key.email=%E7%94%B0%E4%B8%AD%40example.jp');
  expect(queries.at(-1)).toContain('key.email=ana%2Bshop%40example.com');
});

test('td_global_id: nothing to type, the browser\'s own cookie is sent', async ({ page, context }) => {
  await context.addCookies([{ name: '_td_global', value: 'g-42', url: process.env.LOOKUP_URL! }]);
  const tester = await openToken(new App(page), '101', '5004', 'Legacy Web Token');
  await expect(tester.getByRole('textbox')).toHaveCount(0);
  await expect(tester).toContainText("its value is this browser's Treasure Data cookie");
  await tester.getByRole('button', { name: 'Look up' }).click();
  await expect(marks(tester)).toHaveText(['Weekend Shoppers In']);
  const sent = (await sim.requests()).filter((r) => r.path === LOOKUP);
  expect(sent[0].query).not.toContain('key.');
});

test('after a save the tester says lookups lag until the workflow finishes, and they do', async ({ page }) => {
  const app = new App(page);
  let tester = await openToken(app, '101', '5002', 'Cart_Recovery_Banner');
  await page.getByRole('link', { name: 'Edit Profiles API Token' }).click();
  const form = new TokenForm(page);
  await form.removeAttribute('cart_value');
  await form.save.click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Cart_Recovery_Banner');
  tester = page.getByRole('region', { name: 'Test lookup' });
  await expect(tester.getByRole('status').first()).toContainText('keep answering with the previous configuration');
  const field = tester.getByLabel('td_client_id', { exact: true });
  await field.fill('c-1001');
  await field.press('Enter');
  const table = tester.getByRole('table', { name: 'Attributes' });
  await expect(table.getByRole('row', { name: /cart_value/ }), 'still the old configuration').toHaveCount(1);
  const finished = await page.request.post(`${process.env.SIM_URL}/_sim/tokens/5002/finish-workflow`);
  expect(finished.status()).toBe(204);
  await tester.getByRole('button', { name: 'Look up' }).click();
  await expect(table.getByRole('row', { name: /cart_value/ })).toHaveCount(0);
  await expect(table.getByRole('row', { name: /last_purchase_date/ })).toHaveCount(1);
});

test('every failure explained in place: error object with 200, 500, no answer; by keyboard', async ({ page }) => {
  const tester = await openToken(new App(page), '101', '5002', 'Cart_Recovery_Banner');
  const field = tester.getByLabel('td_client_id', { exact: true });
  // Keyboard only: Tab from the page's first control to the field, type, Enter.
  await page.getByRole('link', { name: 'Profiles Studio' }).focus();
  await tabTo(page, field, false, 120);
  await page.keyboard.type('c-1001');
  await sim.fault({ method: 'GET', path: LOOKUP, kind: 'status', status: 200, body: { status: 404, error: 'Not Found', message: 'token not found' } });
  await page.keyboard.press('Enter');
  await expect(tester.getByRole('alert')).toContainText('does not know this token (token not found)');
  await sim.fault({ method: 'GET', path: LOOKUP, kind: 'status', status: 500 });
  await page.keyboard.press('Enter');
  await expect(tester.getByRole('alert')).toContainText('refused the lookup (status 500)');
  await expect(tester.locator('.lookup-status')).toHaveText(/^HTTP 500 · /);
  await sim.fault({ method: 'GET', path: LOOKUP, kind: 'html', status: 502 });
  await page.keyboard.press('Enter');
  await expect(tester.getByRole('alert')).toContainText('answered HTTP 502');
  // Chromium sends a GET again once by itself when a reused connection drops: drop both.
  await sim.fault({ method: 'GET', path: LOOKUP, kind: 'drop', count: 2 });
  await page.keyboard.press('Enter');
  await expect(tester.getByRole('alert')).toContainText('ad or tracking blocker');
  await expect(tester.getByRole('alert')).toContainText('CORS');
  await expect(field, 'what was typed stays').toHaveValue('c-1001');
  await expectAccessible(page, 'lookup tester with an error');
});

test('integration snippets: one per way in, each with its own Copy', async ({ page }) => {
  const tester = await openToken(new App(page), '101', '5003', 'Email Preference Sync');
  await expect(tester).toBeVisible();
  const snippets = page.getByRole('region', { name: 'Integration snippets' });
  for (const name of ['td-js-sdk 4.x', 'fetch', 'curl']) {
    await expect(snippets.getByRole('figure', { name })).toContainText('a3d9f1b2-7c4e-4a8d-b6e1-5c2f8a9d0e33');
    await expect(snippets.getByRole('button', { name: `Copy the ${name} snippet` })).toBeVisible();
  }
  await expect(snippets.getByRole('figure', { name: 'curl' })).toContainText("--data-urlencode 'key.email=VALUE'");
  await expectAccessible(page, 'integration snippets');
});

test('the td-js-sdk snippet, run as is with the real td-js-sdk, answers what the tester shows', async ({ page }) => {
  const tester = await openToken(new App(page), '101', '5002', 'Cart_Recovery_Banner');
  await tester.getByLabel('td_client_id', { exact: true }).fill('c-1001');
  await tester.getByRole('button', { name: 'Look up' }).click();
  await expect(marks(tester)).toHaveText(['Cart Abandoners Live In', 'Lapsed Buyers 90d Not in']);
  const shown = await tester.getByRole('table', { name: 'Attributes' }).locator('tbody tr').allInnerTexts();
  const code = await page.getByRole('figure', { name: 'td-js-sdk 4.x' }).locator('pre').innerText();
  expect(code).toContain('const value = "VALUE";');

  // A customer's page on the app's origin (which the simulator's CORS allows) with the npm
  // package's browser build and the snippet, only its VALUE placeholder filled in.
  const sdk = fs.readFileSync(path.join(require.resolve('td-js-sdk/package.json'), '..', 'dist', 'td.min.js'), 'utf8');
  const body = `<!DOCTYPE html><title>Customer page</title><script>${sdk}</script>` +
    `<script>${code.replace('const value = "VALUE";', 'const value = "c-1001";')}</script>`;
  await page.route(`${process.env.APP_URL}/customer-page.html`, (r) => r.fulfill({ contentType: 'text/html', body }));
  // td-js-sdk always calls https://<cdpHost>; the simulator's lookup listener speaks plain
  // HTTP, so the request is handed to it unchanged but for the scheme.
  const lookupHost = new URL(process.env.LOOKUP_URL!).host;
  await page.route(`https://${lookupHost}/**`, async (route) => {
    const response = await route.fetch({ url: route.request().url().replace('https://', 'http://') });
    await route.fulfill({ response });
  });
  await sim.clearRequests();
  const logged = page.waitForEvent('console', (m) => m.type() === 'log');
  await page.goto(`${process.env.APP_URL}/customer-page.html`);
  const [values, attributes] = await Promise.all((await logged).args().map((a) => a.jsonValue()));
  expect(values).toEqual(['3004']);
  expect(Object.entries(attributes).map(([k, v]) => `${k}\t${v}`).sort()).toEqual(shown.map((r) => r.trim()).sort());
  const sent = (await sim.requests()).filter((r) => r.path === LOOKUP && r.method === 'GET');
  expect(sent.map((r) => r.query)).toEqual(['version=2&token=0b7e5c3a-2d4f-4e6a-8c1b-3f5d7e9a1c22&key.td_client_id=c-1001']);
});

test('a Profiles API host that does not answer in time', async ({ page }) => {
  const tester = await openToken(new App(page), '101', '5002', 'Cart_Recovery_Banner');
  const field = tester.getByLabel('td_client_id', { exact: true });
  await field.fill('c-1001');
  await sim.fault({ method: 'GET', path: LOOKUP, kind: 'delay', delayMs: 12_000 });
  await field.press('Enter');
  await expect(tester.getByRole('alert')).toContainText('did not answer within 10 seconds', { timeout: 15_000 });
  await expect(tester.locator('.lookup-status')).toHaveText(/^No HTTP answer · /);
  // (A CORS refusal by the browser itself: nginx.spec.ts, from an origin the simulator does not allow.)
});
