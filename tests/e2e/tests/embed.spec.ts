// Issue 11, embedding: a host console on another origin, under a strict CSP of its own and with
// hostile CSS, mounts Profiles Studio through the module's `mount()` and as `<profiles-studio>`;
// the seed's flows work inside by mouse and by keyboard, and the host is left as it was.
import fs from 'node:fs';
import { test, expect, freshSimForEachTest } from '../support/fixtures';
import { simKey } from '../support/sim';
import { Embedded, addElement, counters, hostSnapshot, key2, mountInstance, openHost, studioRoute } from '../support/embed';

const sim = freshSimForEachTest();

test('mount(): open a token, Edit + Save, Move, Duplicate, Delete by mouse; the host is untouched', async ({ page }) => {
  const before = await openHost(page);
  const root = await mountInstance(page, { slot: 'slot-a', credential: `TD1 ${simKey()}`, parentSegmentId: '101' });
  const app = new Embedded(root);
  // No connect screen: the host handed the credential over.
  await expect(app.tree).toBeVisible();
  await expect(root.getByRole('button', { name: 'Connect' })).toHaveCount(0);
  await expect(root.locator('.ps-app'), 'screen readers pronounce it as English').toHaveAttribute('lang', 'en');
  await app.openToken(['Web Personalization', 'Cart Recovery'], 'Cart_Recovery_Banner');
  expect(await studioRoute(page, 'slot-a')).toBe('/ps/101/tokens/5002');

  // The host's CSS does not reach the app.
  const edit = root.getByRole('link', { name: 'Edit Profiles API Token' });
  const style = await edit.evaluate((el) => {
    const s = getComputedStyle(el);
    return [s.color, s.fontFamily, s.textTransform, s.letterSpacing].join(' | ');
  });
  expect(style).not.toContain('rgb(200, 0, 0)');
  expect(style).not.toContain('fantasy');
  expect(style).not.toContain('uppercase');

  // Edit + Save.
  await edit.click();
  const main = root.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: 'Edit Profiles API Token' })).toBeVisible();
  await main.getByRole('textbox', { name: 'Description', exact: true }).fill('Edited inside a host console');
  await main.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(app.heading()).toHaveText('Cart_Recovery_Banner');
  expect((await sim.api('/entities/tokens/5002')).data.attributes.description).toBe('Edited inside a host console');

  // Move to Email Campaigns.
  await root.getByRole('button', { name: 'Move', exact: true }).click();
  const move = root.getByRole('dialog', { name: 'Move Profiles API Token' });
  await move.getByRole('treeitem', { name: 'Email Campaigns' }).locator('> .tree-row').click();
  await move.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(move).toHaveCount(0);
  expect((await sim.api('/entities/tokens/5002')).data.relationships.parentFolder.data.id).toBe('1030');

  // Duplicate, then Delete the copy.
  await root.getByRole('button', { name: 'Duplicate', exact: true }).click();
  const dup = root.getByRole('dialog', { name: 'Duplicate Profiles API Token' });
  await dup.getByRole('textbox', { name: 'Name' }).fill('Embedded_Copy');
  await dup.getByRole('button', { name: 'Duplicate', exact: true }).click();
  await expect(app.heading()).toHaveText('Embedded_Copy');
  const copyId = (await studioRoute(page, 'slot-a')).split('/').pop()!;
  expect((await sim.api(`/entities/tokens/${copyId}`)).data.attributes.name).toBe('Embedded_Copy');

  await root.getByRole('button', { name: 'Delete', exact: true }).click();
  const del = root.getByRole('alertdialog', { name: 'Delete Profiles API Token' });
  await del.getByRole('button', { name: 'Delete' }).click();
  await expect(app.heading()).toHaveText('Email Campaigns');
  const gone = await page.request.get(`${process.env.SIM_URL}/entities/tokens/${copyId}`, {
    headers: { Authorization: `TD1 ${simKey()}` },
  });
  expect(gone.status()).toBe(404);

  // Every request carried the host's credential; onNavigate saw every page.
  // (The suite's own reads through sim.api() send no Origin.)
  const fromPage = (await sim.requests()).filter((r) => r.origin);
  expect(fromPage.length).toBeGreaterThan(5);
  expect(fromPage.filter((r: any) => r.keyIndex !== 0 || r.origin !== process.env.HOST_URL)).toEqual([]);
  const { routes, asked } = await counters(page, 'slot-a');
  expect(asked, 'asked once: the credential was accepted').toBe(1);
  expect(routes).toContain('/ps/101/tokens/5002/edit');
  expect(routes.at(-1)).toBe('/ps/101/folders/1030');

  // The host's elements, URL, title and storage are as they were.
  expect(await hostSnapshot(page)).toEqual(before);
});

test('<profiles-studio>: open a token, Edit + Save, Move, Duplicate, Delete by keyboard; focus stays in its dialogs', async ({ page }) => {
  const before = await openHost(page);
  const root = await addElement(page, 'studio-k', `TD1 ${simKey()}`, { 'parent-segment': '101' });
  const app = new Embedded(root);
  const focused = root.locator('[role="treeitem"]:focus');
  await expect(app.tree).toBeVisible();
  // From the host's own controls, Tab walks into the element like into any other widget.
  await page.locator('#host-input').focus();
  await tabTo(page, app.tree.getByRole('treeitem').first());
  for (const folder of ['Web Personalization', 'Cart Recovery']) {
    await pressUntil(page, focused, 'ArrowDown', folder);
    await page.keyboard.press('ArrowRight');
    await expect(app.item(folder)).toHaveAttribute('aria-expanded', 'true');
    await expect(app.item(folder).locator('xpath=following-sibling::*[@role="group"][1]').locator('[data-kind]').first()).toBeVisible();
  }
  await pressUntil(page, focused, 'ArrowDown', 'Cart_Recovery_Banner');
  await page.keyboard.press('Enter');
  await expect(app.heading()).toHaveText('Cart_Recovery_Banner');

  // Edit + Save.
  await tabTo(page, root.getByRole('link', { name: 'Edit Profiles API Token' }));
  await page.keyboard.press('Enter');
  const main = root.getByRole('main');
  const description = main.getByRole('textbox', { name: 'Description', exact: true });
  await tabTo(page, description);
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Typed in a custom element');
  await tabTo(page, main.getByRole('button', { name: 'Save', exact: true }));
  await page.keyboard.press('Enter');
  await expect(app.heading()).toHaveText('Cart_Recovery_Banner');
  expect((await sim.api('/entities/tokens/5002')).data.attributes.description).toBe('Typed in a custom element');

  // Move: focus stays inside the dialog however often Tab is pressed; Escape gives it back.
  const moveButton = root.getByRole('button', { name: 'Move', exact: true });
  await tabTo(page, moveButton);
  await page.keyboard.press('Enter');
  const move = root.getByRole('dialog', { name: 'Move Profiles API Token' });
  await expect(move).toBeVisible();
  for (let i = 0; i < 6; i++) {
    await page.keyboard.press(i % 2 ? 'Shift+Tab' : 'Tab');
    expect(await move.evaluate((d) => d.contains((d.getRootNode() as ShadowRoot).activeElement)), 'focus stays inside the dialog').toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(move).toHaveCount(0);
  await expect(moveButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(move.locator('[role="treeitem"]:focus')).toHaveCount(1);
  await page.keyboard.type('Email');
  await expect(move.locator('[role="treeitem"]:focus')).toHaveAccessibleName('Email Campaigns');
  await page.keyboard.press('Enter');
  await tabTo(page, move.getByRole('button', { name: 'Move', exact: true }));
  await page.keyboard.press('Enter');
  await expect(move).toHaveCount(0);
  expect((await sim.api('/entities/tokens/5002')).data.relationships.parentFolder.data.id).toBe('1030');

  // Duplicate: the name is typed, Enter submits.
  await tabTo(page, root.getByRole('button', { name: 'Duplicate', exact: true }));
  await page.keyboard.press('Enter');
  const dup = root.getByRole('dialog', { name: 'Duplicate Profiles API Token' });
  const name = dup.getByRole('textbox', { name: 'Name' });
  await expect(name).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('Keyboard_Copy');
  await page.keyboard.press('Enter');
  await expect(app.heading()).toHaveText('Keyboard_Copy');
  const copyId = (await root.evaluate((el: any) => el.route as string)).split('/').pop()!;

  // Delete: Cancel has focus first; Tab to Delete, Enter.
  await tabTo(page, root.getByRole('button', { name: 'Delete', exact: true }));
  await page.keyboard.press('Enter');
  const del = root.getByRole('alertdialog', { name: 'Delete Profiles API Token' });
  await expect(del.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await tabTo(page, del.getByRole('button', { name: 'Delete' }));
  await page.keyboard.press('Enter');
  await expect(app.heading()).toHaveText('Email Campaigns');
  const gone = await page.request.get(`${process.env.SIM_URL}/entities/tokens/${copyId}`, {
    headers: { Authorization: `TD1 ${simKey()}` },
  });
  expect(gone.status()).toBe(404);

  // The element reported each page, bubbling and composed, to the host.
  const { routes } = await counters(page, 'studio-k');
  expect(routes).toEqual(expect.arrayContaining(['/ps/101/tokens/5002', `/ps/101/tokens/${copyId}`, '/ps/101/folders/1030']));
  expect(await hostSnapshot(page)).toEqual(before);
});

/** Tabs until `target` has focus (inside a shadow root too). */
async function tabTo(page: import('@playwright/test').Page, target: import('@playwright/test').Locator, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === (el.getRootNode() as Document | ShadowRoot).activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

/** Presses `key` until the focused tree item is named `name`. */
async function pressUntil(page: import('@playwright/test').Page, focused: import('@playwright/test').Locator, key: string, name: string) {
  for (let i = 0; i < 25; i++) {
    if ((await focused.count()) === 1 && (await focused.locator('.tree-label').first().innerText()).trim() === name) return;
    await page.keyboard.press(key);
  }
  await expect(focused).toHaveAccessibleName(name);
}

test('two instances with different credentials and parent segments never affect each other', async ({ page }) => {
  await openHost(page);
  const a = await mountInstance(page, { slot: 'slot-a', credential: `TD1 ${simKey()}`, parentSegmentId: '101' });
  const b = await addElement(page, 'studio-b', `TD1 ${key2()}`, { 'parent-segment': '102' });
  const [appA, appB] = [new Embedded(a), new Embedded(b)];
  await expect(a.locator('.header-context')).toHaveText('Retail Customers');
  await expect(b.locator('.header-context')).toHaveText('Loyalty Members');
  await expect(appA.tree).toBeVisible();
  await expect(appB.tree).toBeVisible();

  await appA.openToken(['Web Personalization', 'Cart Recovery'], 'Cart_Recovery_Banner');
  // A's dialog is A's: B shows none and keeps its page.
  await a.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(a.getByRole('dialog', { name: 'Move Profiles API Token' })).toBeVisible();
  await expect(b.getByRole('dialog')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(a.getByRole('dialog')).toHaveCount(0);
  expect(await b.evaluate((el: any) => el.route)).toBe('/ps/102');

  // Navigating one from the host moves only that one, and only its onNavigate hears of it.
  await b.evaluate((el) => el.setAttribute('route', '/ps/101/tokens/5001'));
  await expect(appB.heading()).toHaveText('Homepage Personalization');
  expect(await studioRoute(page, 'slot-a')).toBe('/ps/101/tokens/5002');
  const [ca, cb] = [await counters(page, 'slot-a'), await counters(page, 'studio-b')];
  expect(ca.routes.at(-1)).toBe('/ps/101/tokens/5002');
  expect(ca.routes).not.toContain('/ps/101/tokens/5001');
  expect(cb.routes).toEqual(['/ps/101/tokens/5001']);

  // Each one's requests carried its own credential (the simulator logs which key, never it).
  const fromPage = (await sim.requests()).filter((r) => r.origin);
  const keyOf = (path: string) => new Set(fromPage.filter((r) => r.path.includes(path)).map((r: any) => r.keyIndex));
  expect(keyOf('/parent_segments/102')).toEqual(new Set([1]));
  expect(keyOf('/tokens/5002')).toEqual(new Set([0]));
  expect(keyOf('/tokens/5001')).toEqual(new Set([1]));
  // The ids each one renders are its own.
  const ids = await page.evaluate(() =>
    ['slot-a', 'studio-b'].map((id) => [...document.getElementById(id)!.shadowRoot!.querySelectorAll('[id]')].map((e) => e.id)),
  );
  expect(ids[0].filter((id) => ids[1].includes(id))).toEqual([]);
});

test('authorization() is asked before the first request and once more after a 401; a second refusal waits for update()', async ({ page }) => {
  await openHost(page);
  // A stale credential first: refused, asked again, then the fresh one is used.
  await page.evaluate((key) => ((window as any).__answers = ['TD1 1/stale-credential', `TD1 ${key}`]), simKey());
  const root = await mountWithAnswers(page);
  const app = new Embedded(root);
  await expect(app.tree).toBeVisible();
  expect((await counters(page, 'slot-a')).asked).toBe(2);
  await app.openToken(['Web Personalization', 'Cart Recovery'], 'Cart_Recovery_Banner');
  expect((await counters(page, 'slot-a')).asked, 'an accepted credential is kept').toBe(2);

  // Mid-edit, the credential stops working: the save is refused twice (asked once more in
  // between), onAuthRequired is called once, and the instance waits with the draft kept.
  await root.getByRole('link', { name: 'Edit Profiles API Token' }).click();
  const description = root.getByRole('main').getByRole('textbox', { name: 'Description', exact: true });
  await description.fill('Kept through a refused credential');
  await sim.fault({ method: 'PATCH', path: '/entities/tokens/5002', kind: 'status', status: 401, count: 2 });
  await root.getByRole('main').getByRole('button', { name: 'Save', exact: true }).click();
  await expect(root.getByRole('alert')).toContainText("The console's credential was not accepted (401)");
  const refused = await counters(page, 'slot-a');
  expect(refused.asked).toBe(3);
  expect(refused.refused).toBe(1);
  expect((await sim.api('/entities/tokens/5002')).data.attributes.description).not.toBe('Kept through a refused credential');

  // The host hands over a new credential: the same page comes back with what was typed.
  await page.evaluate((key) => (window as any).__studios['slot-a'].update({ authorization: async () => `TD1 ${key}` }), simKey());
  await expect(description).toHaveValue('Kept through a refused credential');
  await root.getByRole('main').getByRole('button', { name: 'Save', exact: true }).click();
  await expect(app.heading()).toHaveText('Cart_Recovery_Banner');
  expect((await sim.api('/entities/tokens/5002')).data.attributes.description).toBe('Kept through a refused credential');
  const patches = (await sim.requests()).filter((r) => r.method === 'PATCH');
  expect(patches.map((r) => r.status), 'refused twice, then saved once').toEqual([401, 401, 200]);
});

/** Mounts into #slot-a with an authorization() that answers `window.__answers` in turn. */
async function mountWithAnswers(page: import('@playwright/test').Page) {
  await page.evaluate(async ({ module, apiBase }) => {
    const w = window as any;
    w.__asked['slot-a'] = 0;
    w.__refused['slot-a'] = 0;
    w.__routes['slot-a'] = [];
    const { mount } = await import(module);
    w.__studios['slot-a'] = await mount(document.getElementById('slot-a'), {
      apiBase,
      parentSegmentId: '101',
      authorization: async () => {
        const n = w.__asked['slot-a']++;
        return w.__answers[Math.min(n, w.__answers.length - 1)];
      },
      onAuthRequired: () => { w.__refused['slot-a'] += 1; },
    });
  }, { module: `${process.env.APP_URL}/embed/profiles-studio.js`, apiBase: process.env.SIM_URL! });
  return page.locator('#slot-a');
}

test('unmount() leaves no node or listener behind; 50 mount/unmount cycles stay flat', async ({ page }) => {
  await openHost(page);
  const cdp = await page.context().newCDPSession(page);
  // Only listeners whose handler is in our scripts count (Playwright adds its own to window
  // while it clicks).
  const scripts = new Map<string, string>();
  cdp.on('Debugger.scriptParsed', (e) => scripts.set(e.scriptId, e.url));
  await cdp.send('Debugger.enable');
  const ours = (scriptId: string) => (scripts.get(scriptId) ?? '').startsWith(process.env.APP_URL!);
  const listenersOn = async (expression: string) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
    return listeners.filter((l) => ours(l.scriptId)).map((l) => l.type).sort();
  };
  const pageListeners = async () => ({ window: await listenersOn('window'), document: await listenersOn('document') });
  const counters = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const dom = await cdp.send('Memory.getDOMCounters');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(async (glue) => (await (await import(glue)).default()).memory.buffer.byteLength, glueUrl());
    return { nodes: dom.nodes, listeners: dom.jsEventListeners, heap: heap.usedSize, wasm };
  };
  // Load the module once, so that what it defines (the element) is not counted as a leak.
  await page.evaluate((m) => import(m), `${process.env.APP_URL}/embed/profiles-studio.js`);
  const before = await pageListeners();

  const root = await mountInstance(page, { slot: 'slot-a', credential: `TD1 ${simKey()}`, route: '/ps/101/tokens/5002/edit' });
  await expect(root.getByRole('heading', { level: 1, name: 'Edit Profiles API Token' })).toBeVisible();
  // A page with unsaved work guards against leaving (beforeunload), and the tree listens to
  // scrolling: all of it must go with the instance.
  await root.getByRole('main').getByRole('textbox', { name: 'Description', exact: true }).fill('unsaved');
  await root.getByRole('button', { name: 'Cancel', exact: true }).click();
  expect((await pageListeners()).window.length).toBeGreaterThan(before.window.length);
  await page.evaluate(() => (window as any).__studios['slot-a'].unmount());
  expect(await pageListeners()).toEqual(before);
  expect(await root.evaluate((el) => el.shadowRoot!.childNodes.length), 'no node left').toBe(0);
  expect(await page.evaluate(() => (window as any).__studios['slot-a'].route)).toBeUndefined();

  const cycle = async () => {
    await mountInstance(page, { slot: 'slot-a', credential: `TD1 ${simKey()}`, route: '/ps/101/tokens/5002' });
    await expect(root.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Cart_Recovery_Banner');
    await page.evaluate(() => (window as any).__studios['slot-a'].unmount());
  };
  for (let i = 0; i < 5; i++) await cycle(); // warm-up: caches, the allocator's first pages
  // One instance's nodes: a leak of a page per cycle would be 50 times this; a collector that
  // has not yet swept the last page or two is up to twice this.
  await mountInstance(page, { slot: 'slot-a', credential: `TD1 ${simKey()}`, route: '/ps/101/tokens/5002' });
  await expect(root.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Cart_Recovery_Banner');
  const instanceNodes = await root.evaluate((el) => {
    const walker = document.createTreeWalker(el.shadowRoot!);
    let n = 0;
    while (walker.nextNode()) n++;
    return n;
  });
  await page.evaluate(() => (window as any).__studios['slot-a'].unmount());
  const start = await counters();
  for (let i = 0; i < 50; i++) await cycle();
  const end = await counters();
  console.log(`50 cycles (an instance has ${instanceNodes} nodes): DOM nodes ${start.nodes} → ${end.nodes}, listeners ${start.listeners} → ${end.listeners}, ` +
    `JS heap ${(start.heap / 1048576).toFixed(1)} → ${(end.heap / 1048576).toFixed(1)} MiB, ` +
    `wasm ${(start.wasm / 1048576).toFixed(1)} → ${(end.wasm / 1048576).toFixed(1)} MiB`);
  expect(end.nodes - start.nodes, `DOM nodes (one instance: ${instanceNodes})`).toBeLessThanOrEqual(2 * instanceNodes);
  expect(end.listeners - start.listeners, 'event listeners').toBeLessThanOrEqual(0);
  expect(end.heap - start.heap, 'JS heap growth').toBeLessThan(2 * 1048576);
  expect(end.wasm - start.wasm, 'wasm memory growth').toBeLessThanOrEqual(1 * 1048576);
  expect(await pageListeners()).toEqual(before);
});

test('unmount() aborts a lookup in flight', async ({ page }) => {
  await openHost(page);
  const root = await mountInstance(page, { slot: 'slot-a', credential: `TD1 ${simKey()}`, route: '/ps/101/tokens/5002', lookups: true });
  const tester = root.getByRole('region', { name: 'Test lookup' });
  await tester.getByLabel('td_client_id', { exact: true }).fill('c-1001');
  // The Profiles API holds its answer, so the lookup is still in flight at unmount.
  await sim.fault({ method: 'GET', path: '/cdp/lookup/collect/segments', kind: 'delay', delayMs: 8_000 });
  const failed = page.waitForEvent('requestfailed', (r) => r.url().includes('/cdp/lookup/collect/segments'));
  await tester.getByRole('button', { name: 'Look up', exact: true }).click();
  await expect(tester.getByRole('button', { name: 'Look up', exact: true })).toBeDisabled();
  await page.evaluate(() => (window as any).__studios['slot-a'].unmount());
  expect((await failed).failure()?.errorText).toBe('net::ERR_ABORTED');
});

/** The wasm-bindgen glue of this build (its default export returns the initialised wasm). */
function glueUrl(): string {
  const name = fs.readdirSync(process.env.DIST_DIR!).find((f: string) => /^profiles-studio-[0-9a-f]+\.js$/.test(f));
  return `${process.env.APP_URL}/${name}`;
}

test("the demo's example host console: two instances side by side, one per way in", async ({ page }) => {
  await page.goto(`${process.env.HOST_URL}/`);
  await expect(page.locator('#host-status')).toHaveText(/Both instances mounted \(left at \/ps\/101\)/);
  const left = new Embedded(page.locator('#studio-a'));
  const right = new Embedded(page.locator('#studio-b'));
  await expect(page.locator('#studio-a .header-context')).toHaveText('Retail Customers');
  await expect(page.locator('#studio-b .header-context')).toHaveText('Loyalty Members');
  await left.openToken(['Web Personalization', 'Cart Recovery'], 'Cart_Recovery_Banner');
  await expect(page.locator('#host-status')).toHaveText('Left instance at /ps/101/tokens/5002');
  await expect(right.tree).toBeVisible();
  await right.tree.getByRole('treeitem').first().locator('> .tree-row').click();
  await expect(page.locator('#host-status')).toHaveText(/^Right instance at \/ps\/102\/folders\//);
  const fromPage = (await sim.requests()).filter((r) => r.origin);
  expect(new Set(fromPage.filter((r) => r.path.includes('/102')).map((r: any) => r.keyIndex))).toEqual(new Set([1]));
});

test('<profiles-studio> is defined once however often the module is imported; removing it unmounts it; bad options are named', async ({ page }) => {
  await openHost(page);
  const module = `${process.env.APP_URL}/embed/profiles-studio.js`;
  // A second copy of the module (another URL, as two bundles of a host might load it).
  await page.evaluate(async (m) => {
    await import(m);
    await import(`${m}?copy=2`);
  }, module);
  const root = await addElement(page, 'studio-r', `TD1 ${simKey()}`, { 'parent-segment': '101' });
  await expect(new Embedded(root).tree).toBeVisible();
  const element = (await root.elementHandle())!;
  await element.evaluate((el) => el.remove());
  await expect.poll(() => element.evaluate((el) => el.shadowRoot!.childNodes.length)).toBe(0);

  const failure = await page.evaluate(async (m) => {
    const { mount } = await import(m);
    return mount(document.getElementById('slot-b'), { region: 'mars' }).then(() => 'mounted', (e: Error) => e.message);
  }, module);
  expect(failure).toBe('Profiles Studio: region "mars" is not one of us, tokyo, eu01, ap02, ap03');
  expect(await page.locator('#slot-b').evaluate((el) => el.shadowRoot!.childNodes.length), 'nothing left behind').toBe(0);
});
