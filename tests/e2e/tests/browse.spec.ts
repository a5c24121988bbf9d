// Issue 2: connect, pick a parent segment, browse the folder tree, open a token.
import { test, expect, freshSimForEachTest } from '../support/fixtures';
import { App } from '../support/app';
import { simKey, simUrl } from '../support/sim';
import { expectAccessible } from '../support/axe';

const sim = freshSimForEachTest();

test('a wrong API key fails clearly and nothing else happens', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await expectAccessible(page, 'connect screen');
  await app.connect('1/not-the-right-key');
  await expect(page.getByRole('alert')).toContainText('API key was not accepted');
  // Still on the connect screen, with what the user typed kept for correction.
  await expect(page.getByRole('button', { name: 'Connect' })).toBeVisible();
  await expect(app.keyField).toHaveValue('1/not-the-right-key');
  await expect(page.getByRole('heading', { name: 'Parent segments' })).toHaveCount(0);
  await expectAccessible(page, 'connect screen with an error');
  const log = await sim.requests();
  expect(log.length).toBeGreaterThan(0);
  expect(log.every((r) => r.status === 401)).toBeTruthy();
});

test('the right key shows the parent segments with their population', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.connect();
  await expect(page.getByRole('heading', { name: 'Parent segments' })).toBeVisible();
  const listed = await sim.api('/entities/parent_segments');
  expect(listed.length).toBe(2);
  for (const { data: ps } of listed) {
    await expect(page.getByRole('link', { name: new RegExp(`^${ps.attributes.name}`) })).toBeVisible();
  }
  await expect(page.getByRole('link', { name: /^Retail Customers/ })).toContainText('profiles');
  // The read that verified the key is the list shown: one request, not two.
  const reads = (await sim.requests()).filter(
    (r) => r.origin && r.method === 'GET' && r.path === '/entities/parent_segments',
  );
  expect(reads).toHaveLength(1);
  await expectAccessible(page, 'parent segment list');
});

test('expanding folders shows tokens with a key icon and kinds per child', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.connect();
  await app.openParentSegment('Retail Customers');
  await app.selectFolder('Web Personalization');
  await app.selectFolder('Homepage Banners');
  const token = app.item('Homepage Personalization');
  await expect(token).toHaveAttribute('data-kind', 'token');
  await expect(token.locator('svg.icon-key')).toHaveCount(1);
  // What the by-folder endpoint lists is what the tree shows, kind for kind.
  const listing = await sim.api('/entities/by-folder/1010');
  for (const child of listing.data.filter((c: any) => c.id !== '1010')) {
    const item = app.item(child.attributes.name);
    await expect(item).toBeVisible();
    if (child.type === 'folder-segment') await expect(item).toHaveAttribute('data-kind', 'folder');
    if (child.type === 'journey') continue;
    if (child.type.startsWith('segment')) await expect(item).toHaveAttribute('data-kind', /^segment-/);
  }
  // A nested folder opens lazily too.
  await app.selectFolder('Migrated Web Access Token');
  await expect(app.item('Legacy Web Token')).toHaveAttribute('data-kind', 'token');
  await expectAccessible(page, 'tree with open folders');
});

test('a token page shows exactly what the simulator stores', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.connect();
  await app.openParentSegment('Retail Customers');
  await app.selectFolder('Web Personalization');
  await app.selectFolder('Homepage Banners');
  await app.item('Homepage Personalization').click();
  const doc = await sim.api('/entities/tokens/5001');
  const attrs = doc.data.attributes;
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText(attrs.name);
  await expect(main).toContainText(attrs.description);
  await expect(main.getByRole('definition').filter({ hasText: attrs.keyColumn }).first()).toBeVisible();
  for (const column of attrs.attributeColumns) await expect(main).toContainText(column);
  await expect(main).toContainText(attrs.tokenUuid ?? doc.data.attributes.uuid ?? '');
  const segmentRows = main.getByRole('table').getByRole('row');
  await expect(segmentRows).toHaveCount(doc.data.relationships.segments.data.length + 1);
  for (const included of (doc.included ?? []).filter((i: any) => i.type.startsWith('segment'))) {
    await expect(main.getByRole('cell', { name: included.attributes.name, exact: true })).toBeVisible();
  }
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Homepage Banners');
  await expect(app.item('Homepage Personalization')).toHaveAttribute('aria-selected', 'true');
  await expectAccessible(page, 'token page');
});

test('a deep link to a token works on a fresh load', async ({ page }) => {
  const app = new App(page);
  await app.open('#/ps/101/tokens/5004');
  await app.connect();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Legacy Web Token');
  await expect(main).toContainText('td_global_id');
  // The tree is opened down to the token and selects it.
  await expect(app.item('Legacy Web Token')).toHaveAttribute('aria-selected', 'true');
  await expect(app.item('Migrated Web Access Token')).toHaveAttribute('aria-expanded', 'true');
  expect(page.url()).toContain('#/ps/101/tokens/5004');
  await expectAccessible(page, 'deep-linked token page');
});

test('a link to something that does not exist says so with a way back', async ({ page }) => {
  const app = new App(page);
  await app.open('#/ps/101/tokens/999999');
  await app.connect();
  await expect(page.getByRole('heading', { name: 'Not found' })).toBeVisible();
  await expectAccessible(page, 'token not found');
  await app.open('#/nowhere');
  await expect(page.getByRole('link', { name: 'Back to parent segments' })).toBeVisible();
});

test('an injected 500 on the folder request shows Retry in place, which recovers', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.connect();
  await app.openParentSegment('Retail Customers');
  // Reads retry by themselves three times; four failures in a row reach the user.
  await sim.fault({ method: 'GET', path: '/entities/by-folder/1010', kind: 'status', status: 500, count: 4 });
  await app.item('Web Personalization').locator('> .tree-row').click();
  const folder = app.node('Web Personalization');
  await expect(folder.getByRole('alert')).toBeVisible({ timeout: 20_000 });
  await expectAccessible(page, 'folder that failed to load');
  await folder.getByRole('button', { name: 'Retry' }).click();
  await expect(app.item('Homepage Banners')).toBeVisible();
  const log = await sim.requests();
  const folderReads = log.filter((r) => r.method === 'GET' && r.path === '/entities/by-folder/1010');
  expect(folderReads.map((r) => r.status)).toEqual([500, 500, 500, 500, 200]);
});

test('the tree works by keyboard alone', async ({ page }) => {
  const app = new App(page);
  await app.open('#/ps/101');
  await app.keyField.fill(simKey());
  await app.keyField.press('Enter');
  await expect(app.tree).toBeVisible();
  // Tab into the tree: focus lands on one item (roving tabindex).
  const first = app.tree.getByRole('treeitem').first();
  await first.focus();
  await page.keyboard.press('Home');
  const focused = page.locator('[role="treeitem"]:focus');
  await expect(focused).toHaveCount(1);
  // Walk down to "Web Personalization", open it with ArrowRight, step into its first child.
  for (let i = 0; i < 20; i++) {
    if ((await focused.innerText()).trim() === 'Web Personalization') break;
    await page.keyboard.press('ArrowDown');
  }
  await expect(focused).toHaveAccessibleName('Web Personalization');
  await page.keyboard.press('ArrowRight');
  await expect(app.item('Web Personalization')).toHaveAttribute('aria-expanded', 'true');
  await expect(app.item('Homepage Banners')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect(focused).toHaveAccessibleName('Homepage Banners');
  // Type-ahead moves among visible items; Enter opens a token page.
  await page.keyboard.type('Chu');
  await expect(focused).toHaveAccessibleName('Churn Prevention Offers');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Churn Prevention Offers');
  // ArrowLeft goes to the parent, another ArrowLeft closes it; End reaches the last item.
  await focused.press('ArrowLeft');
  await expect(focused).toHaveAccessibleName('Web Personalization');
  await page.keyboard.press('ArrowLeft');
  await expect(app.item('Web Personalization')).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('End');
  const items = app.tree.getByRole('treeitem');
  await expect(focused).toHaveAccessibleName('Weekend Shoppers');
  await expect(items.last()).toHaveAccessibleName('Weekend Shoppers');
});

test('the API key never reaches a URL, storage or the wrong header', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await app.connect();
  await app.openParentSegment('Retail Customers');
  await app.selectFolder('Web Personalization');
  await app.selectFolder('Homepage Banners');
  await app.item('Homepage Personalization').click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toBeVisible();
  const key = simKey();
  expect(page.url()).not.toContain(key);
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(storage).not.toContain(key);
  const log: any[] = await sim.requests();
  expect(log.length).toBeGreaterThan(0);
  for (const r of log) {
    expect(r.keyLeaked, `${r.method} ${r.path}`).toBeFalsy();
    expect(`${r.path}?${r.query ?? ''}`).not.toContain(key);
  }
  // Disconnect forgets it: a reload lands on the connect screen with an empty field.
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByRole('button', { name: 'Connect' })).toBeVisible();
  await page.reload();
  await expect(app.keyField).toHaveValue('');
});

test('"Remember in this tab" keeps the key in sessionStorage only, across a reload', async ({ page }) => {
  const app = new App(page);
  await app.open('#/ps/101');
  await app.connect(simKey(), { remember: true });
  await expect(app.tree).toBeVisible();
  await page.reload();
  await expect(app.tree).toBeVisible();
  const local = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(local).not.toContain(simKey());
});

test('a remembered session opens the connection to its API before the wasm has arrived', async ({ page }) => {
  const app = new App(page);
  await app.open('#/ps/101');
  // Nothing remembered: nothing to open early.
  await expect(page.locator('link[rel="preconnect"]')).toHaveCount(0);
  await app.connect(simKey(), { remember: true });
  await expect(app.tree).toBeVisible();
  // The wasm is held back this time: what is there before it is plain JavaScript's doing.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await released;
    await route.continue();
  });
  await page.reload({ waitUntil: 'domcontentloaded' });
  const preconnect = page.locator('link[rel="preconnect"]');
  await expect(preconnect).toHaveAttribute('href', new URL(simUrl()).origin);
  await expect(preconnect).toHaveAttribute('crossorigin', 'anonymous');
  await expect(app.tree).toHaveCount(0);
  // The origin only: the key stays out of the page.
  expect(await page.content()).not.toContain(simKey());
  release();
  await expect(app.tree).toBeVisible();
});

test('on a phone, a token page opened cold does not jump while the tree fills in', async ({ page }) => {
  // Every layout shift of the load, as Chromium scores them (the sum is the page's CLS).
  await page.addInitScript(() => {
    const shifts: number[] = ((window as any).__shifts = []);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as any[]) if (!e.hadRecentInput) shifts.push(e.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.setViewportSize({ width: 412, height: 823 });
  const app = new App(page);
  await app.open('#/ps/101/tokens/5007');
  await app.connect(simKey(), { remember: true });
  await expect(app.item('Churn Prevention Offers')).toHaveAttribute('aria-selected', 'true');
  // Cold, as a returning user's link opens it: the tree's folders arrive after the page.
  await page.reload();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Churn Prevention Offers');
  await expect(app.item('Churn Prevention Offers')).toHaveAttribute('aria-selected', 'true');
  await expect(app.item('Finance (restricted)')).toBeVisible();
  const top = await main.evaluate((m) => m.getBoundingClientRect().top);
  await page.waitForTimeout(300);
  // The tree has a box of its own on narrow screens: what it loads scrolls inside it.
  expect(await main.evaluate((m) => m.getBoundingClientRect().top)).toBe(top);
  // What is left is inside the tree's box (the rows below the folder that opens to the token).
  const cls = await page.evaluate(() => (window as any).__shifts.reduce((a: number, b: number) => a + b, 0));
  expect(cls, 'cumulative layout shift of the load (0.2 when the tree pushed the page down)').toBeLessThan(0.1);
});
