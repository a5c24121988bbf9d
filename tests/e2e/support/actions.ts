// Shared steps of the Move, Duplicate and Delete specs: the seed's steps 1-4, done as a user
// does them (by mouse, or by keyboard only), plus reading the simulator's request log.
import { expect, type Page, type Locator, type APIRequestContext } from '@playwright/test';
import { App } from './app';
import { Sim, simUrl, simKey, type LoggedRequest } from './sim';

/** The main folder tree (the Move dialog adds a second tree, the folder picker). */
export function mainTree(page: Page): Locator {
  return page.getByRole('navigation', { name: 'Folders' }).getByRole('tree');
}

export function mainItem(page: Page, name: string): Locator {
  return mainTree(page).getByRole('treeitem', { name, exact: true });
}

/** The items of a folder's group in the main tree, in order (names). */
export async function childrenOf(page: Page, folder: string): Promise<string[]> {
  const group = mainItem(page, folder).locator('xpath=following-sibling::*[@role="group"][1]');
  const items = group.locator(':scope > li > [role="treeitem"]');
  const names: string[] = [];
  for (const item of await items.all()) names.push((await item.locator('.tree-label').innerText()).trim());
  return names;
}

/**
 * Seed steps 1-4 by mouse: open the console and connect, select the segment "Retail Customers",
 * select the folders down to the token, select the token (prefaced with a key icon).
 */
export async function openTokenByMouse(app: App, folders: string[], token: string) {
  await app.open();
  await app.connect();
  await app.openParentSegment('Retail Customers');
  for (const folder of folders) await app.selectFolder(folder);
  const item = app.item(token);
  await expect(item.locator('svg.icon-key'), 'a token is prefaced with a key icon').toHaveCount(1);
  await item.locator('> .tree-row').click();
  await expect(app.page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(token);
}

/** The focused tree item (in whichever tree has focus). */
export function focusedItem(page: Page): Locator {
  return page.locator('[role="treeitem"]:focus');
}

/** Presses a key until the focused item is named `name` (at most `max` presses). */
export async function pressUntilItem(page: Page, key: string, name: string, max = 25) {
  const focused = focusedItem(page);
  for (let i = 0; i < max; i++) {
    if ((await focused.count()) === 1 && (await focused.locator('.tree-label').first().innerText()).trim() === name) return;
    await page.keyboard.press(key);
  }
  await expect(focused).toHaveAccessibleName(name);
}

/** Tabs (or Shift+Tabs) until the focused element is `target`. */
export async function tabTo(page: Page, target: Locator, backwards = false, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

/**
 * Seed steps 1-4 by keyboard only: connect with Enter, then the tree's arrows, type-ahead and
 * Enter, down through `folders` to `token`.
 */
export async function openTokenByKeyboard(app: App, folders: string[], token: string) {
  const page = app.page;
  await app.open('#/ps/101');
  await app.keyField.fill(simKey());
  await app.keyField.press('Enter');
  await expect(mainTree(page)).toBeVisible();
  await tabTo(page, mainTree(page).getByRole('treeitem').first());
  for (const folder of folders) {
    await pressUntilItem(page, 'ArrowDown', folder);
    await page.keyboard.press('ArrowRight');
    await expect(mainItem(page, folder)).toHaveAttribute('aria-expanded', 'true');
    // Folders load lazily: wait for its entries (status lines have no data-kind).
    const group = mainItem(page, folder).locator('xpath=following-sibling::*[@role="group"][1]');
    await expect(group.locator(':scope > li > [role="treeitem"][data-kind]').first()).toBeVisible();
  }
  await pressUntilItem(page, 'ArrowDown', token);
  await expect(focusedItem(page).locator('svg.icon-key')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(token);
}

/** The writes (POST, PATCH, PUT, DELETE) in the simulator's log, optionally for one path. */
export async function writes(sim: Sim, path?: string): Promise<LoggedRequest[]> {
  const log = await sim.requests();
  return log.filter((r) => r.method !== 'GET' && (!path || r.path === path));
}

/** GET through the real API that may answer 404 (sim.api expects 200). */
export async function apiStatus(request: APIRequestContext, path: string): Promise<number> {
  const res = await request.get(`${simUrl()}${path}`, {
    headers: { Authorization: `TD1 ${simKey()}`, Accept: 'application/vnd.treasuredata.v1+json' },
  });
  return res.status();
}

/**
 * Counts the writes the page itself sends to the API (what the app asked for, once per
 * confirmed action), as opposed to what reached the simulator (see WRITE_FAULTS on drops).
 */
export function pageWrites(page: Page): () => number {
  let n = 0;
  page.on('request', (r) => {
    if (!['GET', 'HEAD', 'OPTIONS'].includes(r.method()) && r.url().startsWith(simUrl())) n += 1;
  });
  return () => n;
}

export async function clearFaults(request: APIRequestContext) {
  await request.delete(`${simUrl()}/_sim/faults`);
}

/**
 * The faults every write is tried against, and what the dialog must say for each.
 *
 * `network` drops the connection up to five times: Chromium itself resends a request whose
 * reused keep-alive connection closes before any answer (whatever the method, up to twice as
 * seen here; the page sees one request), so a single drop is retried by the browser and the
 * write lands. The app can't prevent that; the specs check that the page sent one request and
 * that no write was applied, then clear the faults left over.
 */
export const WRITE_FAULTS: {
  name: string;
  fault: { kind: 'status' | 'drop'; status?: number; count?: number };
  says: RegExp;
}[] = [
  { name: '403', fault: { kind: 'status', status: 403 }, says: /Permission denied/ },
  { name: '404', fault: { kind: 'status', status: 404 }, says: /Not found/ },
  { name: '409', fault: { kind: 'status', status: 409 }, says: /Conflict/ },
  { name: '500', fault: { kind: 'status', status: 500 }, says: /500/ },
  { name: 'network', fault: { kind: 'drop', count: 5 }, says: /Could not reach the API/ },
];

/** Writes the simulator applied (answered with a 2xx), optionally for one path. */
export async function appliedWrites(sim: Sim, path?: string): Promise<LoggedRequest[]> {
  return (await writes(sim, path)).filter((r) => r.status >= 200 && r.status < 300);
}
