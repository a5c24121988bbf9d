// Injected into every page the bench opens (app and baseline alike), before any page script:
// `(${benchProbe})(config)`. It records what the driver cannot see from outside without adding
// latency: long tasks, the time a DOM condition first holds and the paint after it, input
// event times, and the app's wasm memory. All times are performance.now() values, i.e.
// milliseconds since navigation start.
// eslint-disable-next-line no-unused-vars
function benchProbe(config) {
  const bench = {
    longTasks: [],
    results: {},
    waiters: {},
    clickAt: null,
    wasm: null,
    errors: [],
  };
  window.__bench = bench;

  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {
    bench.errors.push(`no longtask observer: ${e}`);
  }
  // Trunk's loader announces the instance; its exported memory is the wasm heap.
  addEventListener('TrunkApplicationStarted', (e) => {
    bench.wasm = e.detail?.wasm ?? null;
  });
  addEventListener('click', (e) => { bench.clickAt = e.timeStamp; }, true);

  // After the current frame is painted: the next animation frame, then a message (a task that
  // runs after that frame's paint; unlike setTimeout it is not clamped).
  function afterPaint(done) {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now());
      channel.port2.postMessage(0);
    });
  }
  bench.afterPaint = () => new Promise(afterPaint);

  const labelOf = (item) => (item.querySelector('.tree-label') ?? item).textContent.trim();
  const visible = (node) => (node.checkVisibility ? node.checkVisibility() : node.offsetParent !== null);

  // Conditions, checked after every batch of DOM changes.
  const conditions = {
    // Every named folder is a visible item of the tree.
    treeHas({ names }) {
      const tree = document.querySelector('[role="tree"]');
      if (!tree) return false;
      const have = new Map();
      for (const item of tree.querySelectorAll('[role="treeitem"]')) have.set(labelOf(item), item);
      return names.every((n) => have.has(n) && visible(have.get(n)));
    },
    // The main pane's heading reads `name` (a page has arrived).
    headingIs({ name }) {
      return document.querySelector('main h1')?.textContent.trim() === name;
    },
    // The named folder is open, its group shows at least `rows` items and so does the table of
    // the main pane (the first rows: a virtualized list need not render them all).
    folderShows({ name, rows }) {
      const tree = document.querySelector('[role="tree"]');
      if (!tree) return false;
      let folder = null;
      for (const item of tree.querySelectorAll('[role="treeitem"][aria-expanded="true"]')) {
        if (labelOf(item) === name) folder = item;
      }
      if (!folder) return false;
      const owned = folder.getAttribute('aria-owns');
      const group = (owned && document.getElementById(owned)) || folder.parentElement?.querySelector(':scope > [role="group"]');
      if (!group) return false;
      const items = group.querySelectorAll('[role="treeitem"]:not([aria-disabled="true"])');
      const table = document.querySelectorAll('main table tbody tr');
      return items.length >= rows && table.length >= rows && visible(items[Math.min(rows, items.length) - 1]);
    },
  };

  // Resolves bench.results[name] = { dom, paint } when `cond` first holds.
  bench.watch = (name, cond, args) => {
    const check = () => {
      if (bench.results[name]) return true;
      let ok = false;
      try {
        ok = conditions[cond](args);
      } catch (e) {
        bench.errors.push(String(e));
      }
      if (!ok) return false;
      const dom = performance.now();
      bench.results[name] = { dom, paint: null };
      afterPaint((paint) => {
        bench.results[name].paint = paint;
        for (const resolve of bench.waiters[name] ?? []) resolve(bench.results[name]);
      });
      return true;
    };
    if (check()) return;
    const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
    observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  };

  // Resolves with bench.results[name] once painted; rejects after `ms`.
  bench.wait = (name, ms) => new Promise((resolve, reject) => {
    if (bench.results[name]?.paint != null) return resolve(bench.results[name]);
    (bench.waiters[name] ??= []).push(resolve);
    setTimeout(() => reject(new Error(`${name}: not shown within ${ms} ms`)), ms);
  });

  // Keystroke latency: the key's event time to the paint after the last DOM change that
  // follows it (a debounced filter is measured to its result), or to the next paint if the
  // key changed nothing.
  let keyState = null;
  addEventListener('keydown', (e) => {
    if (!keyState) return;
    keyState.key = e.timeStamp;
    afterPaint((t) => { if (keyState) keyState.paintAfterKey = t; });
  }, true);
  bench.armKey = (selector) => {
    const root = document.querySelector(selector) ?? document;
    keyState = { key: null, paintAfterKey: null, last: null, paintAfterLast: null, seq: 0, observer: null };
    const state = keyState;
    state.observer = new MutationObserver(() => {
      if (state.key === null) return;
      state.last = performance.now();
      const seq = ++state.seq;
      afterPaint((t) => { if (seq === state.seq) state.paintAfterLast = t; });
    });
    state.observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  };
  // Waits until nothing changed for `quietMs` (at most `maxMs`), returns the latency in ms.
  bench.keySettled = async (quietMs, maxMs) => {
    const state = keyState;
    const start = performance.now();
    for (;;) {
      await new Promise((r) => setTimeout(r, 25));
      const now = performance.now();
      const lastChange = state.last ?? state.key ?? start;
      const painted = state.last === null ? state.paintAfterKey !== null : state.paintAfterLast !== null;
      if ((painted && now - lastChange >= quietMs) || now - start > maxMs) break;
    }
    state.observer.disconnect();
    keyState = null;
    if (state.key === null) return { error: 'no keydown seen' };
    const end = state.last === null ? state.paintAfterKey : state.paintAfterLast;
    return end === null ? { error: 'no paint after the key' } : { latency: end - state.key, changed: state.last !== null };
  };

  // Scrolls every scroller that holds the open folder's rows (the tree group, the table) from
  // top to bottom, a screen at a time, a frame apart; counts long tasks meanwhile.
  bench.scrollThrough = async ({ name }) => {
    const scrollerOf = (node) => {
      for (let n = node?.parentElement; n; n = n.parentElement) {
        const style = getComputedStyle(n);
        if (/(auto|scroll|overlay)/.test(style.overflowY) && n.scrollHeight > n.clientHeight + 1) return n;
      }
      return document.scrollingElement;
    };
    let folder = null;
    for (const item of document.querySelectorAll('[role="tree"] [role="treeitem"][aria-expanded="true"]')) {
      if (labelOf(item) === name) folder = item;
    }
    const owned = folder?.getAttribute('aria-owns');
    const group = (owned && document.getElementById(owned)) || folder?.parentElement?.querySelector(':scope > [role="group"]');
    const table = document.querySelector('main table tbody');
    const scrollers = [...new Set([group, table].filter(Boolean).map(scrollerOf))];
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const t0 = performance.now();
    let steps = 0;
    for (const s of scrollers) {
      s.scrollTop = 0;
      await frame();
      let still = 0;
      while (steps < 5000 && still < 3) {
        const before = s.scrollTop;
        s.scrollTop = before + Math.max(100, Math.floor(s.clientHeight * 0.9));
        steps++;
        await frame();
        const atEnd = s.scrollTop + s.clientHeight >= s.scrollHeight - 1;
        still = atEnd && s.scrollTop === before ? still + 1 : atEnd ? Math.max(still, 1) : 0;
      }
    }
    await frame();
    const t1 = performance.now();
    const during = bench.longTasks.filter((t) => t.start + t.duration >= t0 && t.start <= t1);
    return {
      scrollers: scrollers.length,
      steps,
      ms: t1 - t0,
      longTasks: during.length,
      longest: during.reduce((m, t) => Math.max(m, t.duration), 0),
    };
  };

  bench.wasmBytes = () => {
    const memory = bench.wasm?.memory;
    return memory instanceof WebAssembly.Memory ? memory.buffer.byteLength : null;
  };

  for (const [name, watch] of Object.entries(config?.watch ?? {})) {
    bench.watch(name, watch.cond, watch.args);
  }
}
