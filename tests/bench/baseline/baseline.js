// The plain-DOM reference of `cargo xtask bench` (issue 6): no framework, no build step.
// It does what the app does on `#/ps/ID`, with the same requests and the same DOM shape (the
// app's classes and ARIA roles, styled by the app's own CSS): read the remembered connection
// from sessionStorage, GET the parent segment for its root folder, GET the root's by-folder
// document, render its children as tree items and as the folder table. Clicking a folder row
// GETs that folder's by-folder document and renders its children in the tree and the table.
// The bench compares the app against these times; it is not meant to be a product.

const STORAGE_KEY = 'bench-baseline.session';
const JSON_API = 'application/vnd.treasuredata.v1+json';
const SVG = 'http://www.w3.org/2000/svg';

const KIND = {
  'folder-segment': 'folder',
  'segment-batch': 'segment-batch',
  'segment-realtime': 'segment-realtime',
  'segment-funnel-stage': 'segment-funnel-stage',
  token: 'token',
};
const KIND_LABEL = {
  folder: 'Folder',
  'segment-batch': 'Batch segment',
  'segment-realtime': 'Realtime segment',
  'segment-funnel-stage': 'Funnel stage',
  token: 'Profiles API token',
};
const ICON_PATHS = {
  folder: ['path', { d: 'M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z' }],
  token: ['path', { d: 'M10.8 12.2 20 3.5M16.5 7l2.5 2.5M14 9.5l2 2' }],
  'segment-batch': ['path', { d: 'M12 4v8h8' }],
  'segment-realtime': ['path', { d: 'M13 3 5 14h6l-1 7 8-11h-6z' }],
  'segment-funnel-stage': ['path', { d: 'M4 5h16l-6 7v6l-4 2v-8z' }],
  other: ['rect', { x: '5', y: '5', width: '14', height: '14', rx: '3' }],
  chevron: ['path', { d: 'm9 6 6 6-6 6' }],
};

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

// One template per icon, cloned per row (what a hand-written page would do).
const iconTemplates = {};
function icon(kind) {
  const key = ICON_PATHS[kind] ? kind : 'other';
  if (!iconTemplates[key]) {
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('class', `icon icon-${key}`);
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('focusable', 'false');
    const [tag, attrs] = ICON_PATHS[key];
    const shape = document.createElementNS(SVG, tag);
    for (const [name, value] of Object.entries(attrs)) shape.setAttribute(name, value);
    svg.append(shape);
    iconTemplates[key] = svg;
  }
  return iconTemplates[key].cloneNode(true);
}

function population(n) {
  if (n === null || n === undefined) return '—';
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

let session = null;
try {
  session = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
} catch {
  session = null;
}

async function api(path) {
  const res = await fetch(session.baseUrl.replace(/\/$/, '') + path, {
    headers: { Authorization: `TD1 ${session.apiKey}`, Accept: JSON_API },
  });
  if (!res.ok) throw new Error(`GET ${path} answered ${res.status}`);
  return res.json();
}

// The by-folder document's direct children of `folderId`, as the app decodes them.
function childrenOf(folderId, doc) {
  const items = Array.isArray(doc.data) ? doc.data : [doc.data];
  const self = items.find((r) => r.type === 'folder-segment' && r.id === folderId);
  const listed = new Set((self?.relationships?.children?.data ?? []).map((c) => `${c.type}:${c.id}`));
  return items
    .filter((r) => r !== self)
    .filter((r) => {
      const parent = r.relationships?.parentFolder?.data?.id;
      return parent ? parent === folderId : listed.has(`${r.type}:${r.id}`);
    })
    .map((r) => ({
      id: r.id,
      kind: KIND[r.type] ?? r.type,
      name: r.attributes?.name ?? '',
      population: r.attributes?.population,
    }));
}

function treeItem(entity, level, position, size) {
  const domId = `ti-${entity.kind}-${entity.id}`;
  const isFolder = entity.kind === 'folder';
  const toggle = el('span', { class: isFolder ? 'tree-toggle' : 'tree-toggle tree-toggle-none', 'aria-hidden': 'true' });
  if (isFolder) toggle.append(icon('chevron'));
  const row = el('div', { class: 'tree-row' }, toggle, icon(entity.kind), el('span', { class: 'tree-label', id: `${domId}-label` }, entity.name));
  const item = el('div', {
    id: domId,
    class: 'tree-item',
    role: 'treeitem',
    'data-kind': entity.kind,
    'aria-labelledby': `${domId}-label`,
    'aria-level': String(level),
    'aria-posinset': String(position),
    'aria-setsize': String(size),
    'aria-selected': 'false',
    tabindex: '-1',
  }, row);
  const node = el('li', { role: 'none', class: 'tree-node' }, item);
  if (isFolder) {
    item.setAttribute('aria-expanded', 'false');
    row.addEventListener('click', () => openFolder(entity, item, node, level));
  }
  return node;
}

function renderItems(list, entities, level) {
  const fragment = document.createDocumentFragment();
  entities.forEach((e, i) => fragment.append(treeItem(e, level, i + 1, entities.length)));
  list.append(fragment);
}

function renderTable(title, entities) {
  const body = el('tbody');
  const fragment = document.createDocumentFragment();
  for (const e of entities) {
    const link = e.kind === 'folder' || e.kind === 'token';
    const name = link ? el('a', { href: `#/ps/${route.ps}/${e.kind === 'folder' ? 'folders' : 'tokens'}/${e.id}` }, e.name) : el('span', {}, e.name);
    fragment.append(
      el('tr', { 'data-kind': e.kind },
        el('td', {}, el('span', { class: 'entry-name' }, icon(e.kind), name)),
        el('td', {}, KIND_LABEL[e.kind] ?? e.kind),
        el('td', { class: 'num' }, link ? '' : population(e.population))),
    );
  }
  body.append(fragment);
  const head = el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Name'), el('th', { scope: 'col' }, 'Type'), el('th', { scope: 'col', class: 'num' }, 'Population')));
  content.replaceChildren(el('section', { class: 'folder-page' }, el('h1', {}, title), el('table', { class: 'table' }, head, body)));
}

async function openFolder(entity, item, node, level) {
  for (const selected of document.querySelectorAll('[role="treeitem"][aria-selected="true"]')) selected.setAttribute('aria-selected', 'false');
  item.setAttribute('aria-selected', 'true');
  if (item.getAttribute('aria-expanded') === 'true') return;
  item.setAttribute('aria-expanded', 'true');
  const groupId = `${item.id}-group`;
  item.setAttribute('aria-owns', groupId);
  const group = el('ul', { role: 'group', id: groupId });
  node.append(group);
  try {
    const children = childrenOf(entity.id, await api(`/entities/by-folder/${entity.id}?depth=1`));
    renderItems(group, children, level + 1);
    renderTable(entity.name, children);
  } catch (e) {
    group.append(el('li', { role: 'none' }, el('div', { role: 'treeitem', class: 'tree-error', 'aria-level': String(level + 1) }, String(e))));
  }
}

const route = (() => {
  const m = /^#\/ps\/(\d+)/.exec(location.hash);
  return m ? { ps: m[1] } : null;
})();
let content;

async function browse() {
  const header = el('header', { class: 'app-header' }, el('a', { class: 'brand', href: '#/' }, 'Baseline'));
  const tree = el('ul', { class: 'tree', role: 'tree', 'aria-label': 'Folders' });
  content = el('main', { class: 'browse-content' });
  document.body.append(header, el('div', { class: 'browse' }, el('nav', { class: 'browse-tree', 'aria-label': 'Folders' }, tree), content));
  try {
    const ps = await api(`/entities/parent_segments/${route.ps}`);
    const root = ps.data.relationships.parentSegmentFolder.data.id;
    const children = childrenOf(root, await api(`/entities/by-folder/${root}?depth=1`));
    renderItems(tree, children, 1);
    renderTable(ps.data.attributes.name, children);
  } catch (e) {
    content.replaceChildren(el('p', { role: 'alert' }, String(e)));
  }
}

// For use by hand: a minimal connect form (the bench writes sessionStorage directly).
async function connectForm() {
  const config = await fetch('config.json').then((r) => r.json()).catch(() => ({}));
  const base = el('input', { id: 'base', value: config.baseUrl ?? '' });
  const key = el('input', { id: 'key', type: 'password' });
  const form = el('form', { class: 'form' },
    el('label', { for: 'base' }, 'API base URL'), base,
    el('label', { for: 'key' }, 'API key'), key,
    el('button', { type: 'submit' }, 'Connect'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ baseUrl: base.value, apiKey: key.value }));
    location.reload();
  });
  document.body.append(el('main', { class: 'page narrow' }, el('h1', {}, 'Connect (baseline)'), form));
}

if (!session?.baseUrl || !session?.apiKey) connectForm();
else if (!route) document.body.append(el('p', {}, 'Open #/ps/ID.'));
else browse();
