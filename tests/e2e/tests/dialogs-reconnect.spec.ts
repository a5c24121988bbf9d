// Issue 5, "401 anywhere → connect screen; after reconnecting the user returns where they were
// with their draft intact", for the token page's dialogs: a key rejected while Move, Duplicate
// or Delete is being confirmed leads to the connect screen; connecting again lands on the same
// token page with the same dialog open and what the user had entered in it. Confirming then
// applies exactly one write.
import { test, expect, freshSimForEachTest } from '../support/fixtures';
import { App } from '../support/app';
import { openTokenByMouse, appliedWrites, apiStatus } from '../support/actions';

const sim = freshSimForEachTest();

async function rejectedThenReconnected(app: App, tokenPath: string) {
  const page = app.page;
  await expect(page.getByRole('button', { name: 'Connect' })).toBeVisible();
  await expect(page.getByText('not accepted any more')).toBeVisible();
  expect(page.url()).toMatch(new RegExp(`#/ps/101/tokens/${tokenPath}$`));
  await app.connect();
}

test('Duplicate: name and description survive a rejected key; one POST after reconnecting', async ({ page }) => {
  const app = new App(page);
  await openTokenByMouse(app, ['Web Personalization', 'Homepage Banners'], 'Homepage Personalization');
  await page.getByRole('button', { name: 'Duplicate', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Duplicate Profiles API Token' });
  const name = dialog.getByRole('textbox', { name: 'Name' });
  const description = dialog.getByRole('textbox', { name: 'Description (optional)' });
  await name.fill('Kept Copy Name');
  await description.fill('Kept “description” <i>as typed</i>');
  await sim.fault({ method: 'POST', path: '/entities/tokens', kind: 'status', status: 401 });
  await dialog.getByRole('button', { name: 'Duplicate', exact: true }).click();

  await rejectedThenReconnected(app, '5001');
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Homepage Personalization');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('status')).toHaveText('Connected again: here is what you had entered.');
  await expect(name).toHaveValue('Kept Copy Name');
  await expect(description).toHaveValue('Kept “description” <i>as typed</i>');
  expect(await appliedWrites(sim), 'nothing applied by the rejected POST').toEqual([]);

  await dialog.getByRole('button', { name: 'Duplicate', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Kept Copy Name');
  const applied = await appliedWrites(sim);
  expect(applied.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /entities/tokens']);
  expect((applied[0].body as any).attributes.description).toBe('Kept “description” <i>as typed</i>');
});

test('Move: the chosen folder survives a rejected key; one PATCH after reconnecting', async ({ page }) => {
  const app = new App(page);
  await openTokenByMouse(app, ['Web Personalization', 'Cart Recovery'], 'Cart_Recovery_Banner');
  await page.getByRole('button', { name: 'Move', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Move Profiles API Token' });
  const target = dialog.getByRole('tree', { name: 'Destination folder' }).getByRole('treeitem', { name: 'Email Campaigns' });
  await target.locator('> .tree-row').click();
  await expect(dialog).toContainText('Destination: Email Campaigns');
  await sim.fault({ method: 'PATCH', path: '/entities/tokens/5002', kind: 'status', status: 401 });
  await dialog.getByRole('button', { name: 'Move', exact: true }).click();

  await rejectedThenReconnected(app, '5002');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('status')).toHaveText('Connected again: here is what you had chosen.');
  await expect(dialog).toContainText('Destination: Email Campaigns');
  await expect(target).toHaveAttribute('aria-selected', 'true');
  expect(await appliedWrites(sim)).toEqual([]);

  await dialog.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  const applied = await appliedWrites(sim);
  expect(applied.map((r) => `${r.method} ${r.path}`)).toEqual(['PATCH /entities/tokens/5002']);
  expect((await sim.api('/entities/tokens/5002')).data.relationships.parentFolder.data.id).toBe('1030');
});

test('Delete: the confirmation comes back after a rejected key; one DELETE after reconnecting', async ({ page, request }) => {
  const app = new App(page);
  await openTokenByMouse(app, ['Web Personalization', 'Cart Recovery'], 'Cart_Recovery_Banner');
  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete Profiles API Token' });
  await sim.fault({ method: 'DELETE', path: '/entities/tokens/5002', kind: 'status', status: 401 });
  await dialog.getByRole('button', { name: 'Delete' }).click();

  await rejectedThenReconnected(app, '5002');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Cart_Recovery_Banner');
  expect(await apiStatus(request, '/entities/tokens/5002')).toBe(200);

  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog).toHaveCount(0);
  expect((await appliedWrites(sim)).map((r) => `${r.method} ${r.path}`)).toEqual(['DELETE /entities/tokens/5002']);
  expect(await apiStatus(request, '/entities/tokens/5002')).toBe(404);
});

test('a dialog closed by Cancel is not reopened after a rejected key elsewhere', async ({ page }) => {
  const app = new App(page);
  await openTokenByMouse(app, ['Web Personalization', 'Homepage Banners'], 'Homepage Personalization');
  await page.getByRole('button', { name: 'Duplicate', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Duplicate Profiles API Token' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Cancelled Copy');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  // The key is rejected on the next read: the edit form reads the parent segment's columns.
  await sim.fault({ method: 'GET', path: '/audiences/101/attributes', kind: 'status', status: 401 });
  await page.getByRole('link', { name: 'Edit Profiles API Token' }).click();
  await expect(page.getByRole('button', { name: 'Connect' })).toBeVisible();
  await app.connect();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit Profiles API Token' })).toBeVisible();
  await page.getByRole('link', { name: 'Homepage Personalization' }).first().click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Homepage Personalization');
  await expect(dialog).toHaveCount(0);
});
