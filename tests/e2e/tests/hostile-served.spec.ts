// Issue 5, hostile input served (reliability.md, "Bad input"): a simulator of its own serves a
// fixture where every name and description is one of tests/fixtures/hostile-strings.json
// (parent segments, folders, segments, tokens, attributes, users). Browsing the list, the tree,
// folder and token pages, the edit form and the Move, Duplicate and Delete dialogs, each string
// must show exactly as served (textContent, or the field's value), with no element or script
// made from it and no console error.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { test, expect } from '../support/fixtures';
import { App } from '../support/app';
import { appUrl, simKey } from '../support/sim';
import { start } from '../support/servers';
import { mainTree } from '../support/actions';
import { hostileStrings, hostileFixture, label, consoleErrors, injectionMarks, expectNoInjection } from '../support/hostile';
import type { Locator, Page } from '@playwright/test';

const STRINGS = hostileStrings();
let sim: ChildProcess | undefined;
let hostileUrl = '';
let policy = '';
/** Places checked per string, counted for the closing note. */
const places = new Set<string>();

test.beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'profiles-hostile-'));
  const file = path.join(dir, 'hostile.json');
  fs.writeFileSync(file, JSON.stringify(hostileFixture(STRINGS)));
  [sim, hostileUrl] = await start(
    'hostile cdp-sim',
    process.env.CDP_SIM_BIN!,
    ['--addr', '127.0.0.1:0', '--fixture', file, '--api-key', simKey(), '--allow-origin', appUrl()],
    'cdp-sim listening on ',
  );
  // The strict policy allows the suite's simulator; allow this one too while the spec runs.
  policy = fs.readFileSync(process.env.CSP_FILE!, 'utf8');
  fs.writeFileSync(process.env.CSP_FILE!, policy.replace("connect-src 'self'", `connect-src 'self' ${hostileUrl}`));
});

test.afterAll(() => {
  if (policy) fs.writeFileSync(process.env.CSP_FILE!, policy);
  sim?.kill();
  console.log(`hostile input served: ${STRINGS.length} strings × ${places.size} places = ${STRINGS.length * places.size} checks`);
});

/** Some element in `scope` has exactly `text` as its textContent. */
async function expectExactText(scope: Locator, text: string, place: string, where: string) {
  places.add(place);
  await expect
    .poll(
      () => scope.evaluateAll((els, t) => els.some((root) => [root, ...root.querySelectorAll('*')].some((e) => e.textContent === t)), text),
      { message: `${place}, ${where}: shown exactly` },
    )
    .toBe(true);
}

/**
 * The label of every item of the main tree (by item id: its text and its title), scrolling it
 * from top to bottom: the tree renders only the rows in view. It scrolls in its own box, or
 * with the page.
 */
async function everyTreeLabel(page: Page): Promise<Map<string, { text: string; title: string | null }>> {
  const seen = new Map<string, { text: string; title: string | null }>();
  const scroller = page.locator('nav .tree-scroll').first();
  // In view first, as a reader would bring it: the tree renders the rows of the part that is
  // on screen, and a tree below the fold shows only its first rows until then.
  await scroller.evaluate((el) => {
    el.scrollTop = 0;
    el.scrollIntoView({ block: 'start' });
  });
  for (let step = 0; step < 500; step++) {
    // The window of rows follows a scroll within a frame: wait two frames (a fixed wait was
    // too short on a loaded machine, and the rows of a skipped step were never read).
    await scroller.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const rows = await scroller.evaluate((el) =>
      [...el.querySelectorAll('[role=treeitem]')].map((li) => {
        const label = li.querySelector('.tree-label');
        return [li.id, { text: label?.textContent ?? '', title: label?.getAttribute('title') ?? null }] as const;
      }),
    );
    for (const [id, label] of rows) seen.set(id, label);
    const moved = await scroller.evaluate((el) => {
      if (el.scrollHeight > el.clientHeight + 1) {
        const before = el.scrollTop;
        el.scrollTop = before + el.clientHeight / 2;
        return el.scrollTop !== before;
      }
      const before = window.scrollY;
      window.scrollBy(0, window.innerHeight / 2);
      return window.scrollY !== before;
    });
    if (!moved) break;
  }
  return seen;
}

/** `scope`'s text contains `text` (for sentences built around it). */
async function expectContainsText(scope: Locator, text: string, place: string, where: string) {
  places.add(place);
  await expect
    .poll(() => scope.evaluate((el, t) => el.textContent!.includes(t), text), { message: `${place}, ${where}: contained` })
    .toBe(true);
}

/** A field holds `text` as a plain element of its kind would after `value = text`. */
async function expectValue(field: Locator, text: string, place: string, where: string) {
  places.add(place);
  const ok = await field.evaluate((el: HTMLInputElement, t) => {
    const ref = document.createElement(el.tagName.toLowerCase()) as HTMLInputElement;
    if (el instanceof HTMLInputElement) ref.type = el.type;
    ref.value = t;
    return el.value === ref.value;
  }, text);
  expect(ok, `${place}, ${where}: value as served`).toBe(true);
}

async function go(page: Page, hash: string) {
  await page.evaluate((h) => (location.hash = h), hash);
}

test('names and descriptions served by the API show exactly as text everywhere', async ({ page }) => {
  test.setTimeout(180_000);
  const errors = consoleErrors(page);
  await page.route(`${appUrl()}/config.json`, (route) =>
    route.fulfill({ json: { region: 'custom', baseUrl: hostileUrl } }),
  );
  const app = new App(page);
  await app.open();
  await app.connect();
  const main = page.getByRole('main');
  const cards = main.locator('a.card');
  await expect(cards).toHaveCount(STRINGS.length);
  const baseline = await injectionMarks(page);

  // The parent segment list: every name and description.
  for (const s of STRINGS) {
    await expectExactText(main.locator('.card-title'), s.text, 'parent segment name', label(s));
    await expectExactText(main.locator('.card-desc'), s.text, 'parent segment description', label(s));
  }
  await expectNoInjection(page, baseline, 'parent segment list');

  // The tree of the first: every folder; opened, its token and segment; the folder page's title.
  await go(page, '#/ps/101');
  const tree = mainTree(page);
  await expect(tree.getByRole('treeitem').first()).toBeVisible();
  // The tree renders the rows in view (virtualized): it is scrolled through to read them all.
  const folders = [...(await everyTreeLabel(page)).values()];
  expect(folders, 'one tree item per top-level folder').toHaveLength(STRINGS.length);
  for (const s of STRINGS) {
    places.add('tree folder');
    expect(folders.some((f) => f.text === s.text), `tree folder, ${label(s)}: shown exactly`).toBe(true);
    // A long name is cut with an ellipsis; its title (an attribute: no markup) shows it whole.
    places.add('tree folder title');
    expect(folders.some((f) => f.title === s.text), `tree folder title, ${label(s)}: the whole name`).toBe(true);
  }
  for (const [i, s] of STRINGS.entries()) {
    await go(page, `#/ps/101/folders/${2000 + i}`);
    await expectExactText(main.getByRole('heading', { level: 1 }), s.text, 'folder page title', label(s));
  }
  // Every folder is open now (the folder page reveals it): tokens and segments are in the tree,
  // more rows than the tree renders at once, so it is scrolled through to see them all.
  const shown = await everyTreeLabel(page);
  for (const s of STRINGS) {
    const count = [...shown.values()].filter((t) => t.text === s.text).length;
    places.add('tree token and segment');
    expect(count, `tree: folder, token and segment named ${label(s)}`).toBeGreaterThanOrEqual(3);
  }
  await expectNoInjection(page, baseline, 'tree and folder pages');

  for (const [i, s] of STRINGS.entries()) {
    const where = label(s);
    await go(page, `#/ps/101/tokens/${5000 + i}`);
    await expectExactText(main.getByRole('heading', { level: 1 }), s.text, 'token page title', where);
    await expectExactText(main.locator('p.description'), s.text, 'token page description', where);
    await expectExactText(main.locator('dd code'), s.text, 'token page attribute', where);
    await expectExactText(main.locator('table td'), s.text, 'token page segment', where);
    await expectContainsText(main.locator('dl'), `${s.text}, `, 'token page created/updated by', where);

    await main.getByRole('button', { name: 'Duplicate', exact: true }).click();
    const duplicate = page.getByRole('dialog', { name: 'Duplicate Profiles API Token' });
    await expectContainsText(duplicate, `“${s.text}”`, 'Duplicate dialog', where);
    await page.keyboard.press('Escape');
    await expect(duplicate).toBeHidden();

    await main.getByRole('button', { name: 'Delete', exact: true }).click();
    const del = page.getByRole('alertdialog', { name: 'Delete Profiles API Token' });
    await expectContainsText(del, s.text, 'Delete dialog', where);
    await page.keyboard.press('Escape');
    await expect(del).toBeHidden();

    await main.getByRole('button', { name: 'Move', exact: true }).click();
    const move = page.getByRole('dialog', { name: 'Move Profiles API Token' });
    await expectContainsText(move, s.text, 'Move dialog', where);
    await expectExactText(move.locator('.tree-label'), s.text, 'Move dialog folder tree', where);
    await page.keyboard.press('Escape');
    await expect(move).toBeHidden();

    await go(page, `#/ps/101/tokens/${5000 + i}/edit`);
    const name = main.getByRole('textbox', { name: 'Name', exact: true });
    await expect(name).toBeVisible();
    await expectValue(name, s.text, 'edit Name', where);
    await expectValue(main.getByRole('textbox', { name: 'Description', exact: true }), s.text, 'edit Description', where);
    await expectExactText(main.getByRole('list', { name: 'Chosen attributes' }).locator('code'), s.text, 'edit attribute', where);
    await main.getByRole('tab', { name: 'Segments', exact: true }).click();
    await expectExactText(main.getByRole('table', { name: 'Segments of this token' }).locator('td'), s.text, 'edit segment', where);
    await expectNoInjection(page, baseline, `token ${where}`);
  }
  expect(errors, 'console errors').toEqual([]);
});
