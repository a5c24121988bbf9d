// Progress after ~150 ms, everywhere the user waits on a request (issue 5): with the answer held
// 1.5 s by the simulator, each wait shows its status line ("Loading token…", "Saving…",
// "Moving…") and takes it away when the answer comes. Playwright counts `visibility: hidden` as
// not visible, so `toBeVisible` here means revealed after the delay. That a fast answer never
// flashes it is tested in the browser with the app's stylesheet (tests/web_progress.rs).
import { test, expect, freshSimForEachTest } from '../support/fixtures';
import { type Page } from '@playwright/test';
import { App } from '../support/app';
import { TokenForm } from '../support/token_form';

const sim = freshSimForEachTest();
const HOLD_MS = 1_500;

/** Holds the next answer to `method path` for 1.5 s, does `act`, and sees `label` come and go. */
async function progressShown(page: Page, method: string, path: string, label: string, act: () => Promise<void>) {
  await sim.fault({ method, path, kind: 'delay', delayMs: HOLD_MS });
  await act();
  const status = page.getByRole('status').filter({ hasText: label });
  await expect(status, `${label} shown while ${method} ${path} is held`).toBeVisible();
  await expect(status, `${label} gone with the answer`).toBeHidden();
}

const heading = (page: Page) => page.getByRole('main').getByRole('heading', { level: 1 });

test('reads show their progress once slow: connect, parent segments, tree, folder, token, edit form', async ({ page }) => {
  const app = new App(page);
  await app.open();
  await progressShown(page, 'GET', '/entities/parent_segments', 'Connecting…', () => app.connect());
  await expect(page.getByRole('link', { name: /^Retail Customers/ })).toBeVisible();

  await progressShown(page, 'GET', '/entities/by-folder/1000', 'Loading folders…', () => app.open('#/ps/101'));
  await expect(app.item('Web Personalization')).toBeVisible();
  // A folder opened in the tree: the status line is an item of its group.
  await progressShown(page, 'GET', '/entities/by-folder/1010', 'Loading…', () =>
    app.item('Web Personalization').locator('> .tree-row').click(),
  );
  await expect(app.item('Homepage Banners')).toBeVisible();

  await progressShown(page, 'GET', '/entities/by-folder/1030', 'Loading folder…', () => app.open('#/ps/101/folders/1030'));
  await expect(heading(page)).toHaveText('Email Campaigns');

  await progressShown(page, 'GET', '/entities/tokens/5001', 'Loading token…', () => app.open('#/ps/101/tokens/5001'));
  await expect(heading(page)).toHaveText('Homepage Personalization');

  await progressShown(page, 'GET', '/audiences/101/attributes', 'Loading columns…', () =>
    page.getByRole('link', { name: 'Edit Profiles API Token' }).click(),
  );
  await expect(new TokenForm(page).name).toHaveValue('Homepage Personalization');

  await progressShown(page, 'GET', '/entities/parent_segments', 'Loading parent segments…', () => app.open('#/'));
  await expect(page.getByRole('link', { name: /^Retail Customers/ })).toBeVisible();
});

test('writes show their progress once slow: Save, Create, Move, Duplicate, Delete', async ({ page }) => {
  const app = new App(page);
  await app.open('#/ps/101/tokens/5001/edit');
  await app.connect();
  const form = new TokenForm(page);
  await expect(form.name).toHaveValue('Homepage Personalization');
  await form.description.fill('Saved slowly');
  await progressShown(page, 'PATCH', '/entities/tokens/5001', 'Saving…', () => form.save.click());
  await expect(heading(page)).toHaveText('Homepage Personalization');

  await page.getByRole('button', { name: 'Duplicate', exact: true }).click();
  const duplicate = page.getByRole('dialog', { name: /Duplicate/ });
  await expect(duplicate.getByRole('textbox', { name: 'Name' })).toHaveValue('Copy of Homepage Personalization');
  await progressShown(page, 'POST', '/entities/tokens', 'Duplicating…', () =>
    duplicate.getByRole('button', { name: 'Duplicate', exact: true }).click(),
  );
  await expect(heading(page)).toHaveText('Copy of Homepage Personalization');

  await app.open('#/ps/101/tokens/5002');
  await expect(heading(page)).toHaveText('Cart_Recovery_Banner');
  await page.getByRole('button', { name: 'Move', exact: true }).click();
  const move = page.getByRole('dialog', { name: 'Move Profiles API Token' });
  await move.getByRole('treeitem', { name: 'Email Campaigns' }).locator('> .tree-row').click();
  await progressShown(page, 'PATCH', '/entities/tokens/5002', 'Moving…', () =>
    move.getByRole('button', { name: 'Move', exact: true }).click(),
  );
  await expect(move).toHaveCount(0);

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const del = page.getByRole('alertdialog', { name: 'Delete Profiles API Token' });
  await progressShown(page, 'DELETE', '/entities/tokens/5002', 'Deleting…', () =>
    del.getByRole('button', { name: 'Delete' }).click(),
  );
  await expect(del).toHaveCount(0);

  await app.open('#/ps/101/folders/1011/new-token');
  await form.name.fill('Created Slowly');
  await page.getByRole('button', { name: 'Next' }).click();
  await progressShown(page, 'POST', '/entities/tokens', 'Creating…', () =>
    page.getByRole('button', { name: 'Create', exact: true }).click(),
  );
  await expect(heading(page)).toHaveText('Created Slowly');
});
