// Issue 4, Delete (seed: "Select Delete. Review the consequences of deleting the Profiles API
// Token. Select Delete."): the consequences first, one DELETE, then the token's folder.
import { test, expect, freshSimForEachTest } from '../support/fixtures';
import { App } from '../support/app';
import { expectAccessible } from '../support/axe';
import {
  apiStatus,
  childrenOf,
  focusedItem,
  mainItem,
  openTokenByKeyboard,
  openTokenByMouse,
  tabTo,
  appliedWrites,
  clearFaults,
  pageWrites,
  writes,
  WRITE_FAULTS,
} from '../support/actions';

const TOKEN = '/entities/tokens/5002';

const sim = freshSimForEachTest();

function dialogOf(page: import('@playwright/test').Page) {
  return page.getByRole('alertdialog', { name: 'Delete Profiles API Token' });
}

test('deleting a token by mouse: the consequences first, one DELETE, then its folder', async ({ page, request }) => {
  const app = new App(page);
  await openTokenByMouse(app, ['Web Personalization', 'Cart Recovery'], 'Cart_Recovery_Banner');
  const token = (await sim.api(TOKEN)).data;
  await sim.clearRequests();

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = dialogOf(page);
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  // The consequences: name, UUID, what stops, what it served, and that it is final.
  await expect(dialog).toContainText('Cart_Recovery_Banner');
  await expect(dialog).toContainText(token.attributes.token);
  await expect(dialog).toContainText('stops getting segments and attributes at once');
  await expect(dialog).toContainText(`Lookup Key: ${token.attributes.keyColumn}`);
  for (const a of token.attributes.attributeColumns) await expect(dialog).toContainText(a);
  await expect(dialog).toContainText('Cart Abandoners Live');
  await expect(dialog).toContainText('Lapsed Buyers 90d');
  await expect(dialog).toContainText('This cannot be undone.');
  await expect(dialog).toHaveAccessibleDescription(/stops getting segments/);
  // Delete is destructive: not where focus starts.
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expect(dialog.getByRole('button', { name: 'Delete' })).toHaveClass(/button-danger/);
  expect(await writes(sim)).toEqual([]);
  await expectAccessible(page, 'delete dialog');

  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog).toHaveCount(0);
  expect((await writes(sim)).map((r) => `${r.method} ${r.path}`)).toEqual([`DELETE ${TOKEN}`]);
  expect(await apiStatus(request, TOKEN)).toBe(404);

  // The user lands on its folder; the token left the tree.
  expect(page.url()).toContain('#/ps/101/folders/1012');
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Cart Recovery');
  await expect(mainItem(page, 'Cart_Recovery_Banner')).toHaveCount(0);
  expect(await childrenOf(page, 'Cart Recovery')).not.toContain('Cart_Recovery_Banner');
  await expect(page.getByRole('main').getByRole('table')).not.toContainText('Cart_Recovery_Banner');
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('Deleted “Cart_Recovery_Banner”.');
  await expectAccessible(page, 'folder page after a delete');
});

test('deleting by keyboard only: Escape cancels, focus returns, then Delete lands on the folder', async ({ page, request }) => {
  const app = new App(page);
  await openTokenByKeyboard(app, ['Web Personalization'], 'Churn Prevention Offers');
  await sim.clearRequests();
  const button = page.getByRole('button', { name: 'Delete', exact: true });
  await tabTo(page, button);
  await page.keyboard.press('Enter');
  const dialog = dialogOf(page);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expect(dialog).toContainText('Segment #3007 (no access)');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(button).toBeFocused();
  expect(await writes(sim)).toEqual([]);

  await page.keyboard.press('Enter');
  // Enter on the focused Cancel cancels: the safe default.
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(button).toBeFocused();
  expect(await writes(sim)).toEqual([]);

  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(dialog.getByRole('button', { name: 'Delete' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  expect((await writes(sim)).map((r) => `${r.method} ${r.path}`)).toEqual(['DELETE /entities/tokens/5007']);
  expect(await apiStatus(request, '/entities/tokens/5007')).toBe(404);
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Web Personalization');
  // Focus went to the folder in the tree (the Delete button left with its page).
  await expect(focusedItem(page)).toHaveAccessibleName('Web Personalization');
  expect(await childrenOf(page, 'Web Personalization')).not.toContain('Churn Prevention Offers');
});

test('a failed delete keeps the dialog open; each try is one DELETE; 404 counts as deleted', async ({ page, request }) => {
  const app = new App(page);
  await openTokenByMouse(app, ['Web Personalization', 'Cart Recovery'], 'Cart_Recovery_Banner');
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = dialogOf(page);
  await sim.clearRequests();
  const sent = pageWrites(page);

  let tries = 0;
  for (const { name, fault, says } of WRITE_FAULTS.filter((f) => f.name !== '404')) {
    const logged = (await writes(sim, TOKEN)).length;
    await sim.fault({ method: 'DELETE', path: TOKEN, ...fault });
    await dialog.getByRole('button', { name: 'Delete' }).click();
    tries += 1;
    const alert = dialog.getByRole('alert');
    await expect(alert, name).toContainText('The token was not deleted.');
    await expect(alert, name).toContainText(says);
    await expect(dialog, name).toBeVisible();
    expect(sent(), `${name}: the page sent one DELETE per try`).toBe(tries);
    const added = (await writes(sim, TOKEN)).slice(logged);
    if (fault.kind === 'status') expect(added.length, `${name}: one DELETE in the log`).toBe(1);
    expect(await appliedWrites(sim, TOKEN), `${name}: nothing applied`).toEqual([]);
    await clearFaults(request);
    if (name === '500') await expectAccessible(page, 'delete dialog with an error');
  }
  expect((await sim.api(TOKEN)).data.id).toBe('5002');
  await expect(mainItem(page, 'Cart_Recovery_Banner')).toHaveCount(1);

  // Already gone (404): treated as deleted, with a note.
  await sim.fault({ method: 'DELETE', path: TOKEN, kind: 'status', status: 404 });
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog).toHaveCount(0);
  expect(sent()).toBe(tries + 1);
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('had already been deleted');
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Cart Recovery');
  await expect(mainItem(page, 'Cart_Recovery_Banner')).toHaveCount(0);
});
