// Issue 5, hostile input typed (reliability.md, "Bad input"): every string of
// tests/fixtures/hostile-strings.json goes into every text field of the app (connect, the edit
// form and its pickers, the create wizard, the Duplicate dialog). Each field must hold exactly
// what was typed, the name rule must answer with its message (not a crash), and nothing may run
// or be created from the string. A hostile description also survives a save, byte for byte.
import { test, expect, freshSimForEachTest } from '../support/fixtures';
import { App } from '../support/app';
import { openTokenByMouse } from '../support/actions';
import { TokenForm, storedToken } from '../support/token_form';
import { hostileStrings, label, consoleErrors, injectionMarks, expectNoInjection, typeAndCheck } from '../support/hostile';

const sim = freshSimForEachTest();
const STRINGS = hostileStrings();
/** Fields typed into, counted for the closing note. */
let fieldsTyped = 0;

/** The app's name rule (token/form/model.rs `name_problem`), to know when its message must show. */
function nameAccepted(text: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_ ]*$/.test(text) && text.trim() !== '' && [...text].length <= 255;
}

/** Types every string into `field`; `after` checks what the app shows for it. */
async function typeAll(
  app: App,
  field: import('@playwright/test').Locator,
  where: string,
  after?: (text: string, where: string) => Promise<void>,
) {
  const baseline = await injectionMarks(app.page);
  for (const s of STRINGS) {
    const at = `${where}, ${label(s)}`;
    await typeAndCheck(field, s.text, at);
    if (after) await after(s.text, at);
    await expectNoInjection(app.page, baseline, at);
  }
  fieldsTyped += 1;
}

/** The name rule's message shows exactly when the rule refuses the name. */
function nameRuleChecked(field: import('@playwright/test').Locator, message: import('@playwright/test').Locator) {
  return async (_: string, where: string) => {
    // What the field holds (typed line breaks became spaces), not what was typed.
    if (nameAccepted(await field.inputValue())) {
      await expect(field, where).not.toHaveAttribute('aria-invalid', 'true');
    } else {
      await expect(field, where).toHaveAttribute('aria-invalid', 'true');
      await expect(message, where).not.toBeEmpty();
    }
  };
}

test.afterAll(() => {
  console.log(`hostile input typed: ${STRINGS.length} strings × ${fieldsTyped} fields = ${STRINGS.length * fieldsTyped} entries`);
});

test('connect screen: API base URL and API key hold any string', async ({ page }) => {
  const errors = consoleErrors(page);
  const app = new App(page);
  await app.open();
  const baseUrl = page.getByLabel('API base URL', { exact: true });
  const configured = await baseUrl.inputValue();
  await typeAll(app, baseUrl, 'API base URL');
  await typeAll(app, app.keyField, 'API key');
  // The hostile values are still only text: put the real ones back and the connection works.
  await baseUrl.fill(configured);
  await app.connect();
  await expect(page.getByRole('link', { name: /^Retail Customers/ })).toBeVisible();
  expect(errors, 'console errors').toEqual([]);
});

test('edit form: Name, Description and both pickers hold any string; a hostile description saves exactly', async ({ page }) => {
  const errors = consoleErrors(page);
  const app = new App(page);
  await openTokenByMouse(app, ['Web Personalization', 'Homepage Banners'], 'Homepage Personalization');
  await page.getByRole('link', { name: 'Edit Profiles API Token' }).click();
  const form = new TokenForm(page);
  await expect(form.name).toHaveValue('Homepage Personalization');

  await typeAll(app, form.name, 'edit Name', nameRuleChecked(form.name, page.locator('[id$="-token-name-error"]')));
  await typeAll(app, form.description, 'edit Description');
  await typeAll(app, form.attributes, 'edit Attributes search', async (_, where) => {
    await expect(form.attributes, where).toBeVisible();
  });
  await form.attributes.fill('');
  await form.attributes.press('Escape');
  await form.tab('Segments').click();
  await form.addSegmentButton.click();
  await typeAll(app, form.segmentSearch, 'edit Search segments');
  await form.segmentSearch.fill('');
  await form.segmentSearch.press('Escape');

  // Every short string at once as the description, a valid one as the name: saved and shown as typed.
  const description = STRINGS.filter((s) => s.text.length < 200).map((s) => s.text).join(' | ');
  await form.tab('Configure').click();
  await form.name.fill('_Valid name 42');
  await form.description.fill(description);
  const shown = await form.description.inputValue();
  await sim.clearRequests();
  await form.save.click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('_Valid name 42');
  const stored = await storedToken(page.request, '5001');
  expect(stored.attributes.description === shown, 'stored description is what the field held').toBe(true);
  const onPage = await page.getByRole('main').evaluate((main, d) => main.textContent!.includes(d), shown);
  expect(onPage, 'the token page shows the description as text').toBe(true);
  expect(errors, 'console errors').toEqual([]);
});

test('create wizard: Name and Description hold any string; the rule answers for the name', async ({ page }) => {
  const errors = consoleErrors(page);
  const app = new App(page);
  await app.open();
  await app.connect();
  await app.openParentSegment('Retail Customers');
  await app.selectFolder('Web Personalization');
  await app.selectFolder('Cart Recovery');
  await page.getByRole('button', { name: 'Create New' }).click();
  await page.getByRole('link', { name: 'Profiles API Token' }).click();
  const form = new TokenForm(page);
  await expect(form.name).toBeVisible();
  await typeAll(app, form.name, 'create Name', nameRuleChecked(form.name, page.locator('[id$="-token-name-error"]')));
  await typeAll(app, form.description, 'create Description');
  expect(errors, 'console errors').toEqual([]);
});

test('Duplicate dialog: Name and Description hold any string; the rule answers for the name', async ({ page }) => {
  const errors = consoleErrors(page);
  const app = new App(page);
  await openTokenByMouse(app, ['Web Personalization', 'Homepage Banners'], 'Homepage Personalization');
  await page.getByRole('button', { name: 'Duplicate', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Duplicate Profiles API Token' });
  const name = dialog.getByRole('textbox', { name: 'Name' });
  await typeAll(app, name, 'duplicate Name', nameRuleChecked(name, dialog.locator('[id$="-duplicate-name-error"]')));
  await typeAll(app, dialog.getByRole('textbox', { name: 'Description (optional)' }), 'duplicate Description');
  expect(errors, 'console errors').toEqual([]);
});
