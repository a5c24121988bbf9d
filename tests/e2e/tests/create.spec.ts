// Issue 3, Create (TD docs: "Create New → Profiles API Token → name and optional description →
// Next → Configure → Next or Create → Segments → Save"): one POST; the new token appears in the
// tree in its folder, selected; not offered without edit permission, and a forced 403 is clear.
import { test, expect, freshSimForEachTest } from '../support/fixtures';
import { App } from '../support/app';
import { simKey } from '../support/sim';
import { expectAccessible } from '../support/axe';
import { TokenForm, storedToken, tabTo } from '../support/token_form';

const sim = freshSimForEachTest();

async function posts() {
  return (await sim.requests()).filter((r) => r.method === 'POST' && r.path === '/entities/tokens');
}

function tokenIdFromUrl(url: string): string {
  const m = /#\/ps\/101\/tokens\/(\d+)$/.exec(url);
  expect(m, `a token page URL: ${url}`).not.toBeNull();
  return m![1];
}

async function openFolder(app: App, folders: string[]) {
  await app.open();
  await app.connect();
  await app.openParentSegment('Retail Customers');
  for (const folder of folders) await app.selectFolder(folder);
  await expect(app.page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(folders[folders.length - 1]);
}

async function startWizard(app: App) {
  const page = app.page;
  await page.getByRole('button', { name: 'Create New' }).click();
  await page.getByRole('link', { name: 'Profiles API Token' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create Profiles API Token' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Step 1 of 3: Name' })).toBeVisible();
  return new TokenForm(page);
}

test('creating a token through the wizard: name, Configure, Segments, Save; it shows in its folder, selected', async ({ page }) => {
  const app = new App(page);
  await openFolder(app, ['Web Personalization', 'Cart Recovery']);
  await expect(page.getByRole('button', { name: 'Create New' })).toHaveAttribute('aria-expanded', 'false');
  await page.getByRole('button', { name: 'Create New' }).click();
  await expect(page.getByRole('button', { name: 'Create New' })).toHaveAttribute('aria-expanded', 'true');
  await expectAccessible(page, 'folder page with Create New open');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Create New' })).toHaveAttribute('aria-expanded', 'false');
  // A click elsewhere closes it too; so does Tab past its one link.
  await page.getByRole('button', { name: 'Create New' }).click();
  await page.getByRole('main').getByRole('heading', { level: 1 }).click();
  await expect(page.getByRole('button', { name: 'Create New' })).toHaveAttribute('aria-expanded', 'false');
  await page.getByRole('button', { name: 'Create New' }).click();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Profiles API Token' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Create New' })).toHaveAttribute('aria-expanded', 'false');
  const form = await startWizard(app);
  expect(page.url()).toContain('#/ps/101/folders/1012/new-token');
  await expect(page.getByText('Enter a name for your token and optionally enter a description.')).toBeVisible();
  await expectAccessible(page, 'create wizard, step 1');

  // Next checks the name first.
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByText('Enter a name.')).toBeVisible();
  await expect(form.name).toBeFocused();
  await form.name.fill('Checkout Upsell');
  await form.description.fill('Offers shown at checkout');
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByRole('heading', { level: 2, name: 'Step 2 of 3: Configure' })).toBeVisible();
  // The default Lookup Key and what it implies.
  await expect(form.lookupKey).toHaveValue('');
  await expect(page.getByText("reads the key from the browser's td_global_id cookie")).toBeVisible();
  await form.lookupKey.selectOption('customer_id');
  await form.addAttribute('cart_value');
  await form.addAttribute('country');
  await expectAccessible(page, 'create wizard, step 2');
  await page.getByRole('button', { name: 'Next' }).click();

  await expect(page.getByRole('heading', { level: 2, name: 'Step 3 of 3: Segments' })).toBeVisible();
  await expect(page.getByText('Add up to 15 Segments')).toBeVisible();
  await form.addSegment('Cart Abandoners Live');
  await form.addSegment('Lapsed Buyers 90d');
  expect(await form.segmentNames()).toEqual(['Cart Abandoners Live', 'Lapsed Buyers 90d']);
  await expectAccessible(page, 'create wizard, step 3');
  // Back keeps what was entered.
  await page.getByRole('button', { name: 'Back' }).click();
  expect(await form.chosenAttributes()).toEqual(['cart_value', 'country']);
  await page.getByRole('button', { name: 'Next' }).click();
  await sim.clearRequests();
  await form.save.click();

  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Checkout Upsell');
  const id = tokenIdFromUrl(page.url());
  await expect(main.getByRole('status').filter({ hasText: 'Created.' })).toBeVisible();
  expect(await posts()).toHaveLength(1);
  const stored = await storedToken(page.request, id);
  expect(stored.attributes.name).toBe('Checkout Upsell');
  expect(stored.attributes.description).toBe('Offers shown at checkout');
  expect(stored.attributes.keyColumn).toBe('customer_id');
  expect(stored.attributes.attributeColumns).toEqual(['cart_value', 'country']);
  expect(stored.relationships.segments.data.map((s: any) => s.id)).toEqual(['3004', '3002']);
  expect(stored.relationships.parentFolder.data.id).toBe('1012');
  // In the tree, in its folder, selected; and in the folder listing of the API.
  const item = app.item('Checkout Upsell');
  await expect(item).toHaveAttribute('aria-selected', 'true');
  await expect(item.locator('svg.icon-key')).toHaveCount(1);
  const group = app.item('Cart Recovery').locator('xpath=following-sibling::*[@role="group"][1]');
  await expect(group.getByRole('treeitem', { name: 'Checkout Upsell' })).toBeVisible();
  const listing = await sim.api('/entities/by-folder/1012');
  expect(listing.data.some((e: any) => e.type === 'token' && e.id === id)).toBeTruthy();
  await expectAccessible(page, 'new token page');
});

test('Create on the Configure step makes the token without segments; the default key is td_global_id', async ({ page }) => {
  const app = new App(page);
  await openFolder(app, ['Web Personalization', 'Homepage Banners']);
  const form = await startWizard(app);
  await form.name.fill('No Segments Yet');
  await form.name.press('Enter'); // Enter in the name goes on, as Next does
  await expect(page.getByRole('heading', { level: 2, name: 'Step 2 of 3: Configure' })).toBeVisible();
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('No Segments Yet');
  const stored = await storedToken(page.request, tokenIdFromUrl(page.url()));
  expect(stored.attributes.keyColumn).toBe('td_global_id');
  expect(stored.attributes.attributeColumns).toEqual([]);
  expect(stored.relationships.segments.data).toEqual([]);
  expect((await posts())[0].body).toMatchObject({ attributes: { keyColumn: '', attributeColumns: [] } });
});

test('no Create New where the folder allows no edit; forced, the 403 is shown clearly and nothing is lost', async ({ page }) => {
  const app = new App(page);
  await openFolder(app, ['Locked (read only)']);
  await expect(page.getByRole('button', { name: 'Create New' })).toHaveCount(0);
  // An editable folder offers it (the same page, another folder).
  await app.item('Email Campaigns').locator('> .tree-row').click();
  await expect(page.getByRole('button', { name: 'Create New' })).toBeVisible();

  await app.open('#/ps/101/folders/1040/new-token');
  const form = new TokenForm(page);
  await expect(page.getByText('You cannot create tokens in “Locked (read only)”')).toBeVisible();
  await form.name.fill('Forced Token');
  await page.getByRole('button', { name: 'Next' }).click();
  await sim.clearRequests();
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Not created' });
  await expect(alert).toContainText('Permission denied');
  await expect(alert).toContainText('Ask an administrator');
  await expectAccessible(page, 'create wizard after a 403');
  expect((await posts()).map((r) => r.status)).toEqual([403]);
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(form.name).toHaveValue('Forced Token');
  const listing = await sim.api('/entities/by-folder/1040');
  expect(JSON.stringify(listing)).not.toContain('Forced Token');
});

test('a POST that gets no answer is checked before trying again: never a duplicate', async ({ page }) => {
  const app = new App(page);
  await openFolder(app, ['Web Personalization', 'Homepage Banners']);
  const form = await startWizard(app);
  await form.name.fill('Dropped Once');
  await page.getByRole('button', { name: 'Next' }).click();
  // Chromium itself resends a request whose kept-alive connection closes unanswered, so drop a few.
  await sim.fault({ method: 'POST', path: '/entities/tokens', kind: 'drop', count: 5 });
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Not created' });
  await expect(alert).toContainText('the token was not created, so you can try again');
  await request_clear(page);
  await page.getByRole('button', { name: 'Create', exact: true }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Dropped Once');
  const applied = (await posts()).filter((r) => r.status === 200);
  expect(applied).toHaveLength(1);
  const listing = await sim.api('/entities/by-folder/1011');
  expect(listing.data.filter((e: any) => e.attributes?.name === 'Dropped Once')).toHaveLength(1);
});

async function request_clear(page: import('@playwright/test').Page) {
  await page.request.delete(`${process.env.SIM_URL}/_sim/faults`);
}

test('the wizard guards what was typed: leaving asks, and leaving discards', async ({ page }) => {
  const app = new App(page);
  await openFolder(app, ['Web Personalization', 'Homepage Banners']);
  const form = await startWizard(app);
  await form.name.fill('Half Done');
  await app.item('Cart Recovery').locator('> .tree-row').click();
  const ask = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Stay on this page' }).click();
  await expect(form.name).toHaveValue('Half Done');
  await app.item('Cart Recovery').locator('> .tree-row').click();
  await ask.getByRole('button', { name: 'Leave and discard' }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Cart Recovery');
  // Nothing was kept: the wizard starts empty again.
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Web Personalization' }).click();
  await app.item('Homepage Banners').locator('> .tree-row').click();
  await startWizard(app);
  await expect(form.name).toHaveValue('');
  expect(await posts()).toHaveLength(0);
});

test('creating by keyboard only', async ({ page }) => {
  const app = new App(page);
  await app.open('#/ps/101/folders/1012');
  await app.keyField.fill(simKey());
  await app.keyField.press('Enter');
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Cart Recovery');
  const createNew = page.getByRole('button', { name: 'Create New' });
  await tabTo(page, createNew);
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('link', { name: 'Profiles API Token' }));
  await page.keyboard.press('Enter');
  const form = new TokenForm(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Step 1 of 3: Name' })).toBeVisible();
  await tabTo(page, form.name);
  await page.keyboard.type('Keyboard Made');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Step 2 of 3: Configure' })).toBeFocused();
  await tabTo(page, form.attributes);
  await page.keyboard.type('cart');
  await page.keyboard.press('Enter');
  expect(await form.chosenAttributes()).toEqual(['cart_value']);
  await tabTo(page, page.getByRole('button', { name: 'Next' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Step 3 of 3: Segments' })).toBeFocused();
  await tabTo(page, form.addSegmentButton);
  await page.keyboard.press('Enter');
  await expect(form.segmentSearch).toBeFocused();
  await page.keyboard.type('abandon');
  await page.keyboard.press('Enter');
  expect(await form.segmentNames()).toEqual(['Cart Abandoners Live']);
  await expect(form.segmentSearch).toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Escape');
  await expect(form.addSegmentButton).toBeFocused();
  await tabTo(page, form.save);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Keyboard Made');
  const stored = await storedToken(page.request, tokenIdFromUrl(page.url()));
  expect(stored.attributes.attributeColumns).toEqual(['cart_value']);
  expect(stored.relationships.segments.data.map((s: any) => s.id)).toEqual(['3004']);
  await expect(app.item('Keyboard Made')).toHaveAttribute('aria-selected', 'true');
});
