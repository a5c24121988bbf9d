// Issue 11, hosting: real nginx with the README's configuration (tests/embed/nginx): dist/
// under a sub-path, deep links that survive a reload, and proxy mode, where the browser sends
// no Authorization and nginx adds the credential on its way to the API.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect, freshSimForEachTest } from '../support/fixtures';
import { simKey } from '../support/sim';
import { CONF, startNginx, type Nginx } from '../support/nginx';

const sim = freshSimForEachTest();
let nginx: Nginx;

test.beforeAll(async () => {
  nginx = await startNginx(process.env.DIST_DIR!, process.env.SIM_URL!, simKey());
});
test.afterAll(() => nginx?.stop());

const APP = '/tools/profiles-studio/';

test('proxy mode: no key asked, no Authorization from the browser, the proxy adds it', async ({ page }) => {
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/cdp-api/')) sent.push(`${r.method()} ${r.headers()['authorization'] ?? 'no Authorization'}`);
  });
  await page.goto(`${nginx.url}${APP}`);
  await expect(page.getByRole('link', { name: /^Retail Customers/ })).toBeVisible();
  await expect(page.getByLabel('API key', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('banner')).toContainText('Through the proxy at /cdp-api');
  expect(sent.length).toBeGreaterThan(0);
  expect(new Set(sent)).toEqual(new Set(['GET no Authorization']));
  // What reached the API: same-origin requests (no Origin), with nginx's key.
  const reached = await sim.requests();
  expect(reached.length).toBeGreaterThan(0);
  expect(reached.every((r: any) => r.keyIndex === 0 && !r.origin)).toBe(true);
});

test('under a sub-path a deep link survives a reload, with the right types and caching', async ({ page }) => {
  await page.goto(`${nginx.url}${APP}#/ps/101/tokens/5002`);
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Cart_Recovery_Banner');
  await page.reload();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Cart_Recovery_Banner');
  expect(page.url()).toBe(`${nginx.url}${APP}#/ps/101/tokens/5002`);

  const wasm = fs.readdirSync(process.env.DIST_DIR!).find((f) => f.endsWith('_bg.wasm'))!;
  const css = fs.readdirSync(process.env.DIST_DIR!).find((f) => /^main-[0-9a-f]+\.css$/.test(f))!;
  const sheet = await page.request.get(`${nginx.url}${APP}${css}`);
  expect(sheet.headers()['cache-control'], css).toBe('public, max-age=31536000, immutable');
  const asset = await page.request.get(`${nginx.url}${APP}${wasm}`);
  expect(asset.headers()['content-type']).toBe('application/wasm');
  expect(asset.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  // The .gz copy the build wrote, served as such (gzip_static).
  const gzipped = await page.request.get(`${nginx.url}${APP}${wasm}`, { headers: { 'Accept-Encoding': 'gzip' } });
  expect(gzipped.headers()['content-encoding']).toBe('gzip');
  expect((await gzipped.body()).equals(await asset.body()), 'the same wasm once decoded').toBe(true);
  for (const unhashed of ['', 'index.html', 'embed/profiles-studio.js']) {
    const res = await page.request.get(`${nginx.url}${APP}${unhashed}`);
    expect(res.status(), unhashed).toBe(200);
    expect(res.headers()['cache-control'], unhashed).toBe('no-cache');
  }
});

test('embedded on the proxy\'s origin without an authorization option: nothing sent; a lookup refused by CORS', async ({ page }) => {
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/cdp-api/')) sent.push(r.headers()['authorization'] ?? 'none');
  });
  // Any page of the proxy's origin will do as the host (nginx's own 404 page here).
  await page.goto(`${nginx.url}/host-page`);
  await page.evaluate(async ({ module, lookupBase }) => {
    const { mount } = await import(module);
    const slot = document.createElement('div');
    document.body.append(slot);
    (window as any).__studio = await mount(slot, { apiBase: '/cdp-api', route: '/ps/101/tokens/5002', lookupBase });
  }, { module: `${nginx.url}${APP}embed/profiles-studio.js`, lookupBase: process.env.LOOKUP_URL });
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Cart_Recovery_Banner');
  expect(sent.length).toBeGreaterThan(0);
  expect(new Set(sent)).toEqual(new Set(['none']));
  expect((await sim.requests()).every((r: any) => r.keyIndex === 0)).toBe(true);

  // The lookup goes to the Profiles API's own origin, which does not allow this page's origin:
  // the browser refuses the answer, and the tester names CORS and blockers as the causes.
  const tester = page.getByRole('region', { name: 'Test lookup' });
  await tester.getByLabel('td_client_id', { exact: true }).fill('c-1001');
  await tester.getByRole('button', { name: 'Look up' }).click();
  await expect(tester.getByRole('alert')).toContainText('a CORS policy that does not allow this page');
  await expect(tester.getByRole('alert')).toContainText('ad or tracking blocker');
});

test('the README shows the configuration these tests run, verbatim', () => {
  const readme = fs.readFileSync(path.join(path.dirname(CONF), '..', '..', '..', 'README.md'), 'utf8');
  expect(readme).toContain(fs.readFileSync(CONF, 'utf8').trim());
});
