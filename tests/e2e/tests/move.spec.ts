// Issue 4, Move (seed: "Select Move. Select a different destination folder and then select Move."):
// a folder picker, one PATCH, the tree and breadcrumbs updated in place, Undo from a toast.
import { test, expect, freshSimForEachTest } from '../support/fixtures';
import { App } from '../support/app';
import { expectAccessible } from '../support/axe';
import {
  childrenOf,
  focusedItem,
  mainItem,
  openTokenByKeyboard,
  openTokenByMouse,
  pressUntilItem,
  tabTo,
  appliedWrites,
  clearFaults,
  pageWrites,
  writes,
  WRITE_FAULTS,
} from '../support/actions';

const TOKEN = '/entities/tokens/5002';

const sim = freshSimForEachTest();

function moveDialog(page: import('@playwright/test').Page) {
  return page.getByRole('dialog', { name: 'Move Profiles API Token' });
}

function picker(page: import('@playwright/test').Page) {
  return moveDialog(page).getByRole('tree', { name: 'Destination folder' });
}

test('moving a token by mouse: one PATCH, the tree and breadcrumbs follow, Undo moves it back', async ({ page }) => {
  const app = new App(page);
  await openTokenByMouse(app, ['Web Personalization', 'Cart Recovery'], 'Cart_Recovery_Banner');
  const before = (await sim.api(TOKEN)).data;
  await sim.clearRequests();

  await page.getByRole('button', { name: 'Move', exact: true }).click();
  const dialog = moveDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  const tree = picker(page);
  // The picker is the tree of the same parent segment, folders only.
  await expect(tree.getByRole('treeitem', { name: 'Retail Customers' })).toHaveAttribute('aria-expanded', 'true');
  await expect(tree.locator('[data-kind="token"]')).toHaveCount(0);
  const current = tree.getByRole('treeitem', { name: 'Cart Recovery' });
  await expect(current).toHaveAttribute('aria-disabled', 'true');
  await expect(current).toHaveAccessibleName('Cart Recovery (Current folder)');
  const locked = tree.getByRole('treeitem', { name: 'Locked (read only)' });
  await expect(locked).toHaveAttribute('aria-disabled', 'true');
  await expect(locked).toHaveAccessibleName('Locked (read only) (No edit permission)');
  const move = dialog.getByRole('button', { name: 'Move', exact: true });
  await expect(move).toBeDisabled();
  // The current folder and a read-only one can't be chosen.
  await current.locator('> .tree-row').click();
  await locked.locator('> .tree-row').click();
  await expect(move).toBeDisabled();
  await expectAccessible(page, 'move dialog');

  await tree.getByRole('treeitem', { name: 'Email Campaigns' }).locator('> .tree-row').click();
  await expect(tree.getByRole('treeitem', { name: 'Email Campaigns' })).toHaveAttribute('aria-selected', 'true');
  await expect(dialog).toContainText('Destination: Email Campaigns');
  await move.click();
  await expect(dialog).toHaveCount(0);

  // The simulator has it in the new folder, and nothing else changed.
  const after = (await sim.api(TOKEN)).data;
  expect(after.relationships.parentFolder.data.id).toBe('1030');
  expect(after.attributes.name).toBe(before.attributes.name);
  expect(after.attributes.token).toBe(before.attributes.token);
  expect(after.attributes.keyColumn).toBe(before.attributes.keyColumn);
  expect(after.attributes.attributeColumns).toEqual(before.attributes.attributeColumns);
  expect(after.relationships.segments.data).toEqual(before.relationships.segments.data);
  const patches = await writes(sim);
  expect(patches.map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH ${TOKEN}`]);
  expect((patches[0].body as any).relationships.parentFolder.data.id).toBe('1030');

  // The tree: gone from Cart Recovery, in Email Campaigns, selected; the breadcrumbs follow.
  await expect(mainItem(page, 'Email Campaigns')).toHaveAttribute('aria-expanded', 'true');
  await expect.poll(() => childrenOf(page, 'Email Campaigns')).toContain('Cart_Recovery_Banner');
  expect(await childrenOf(page, 'Cart Recovery')).not.toContain('Cart_Recovery_Banner');
  await expect(mainItem(page, 'Cart_Recovery_Banner')).toHaveAttribute('aria-selected', 'true');
  const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(crumbs).toContainText('Email Campaigns');
  await expect(crumbs).not.toContainText('Cart Recovery');
  await expect(page.getByRole('button', { name: 'Move', exact: true })).toBeFocused();

  // The toast offers Undo: one more PATCH, back where it was.
  const toast = page.getByRole('status', { name: 'Notifications' });
  await expect(toast).toContainText('Moved “Cart_Recovery_Banner” to “Email Campaigns”.');
  await expectAccessible(page, 'token page after a move, with the toast');
  await toast.getByRole('button', { name: 'Undo' }).click();
  await expect(toast).toContainText('back to “Cart Recovery”');
  expect((await sim.api(TOKEN)).data.relationships.parentFolder.data.id).toBe('1012');
  await expect.poll(() => childrenOf(page, 'Cart Recovery')).toContain('Cart_Recovery_Banner');
  expect(await childrenOf(page, 'Email Campaigns')).not.toContain('Cart_Recovery_Banner');
  await expect(crumbs).toContainText('Cart Recovery');
  expect((await writes(sim)).map((r) => r.method)).toEqual(['PATCH', 'PATCH']);
});

test('moving a token by keyboard only, and Escape closes the dialog', async ({ page }) => {
  const app = new App(page);
  await openTokenByKeyboard(app, ['Web Personalization'], 'Churn Prevention Offers');
  await sim.clearRequests();
  const moveButton = page.getByRole('button', { name: 'Move', exact: true });
  await tabTo(page, moveButton);

  // Escape closes without a request, and focus returns to Move.
  await page.keyboard.press('Enter');
  await expect(moveDialog(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(moveDialog(page)).toHaveCount(0);
  await expect(moveButton).toBeFocused();

  await page.keyboard.press('Enter');
  const tree = picker(page);
  // Focus starts in the picker on the current folder (not selectable).
  await expect(focusedItem(page)).toHaveAccessibleName('Web Personalization (Current folder)');
  await page.keyboard.press('Enter');
  await expect(tree.getByRole('treeitem', { name: 'Web Personalization' })).toHaveAttribute('aria-selected', 'false');
  // Open it, down into its subfolders, then type-ahead to another top-level folder.
  await page.keyboard.press('ArrowRight');
  await expect(tree.getByRole('treeitem', { name: 'Web Personalization' })).toHaveAttribute('aria-expanded', 'true');
  await pressUntilItem(page, 'ArrowDown', 'Homepage Banners');
  await page.keyboard.type('Mig');
  await expect(focusedItem(page)).toHaveAccessibleName('Migrated Web Access Token');
  await page.keyboard.press('Enter');
  await expect(tree.getByRole('treeitem', { name: 'Migrated Web Access Token' })).toHaveAttribute('aria-selected', 'true');
  // Tab wraps inside the dialog: tree → Move → Cancel → tree.
  await page.keyboard.press('Tab');
  await expect(moveDialog(page).getByRole('button', { name: 'Move', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(moveDialog(page).getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(focusedItem(page)).toHaveAccessibleName('Migrated Web Access Token');
  await page.keyboard.press('Shift+Tab');
  await expect(moveDialog(page).getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(moveDialog(page)).toHaveCount(0);
  await expect(moveButton).toBeFocused();

  expect((await sim.api('/entities/tokens/5007')).data.relationships.parentFolder.data.id).toBe('1020');
  expect((await writes(sim)).map((r) => `${r.method} ${r.path}`)).toEqual(['PATCH /entities/tokens/5007']);
  // Segments the user can't view (3007) were sent back unchanged.
  const body = (await writes(sim))[0].body as any;
  expect(body.relationships.segments.data.map((s: any) => s.id)).toContain('3007');
  await expect.poll(() => childrenOf(page, 'Migrated Web Access Token')).toContain('Churn Prevention Offers');
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' })).toContainText('Migrated Web Access Token');
});

test('a failed move keeps the dialog and the chosen folder; each try is one PATCH', async ({ page, request }) => {
  const app = new App(page);
  await openTokenByMouse(app, ['Web Personalization', 'Cart Recovery'], 'Cart_Recovery_Banner');
  await page.getByRole('button', { name: 'Move', exact: true }).click();
  const dialog = moveDialog(page);
  const target = picker(page).getByRole('treeitem', { name: 'Email Campaigns' });
  await target.locator('> .tree-row').click();
  await sim.clearRequests();
  const sent = pageWrites(page);

  let tries = 0;
  for (const { name, fault, says } of WRITE_FAULTS) {
    const logged = (await writes(sim, TOKEN)).length;
    await sim.fault({ method: 'PATCH', path: TOKEN, ...fault });
    await dialog.getByRole('button', { name: 'Move', exact: true }).click();
    tries += 1;
    const alert = dialog.getByRole('alert');
    await expect(alert, name).toContainText('The token was not moved.');
    await expect(alert, name).toContainText(says);
    await expect(dialog, name).toBeVisible();
    await expect(target, name).toHaveAttribute('aria-selected', 'true');
    expect(sent(), `${name}: the page sent one PATCH per try`).toBe(tries);
    const added = (await writes(sim, TOKEN)).slice(logged);
    if (fault.kind === 'status') expect(added.length, `${name}: one PATCH in the log`).toBe(1);
    expect(await appliedWrites(sim, TOKEN), `${name}: nothing applied`).toEqual([]);
    await clearFaults(request);
    if (name === '403') await expectAccessible(page, 'move dialog with an error');
  }
  expect((await sim.api(TOKEN)).data.relationships.parentFolder.data.id).toBe('1012');

  // A slow answer: a double click still sends one PATCH; then it goes through.
  await sim.fault({ method: 'PATCH', path: TOKEN, kind: 'delay', delayMs: 800 });
  await dialog.getByRole('button', { name: 'Move', exact: true }).dblclick();
  await expect(dialog).toHaveCount(0);
  expect(sent()).toBe(tries + 1);
  expect((await appliedWrites(sim, TOKEN)).length).toBe(1);
  expect((await sim.api(TOKEN)).data.relationships.parentFolder.data.id).toBe('1030');
});
