// Issue 5's fault matrix: every endpoint the app calls × {500, 503 + Retry-After, 429 +
// Retry-After, timeout, dropped connection, malformed JSON, HTML body, 401, 403, 404, 409, 422},
// injected by the simulator. Each case asserts, from the page and the simulator's request log:
// a clear message (what happened and what to do), the user's input still there, transient read
// faults recovered with no user action (the log shows the retry), 401 → connect screen → back
// with the draft, and never more than one write per click. One test per endpoint reuses its
// page across the faults; the table of results is printed at the end of the run.
import { test, expect } from '../support/fixtures';
import { type Locator, type Page } from '@playwright/test';
import { App } from '../support/app';
import { Sim, simUrl, type LoggedRequest } from '../support/sim';
import { TokenForm } from '../support/token_form';
import { clearFaults } from '../support/actions';
import { FAULTS, type MatrixFault, failuresOf, runCase, shortDeadline } from '../support/fault_matrix';

const sim = new Sim();

test.beforeEach(async ({ request, page }) => {
  sim.use(request);
  await sim.reset();
  await clearFaults(request);
  await sim.clearRequests();
  await shortDeadline(page);
  // Leaving a dirty form for a fresh start: the browser's "leave site?" is answered Leave.
  page.on('dialog', (d) => void d.accept());
});

/** Where the page says something: alerts, status lines, the not-found page's heading. */
function says(scope: Page | Locator, text: RegExp): Locator {
  return scope.locator('[role="alert"], [role="status"], h1').filter({ hasText: text }).first();
}

/** The next step offered with a message: a Retry button, or the message says what to do. */
const NEXT_STEP = /Try again|try again|Retry|Ask an administrator|moved or deleted|Back to|you can|Check/;

async function logOf(method: string, path: string): Promise<LoggedRequest[]> {
  return (await sim.requests()).filter((r) => r.method === method && r.path === path);
}

/** Back on the connect screen with the 401 notice and the same URL; connects again. */
async function reconnectAfter401(app: App, hash: string) {
  const page = app.page;
  await expect(page.getByRole('button', { name: 'Connect', exact: true })).toBeVisible();
  await expect(says(page, /not accepted any more/)).toBeVisible();
  expect(page.url(), 'the URL is kept to return to').toContain(hash);
  await app.connect();
}

// ---------------------------------------------------------------------------------------------
// Reads: each case reaches the page anew through the app's router (a hash change), so the read
// is sent again (the tree and pickers are per page).

interface ReadEndpoint {
  name: string;
  path: string;
  /** The page to go to; the read is made on arrival. */
  hash: string;
  /** Clicks needed after arrival to see the data (e.g. opening a picker). */
  open?: (page: Page) => Promise<void>;
  /** The data is shown. */
  shown: (page: Page) => Promise<void>;
  /** Where the user's input is, if any, checked to be still there after a failure. */
  kept?: (page: Page) => Promise<void>;
  /** The page to start from (the read must not be made there). */
  from?: string;
  /** Sets up what makes the app send this read at all (after the fault is injected). */
  arrange?: () => Promise<void>;
}

const editForm = (page: Page) => new TokenForm(page);

const READS: ReadEndpoint[] = [
  {
    name: 'parent segments',
    path: '/entities/parent_segments',
    from: '#/ps/101',
    hash: '#/',
    shown: (page) => expect(page.getByRole('link', { name: /^Retail Customers/ })).toBeVisible(),
  },
  {
    name: 'by-folder',
    path: '/entities/by-folder/1010',
    hash: '#/ps/101/folders/1010',
    shown: (page) => expect(page.getByRole('main').getByRole('link', { name: 'Homepage Banners' })).toBeVisible(),
  },
  {
    // The app reads a folder through its by-folder listing, which holds the folder itself
    // (one request serves the tree and the page); GET /entities/folders/{id} is its fallback
    // for a listing without the folder. The case serves such a listing once, so the read
    // under test is made.
    name: 'folder',
    path: '/entities/folders/1011',
    hash: '#/ps/101/folders/1011',
    arrange: async () => {
      const listing = await sim.api('/entities/by-folder/1011?depth=1');
      listing.data = listing.data.filter((r: any) => !(r.type === 'folder-segment' && r.id === '1011'));
      await sim.fault({ method: 'GET', path: '/entities/by-folder/1011', kind: 'status', status: 200, body: listing, count: 1 });
    },
    shown: (page) => expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Homepage Banners'),
  },
  {
    name: 'token get',
    path: '/entities/tokens/5001',
    hash: '#/ps/101/tokens/5001',
    shown: (page) =>
      expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Homepage Personalization'),
  },
  {
    name: 'attributes',
    path: '/audiences/101/attributes',
    hash: '#/ps/101/tokens/5001/edit',
    shown: async (page) => {
      const form = editForm(page);
      await form.attributes.fill('coun');
      await expect(form.option(/^country/)).toBeVisible();
      await form.attributes.fill('');
      await form.attributes.press('Escape');
    },
    kept: (page) => expect(editForm(page).name).toHaveValue('Homepage Personalization'),
  },
  {
    name: 'segments',
    path: '/audiences/101/segments',
    hash: '#/ps/101/tokens/5001/edit',
    open: async (page) => {
      const form = editForm(page);
      await form.tab('Segments').click();
      await form.addSegmentButton.click();
    },
    shown: async (page) => {
      const form = editForm(page);
      await form.segmentSearch.fill('week');
      await expect(form.option(/^Weekend Shoppers/)).toBeVisible();
      await form.segmentSearch.fill('');
      await form.segmentSearch.press('Escape');
    },
    kept: async (page) => expect(await editForm(page).segmentNames()).toEqual(['Currently Browsing Shoes', 'High Spenders']),
  },
];

async function readCase(app: App, ep: ReadEndpoint, f: MatrixFault): Promise<string> {
  const page = app.page;
  await app.open(ep.from ?? '#/');
  if (!ep.from) await expect(page.getByRole('link', { name: /^Retail Customers/ })).toBeVisible();
  else await expect(page.getByRole('tree').first()).toBeVisible();
  await clearFaults(page.request);
  await sim.clearRequests();
  await sim.fault({ method: 'GET', path: ep.path, ...f.fault, count: 1 });
  await ep.arrange?.();
  await app.open(ep.hash);

  if (f.name === '401') {
    await reconnectAfter401(app, ep.hash);
    await ep.open?.(page);
    await ep.shown(page);
    return 'connect screen, then back with the data';
  }
  await ep.open?.(page);
  if (f.transient) {
    // Recovered by the client's own retry: the data shows and no error was ever rendered.
    await ep.shown(page);
    await expect(page.getByRole('alert')).toHaveCount(0);
    const reads = await logOf('GET', ep.path);
    expect(reads.length, 'the log shows the retry').toBeGreaterThanOrEqual(2);
    expect(reads[reads.length - 1].status, 'the last try succeeded').toBe(200);
    return `recovered by itself: ${reads.map((r) => r.status).join(' → ')}`;
  }
  const message = says(page.getByRole('main'), f.says);
  await expect(message).toBeVisible();
  const text = (await page.getByRole('main').innerText()).replace(/\s+/g, ' ');
  expect(text, 'the message says what to do next').toMatch(NEXT_STEP);
  await ep.kept?.(page);
  const reads = await logOf('GET', ep.path);
  expect(reads.map((r) => r.status), 'a final error is not retried').toEqual([reads[0].status]);
  return (await message.innerText()).replace(/\s+/g, ' ').slice(0, 90);
}

for (const ep of READS) {
  test(`fault matrix, reads: ${ep.name} (GET ${ep.path})`, async ({ page }) => {
    const app = new App(page);
    await app.open();
    await app.connect();
    await expect(page.getByRole('link', { name: /^Retail Customers/ })).toBeVisible();
    for (const f of FAULTS) {
      await runCase(ep.name, f.name, () => readCase(app, ep, f), page);
      await clearFaults(page.request);
      // A case that failed may have left the page anywhere: start the next one connected.
      if (await page.getByRole('button', { name: 'Connect', exact: true }).isVisible()) await app.connect();
    }
    expect(failuresOf(ep.name)).toEqual([]);
  });
}

// ---------------------------------------------------------------------------------------------
// Writes: the page is brought to the point of the click once, and again only when a case left
// it (a write that landed, a 401, a dialog closed). Every case is one click.

interface WriteEndpoint {
  name: string;
  method: 'POST' | 'PATCH' | 'DELETE';
  path: string;
  hash: string;
  /** From the page at `hash` to just before the click (typing the user's input). */
  prepare: (page: Page) => Promise<void>;
  /** The page is still at the point of the click. */
  ready: (page: Page) => Promise<boolean>;
  click: (page: Page) => Promise<void>;
  /** The failure message's scope (the dialog, or the page). */
  scope: (page: Page) => Locator;
  /** What the user entered is still there. */
  kept: (page: Page) => Promise<void>;
  /** After a write that landed though its answer was spoiled: what the page must say. */
  landed: (page: Page, f: MatrixFault) => Promise<string>;
  /** After reconnecting from a 401. */
  afterReconnect: (page: Page) => Promise<string>;
  /** Overrides the failure check for a fault (e.g. DELETE → 404 means already deleted). */
  special?: Partial<Record<string, (page: Page) => Promise<string>>>;
}

const toast = (page: Page) => page.getByRole('status', { name: 'Notifications' });
const heading = (page: Page) => page.getByRole('main').getByRole('heading', { level: 1 });
const moveDialog = (page: Page) => page.getByRole('dialog', { name: 'Move Profiles API Token' });
const deleteDialog = (page: Page) => page.getByRole('alertdialog', { name: 'Delete Profiles API Token' });
const moveTarget = (page: Page) =>
  moveDialog(page).getByRole('tree', { name: 'Destination folder' }).getByRole('treeitem', { name: 'Email Campaigns' });

async function tokensNamed(folder: string, name: string): Promise<number> {
  const listing = await sim.api(`/entities/by-folder/${folder}?depth=1`);
  return listing.data.filter((e: any) => e.type === 'token' && e.attributes?.name === name).length;
}

async function createKept(page: Page) {
  const form = editForm(page);
  if (await form.name.isVisible()) {
    await expect(form.name).toHaveValue('Matrix Create');
    await expect(form.description).toHaveValue('Kept description');
  } else {
    expect(await form.chosenAttributes()).toEqual(['country']);
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(form.name).toHaveValue('Matrix Create');
    await expect(form.description).toHaveValue('Kept description');
    await page.getByRole('button', { name: 'Next' }).click();
  }
}

const WRITES: WriteEndpoint[] = [
  {
    name: 'create',
    method: 'POST',
    path: '/entities/tokens',
    hash: '#/ps/101/folders/1011/new-token',
    prepare: async (page) => {
      const form = editForm(page);
      await form.name.fill('Matrix Create');
      await form.description.fill('Kept description');
      await page.getByRole('button', { name: 'Next' }).click();
      await form.addAttribute('country');
    },
    ready: async (page) =>
      (await page.getByRole('heading', { level: 2, name: 'Step 2 of 3: Configure' }).isVisible()) &&
      (await editForm(page).chosenAttributes()).join() === 'country',
    click: (page) => page.getByRole('button', { name: 'Create', exact: true }).click(),
    scope: (page) => page.getByRole('main'),
    kept: createKept,
    landed: async (page) => {
      // The POST landed, its answer was lost or spoiled: the folder is checked, the token found.
      await expect(toast(page)).toContainText('the token was found in its folder');
      await expect(heading(page)).toHaveText('Matrix Create');
      expect(await tokensNamed('1011', 'Matrix Create'), 'one token, no duplicate').toBe(1);
      return 'found in its folder after the lost answer; one token';
    },
    afterReconnect: async (page) => {
      await expect(page.getByText('What you had entered for this new token was kept')).toBeVisible();
      await createKept(page);
      return 'connect screen, then back in the wizard with the draft';
    },
  },
  {
    name: 'update',
    method: 'PATCH',
    path: '/entities/tokens/5001',
    hash: '#/ps/101/tokens/5001/edit',
    prepare: async (page) => {
      const form = editForm(page);
      await expect(form.name).toHaveValue('Homepage Personalization');
      await form.name.fill('Matrix Edit');
      await form.description.fill('Kept description');
    },
    ready: async (page) => (await editForm(page).name.isVisible()) && (await editForm(page).name.inputValue()) === 'Matrix Edit',
    click: (page) => editForm(page).save.click(),
    scope: (page) => page.getByRole('main'),
    kept: async (page) => {
      await expect(editForm(page).name).toHaveValue('Matrix Edit');
      await expect(editForm(page).description).toHaveValue('Kept description');
    },
    landed: async (page) => {
      await expect(says(page, /Saved\./)).toBeVisible();
      await expect(heading(page)).toHaveText('Matrix Edit');
      return 'the PATCH landed: checked and shown as saved';
    },
    afterReconnect: async (page) => {
      await expect(page.getByText('Your unsaved changes to this token were kept')).toBeVisible();
      await expect(editForm(page).name).toHaveValue('Matrix Edit');
      await expect(editForm(page).description).toHaveValue('Kept description');
      return 'connect screen, then back in the form with the draft';
    },
  },
  {
    name: 'move',
    method: 'PATCH',
    path: '/entities/tokens/5002',
    hash: '#/ps/101/tokens/5002',
    prepare: async (page) => {
      await expect(heading(page)).toHaveText('Cart_Recovery_Banner');
      await page.getByRole('button', { name: 'Move', exact: true }).click();
      await moveTarget(page).locator('> .tree-row').click();
      await expect(moveTarget(page)).toHaveAttribute('aria-selected', 'true');
    },
    ready: async (page) => (await moveDialog(page).isVisible()) && (await moveTarget(page).getAttribute('aria-selected')) === 'true',
    click: (page) => moveDialog(page).getByRole('button', { name: 'Move', exact: true }).click(),
    scope: (page) => moveDialog(page),
    kept: async (page) => {
      await expect(moveDialog(page).getByRole('alert')).toContainText('The token was not moved.');
      await expect(moveTarget(page)).toHaveAttribute('aria-selected', 'true');
    },
    landed: async (page) => {
      await expect(moveDialog(page)).toHaveCount(0);
      await expect(toast(page)).toContainText('Email Campaigns');
      expect((await sim.api('/entities/tokens/5002')).data.relationships.parentFolder.data.id).toBe('1030');
      return 'the PATCH landed: checked and shown as moved';
    },
    afterReconnect: async (page) => {
      await expect(heading(page)).toHaveText('Cart_Recovery_Banner');
      expect((await sim.api('/entities/tokens/5002')).data.relationships.parentFolder.data.id).toBe('1012');
      return 'connect screen, then back on the token (not moved)';
    },
  },
  {
    name: 'delete',
    method: 'DELETE',
    path: '/entities/tokens/5002',
    hash: '#/ps/101/tokens/5002',
    prepare: async (page) => {
      await expect(heading(page)).toHaveText('Cart_Recovery_Banner');
      await page.getByRole('button', { name: 'Delete', exact: true }).click();
      await expect(deleteDialog(page)).toBeVisible();
    },
    ready: (page) => deleteDialog(page).isVisible(),
    click: (page) => deleteDialog(page).getByRole('button', { name: 'Delete' }).click(),
    scope: (page) => deleteDialog(page),
    kept: async (page) => {
      await expect(deleteDialog(page).getByRole('alert')).toContainText('The token was not deleted.');
    },
    landed: async (page) => {
      await expect(deleteDialog(page)).toHaveCount(0);
      await expect(heading(page)).toHaveText('Cart Recovery');
      expect((await sim.requests()).filter((r) => r.method === 'GET' && r.path === '/entities/tokens/5002' && r.status === 200)).toEqual([]);
      return 'the DELETE landed: shown as deleted';
    },
    afterReconnect: async (page) => {
      await expect(heading(page)).toHaveText('Cart_Recovery_Banner');
      return 'connect screen, then back on the token (not deleted)';
    },
    special: {
      '404': async (page) => {
        await expect(deleteDialog(page)).toHaveCount(0);
        await expect(toast(page)).toContainText('had already been deleted');
        return 'already gone: shown as deleted';
      },
    },
  },
];

/** A fresh page load at `hash`, connected, brought to the point of the click. */
async function freshStart(app: App, ep: WriteEndpoint) {
  await app.page.goto('about:blank');
  await sim.reset();
  await app.open(ep.hash);
  await app.connect();
  await ep.prepare(app.page);
}

async function writeCase(app: App, ep: WriteEndpoint, f: MatrixFault, sent: () => number): Promise<string> {
  const page = app.page;
  if (!(await ep.ready(page))) await freshStart(app, ep);
  await clearFaults(page.request);
  await sim.clearRequests();
  const before = sent();
  const drop = f.fault.kind === 'drop';
  await sim.fault({ method: ep.method, path: ep.path, ...f.fault, count: drop ? 5 : 1 });
  await ep.click(page);

  let note: string;
  const special = ep.special?.[f.name];
  if (f.name === '401') {
    await reconnectAfter401(app, ep.hash);
    note = await ep.afterReconnect(page);
  } else if (special) {
    note = await special(page);
  } else if (f.lands) {
    note = await ep.landed(page, f);
  } else {
    const message = says(ep.scope(page), f.says);
    await expect(message).toBeVisible();
    const text = (await ep.scope(page).innerText()).replace(/\s+/g, ' ');
    expect(text, 'the message says what to do next').toMatch(NEXT_STEP);
    await ep.kept(page);
    note = (await message.innerText()).replace(/\s+/g, ' ').slice(0, 90);
  }
  // One click, one write sent by the page; the log never shows two answered writes.
  expect(sent() - before, 'the page sent one write for one click').toBe(1);
  const logged = await logOf(ep.method, ep.path);
  const answered = logged.filter((r) => r.status !== 0);
  expect(answered.length, 'at most one write answered').toBeLessThanOrEqual(1);
  if (f.fault.kind === 'status') expect(logged.length, 'exactly one write in the log').toBe(1);
  // A delayed answer is still in flight when the page gives up: wait for the log to settle.
  const applied = async () =>
    (await logOf(ep.method, ep.path)).filter((r) => r.status !== null && r.status >= 200 && r.status < 300).length;
  await expect.poll(applied, { message: f.lands ? 'the write landed once' : 'no write applied' }).toBe(f.lands ? 1 : 0);
  await clearFaults(page.request);
  return note;
}

for (const ep of WRITES) {
  test(`fault matrix, writes: ${ep.name} (${ep.method} ${ep.path})`, async ({ page }) => {
    const app = new App(page);
    let writes = 0;
    page.on('request', (r) => {
      if (!['GET', 'HEAD', 'OPTIONS'].includes(r.method()) && r.url().startsWith(simUrl())) writes += 1;
    });
    await freshStart(app, ep);
    for (const f of FAULTS) {
      const ok = await runCase(ep.name, f.name, () => writeCase(app, ep, f, () => writes), page);
      await clearFaults(page.request);
      // A write that landed (or a case that failed) changed the data or the page: start afresh.
      if (f.lands || !ok) await sim.reset();
    }
    expect(failuresOf(ep.name)).toEqual([]);
  });
}
