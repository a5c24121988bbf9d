// Issue 4, Duplicate (seed: "Select Duplicate. Rename the Profiles API token and optionally enter
// a description. Select Duplicate."): one POST, a copy with its own UUID next to the original.
import { test, expect, freshSimForEachTest } from '../support/fixtures';
import { App } from '../support/app';
import { expectAccessible } from '../support/axe';
import {
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

const CREATE = '/entities/tokens';

const sim = freshSimForEachTest();

function dialogOf(page: import('@playwright/test').Page) {
  return page.getByRole('dialog', { name: 'Duplicate Profiles API Token' });
}

/** The id in `#/ps/101/tokens/<id>`. */
function tokenIdFromUrl(url: string): string {
  const m = /#\/ps\/101\/tokens\/(\d+)$/.exec(url);
  expect(m, `a token page URL: ${url}`).not.toBeNull();
  return m![1];
}

test('duplicating a token by mouse: name checked as typed, one POST, the copy opens next to the original', async ({ page }) => {
  const app = new App(page);
  await openTokenByMouse(app, ['Web Personalization', 'Homepage Banners'], 'Homepage Personalization');
  const original = await sim.api('/entities/tokens/5001');
  await sim.clearRequests();

  await page.getByRole('button', { name: 'Duplicate', exact: true }).click();
  const dialog = dialogOf(page);
  await expect(dialog).toBeVisible();
  const name = dialog.getByRole('textbox', { name: 'Name' });
  await expect(name).toHaveValue('Copy of Homepage Personalization');
  await expect(name).toBeFocused();
  await expect(name).toHaveAttribute('aria-invalid', 'false');
  await expectAccessible(page, 'duplicate dialog');

  // The rule is checked as you type.
  await name.fill('9 lives');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog).toContainText('The name must start with a letter or an underscore');
  await expectAccessible(page, 'duplicate dialog with an invalid name');
  // A name used by a token of this parent segment, even in a folder not opened in the tree.
  await name.fill('Email Preference Sync');
  await expect(dialog).toContainText('already has this name');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  // Duplicate refuses without a request while the name is wrong.
  await dialog.getByRole('button', { name: 'Duplicate', exact: true }).click();
  await expect(dialog).toBeVisible();
  expect(await writes(sim)).toEqual([]);

  await name.fill('Homepage Copy');
  await expect(name).toHaveAttribute('aria-invalid', 'false');
  await dialog.getByRole('textbox', { name: 'Description (optional)' }).fill('Second banner test <b>bold</b> 🎉');
  await dialog.getByRole('button', { name: 'Duplicate', exact: true }).click();
  await expect(dialog).toHaveCount(0);

  // The copy opens: its page, selected in the tree right after the original.
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Homepage Copy');
  const id = tokenIdFromUrl(page.url());
  expect(id).not.toBe('5001');
  await expect(mainItem(page, 'Homepage Copy')).toHaveAttribute('aria-selected', 'true');
  await expect(focusedItem(page)).toHaveAccessibleName('Homepage Copy');
  const siblings = await childrenOf(page, 'Homepage Banners');
  expect(siblings.indexOf('Homepage Copy')).toBe(siblings.indexOf('Homepage Personalization') + 1);

  // One POST; the stored copy has the same configuration and a UUID of its own.
  const posts = await writes(sim);
  expect(posts.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${CREATE}`]);
  const copy = (await sim.api(`/entities/tokens/${id}`)).data;
  const was = original.data;
  expect(copy.attributes.name).toBe('Homepage Copy');
  expect(copy.attributes.description).toBe('Second banner test <b>bold</b> 🎉');
  expect(copy.attributes.keyColumn).toBe(was.attributes.keyColumn);
  expect(copy.attributes.attributeColumns).toEqual(was.attributes.attributeColumns);
  expect(copy.relationships.segments.data).toEqual(was.relationships.segments.data);
  expect(copy.relationships.parentFolder.data.id).toBe('1011');
  expect(copy.attributes.token).toMatch(/^[0-9a-f-]{36}$/);
  expect(copy.attributes.token).not.toBe(was.attributes.token);
  // The original is unchanged.
  expect((await sim.api('/entities/tokens/5001')).data.attributes).toEqual(was.attributes);
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('Duplicated as “Homepage Copy”.');
  await expect(page.getByRole('main')).toContainText('Second banner test <b>bold</b> 🎉');
  await expectAccessible(page, 'the copy’s page');
});

test('duplicating by keyboard only keeps segments the user cannot view', async ({ page }) => {
  const app = new App(page);
  await openTokenByKeyboard(app, ['Web Personalization'], 'Churn Prevention Offers');
  await sim.clearRequests();
  const button = page.getByRole('button', { name: 'Duplicate', exact: true });
  await tabTo(page, button);
  await page.keyboard.press('Enter');
  const dialog = dialogOf(page);
  const name = dialog.getByRole('textbox', { name: 'Name' });
  await expect(name).toBeFocused();
  await expect(name).toHaveValue('Copy of Churn Prevention Offers');
  // Escape closes it, focus back on Duplicate; open again.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(name).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Churn_Copy');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('textbox', { name: 'Description (optional)' })).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Made by keyboard');
  // Enter in the name field submits the form.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Churn_Copy');

  const posts = await writes(sim);
  expect(posts.map((r) => r.method)).toEqual(['POST']);
  const body = posts[0].body as any;
  const sent = body.relationships.segments.data.map((s: any) => s.id);
  expect(sent).toEqual(['3007', '3001', '3012']);
  const id = tokenIdFromUrl(page.url());
  const copy = (await sim.api(`/entities/tokens/${id}`)).data;
  expect(copy.relationships.segments.data.map((s: any) => s.id)).toEqual(['3007', '3001', '3012']);
  expect(copy.attributes.description).toBe('Made by keyboard');
  await expect(page.getByRole('main')).toContainText('Segment #3007 (no access)');
});

test('a failed duplicate keeps the dialog with the name and description; each try is one POST', async ({ page, request }) => {
  const app = new App(page);
  await openTokenByMouse(app, ['Web Personalization', 'Homepage Banners'], 'Homepage Personalization');
  await page.getByRole('button', { name: 'Duplicate', exact: true }).click();
  const dialog = dialogOf(page);
  const name = dialog.getByRole('textbox', { name: 'Name' });
  const description = dialog.getByRole('textbox', { name: 'Description (optional)' });
  await name.fill('Kept_Name');
  await description.fill('Kept description');
  await sim.clearRequests();
  const sent = pageWrites(page);

  let tries = 0;
  for (const { name: what, fault, says } of WRITE_FAULTS) {
    const logged = (await writes(sim, CREATE)).length;
    await sim.fault({ method: 'POST', path: CREATE, ...fault });
    await dialog.getByRole('button', { name: 'Duplicate', exact: true }).click();
    tries += 1;
    const alert = dialog.getByRole('alert');
    await expect(alert, what).toContainText(says);
    await expect(dialog, what).toBeVisible();
    await expect(name, what).toHaveValue('Kept_Name');
    await expect(description, what).toHaveValue('Kept description');
    expect(sent(), `${what}: the page sent one POST per try`).toBe(tries);
    const added = (await writes(sim, CREATE)).slice(logged);
    if (fault.kind === 'status') expect(added.length, `${what}: one POST in the log`).toBe(1);
    expect(await appliedWrites(sim, CREATE), `${what}: nothing created`).toEqual([]);
    await clearFaults(request);
    if (what === 'network') {
      // No answer: the folder was read again before saying it failed.
      await expect(alert).toContainText('it was not created');
      const log = await sim.requests();
      expect(log.some((r) => r.method === 'GET' && r.path === '/entities/by-folder/1011')).toBeTruthy();
      await expectAccessible(page, 'duplicate dialog with an error');
    }
  }
  const listing = await sim.api('/entities/by-folder/1011');
  expect(listing.data.filter((d: any) => d.type === 'token').map((d: any) => d.attributes.name)).not.toContain('Kept_Name');

  // The server's word on the name is shown on the field.
  await name.fill('Valid_But_Refused');
  await sim.fault({
    method: 'POST',
    path: CREATE,
    kind: 'status',
    status: 400,
    body: {
      errors: [
        {
          code: 'validation-error',
          status: '400',
          detail: 'Name has already been taken',
          source: { pointer: '/attributes/name' },
          meta: { validationCode: 'VIOLATES_UNIQUENESS_CONSTRAINT' },
        },
      ],
    },
  });
  await dialog.getByRole('button', { name: 'Duplicate', exact: true }).click();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.locator('[id$="-duplicate-name-error"]')).toHaveText('Name has already been taken');

  // A slow answer: a double click sends one POST, then the copy opens.
  await name.fill('Kept_Name');
  await sim.fault({ method: 'POST', path: CREATE, kind: 'delay', delayMs: 800 });
  await dialog.getByRole('button', { name: 'Duplicate', exact: true }).dblclick();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Kept_Name');
  expect(sent()).toBe(tries + 2);
  expect((await appliedWrites(sim, CREATE)).length).toBe(1);
});
