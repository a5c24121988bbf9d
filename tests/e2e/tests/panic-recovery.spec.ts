// Issue 5, "a bug never leaves a blank page": after a panic, Reload brings the open form back.
//
// The release build has no way to panic on purpose (and must not get one), so the panic half —
// the hook saving the open form to sessionStorage and showing the recovery screen — is covered
// by tests/web_recovery.rs in the browser. This spec covers the other half in the real app:
// the tab reloads with the entry the hook writes (`token/form/draft_storage.rs`, the same JSON), and
// after connecting again the edit form opens with the draft and a notice, ready to save.
import { test, expect, freshSimForEachTest } from '../support/fixtures';
import { App } from '../support/app';
import { simKey } from '../support/sim';
import { openTokenByMouse } from '../support/actions';
import { TokenForm } from '../support/token_form';

const STORAGE_KEY = 'profiles-studio.draft-after-crash';
const sim = freshSimForEachTest();

/** The form of token 5001 as loaded, in the stored shape. */
function loaded5001() {
  return {
    name: 'Homepage Personalization',
    description: 'Hero banner variants by browsing history',
    keyColumn: 'td_client_id',
    attributes: ['gender', 'age_band', 'favorite_category'],
    segments: [
      { id: '3003', kind: 'segment-realtime', name: 'Currently Browsing Shoes', description: null, population: null },
      { id: '3001', kind: 'segment-batch', name: 'High Spenders', description: null, population: null },
    ],
    folder: '1011',
  };
}

test('after a crash, Reload and connecting again bring the edit draft back with a notice; Save sends it', async ({ page }) => {
  const app = new App(page);
  await openTokenByMouse(app, ['Web Personalization', 'Homepage Banners'], 'Homepage Personalization');
  await page.getByRole('link', { name: 'Edit Profiles API Token' }).click();
  const form = new TokenForm(page);
  await expect(form.name).toHaveValue('Homepage Personalization');
  const stored = (await sim.api('/entities/tokens/5001')).data;
  const original = { ...loaded5001(), description: stored.attributes.description };
  const draft = {
    key: 'edit/5001',
    base: stored.attributes.updatedAt,
    original,
    form: { ...original, name: 'Recovered After Crash', description: 'Kept “through” <b>a crash</b>', attributes: ['gender'] },
  };
  // What the panic hook leaves behind, then the recovery screen's Reload.
  await page.evaluate(([k, v]) => sessionStorage.setItem(k, v), [STORAGE_KEY, JSON.stringify(draft)]);
  await page.reload();

  await app.connect();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit Profiles API Token' })).toBeVisible();
  expect(page.url()).toMatch(/#\/ps\/101\/tokens\/5001\/edit$/);
  await expect(page.getByRole('status').filter({ hasText: 'Your unsaved changes to this token were kept' })).toBeVisible();
  await expect(form.name).toHaveValue('Recovered After Crash');
  await expect(form.description).toHaveValue('Kept “through” <b>a crash</b>');
  expect(await form.chosenAttributes()).toEqual(['gender']);
  expect(await page.evaluate((k) => sessionStorage.getItem(k), STORAGE_KEY), 'read once, then gone').toBeNull();
  const storage = await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }));
  expect(storage.includes(simKey()), 'the key is in no storage').toBe(false);

  await sim.clearRequests();
  await form.save.click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Recovered After Crash');
  const patches = (await sim.requests()).filter((r) => r.method === 'PATCH');
  expect(patches).toHaveLength(1);
  const body = patches[0].body as any;
  expect(body.attributes.description).toBe('Kept “through” <b>a crash</b>');
  expect(body.attributes.attributeColumns).toEqual(['gender']);
});

test('a tampered crash entry is dropped: the form opens as stored', async ({ page }) => {
  const app = new App(page);
  await app.open('#/ps/101/tokens/5001/edit');
  await page.evaluate((k) => sessionStorage.setItem(k, '{"key":"edit/5001","form":"<img src=x onerror=alert(1)>"}'), STORAGE_KEY);
  await page.reload();
  await app.connect();
  const form = new TokenForm(page);
  await expect(form.name).toHaveValue('Homepage Personalization');
  await expect(page.getByText('Your unsaved changes to this token were kept')).toHaveCount(0);
  expect(await page.evaluate((k) => sessionStorage.getItem(k), STORAGE_KEY)).toBeNull();
});
