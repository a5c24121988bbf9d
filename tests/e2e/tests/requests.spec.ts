// Issue 6: each user action sends the requests it needs, once. What a page already holds (the
// parent segment list, a write's answer, the token shown) is handed to the next page, and a
// folder's by-folder listing (which holds the folder itself) serves the tree, the folder page
// and the breadcrumbs alike. Asserted on the simulator's request log, action by action.
import { test, expect, freshSimForEachTest } from '../support/fixtures';
import { App } from '../support/app';
import { type Sim, simKey } from '../support/sim';
import { mainItem } from '../support/actions';
import { TokenForm } from '../support/token_form';

const sim = freshSimForEachTest();

/** The requests the app sent since the last call, as "METHOD /path?query". */
async function sent(sim: Sim): Promise<string[]> {
  // Let answers that are still arriving land in the log before reading it.
  await new Promise((r) => setTimeout(r, 300));
  const log = (await sim.requests()).filter((r) => r.origin);
  await sim.clearRequests();
  return log.map((r) => `${r.method} ${r.path}${r.query ? `?${r.query.replace(/&$/, '')}` : ''}`);
}

test('browsing and every token action send each request once', async ({ page }) => {
  const app = new App(page);
  const main = page.getByRole('main');
  await app.open();
  await app.connect();
  await expect(page.getByRole('link', { name: /^Retail Customers/ })).toBeVisible();
  expect(await sent(sim), 'connect').toEqual(['GET /entities/parent_segments']);

  // The parent segment picked from the list is not read again; the root's listing also gives
  // the root folder for the page.
  await app.openParentSegment('Retail Customers');
  await expect(app.item('Web Personalization')).toBeVisible();
  expect(await sent(sim), 'open the parent segment').toEqual(['GET /entities/by-folder/1000?depth=1']);

  // Opening a folder: its listing fills the tree and the folder page (no GET /entities/folders).
  await app.item('Web Personalization').locator('> .tree-row').click();
  await expect(main.getByRole('heading', { level: 1, name: 'Web Personalization' })).toBeVisible();
  await expect(app.item('Churn Prevention Offers')).toBeVisible();
  expect(await sent(sim), 'open a folder').toEqual(['GET /entities/by-folder/1010?depth=1']);

  await app.item('Churn Prevention Offers').locator('> .tree-row').click();
  await expect(main.getByRole('heading', { level: 1, name: 'Churn Prevention Offers' })).toBeVisible();
  expect(await sent(sim), 'open a token').toEqual(['GET /entities/tokens/5007']);

  // Edit starts from the token on the page: only the pickers' choices are read.
  await main.getByRole('link', { name: 'Edit Profiles API Token' }).click();
  const form = new TokenForm(page);
  await expect(form.save).toBeVisible();
  expect((await sent(sim)).sort(), 'open the edit form').toEqual([
    'GET /audiences/101/attributes',
    'GET /audiences/101/segments',
  ]);

  // Save: the conflict check and the PATCH; the token page shows the PATCH's answer.
  await form.description.fill('Changed by the request count test');
  await form.save.click();
  await expect(main.getByRole('heading', { level: 1, name: 'Churn Prevention Offers' })).toBeVisible();
  await expect(main).toContainText('Changed by the request count test');
  expect(await sent(sim), 'save').toEqual(['GET /entities/tokens/5007', 'PATCH /entities/tokens/5007']);

  // Move: the picker reads the folder it opens; after the move the main tree shows that folder
  // from the picker's read instead of reading it again.
  await main.getByRole('button', { name: 'Move', exact: true }).click();
  const moveDialog = page.getByRole('dialog', { name: 'Move Profiles API Token' });
  const destination = moveDialog.getByRole('treeitem', { name: 'Email Campaigns', exact: true });
  await destination.locator('> .tree-row').click();
  await expect(moveDialog.getByText('Destination: Email Campaigns')).toBeVisible();
  await moveDialog.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(moveDialog).toBeHidden();
  await expect(mainItem(page, 'Churn Prevention Offers')).toHaveAttribute('aria-selected', 'true');
  await expect(app.node('Email Campaigns').getByRole('treeitem', { name: 'Churn Prevention Offers' })).toBeVisible();
  const moved = await sent(sim);
  expect(moved, 'move').toEqual([
    expect.stringMatching(/^GET \/entities\/by-folder\/1030\?depth=1/),
    'GET /entities/tokens/5007',
    'PATCH /entities/tokens/5007',
  ]);

  // Duplicate: the names in use, the original as it is now, the POST; the copy's page shows
  // the POST's answer.
  await main.getByRole('button', { name: 'Duplicate', exact: true }).click();
  const dupDialog = page.getByRole('dialog', { name: /Duplicate/ });
  await dupDialog.getByRole('button', { name: 'Duplicate', exact: true }).click();
  await expect(dupDialog).toBeHidden();
  await expect(main.getByRole('heading', { level: 1, name: 'Copy of Churn Prevention Offers' })).toBeVisible();
  const duplicated = await sent(sim);
  expect(duplicated.filter((r) => !r.startsWith('GET /entities/by-folder/1000?depth=32')), 'duplicate').toEqual([
    'GET /entities/tokens/5007',
    'POST /entities/tokens',
  ]);
  expect(new Set(duplicated).size, 'nothing repeated').toBe(duplicated.length);
});

test('a deep link to a token reads it beside its parent segment, once, not after it', async ({ page }) => {
  const app = new App(page);
  const main = page.getByRole('main');
  await app.open('#/ps/101/tokens/5007');
  await app.connect(simKey(), { remember: true });
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Churn Prevention Offers');
  await sent(sim);
  // Cold, with the parent segment slow to answer: the token does not wait for it.
  await sim.fault({ method: 'GET', path: '/entities/parent_segments/101', kind: 'delay', delayMs: 3000 });
  await page.reload();
  const paths = async () => (await sim.requests()).filter((r) => r.origin).map((r) => r.path);
  await expect.poll(paths, { timeout: 2500, message: 'the token asked for while the parent segment is held' })
    .toContain('/entities/tokens/5007');
  // (The root's listing needs the parent segment's answer: it is not there yet.)
  expect(await paths()).not.toContain('/entities/by-folder/1000');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Churn Prevention Offers');
  await expect(main).toContainText('td_client_id');
  const calls = await sent(sim);
  expect(calls.filter((c) => c === 'GET /entities/tokens/5007'), 'read once').toHaveLength(1);
  expect(calls).toContain('GET /entities/by-folder/1000?depth=1');

  // The answer read ahead is for that page only: the next visit to the token reads it afresh.
  await app.item('Web Personalization').locator('> .tree-row').click();
  await expect(main.getByRole('heading', { level: 1, name: 'Web Personalization' })).toBeVisible();
  await sent(sim);
  await app.item('Churn Prevention Offers').locator('> .tree-row').click();
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Churn Prevention Offers');
  expect(await sent(sim)).toContain('GET /entities/tokens/5007');
});
