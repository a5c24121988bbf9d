// Issue 6 and 5: the tree's Filter box, the folders' freshness window and the Refresh button.
import { test, expect, freshSimForEachTest } from '../support/fixtures';
import { App } from '../support/app';
import { expectAccessible } from '../support/axe';

const sim = freshSimForEachTest();

/** Opens Retail Customers with Web Personalization (1010) and Homepage Banners (1011) open. */
async function openBanners(app: App) {
  await app.open();
  await app.connect();
  await app.openParentSegment('Retail Customers');
  await app.selectFolder('Web Personalization');
  await app.selectFolder('Homepage Banners');
  await expect(app.item('Homepage Personalization')).toBeVisible();
}

/** How many times the browser read a folder's children. */
async function folderReads(id: string) {
  const log = await sim.requests();
  return log.filter((r) => r.origin && r.method === 'GET' && r.path === `/entities/by-folder/${id}`).length;
}

test('the Filter box narrows the loaded tree, announces the count, and Escape clears it', async ({ page }) => {
  const app = new App(page);
  await openBanners(app);
  const nav = page.getByRole('navigation');
  const box = nav.getByRole('searchbox', { name: 'Filter' });
  const status = page.locator('[id$="-tree-filter-status"]');
  await expect(status).toHaveAttribute('role', 'status');

  await box.fill('CHURN');
  await expect(app.item('Cart Recovery')).toHaveCount(0);
  await expect(app.item('Churn Prevention Offers')).toBeVisible();
  // Every item left is a match or an open ancestor of one; the status line counts the matches.
  const shown = await app.tree.getByRole('treeitem').evaluateAll((items) =>
    items.map((i) => [(i.querySelector('.tree-label')?.textContent ?? '').trim(), i.getAttribute('aria-expanded')]),
  );
  const matches = shown.filter(([name]) => name!.toLowerCase().includes('churn'));
  expect(matches.length).toBeGreaterThan(0);
  for (const [name, expanded] of shown) {
    if (!name!.toLowerCase().includes('churn')) expect(expanded, `${name} is shown as an ancestor`).toBe('true');
  }
  await expect(status).toHaveText(matches.length === 1 ? '1 match' : `${matches.length} matches`);
  await expectAccessible(page, 'filtered tree');

  await box.fill('no such name anywhere');
  await expect(status).toHaveText('No matches');
  await expect(app.tree.getByRole('treeitem')).toHaveCount(0);

  await box.press('Escape');
  await expect(box).toHaveValue('');
  await expect(status).toHaveText('');
  await expect(app.item('Cart Recovery')).toBeVisible();
  await expect(app.item('Homepage Banners')).toHaveAttribute('aria-expanded', 'true');
  await expect(app.item('Churn Prevention Offers')).toBeVisible();
  // Filtering is local: it read nothing.
  expect(await folderReads('1011')).toBe(1);
});

test('an open folder is read once while fresh, and Refresh reads the open folders again', async ({ page }) => {
  const app = new App(page);
  await openBanners(app);
  expect(await folderReads('1011')).toBe(1);
  const banners = app.item('Homepage Banners');

  // Closing and reopening it, and opening its page, within the freshness window: no request.
  await banners.locator('> .tree-row .tree-toggle').click();
  await expect(banners).toHaveAttribute('aria-expanded', 'false');
  await banners.locator('> .tree-row .tree-toggle').click();
  await expect(banners).toHaveAttribute('aria-expanded', 'true');
  await expect(app.item('Homepage Personalization')).toBeVisible();
  await banners.locator('> .tree-row').click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Homepage Banners');
  await expect(page.getByRole('main').getByRole('link', { name: 'Homepage Personalization' })).toBeVisible();
  expect(await folderReads('1011')).toBe(1);
  expect(await folderReads('1010')).toBe(1);

  // Refresh: each open folder once more; what was open, selected and focusable stays so.
  await page.getByRole('navigation').getByRole('button', { name: 'Refresh' }).click();
  await expect.poll(() => folderReads('1011')).toBe(2);
  await expect.poll(() => folderReads('1010')).toBe(2);
  await expect(banners).toHaveAttribute('aria-expanded', 'true');
  await expect(banners).toHaveAttribute('aria-selected', 'true');
  await expect(banners).toHaveAttribute('tabindex', '0');
  await expect(app.item('Homepage Personalization')).toBeVisible();
  await page.waitForTimeout(300);
  expect(await folderReads('1011'), 'one read per Refresh, none repeated').toBe(2);
});
