// The measurement driver of `cargo xtask bench` (issue 6). It starts the two static hosts (app,
// plain-DOM baseline) and two simulators (demo data, generated large tree), drives Debian's
// Chromium through Playwright (the e2e suite's installed package), and writes the raw samples as
// JSON. The xtask turns them into the table (medians, p95, ratios, targets): this file measures,
// it does not judge.
//
// Usage (cargo xtask bench passes all of it):
//   node tests/bench/run.mjs --app-dist DIR --counter-dist DIR --sim BIN --out FILE [--runs 5]
//                            [--only cold,embedded,large,requests,day,lighthouse]   (a subset, when working on the harness)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const e2eDir = path.join(here, '..', 'e2e');
const { chromium } = createRequire(path.join(e2eDir, 'package.json'))('@playwright/test');

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
for (const required of ['app-dist', 'counter-dist', 'sim', 'out']) {
  if (!args[required]) throw new Error(`--${required} is required (run through \`cargo xtask bench\`)`);
}
const RUNS = Math.max(1, Number(args.runs ?? 5));
const ONLY = new Set((args.only ?? 'cold,embedded,large,requests,day,lighthouse').split(','));
const KEY = '1/bench0123456789abcdef';
const JSON_API = 'application/vnd.treasuredata.v1+json';
const LARGE_FIXTURE = 'generated:42:2000:20000';
const LARGE_FOLDER = 'Bulk import';
const VIEWPORT = { width: 1280, height: 800 };
/** Tree and table rows that count as "the folder is shown": fewer than fit on the 800 px high
 *  screen (about 20 tree rows), so that a virtualized list qualifies as soon as it shows its rows. */
const FIRST_SCREEN_ROWS = 10;
/** 11 characters typed, then 9 erased: 20 keystrokes. */
const FILTER_KEYS = [...'Spring Sale', ...Array(9).fill('Backspace')];
/** Chromium's flags, for the bench's browser and for each of Lighthouse's. */
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const BASELINE_STORAGE_KEY = 'bench-baseline.session';
const probeSource = fs.readFileSync(path.join(here, 'probe.js'), 'utf8');

const out = {
  runs: RUNS,
  browser: null,
  viewport: `${VIEWPORT.width}x${VIEWPORT.height}`,
  largeFixture: LARGE_FIXTURE,
  bundle: {},
  series: {},
  keystrokes: [],
  /** Per run of the working day: the time of each "open token", in order. */
  dayOpens: [],
  requests: {},
  na: {},
  errors: [],
  notes: [],
};
const series = (name, value) => (out.series[name] ??= []).push(value);
const log = (...parts) => console.log('[bench]', ...parts);

// ---------- Bundle ----------

function bundle(dir) {
  const sizes = {};
  const add = (kind, raw, gzip, br) => {
    sizes[kind] ??= { raw: 0, gzip: 0, br: 0, files: 0 };
    sizes[kind].raw += raw;
    sizes[kind].gzip += gzip;
    sizes[kind].br += br;
    sizes[kind].files += 1;
  };
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    // Served to browsers: everything but the CSP text, which hosts turn into a header, and the
    // precompressed copies, which are other encodings of the same files.
    if (!fs.statSync(file).isFile() || name === 'content-security-policy.txt' || /\.(br|gz)$/.test(name)) continue;
    const body = fs.readFileSync(file);
    const gzip = zlib.gzipSync(body, { level: 9 }).length;
    const br = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    const ext = path.extname(name).slice(1);
    add(['wasm', 'js', 'css', 'html'].includes(ext) ? ext : 'other', body.length, gzip, br);
    add('total', body.length, gzip, br);
  }
  for (const kind of ['wasm', 'js', 'css', 'html']) sizes[kind] ??= { raw: 0, gzip: 0, br: 0, files: 0 };
  return sizes;
}

// ---------- Processes ----------

const children = [];
process.on('exit', () => children.forEach((c) => c.kill()));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

function start(name, cmd, argv, readyPrefix) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 60 s`)), 60_000);
    let buffered = '';
    const onData = (chunk) => {
      buffered += chunk.toString();
      const line = buffered.split('\n').find((l) => l.startsWith(readyPrefix));
      if (line) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        child.stdout.resume();
        resolve(line.slice(readyPrefix.length).trim());
      }
    };
    child.stdout.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${name} exited early (${code})`)));
  });
}

// ---------- Simulator access (node side) ----------

async function api(sim, p) {
  const res = await fetch(`${sim}${p}`, { headers: { Authorization: `TD1 ${KEY}`, Accept: JSON_API } });
  if (!res.ok) throw new Error(`GET ${p}: ${res.status}`);
  return res.json();
}

/** A folder's direct children, as the app and the baseline decode the by-folder document. */
async function folderChildren(sim, folderId) {
  const doc = await api(sim, `/entities/by-folder/${folderId}?depth=1`);
  return doc.data
    .filter((r) => !(r.type === 'folder-segment' && r.id === folderId))
    .filter((r) => (r.relationships?.parentFolder?.data?.id ?? folderId) === folderId)
    .map((r) => ({ id: r.id, type: r.type, name: r.attributes?.name ?? '', edit: r.attributes?.permissions?.edit }));
}

async function firstParentSegment(sim) {
  const list = await api(sim, '/entities/parent_segments');
  const ps = (list.data ?? list)[0];
  const doc = ps.data ?? ps;
  return { id: doc.id, name: doc.attributes.name, root: doc.relationships.parentSegmentFolder.data.id };
}

const simLog = async (sim) => (await fetch(`${sim}/_sim/requests`)).json();
const clearLog = (sim) => fetch(`${sim}/_sim/requests`, { method: 'DELETE' });
const resetSim = (sim) => fetch(`${sim}/_sim/reset`, { method: 'POST' });

/** The request log once it has been quiet for 800 ms with nothing in flight (at most 15 s). */
async function settledLog(sim) {
  const started = Date.now();
  let last = -1;
  let since = Date.now();
  for (;;) {
    await new Promise((r) => setTimeout(r, 100));
    const entries = await simLog(sim);
    if (entries.length !== last) {
      last = entries.length;
      since = Date.now();
    }
    const inFlight = entries.some((e) => e.status === null || e.status === undefined);
    if ((!inFlight && Date.now() - since >= 800) || Date.now() - started > 15_000) return entries;
  }
}

// ---------- Browser helpers ----------

let browser;
/** The contexts the running scenario opened (closed if it hangs; see `attempt`). */
let contextsOpened = null;
/** Lighthouse's own browsers, open while a run of it goes on (closed if it hangs). */
const lighthouseBrowsers = new Set();

async function newPage(probeConfig = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  contextsOpened?.add(context);
  await context.addInitScript({ content: `${probeSource}\nbenchProbe(${JSON.stringify(probeConfig)});` });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.setDefaultTimeout(15_000);
  return { context, page, pageErrors };
}

/** Loads `origin/#hash` cold (a new browser context: empty HTTP cache, new renderer), with the
 *  connection already in this tab's sessionStorage, written from a same-origin non-app URL so that
 *  no app code ran in the tab before the measured navigation. */
async function coldLoad(origin, hash, storage, probeConfig) {
  const tab = await newPage(probeConfig);
  await tab.page.goto(`${origin}/config.json`);
  await tab.page.evaluate((entries) => {
    sessionStorage.clear();
    for (const [k, v] of entries) sessionStorage.setItem(k, v);
  }, storage);
  await tab.page.goto(`${origin}/${hash}`);
  return tab;
}

/** What the app keeps in sessionStorage with "Remember in this tab", captured through its own
 *  connect screen (so the bench does not depend on the storage format). */
async function appStorage(appUrl, appConfig, sim) {
  fs.writeFileSync(appConfig, JSON.stringify({ region: 'custom', baseUrl: sim }));
  const { context, page } = await newPage();
  try {
    await page.goto(`${appUrl}/`);
    await page.getByLabel('API key', { exact: true }).fill(KEY);
    await page.getByLabel('Remember in this tab').check();
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.getByRole('heading', { name: 'Parent segments' }).waitFor();
    const entries = await page.evaluate(() => Object.entries(sessionStorage));
    if (!entries.length) throw new Error('the app kept nothing in sessionStorage with "Remember in this tab"');
    return entries;
  } finally {
    await context.close();
  }
}

const baselineStorage = (sim) => [[BASELINE_STORAGE_KEY, JSON.stringify({ baseUrl: sim, apiKey: KEY })]];

async function treeRow(scope, name) {
  const item = scope.getByRole('treeitem', { name, exact: true }).first();
  const row = item.locator('> .tree-row');
  return (await row.count()) ? row : item;
}

async function memory(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const jsHeap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null;
  const wasm = await page.evaluate(() => window.__bench.wasmBytes());
  return { jsHeap, wasm };
}

// ---------- Scenarios ----------

async function coldStart(which, run, ctx) {
  const origin = which === 'app' ? ctx.appUrl : ctx.baselineUrl;
  const storage = which === 'app' ? ctx.demoAppStorage : baselineStorage(ctx.demoSim);
  const watch = { ready: { cond: 'treeHas', args: { names: ctx.demo.rootFolders } } };
  const { context, page, pageErrors } = await coldLoad(origin, `#/ps/${ctx.demo.ps.id}`, storage, { watch });
  try {
    const ready = await page.evaluate(() => window.__bench.wait('ready', 30_000));
    series(`cold.${which}`, ready.paint);
    if (pageErrors.length) out.errors.push(`run ${run} cold start ${which}: page errors: ${pageErrors.join('; ')}`);
  } finally {
    await context.close();
  }
}

async function largeTree(which, run, ctx) {
  const origin = which === 'app' ? ctx.appUrl : ctx.baselineUrl;
  const storage = which === 'app' ? ctx.largeAppStorage : baselineStorage(ctx.largeSim);
  const watch = { ready: { cond: 'treeHas', args: { names: ctx.large.rootFolders } } };
  const { context, page, pageErrors } = await coldLoad(origin, `#/ps/${ctx.large.ps.id}`, storage, { watch });
  try {
    await page.evaluate(() => window.__bench.wait('ready', 30_000));
    await page.waitForTimeout(500);
    // Open the 5,000-child folder: click → its first screen of rows painted in tree and table.
    const rows = Math.min(FIRST_SCREEN_ROWS, ctx.large.folderSize);
    await page.evaluate(({ name, rows }) => window.__bench.watch('folder', 'folderShows', { name, rows }), {
      name: LARGE_FOLDER,
      rows,
    });
    await (await treeRow(page.getByRole('tree'), LARGE_FOLDER)).click();
    const shown = await page.evaluate(() => window.__bench.wait('folder', 60_000));
    const clickAt = await page.evaluate(() => window.__bench.clickAt);
    series(`folder.${which}`, shown.paint - clickAt);
    // How much of that was the simulator and the transfer (the same for both pages).
    const fetchMs = await page.evaluate((id) => {
      const hits = performance.getEntriesByType('resource').filter((e) => e.name.includes(`/entities/by-folder/${id}?`));
      return hits.length ? Math.max(...hits.map((e) => e.duration)) : null;
    }, ctx.large.folderId);
    if (fetchMs !== null) series(`folder.fetch.${which}`, fetchMs);
    await page.waitForTimeout(500);

    const scroll = await page.evaluate((name) => window.__bench.scrollThrough({ name }), LARGE_FOLDER);
    series(`scroll.longtasks.${which}`, scroll.longTasks);
    series(`scroll.longest.${which}`, scroll.longest);
    series(`scroll.ms.${which}`, scroll.ms);

    const mem = await memory(context, page);
    series(`memory.jsheap.${which}`, mem.jsHeap);
    if (which === 'app') {
      if (mem.wasm === null) out.na['memory.wasm.app'] = 'wasm memory not reachable (no TrunkApplicationStarted)';
      else series('memory.wasm.app', mem.wasm);
      await filterLatency(page, run);
    }
    if (pageErrors.length) out.errors.push(`run ${run} large tree ${which}: page errors: ${pageErrors.join('; ')}`);
  } finally {
    await context.close();
  }
}

async function filterLatency(page, run) {
  const nav = page.getByRole('navigation');
  const box = nav
    .getByRole('searchbox', { name: /filter/i })
    .or(nav.getByRole('textbox', { name: /filter/i }))
    .first();
  if (!(await box.count())) {
    out.na.filter = 'no filter box';
    return;
  }
  await box.click();
  const latencies = [];
  for (const key of FILTER_KEYS) {
    await page.evaluate(() => window.__bench.armKey('body'));
    await page.keyboard.press(key === ' ' ? 'Space' : key);
    const r = await page.evaluate(() => window.__bench.keySettled(400, 10_000));
    if (r.error) throw new Error(`filter key ${JSON.stringify(key)}: ${r.error}`);
    latencies.push(r.latency);
  }
  out.keystrokes.push(latencies);
  log(`run ${run}: filter keystrokes (ms)`, latencies.map((l) => l.toFixed(1)).join(' '));
}

/** Requests per user action, from the simulator's log (demo data, reset first). */
async function requestsPerAction(run, ctx) {
  const sim = ctx.demoSim;
  await resetSim(sim);
  fs.writeFileSync(ctx.appConfig, JSON.stringify({ region: 'custom', baseUrl: sim }));
  const { context, page, pageErrors } = await newPage();
  const { ps, folder, token, moveTo } = ctx.demo;
  const record = async (action, entries) => {
    const calls = entries.map((e) => `${e.method} ${e.path}${e.query ? `?${e.query}` : ''}`);
    const seen = new Map();
    for (const c of calls) seen.set(c, (seen.get(c) ?? 0) + 1);
    const slot = (out.requests[action] ??= { counts: [], calls: null, repeated: [] });
    slot.counts.push(entries.length);
    slot.calls ??= entries.map((e, i) => `${calls[i]} → ${e.status}`);
    for (const [c, n] of seen) if (n > 1 && !slot.repeated.includes(`${c} ×${n}`)) slot.repeated.push(`${c} ×${n}`);
  };
  const na = (action, why) => {
    out.requests[action] ??= { counts: [], calls: null, repeated: [] };
    out.requests[action].na = why;
  };
  const act = async (action, doIt) => {
    await settledLog(sim);
    await clearLog(sim);
    await doIt();
    await record(action, await settledLog(sim));
  };
  // A control of the token page. If an earlier flow left the app elsewhere (the editor, a copy),
  // the token's page is loaded again (the session is remembered) before giving up on it.
  const tokenControl = async (name) => {
    const find = async (ms) => {
      // A button, or a link styled as one (Edit is a route of its own).
      const button = page
        .getByRole('button', { name, exact: true })
        .or(page.getByRole('link', { name, exact: true }))
        .first();
      await button.waitFor({ timeout: ms }).catch(() => {});
      return (await button.count()) ? button : null;
    };
    const heading = page.getByRole('main').getByRole('heading', { level: 1, name: token.name, exact: true });
    if ((await heading.count()) && !(await dialogNamed(page, /./).count())) {
      const button = await find(1_000);
      if (button) return button;
    }
    await page.goto(`${ctx.appUrl}/#/ps/${ps.id}/tokens/${token.id}`);
    await page.reload();
    await heading.waitFor();
    return find(3_000);
  };
  // Flows for controls others are building: absent control → n/a; a flow that breaks halfway →
  // an error for that action only.
  const flow = async (action, body) => {
    if (out.requests[action]?.na) return; // the same build: absent in every run
    try {
      await body();
    } catch (e) {
      out.errors.push(`run ${run} requests "${action}": ${e.message.split('\n')[0]}`);
      // BENCH_SCREENSHOTS=DIR keeps a picture of where a flow broke.
      if (process.env.BENCH_SCREENSHOTS) {
        await page.screenshot({ path: path.join(process.env.BENCH_SCREENSHOTS, `run${run}-${action}.png`), fullPage: true }).catch(() => {});
      }
    }
  };
  try {
    await page.goto(`${ctx.appUrl}/`);
    await page.getByLabel('API key', { exact: true }).fill(KEY);
    // Remembered, so that a reload between write flows keeps the session.
    await page.getByLabel('Remember in this tab').check();
    await act('open app', async () => {
      await page.getByRole('button', { name: 'Connect' }).click();
      await page.getByRole('link', { name: new RegExp(`^${escape(ps.name)}`) }).waitFor();
    });
    await act('open parent segment', async () => {
      await page.getByRole('link', { name: new RegExp(`^${escape(ps.name)}`) }).click();
      await page.getByRole('tree').getByRole('treeitem', { name: folder.name, exact: true }).waitFor();
    });
    await act('open folder', async () => {
      await (await treeRow(page.getByRole('tree'), folder.name)).click();
      await page.getByRole('tree').getByRole('treeitem', { name: token.name, exact: true }).waitFor();
      await page.getByRole('main').getByRole('heading', { level: 1, name: folder.name }).waitFor();
    });
    await act('open token', async () => {
      await (await treeRow(page.getByRole('tree'), token.name)).click();
      await page.getByRole('main').getByRole('heading', { level: 1, name: token.name }).waitFor();
    });

    await flow('save', async () => {
      const edit = await tokenControl('Edit Profiles API Token');
      if (!edit) return na('edit (open form)', 'not in this build'), na('save', 'not in this build');
      await act('edit (open form)', async () => {
        await edit.click();
        await page.getByRole('button', { name: 'Save', exact: true }).waitFor();
      });
      const description = page.getByLabel('Description', { exact: true }).first();
      if (!(await description.count())) return na('save', 'no Description field in the form');
      await description.fill(`Edited by cargo xtask bench, run ${run}`);
      const save = page.getByRole('button', { name: 'Save', exact: true }).first();
      await act('save', async () => {
        await save.click();
        // Done when the form is gone (back on the token page) or Save is disabled (nothing to save).
        const done = async () =>
          !(await save.isVisible()) || (await save.isDisabled({ timeout: 200 }).catch(() => true));
        await waitUntil(done, 10_000, 'the save did not finish');
      });
    });
    await flow('move', async () => {
      const move = await tokenControl('Move');
      if (!move) return na('move', 'not in this build');
      await act('move', async () => {
        await move.click();
        const dialog = dialogNamed(page, /move/i);
        await dialog.waitFor();
        await (await treeRow(dialog, moveTo.name)).click();
        await dialog.getByRole('button', { name: 'Move', exact: true }).click();
        await dialog.waitFor({ state: 'hidden' });
      });
    });
    await flow('duplicate', async () => {
      const duplicate = await tokenControl('Duplicate');
      if (!duplicate) return na('duplicate', 'not in this build');
      await act('duplicate', async () => {
        await duplicate.click();
        const dialog = dialogNamed(page, /duplicate/i);
        await dialog.waitFor();
        await dialog.getByRole('button', { name: 'Duplicate', exact: true }).click();
        await dialog.waitFor({ state: 'hidden' });
      });
    });
    await flow('delete', async () => {
      const del = await tokenControl('Delete');
      if (!del) return na('delete', 'not in this build');
      await act('delete', async () => {
        await del.click();
        const dialog = dialogNamed(page, /delete/i);
        await dialog.waitFor();
        await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
        await dialog.waitFor({ state: 'hidden' });
      });
    });
    if (pageErrors.length) out.errors.push(`run ${run} requests: page errors: ${pageErrors.join('; ')}`);
  } finally {
    await context.close();
  }
}

/** Embedded: a host page on another origin imports the module (cold: empty cache) and mounts
 *  an instance on the parent segment; import → the root's children painted in its shadow root. */
async function embeddedStart(run, ctx) {
  const { context, page, pageErrors } = await newPage();
  try {
    await page.goto(`${ctx.baselineUrl}/host.html`);
    const ms = await page.evaluate(
      async ({ module, apiBase, key, ps, names }) => {
        const root = document.getElementById('studio');
        const started = performance.now();
        const { mount } = await import(module);
        await mount(root, { apiBase, authorization: async () => `TD1 ${key}`, route: `/ps/${ps}` });
        // Polled: the probe's `watch` observes the document, and these rows are in a shadow root.
        const labels = () =>
          new Set(
            [...(root.shadowRoot?.querySelectorAll('[role="tree"] [role="treeitem"]') ?? [])].map((item) =>
              (item.querySelector('.tree-label') ?? item).textContent.trim(),
            ),
          );
        while (!names.every((n) => labels().has(n))) {
          if (performance.now() - started > 30_000) throw new Error('the embedded tree did not show within 30 s');
          await new Promise((r) => requestAnimationFrame(r));
        }
        return (await window.__bench.afterPaint()) - started;
      },
      { module: `${ctx.appUrl}/embed/profiles-studio.js`, apiBase: ctx.demoSim, key: KEY, ps: ctx.demo.ps.id, names: ctx.demo.rootFolders },
    );
    series('mount.embedded', ms);
    if (pageErrors.length) out.errors.push(`run ${run} embedded start: page errors: ${pageErrors.join('; ')}`);
  } finally {
    await context.close();
  }
}

/** How many times the working day opens a token or a folder, saves a token, and filters. */
const DAY = {
  opens: Number(process.env.BENCH_DAY_OPENS ?? 300),
  saves: Number(process.env.BENCH_DAY_SAVES ?? 30),
  filters: Number(process.env.BENCH_DAY_FILTERS ?? 20),
  history: process.env.BENCH_DAY_HISTORY !== '0',
};

/** A working day in one tab (demo data): 300 tokens and folders opened, 30 tokens saved, 20
 *  filters, back and forward through the history. Memory after the first 50 actions and at the
 *  end; the time of each "open token" (hash change → its heading painted). */
async function workingDay(run, ctx) {
  const sim = ctx.demoSim;
  await resetSim(sim);
  fs.writeFileSync(ctx.appConfig, JSON.stringify({ region: 'custom', baseUrl: sim }));
  const { ps } = ctx.demo;
  // BENCH_DAY_ONLY=token|folder, BENCH_DAY_ENTRIES=N: narrow the day down, when looking for what grows.
  const entries = ctx.demo.entries
    .filter((e) => !process.env.BENCH_DAY_ONLY || e.type === process.env.BENCH_DAY_ONLY)
    .slice(0, Number(process.env.BENCH_DAY_ENTRIES ?? Infinity));
  const { context, page, pageErrors } = await coldLoad(ctx.appUrl, `#/ps/${ps.id}`, ctx.demoAppStorage, {});
  const heading = page.getByRole('main').getByRole('heading', { level: 1 });
  let opened = 0;
  const open = (hash, name) =>
    page.evaluate(
      async ({ hash, name, key }) => {
        const started = performance.now();
        location.hash = hash;
        window.__bench.watch(key, 'headingIs', { name });
        const { paint } = await window.__bench.wait(key, 15_000);
        // Kept, 300 results would count in the day's JS heap.
        delete window.__bench.results[key];
        delete window.__bench.waiters[key];
        return paint - started;
      },
      { hash, name, key: `open ${++opened}` },
    );
  const editable = ctx.demo.entries.filter((e) => e.type === 'token' && e.editable);
  if (!editable.length) throw new Error('the demo data has no token in an editable folder');
  const save = async (token, n) => {
    await open(`#/ps/${ps.id}/tokens/${token.id}/edit`, 'Edit Profiles API Token');
    await page.getByLabel('Description', { exact: true }).first().fill(`Working day, run ${run}, save ${n}`);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await heading.filter({ hasText: token.name }).waitFor();
  };
  const box = page.getByRole('navigation').getByRole('searchbox', { name: /filter/i })
    .or(page.getByRole('navigation').getByRole('textbox', { name: /filter/i })).first();
  const filter = async (name) => {
    await box.fill(name);
    await page.getByRole('navigation').getByRole('status').filter({ hasText: /match/ }).first().waitFor();
    await box.fill('');
  };
  const tokenTimes = [];
  let actions = 0;
  let early = null;
  const trace = [];
  const done = async () => {
    actions += 1;
    if (actions % 50 === 0) {
      const now = await memory(context, page);
      if (actions === 50) early = now;
      trace.push(`${actions}: ${(now.wasm / 1048576).toFixed(1)} MiB wasm, ${(now.jsHeap / 1048576).toFixed(1)} MiB JS`);
    }
  };
  try {
    await heading.waitFor();
    for (let i = 0; i < DAY.opens; i++) {
      const entry = entries[i % entries.length];
      const kind = entry.type === 'token' ? 'tokens' : 'folders';
      const ms = await open(`#/ps/${ps.id}/${kind}/${entry.id}`, entry.name);
      if (entry.type === 'token') tokenTimes.push(ms);
      await done();
      if (i % (DAY.opens / DAY.saves) === DAY.opens / DAY.saves - 1) {
        await save(editable[Math.floor(i / 10) % editable.length], i);
        await done();
      }
      if (i % (DAY.opens / DAY.filters) === 0) {
        await filter(entries[(i * 7) % entries.length].name.slice(0, 4));
        await done();
      }
      if (DAY.history && i % 25 === 24) {
        // Back and forward through what was just opened, as a person retracing steps does.
        for (const step of ['goBack', 'goBack', 'goForward', 'goForward']) {
          await page[step]();
          await heading.waitFor();
          await done();
        }
      }
    }
    const end = await memory(context, page);
    series('day.actions', actions);
    for (const [which, key] of [['jsheap', 'jsHeap'], ['wasm', 'wasm']]) {
      if (early?.[key] && end[key]) series(`day.${which}.growth`, (end[key] - early[key]) / early[key]);
      if (end[key]) series(`day.${which}.end`, end[key]);
    }
    out.dayOpens.push(tokenTimes);
    log(`run ${run}: working day, ${actions} actions, ${tokenTimes.length} tokens opened`);
    out.notes.push(`run ${run} working day, memory every 50 actions: ${trace.join('; ')}`);
    if (pageErrors.length) out.errors.push(`run ${run} working day: page errors: ${pageErrors.join('; ')}`);
  } finally {
    await context.close();
  }
}

/** The pages Lighthouse visits: the connect screen of a first visit, and a token's page
 *  opened cold with the session remembered in the tab (as a returning user's link does). */
const LIGHTHOUSE_PAGES = ['connect', 'token'];

/** Lighthouse 12 (its default, mobile preset: a mid-range phone, simulated slow 4G and a 4×
 *  slower CPU) on one page, served precompressed as the README tells hosts to. A browser of its
 *  own per run, with a new profile: an empty cache, as a first visit has. */
async function lighthouseRun(which, run, ctx) {
  const [{ default: lighthouse }, { default: puppeteer }] = await Promise.all([import('lighthouse'), import('puppeteer-core')]);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'profiles-bench-lh-'));
  const lhBrowser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    userDataDir: profile,
    args: CHROMIUM_ARGS,
  });
  // Closed however the run ends: a hung Lighthouse must not keep its browser (see `attempt`).
  lighthouseBrowsers.add(lhBrowser);
  try {
    const page = await lhBrowser.newPage();
    await resetSim(ctx.demoSim); // the token as the demo has it, whatever an earlier flow did
    fs.writeFileSync(ctx.appConfig, JSON.stringify({ region: 'custom', baseUrl: ctx.demoSim }));
    let url = `${ctx.appUrl}/`;
    if (which === 'token') {
      // The remembered session, written from a non-app URL of the origin (no app code runs).
      await page.goto(`${ctx.appUrl}/config.json`);
      await page.evaluate((entries) => {
        for (const [k, v] of entries) sessionStorage.setItem(k, v);
      }, ctx.demoAppStorage);
      url = `${ctx.appUrl}/#/ps/${ctx.demo.ps.id}/tokens/${ctx.demo.token.id}`;
    }
    // Storage kept: Lighthouse would otherwise clear the tab's session before loading.
    const result = await lighthouse(url, { logLevel: 'error', onlyCategories: ['performance'], disableStorageReset: true }, undefined, page);
    const lhr = result?.lhr;
    if (!lhr) throw new Error('Lighthouse gave no result');
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    // What it saw must be the page meant, not an error screen that happens to load fast.
    const shown = await page.evaluate(() => document.body.innerText);
    const expected = which === 'token' ? ctx.demo.token.name : 'API key';
    if (!shown.includes(expected)) throw new Error(`Lighthouse's ${which} page does not show "${expected}"`);
    // BENCH_LIGHTHOUSE_DIR=DIR keeps each full report, when looking for what to cut.
    if (process.env.BENCH_LIGHTHOUSE_DIR) {
      fs.writeFileSync(path.join(process.env.BENCH_LIGHTHOUSE_DIR, `run${run}-${which}.json`), JSON.stringify(lhr));
    }
    const audit = (id) => lhr.audits[id]?.numericValue ?? null;
    series(`lighthouse.${which}.score`, lhr.categories.performance.score);
    series(`lighthouse.${which}.lcp`, audit('largest-contentful-paint'));
    series(`lighthouse.${which}.tbt`, audit('total-blocking-time'));
    series(`lighthouse.${which}.fcp`, audit('first-contentful-paint'));
    for (const w of lhr.runWarnings ?? []) out.notes.push(`run ${run} Lighthouse ${which}: ${w}`);
    // The opportunities it names, once: what to do next.
    if (run === 1) {
      const advice = Object.values(lhr.audits)
        .filter((a) => a.details?.type === 'opportunity' && (a.details.overallSavingsMs ?? 0) >= 50)
        .map((a) => `${a.title} (${Math.round(a.details.overallSavingsMs)} ms)`);
      out.notes.push(`Lighthouse ${which}, run 1: ${advice.length ? advice.join('; ') : 'no opportunity saving 50 ms or more'}`);
    }
    log(`run ${run}: Lighthouse ${which}: performance ${lhr.categories.performance.score}, LCP ${Math.round(audit('largest-contentful-paint'))} ms`);
  } finally {
    lighthouseBrowsers.delete(lhBrowser);
    await lhBrowser.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** Every folder and token under the parent segment's root (depth first), as the app names them;
 *  a folder that the key may not read (403) is left out with what is in it. */
async function allEntries(sim, folderId, editable = true) {
  const out = [];
  for (const c of await folderChildren(sim, folderId)) {
    if (c.type === 'folder-segment') {
      const canEdit = editable && c.edit !== false;
      const inside = await allEntries(sim, c.id, canEdit).catch((e) => {
        if (/: 403$/.test(e.message)) return null;
        throw e;
      });
      if (!inside) continue;
      out.push({ type: 'folder', id: c.id, name: c.name, editable: canEdit }, ...inside);
    } else if (c.type === 'token') {
      out.push({ type: 'token', id: c.id, name: c.name, editable });
    }
  }
  return out;
}

/** A modal dialog by name: `dialog`, or `alertdialog` for a destructive confirmation. */
function dialogNamed(page, name) {
  return page.getByRole('dialog', { name }).or(page.getByRole('alertdialog', { name })).first();
}

async function waitUntil(check, ms, what) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(what);
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** How long one scenario may take: a page that hangs fails its run, the others go on. */
const SCENARIO_MS = 5 * 60_000;

/** Runs one scenario within SCENARIO_MS; a failure or a hang is recorded (the hung scenario's
 * browser contexts are closed, which ends whatever it was waiting for) and the bench goes on. */
async function attempt(label, fn) {
  const opened = new Set();
  contextsOpened = opened;
  let timer;
  const hung = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish within ${SCENARIO_MS / 60_000} minutes`)), SCENARIO_MS);
  });
  try {
    await Promise.race([fn(), hung]);
  } catch (e) {
    out.errors.push(`${label}: ${e.message.split('\n')[0]}`);
    log(`FAILED ${label}: ${e.message.split('\n')[0]}`);
    await Promise.all([...opened, ...lighthouseBrowsers].map((c) => c.close().catch(() => {})));
  } finally {
    clearTimeout(timer);
    contextsOpened = null;
  }
}

// ---------- Main ----------

async function main() {
  out.bundle = { app: bundle(args['app-dist']), counter: bundle(args['counter-dist']) };

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'profiles-bench-'));
  const appConfig = path.join(work, 'app-config.json');
  const baselineConfig = path.join(work, 'baseline-config.json');
  fs.writeFileSync(appConfig, '{}');
  fs.writeFileSync(baselineConfig, '{}');
  // The baseline's files plus the app's own stylesheet, so both pages are styled alike.
  const baselineDir = path.join(work, 'baseline');
  fs.mkdirSync(baselineDir);
  for (const f of fs.readdirSync(path.join(here, 'baseline'))) fs.copyFileSync(path.join(here, 'baseline', f), path.join(baselineDir, f));
  const css = fs.readdirSync(args['app-dist']).find((f) => f.endsWith('.css'));
  fs.writeFileSync(path.join(baselineDir, 'app.css'), css ? fs.readFileSync(path.join(args['app-dist'], css)) : '');
  // The embedding host: an empty page on the baseline's origin (another origin than the app's).
  fs.writeFileSync(path.join(baselineDir, 'host.html'), '<!doctype html><html lang="en"><title>Host</title><div id="studio" style="height:800px"></div></html>');

  const serve = path.join(e2eDir, 'serve-static.mjs');
  // CORS on the app's files, as a CDN sends them, so that a host page on another origin can embed it.
  const appUrl = await start('app host', 'node', [serve, '--dir', args['app-dist'], '--port', '0', '--config-file', appConfig, '--cors', '*'], 'serving on ');
  const baselineUrl = await start('baseline host', 'node', [serve, '--dir', baselineDir, '--port', '0', '--config-file', baselineConfig], 'serving on ');
  const simArgs = (fixture) => ['--addr', '127.0.0.1:0', '--fixture', fixture, '--api-key', KEY, '--allow-origin', appUrl, '--allow-origin', baselineUrl, '--test-endpoints'];
  const demoSim = await start('cdp-sim (demo)', args.sim, simArgs('demo'), 'cdp-sim listening on ');
  const largeSim = await start('cdp-sim (large)', args.sim, simArgs(LARGE_FIXTURE), 'cdp-sim listening on ');
  log(`app ${appUrl}, baseline ${baselineUrl}, simulators ${demoSim} (demo) and ${largeSim} (${LARGE_FIXTURE})`);

  // What to expect, read through the API as the app would.
  const demoPs = await firstParentSegment(demoSim);
  const demoRoot = await folderChildren(demoSim, demoPs.root);
  let folder = null;
  let token = null;
  for (const f of demoRoot.filter((c) => c.type === 'folder-segment')) {
    const t = (await folderChildren(demoSim, f.id)).find((c) => c.type === 'token');
    if (t) {
      folder = f;
      token = t;
      break;
    }
  }
  if (!folder) throw new Error('the demo data has no token directly in a top-level folder');
  const moveTo = demoRoot.find((c) => c.type === 'folder-segment' && c.id !== folder.id && c.edit !== false);
  const largePs = await firstParentSegment(largeSim);
  const largeRoot = await folderChildren(largeSim, largePs.root);
  const bulk = largeRoot.find((c) => c.type === 'folder-segment' && c.name === LARGE_FOLDER);
  if (!bulk) throw new Error(`the generated fixture has no top-level folder "${LARGE_FOLDER}"`);
  const folderSize = (await folderChildren(largeSim, bulk.id)).length;
  out.notes.push(`large folder "${LARGE_FOLDER}" has ${folderSize} children`);
  const folderNames = (list) => list.filter((c) => c.type === 'folder-segment').map((c) => c.name);

  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  out.browser = `Chromium ${browser.version()} (headless)`;

  const ctx = {
    appUrl,
    baselineUrl,
    appConfig,
    demoSim,
    largeSim,
    demo: { ps: demoPs, rootFolders: folderNames(demoRoot), folder, token, moveTo, entries: await allEntries(demoSim, demoPs.root) },
    large: { ps: largePs, rootFolders: folderNames(largeRoot), folderId: bulk.id, folderSize },
  };
  await attempt('connect with "Remember in this tab"', async () => {
    ctx.demoAppStorage = await appStorage(appUrl, appConfig, demoSim);
    ctx.largeAppStorage = await appStorage(appUrl, appConfig, largeSim);
  });

  for (let run = 1; run <= RUNS; run++) {
    log(`run ${run}/${RUNS}`);
    // Alternate who goes first, so that drift on a shared machine does not favour one side.
    const order = run % 2 ? ['app', 'baseline'] : ['baseline', 'app'];
    for (const which of ONLY.has('cold') ? order : []) {
      if (which === 'app' && !ctx.demoAppStorage) continue;
      await attempt(`run ${run} cold start ${which}`, () => coldStart(which, run, ctx));
    }
    if (ONLY.has('embedded')) await attempt(`run ${run} embedded start`, () => embeddedStart(run, ctx));
    for (const which of ONLY.has('large') ? order : []) {
      if (which === 'app' && !ctx.largeAppStorage) continue;
      await attempt(`run ${run} large tree ${which}`, () => largeTree(which, run, ctx));
    }
    if (ONLY.has('requests')) await attempt(`run ${run} requests per action`, () => requestsPerAction(run, ctx));
    if (ONLY.has('day') && ctx.demoAppStorage) await attempt(`run ${run} working day`, () => workingDay(run, ctx));
    for (const which of ONLY.has('lighthouse') ? LIGHTHOUSE_PAGES : []) {
      if (which === 'token' && !ctx.demoAppStorage) continue;
      await attempt(`run ${run} Lighthouse ${which}`, () => lighthouseRun(which, run, ctx));
    }
  }
  await browser.close();
  fs.mkdirSync(path.dirname(args.out), { recursive: true });
  fs.writeFileSync(args.out, JSON.stringify(out, null, 2));
  log(`raw samples in ${args.out}`);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`[bench] ${e.stack ?? e}`);
    process.exit(1);
  },
);
