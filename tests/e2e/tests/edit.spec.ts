// Issue 3, Edit (seed: "Select Edit Profiles API token. Make changes to Configure and/or Segments
// and then select Save."): one PATCH with the whole configuration; limits, server errors,
// double clicks, conflicts and unsaved changes handled; the same once more by keyboard only.
import { test, expect, freshSimForEachTest } from '../support/fixtures';
import { App } from '../support/app';
import { expectAccessible } from '../support/axe';
import { TokenForm, openToken, storedToken, patchElsewhere, tabTo } from '../support/token_form';

const sim = freshSimForEachTest();

const PATH_5001 = '/entities/tokens/5001';

async function patches(path: string) {
  return (await sim.requests()).filter((r) => r.method === 'PATCH' && r.path === path);
}

async function openEdit(app: App, folders: string[], token: string) {
  await openToken(app, folders, token);
  await app.page.getByRole('link', { name: 'Edit Profiles API Token' }).click();
  await expect(app.page.getByRole('heading', { level: 1, name: 'Edit Profiles API Token' })).toBeVisible();
  const form = new TokenForm(app.page);
  await expect(form.name).toHaveValue(token);
  return form;
}

test('editing every field saves one PATCH with the whole configuration; page and tree follow', async ({ page }) => {
  const app = new App(page);
  const form = await openEdit(app, ['Web Personalization', 'Homepage Banners'], 'Homepage Personalization');
  expect(page.url()).toContain('#/ps/101/tokens/5001/edit');
  // Two tabs, Configure first; Save waits for a change.
  await expect(page.getByRole('tablist')).toBeVisible();
  await expect(form.tab('Configure')).toHaveAttribute('aria-selected', 'true');
  await expect(form.tab('Segments')).toHaveAttribute('aria-selected', 'false');
  await expect(form.save).toBeDisabled();
  await expect(form.lookupKey).toHaveValue('td_client_id');
  expect(await form.chosenAttributes()).toEqual(['gender', 'age_band', 'favorite_category']);
  await expectAccessible(page, 'edit form, Configure tab');
  await sim.clearRequests();

  await form.name.fill('Homepage Personalization 2');
  await expect(form.save).toBeEnabled();
  await form.description.fill('Hero banner <b>variants</b> & "quotes"');
  await form.lookupKey.selectOption('email');
  await form.removeAttribute('age_band');
  await form.addAttribute('country');
  expect(await form.chosenAttributes()).toEqual(['gender', 'favorite_category', 'country']);

  await form.tab('Segments').click();
  await expect(form.tab('Segments')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Segments' })).toBeVisible();
  await expect(page.getByRole('tabpanel', { name: 'Configure' })).toBeHidden();
  expect(await form.segmentNames()).toEqual(['Currently Browsing Shoes', 'High Spenders']);
  await form.removeSegment('Currently Browsing Shoes');
  await form.addSegmentButton.click();
  await expect(form.segmentSearch).toBeFocused();
  await form.segmentSearch.fill('week');
  await expect(form.segmentSearch).toHaveAttribute('aria-expanded', 'true');
  await expect(form.option(/^Weekend Shoppers/)).toBeVisible();
  await expectAccessible(page, 'edit form, Segments tab with the picker open');
  await form.option(/^Weekend Shoppers/).click();
  expect(await form.segmentNames()).toEqual(['High Spenders', 'Weekend Shoppers']);
  // Chosen segments are marked in the picker.
  await form.segmentSearch.fill('');
  await form.segmentSearch.press('ArrowDown');
  await expect(form.option(/^High Spenders/)).toHaveAttribute('aria-selected', 'true');
  await expect(form.option(/^High Spenders/)).toContainText('Added');
  await expect(form.option(/^Lapsed Buyers/)).toHaveAttribute('aria-selected', 'false');
  await form.segmentSearch.press('Escape');
  await expect(form.segmentSearch).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByText('After you save, the changes reach lookups when the token')).toBeVisible();

  await form.save.click();
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Homepage Personalization 2');
  expect(page.url()).toMatch(/#\/ps\/101\/tokens\/5001$/);
  await expect(main.getByRole('status').filter({ hasText: 'Saved.' })).toContainText('workflow');

  // The simulator stores exactly what was chosen, read back through the API.
  const stored = await storedToken(page.request, '5001');
  expect(stored.attributes.name).toBe('Homepage Personalization 2');
  expect(stored.attributes.description).toBe('Hero banner <b>variants</b> & "quotes"');
  expect(stored.attributes.keyColumn).toBe('email');
  expect(stored.attributes.attributeColumns).toEqual(['gender', 'favorite_category', 'country']);
  expect(stored.relationships.segments.data.map((s: any) => s.id)).toEqual(['3001', '3006']);
  // One PATCH, with the whole configuration.
  const sent = await patches(PATH_5001);
  expect(sent).toHaveLength(1);
  const body = sent[0].body as any;
  expect(body.attributes).toEqual({
    name: 'Homepage Personalization 2',
    description: 'Hero banner <b>variants</b> & "quotes"',
    keyColumn: 'email',
    attributeColumns: ['gender', 'favorite_category', 'country'],
  });
  expect(body.relationships.parentFolder.data.id).toBe('1011');

  // The token page shows the new state (as text), the tree the new name, selected.
  await expect(main).toContainText('Hero banner <b>variants</b> & "quotes"');
  await expect(main.getByRole('definition').filter({ hasText: 'email' }).first()).toBeVisible();
  await expect(main.getByRole('cell', { name: 'Weekend Shoppers', exact: true })).toBeVisible();
  await expect(app.item('Homepage Personalization 2')).toHaveAttribute('aria-selected', 'true');
  await expect(app.item('Homepage Personalization')).toHaveCount(0);
  await expectAccessible(page, 'token page after a save');
  // The folder's list too, without a reload.
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Homepage Banners' }).click();
  await expect(main.getByRole('link', { name: 'Homepage Personalization 2', exact: true })).toBeVisible();
});

test('a 6th attribute and a 16th segment are refused, with the reason; 15 segments save', async ({ page }) => {
  const app = new App(page);
  const form = await openEdit(app, ['Web Personalization', 'Homepage Banners'], 'Homepage Personalization');
  await form.addAttribute('country');
  await form.addAttribute('cart_value');
  expect(await form.chosenAttributes()).toHaveLength(5);
  await expect(page.getByText('5 of 5 attributes: the maximum')).toBeVisible();
  await form.addAttribute('interests');
  await expect(page.getByRole('alert').filter({ hasText: 'at most 5 attributes' })).toBeVisible();
  expect(await form.chosenAttributes()).toEqual(['gender', 'age_band', 'favorite_category', 'country', 'cart_value']);
  await expectAccessible(page, 'edit form with the attribute limit reached');
  // Removing one makes room again.
  await form.removeAttribute('age_band');
  await form.addAttribute('interests');
  expect(await form.chosenAttributes()).toContain('interests');

  await form.tab('Segments').click();
  await form.addSegmentButton.click();
  // Pick segments not chosen yet until there are 15.
  for (let n = (await form.segmentNames()).length; n < 15; n++) {
    await form.segmentSearch.fill('');
    await form.segmentSearch.press('ArrowDown');
    await form.main.getByRole('option', { selected: false }).first().click();
  }
  expect(await form.segmentNames()).toHaveLength(15);
  await expect(page.getByText('15 of 15 segments: the maximum')).toBeVisible();
  await form.segmentSearch.fill('');
  await form.segmentSearch.press('ArrowDown');
  await form.main.getByRole('option', { selected: false }).first().click();
  await expect(page.getByRole('alert').filter({ hasText: 'at most 15 segments' })).toBeVisible();
  expect(await form.segmentNames()).toHaveLength(15);
  await expectAccessible(page, 'edit form with the segment limit reached');

  await form.save.click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Homepage Personalization');
  const stored = await storedToken(page.request, '5001');
  expect(stored.relationships.segments.data).toHaveLength(15);
  expect(stored.attributes.attributeColumns).toEqual(['gender', 'favorite_category', 'country', 'cart_value', 'interests']);
});

test('the name rule is checked as you type and again by the server, whose word wins', async ({ page }) => {
  const app = new App(page);
  const form = await openEdit(app, ['Web Personalization', 'Cart Recovery'], 'Cart_Recovery_Banner');
  await expect(page.getByText('Letters, digits, underscores (_) and spaces; it must start with a letter')).toBeVisible();
  await form.name.fill('9 lives');
  await expect(form.name).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('The name must start with a letter or an underscore')).toBeVisible();
  await expectAccessible(page, 'edit form with an invalid name');
  await sim.clearRequests();
  await form.save.click();
  await expect(form.name).toBeFocused();
  expect(await patches('/entities/tokens/5002')).toHaveLength(0);

  // A name another token has: only the server knows; its message goes on the field.
  await form.name.fill('Homepage Personalization');
  await expect(form.name).not.toHaveAttribute('aria-invalid', 'true');
  await form.save.click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toBeVisible();
  await expect(form.name).toHaveAttribute('aria-invalid', 'true');
  const describedBy = (await form.name.getAttribute('aria-describedby'))!.split(' ');
  const message = page.locator(`#${describedBy[describedBy.length - 1]}`);
  await expect(message).toContainText(/already|taken|unique/i);
  await expect(form.name).toHaveValue('Homepage Personalization');
  expect((await storedToken(page.request, '5002')).attributes.name).toBe('Cart_Recovery_Banner');
});

test('a server 422 on save keeps everything typed and shows the message on its field', async ({ page }) => {
  const app = new App(page);
  const form = await openEdit(app, ['Web Personalization', 'Cart Recovery'], 'Cart_Recovery_Banner');
  await form.name.fill('Cart Recovery Banner');
  await form.description.fill('Typed, never to be lost');
  await form.addAttribute('country');
  await sim.fault({
    method: 'PATCH',
    path: '/entities/tokens/5002',
    kind: 'status',
    status: 422,
    body: {
      errors: [
        {
          code: 'unprocessable-entity-error',
          status: '422',
          detail: 'This name is reserved for system tokens',
          source: { pointer: '/attributes/name' },
        },
      ],
    },
  });
  await sim.clearRequests();
  await form.save.click();
  await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toBeVisible();
  await expect(page.getByText('This name is reserved for system tokens')).toBeVisible();
  await expect(form.name).toHaveAttribute('aria-invalid', 'true');
  await expect(form.name).toBeFocused();
  // Nothing typed is lost, and Save works again.
  await expect(form.name).toHaveValue('Cart Recovery Banner');
  await expect(form.description).toHaveValue('Typed, never to be lost');
  expect(await form.chosenAttributes()).toContain('country');
  await expect(form.save).toBeEnabled();
  await expectAccessible(page, 'edit form after a 422');
  expect((await storedToken(page.request, '5002')).attributes.name).toBe('Cart_Recovery_Banner');

  // A server error without a field goes at the top; still nothing lost.
  await sim.fault({ method: 'PATCH', path: '/entities/tokens/5002', kind: 'status', status: 500 });
  await form.save.click();
  await expect(page.getByRole('alert').filter({ hasText: '500' })).toBeVisible();
  await expect(form.description).toHaveValue('Typed, never to be lost');

  // The fault is used up: the same form saves.
  await form.save.click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Cart Recovery Banner');
  const sent = await patches('/entities/tokens/5002');
  expect(sent.map((r) => r.status)).toEqual([422, 500, 200]);
});

test('a double click on Save sends one PATCH; Save is disabled while it is in flight', async ({ page }) => {
  const app = new App(page);
  const form = await openEdit(app, ['Web Personalization', 'Homepage Banners'], 'Homepage Personalization');
  await form.description.fill('Saved once');
  await sim.fault({ method: 'PATCH', path: PATH_5001, kind: 'delay', delayMs: 1500 });
  await sim.clearRequests();
  await form.save.dblclick();
  await expect(form.save).toBeDisabled();
  await expect(page.getByRole('status').filter({ hasText: 'Saving' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Homepage Personalization');
  expect(await patches(PATH_5001)).toHaveLength(1);
  expect((await storedToken(page.request, '5001')).attributes.description).toBe('Saved once');
});

test('a token changed elsewhere since opening: told, and Overwrite saves our version', async ({ page }) => {
  const app = new App(page);
  const form = await openEdit(app, ['Web Personalization', 'Homepage Banners'], 'Homepage Personalization');
  await form.name.fill('Homepage Personalization Ours');
  // Someone else changes the description meanwhile.
  await patchElsewhere(page.request, '5001', (b) => (b.attributes.description = 'Changed elsewhere'));
  await sim.clearRequests();
  await form.save.click();
  const conflict = page.getByRole('alert').filter({ hasText: 'changed on the server after you opened it' });
  await expect(conflict).toBeVisible();
  await expect(conflict).toContainText('Changed there: Description');
  expect(await patches(PATH_5001), 'nothing clobbered silently').toHaveLength(0);
  await expect(form.name).toHaveValue('Homepage Personalization Ours');
  await expectAccessible(page, 'edit form with a conflict');

  await conflict.getByRole('button', { name: 'Overwrite' }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Homepage Personalization Ours');
  const stored = await storedToken(page.request, '5001');
  expect(stored.attributes.name).toBe('Homepage Personalization Ours');
  expect(stored.attributes.description).not.toBe('Changed elsewhere');
  expect(await patches(PATH_5001)).toHaveLength(1);
});

test('a token changed elsewhere since opening: Reload shows their version and drops ours', async ({ page }) => {
  const app = new App(page);
  const form = await openEdit(app, ['Web Personalization', 'Homepage Banners'], 'Homepage Personalization');
  await form.description.fill('Our description');
  await patchElsewhere(page.request, '5001', (b) => {
    b.attributes.name = 'Renamed Elsewhere';
    b.attributes.attributeColumns = ['gender'];
  });
  await form.save.click();
  const conflict = page.getByRole('alert').filter({ hasText: 'changed on the server' });
  await expect(conflict).toContainText('Changed there: Name, Attributes');
  await conflict.getByRole('button', { name: 'Reload' }).click();
  await expect(conflict).toHaveCount(0);
  await expect(form.name).toHaveValue('Renamed Elsewhere');
  expect(await form.chosenAttributes()).toEqual(['gender']);
  await expect(form.description).not.toHaveValue('Our description');
  await expect(form.save).toBeDisabled();
  // The tree shows the name the server has now.
  await expect(app.item('Renamed Elsewhere')).toBeVisible();
  expect(await patches(PATH_5001)).toHaveLength(1); // only the one made "elsewhere"
});

test('leaving with unsaved changes asks first: links, the tree, Back and the browser', async ({ page }) => {
  const app = new App(page);
  const form = await openEdit(app, ['Web Personalization', 'Homepage Banners'], 'Homepage Personalization');
  // Clean: leaving does not ask.
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Homepage Banners' }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Homepage Banners');
  await page.goBack();
  await expect(form.name).toHaveValue('Homepage Personalization');

  await form.name.fill('Unsaved Name');
  const ask = page.getByRole('dialog', { name: 'Leave without saving?' });
  // A link.
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Homepage Banners' }).click();
  await expect(ask).toBeVisible();
  // The link made a history entry; holding it steps back to the edit page's (asynchronously:
  // wait for it, a slow machine is still on the way back when the dialog shows).
  await expect(page).toHaveURL(/\/tokens\/5001\/edit$/);
  await expectAccessible(page, 'leave without saving dialog');
  await expect(ask.getByRole('button', { name: 'Stay on this page' })).toBeFocused();
  await ask.getByRole('button', { name: 'Stay on this page' }).click();
  await expect(ask).toHaveCount(0);
  await expect(form.name).toHaveValue('Unsaved Name');
  // The tree; Escape stays too.
  await app.item('Web Personalization').locator('> .tree-row').click();
  await expect(ask).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  await expect(app.item('Homepage Personalization')).toHaveAttribute('aria-selected', 'true');
  await expect(form.name).toHaveValue('Unsaved Name');
  // Back.
  await page.evaluate(() => history.back());
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Stay on this page' }).click();
  // Staying puts the edit URL back (a history step of its own: wait for it).
  await expect(page).toHaveURL(/\/tokens\/5001\/edit$/);
  // Closing the tab: the browser asks (beforeunload).
  const dialog = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const prompt = await dialog;
  expect(prompt.type()).toBe('beforeunload');
  await prompt.dismiss();
  await expect(form.name).toHaveValue('Unsaved Name');
  // Leaving on purpose discards.
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Homepage Banners' }).click();
  await ask.getByRole('button', { name: 'Leave and discard' }).click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Homepage Banners');
  expect((await storedToken(page.request, '5001')).attributes.name).toBe('Homepage Personalization');
  // Cancel discards without asking.
  await page.getByRole('link', { name: 'Homepage Personalization', exact: true }).click();
  await page.getByRole('link', { name: 'Edit Profiles API Token' }).click();
  await form.name.fill('Cancelled Name');
  await form.cancel.click();
  await expect(ask).toHaveCount(0);
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Homepage Personalization');
  expect((await storedToken(page.request, '5001')).attributes.name).toBe('Homepage Personalization');
});

test('a key rejected mid-edit leads to the connect screen; connecting again brings the draft back', async ({ page }) => {
  const app = new App(page);
  const form = await openEdit(app, ['Web Personalization', 'Homepage Banners'], 'Homepage Personalization');
  await form.name.fill('Kept Across Reconnect');
  await form.tab('Segments').click();
  await form.removeSegment('High Spenders');
  await sim.fault({ method: 'GET', path: PATH_5001, kind: 'status', status: 401 });
  await form.save.click();
  await expect(page.getByRole('button', { name: 'Connect' })).toBeVisible();
  await expect(page.getByText('not accepted any more')).toBeVisible();
  expect(page.url()).toContain('#/ps/101/tokens/5001/edit');
  expect(await patches(PATH_5001)).toHaveLength(0);
  await app.connect();
  await expect(page.getByText('Your unsaved changes to this token were kept')).toBeVisible();
  await expect(form.name).toHaveValue('Kept Across Reconnect');
  await form.tab('Segments').click();
  expect(await form.segmentNames()).toEqual(['Currently Browsing Shoes']);
  await form.save.click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Kept Across Reconnect');
  const stored = await storedToken(page.request, '5001');
  expect(stored.relationships.segments.data.map((s: any) => s.id)).toEqual(['3003']);
});

test('Disconnect forgets unsaved drafts: connecting again opens the form as stored', async ({ page }) => {
  const app = new App(page);
  const form = await openEdit(app, ['Web Personalization', 'Homepage Banners'], 'Homepage Personalization');
  // A draft kept by a rejected key, then the form reopened and changed again.
  await form.name.fill('Draft Before Disconnect');
  await sim.fault({ method: 'GET', path: PATH_5001, kind: 'status', status: 401 });
  await form.save.click();
  await expect(page.getByRole('button', { name: 'Connect' })).toBeVisible();
  await app.connect();
  await expect(form.name).toHaveValue('Draft Before Disconnect');
  await form.description.fill('Open when disconnecting');
  await page.getByRole('button', { name: 'Disconnect' }).click();
  await expect(page.getByRole('button', { name: 'Connect' })).toBeVisible();
  await expect(app.keyField).toHaveValue('');

  await app.connect();
  await app.open('#/ps/101/tokens/5001/edit');
  await expect(form.name).toHaveValue('Homepage Personalization');
  await expect(form.description).not.toHaveValue('Open when disconnecting');
  await expect(page.getByText('Your unsaved changes to this token were kept')).toHaveCount(0);
  expect(await patches(PATH_5001)).toHaveLength(0);
});

test('the token segment the user may not view is kept on save', async ({ page }) => {
  const app = new App(page);
  const form = await openEdit(app, ['Web Personalization'], 'Churn Prevention Offers');
  await form.tab('Segments').click();
  expect(await form.segmentNames()).toContain('Segment #3007 (no access)');
  await form.tab('Configure').click();
  await form.description.fill('Still has the hidden segment');
  await form.save.click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Churn Prevention Offers');
  const stored = await storedToken(page.request, '5007');
  expect(stored.relationships.segments.data.map((s: any) => s.id)).toEqual(['3007', '3001', '3012']);
  expect(stored.attributes.description).toBe('Still has the hidden segment');
});

test('editing by keyboard only: tabs with arrows, pickers with arrows and Enter, Save', async ({ page }) => {
  const app = new App(page);
  await app.open('#/ps/101/tokens/5002');
  await app.keyField.fill(process.env.SIM_KEY!);
  await app.keyField.press('Enter');
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Cart_Recovery_Banner');
  const edit = page.getByRole('link', { name: 'Edit Profiles API Token' });
  await tabTo(page, edit);
  await page.keyboard.press('Enter');
  const form = new TokenForm(page);
  await expect(form.name).toHaveValue('Cart_Recovery_Banner');

  // Tabs: one tab stop, arrows move and select.
  await tabTo(page, form.tab('Configure'));
  await page.keyboard.press('ArrowRight');
  await expect(form.tab('Segments')).toBeFocused();
  await expect(form.tab('Segments')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(form.tab('Configure')).toBeFocused();
  await page.keyboard.press('End');
  await expect(form.tab('Segments')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(form.tab('Configure')).toHaveAttribute('aria-selected', 'true');

  // Configure: type a name; pick an attribute by typing and Enter; the key by arrows.
  await tabTo(page, form.name);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Cart Banner By Keyboard');
  await tabTo(page, form.lookupKey);
  await page.keyboard.press('ArrowDown');
  await expect(form.lookupKey).toHaveValue('email');
  await tabTo(page, form.attributes);
  await page.keyboard.type('coun');
  await expect(form.attributes).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Enter');
  expect(await form.chosenAttributes()).toEqual(['last_purchase_date', 'cart_value', 'country']);
  await expect(form.attributes).toHaveAttribute('aria-expanded', 'false');
  await expect(form.attributes, 'the text is cleared for the next pick').toHaveValue('');
  // Remove one with its button.
  await tabTo(page, page.getByRole('button', { name: 'Remove cart_value' }));
  await page.keyboard.press('Enter');
  expect(await form.chosenAttributes()).toEqual(['last_purchase_date', 'country']);

  // Segments: Add Segment, arrows through the list, Enter picks; Escape closes.
  await tabTo(page, form.tab('Configure'), true);
  await page.keyboard.press('ArrowRight');
  await tabTo(page, form.addSegmentButton);
  await page.keyboard.press('Enter');
  await expect(form.segmentSearch).toBeFocused();
  const active = async () => page.locator(`#${await form.segmentSearch.getAttribute('aria-activedescendant')}`);
  // Down walks the list; an option already chosen is refused when picked, with the reason.
  await page.keyboard.press('ArrowDown');
  while ((await (await active()).getAttribute('aria-selected')) !== 'true') await page.keyboard.press('ArrowDown');
  const chosen = (await (await active()).locator('.picker-label').innerText()).trim();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: `“${chosen}” is already one of the segments` })).toBeVisible();
  const before = await form.segmentNames();
  await page.keyboard.press('ArrowDown'); // a pick closed the list: Down opens it again
  while ((await (await active()).getAttribute('aria-selected')) !== 'false') await page.keyboard.press('ArrowDown');
  const picked = (await (await active()).locator('.picker-label').innerText()).trim();
  await page.keyboard.press('Enter');
  expect(await form.segmentNames()).toEqual([...before, picked]);
  await page.keyboard.press('Escape'); // the list is closed after a pick: closes the picker
  await expect(form.addSegmentButton).toBeFocused();

  await tabTo(page, form.save);
  await page.keyboard.press('Enter');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Cart Banner By Keyboard');
  const stored = await storedToken(page.request, '5002');
  expect(stored.attributes.name).toBe('Cart Banner By Keyboard');
  expect(stored.attributes.keyColumn).toBe('email');
  expect(stored.attributes.attributeColumns).toEqual(['last_purchase_date', 'country']);
  expect(stored.relationships.segments.data).toHaveLength(3);
});
