// An embedding host page in the suite: tests/embed/host/blank.html on its own origin, under the
// host CSP of support/servers.ts, with hostile CSS. Instances are mounted exactly as the README
// tells hosts to: `import { mount } from ".../embed/profiles-studio.js"`, or `<profiles-studio>`.
// Each instance's `authorization` answers with `window.__credential[slot]` and counts its calls.
import { expect, type Locator, type Page } from '@playwright/test';
import { escape } from './app';

export const hostUrl = () => process.env.HOST_URL!;
export const moduleUrl = () => `${process.env.APP_URL}/embed/profiles-studio.js`;
export const key2 = () => process.env.SIM_KEY_2!;

export interface MountSpec {
  slot: string;
  credential: string | null;
  parentSegmentId?: string;
  route?: string;
  /** The simulator's Profiles API when true (the lookup tester works), none otherwise. */
  lookups?: boolean;
}

/** Opens the host page; its own elements and its URL, title and storage as they are now. */
export async function openHost(page: Page) {
  await page.goto(`${hostUrl()}/blank.html`);
  await page.evaluate(() => {
    const w = window as any;
    w.__credential = {};
    w.__asked = {};
    w.__routes = {};
    w.__refused = {};
    w.__studios = {};
  });
  return hostSnapshot(page);
}

/** What an instance must never change: the host's elements' styles, URL, title and storage. */
export async function hostSnapshot(page: Page) {
  return page.evaluate(() => {
    const props = ['color', 'font-family', 'display', 'background-color', 'border-top-style', 'letter-spacing', 'line-height', 'text-transform'];
    const styles: Record<string, string[]> = {};
    for (const id of ['host-title', 'host-text', 'host-button', 'host-input']) {
      const s = getComputedStyle(document.getElementById(id)!);
      styles[id] = props.map((p) => `${p}: ${s.getPropertyValue(p)}`);
    }
    const dump = (s: Storage) => Object.fromEntries(Object.keys(s).map((k) => [k, s.getItem(k)]));
    return {
      styles,
      url: location.href,
      title: document.title,
      local: dump(localStorage),
      session: dump(sessionStorage),
    };
  });
}

/** `mount(element, options)` into `#slot` with the simulator as `apiBase`. */
export async function mountInstance(page: Page, spec: MountSpec) {
  await page.evaluate(
    async ({ spec, module, apiBase, lookupBase }) => {
      const w = window as any;
      w.__credential[spec.slot] = spec.credential;
      w.__asked[spec.slot] = 0;
      w.__routes[spec.slot] = [];
      w.__refused[spec.slot] = 0;
      const { mount } = await import(module);
      w.__studios[spec.slot] = await mount(document.getElementById(spec.slot), {
        apiBase,
        lookupBase: spec.lookups ? lookupBase : undefined,
        parentSegmentId: spec.parentSegmentId,
        route: spec.route,
        authorization: async () => {
          w.__asked[spec.slot] += 1;
          return w.__credential[spec.slot];
        },
        onNavigate: (route: string) => w.__routes[spec.slot].push(route),
        onAuthRequired: () => { w.__refused[spec.slot] += 1; },
      });
    },
    { spec, module: moduleUrl(), apiBase: process.env.SIM_URL!, lookupBase: process.env.LOOKUP_URL! },
  );
  return page.locator(`#${spec.slot}`);
}

/** A `<profiles-studio>` element appended to the body, its credential set as a property. */
export async function addElement(page: Page, id: string, credential: string, attributes: Record<string, string>) {
  await page.evaluate(
    async ({ id, credential, attributes, module, apiBase }) => {
      const w = window as any;
      await import(module);
      const el = document.createElement('profiles-studio') as any;
      el.id = id;
      el.className = 'studio';
      el.setAttribute('api-base', apiBase);
      for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
      w.__asked[id] = 0;
      w.__routes[id] = [];
      el.authorization = async () => {
        w.__asked[id] += 1;
        return credential;
      };
      el.addEventListener('profiles-studio-navigate', (e: CustomEvent) => w.__routes[id].push(e.detail.route));
      document.body.append(el);
    },
    { id, credential, attributes, module: moduleUrl(), apiBase: process.env.SIM_URL! },
  );
  return page.locator(`#${id}`);
}

export const counters = (page: Page, slot: string) =>
  page.evaluate((slot) => {
    const w = window as any;
    return { asked: w.__asked[slot], routes: w.__routes[slot], refused: w.__refused[slot] };
  }, slot);

export const studioRoute = (page: Page, slot: string) =>
  page.evaluate((slot) => (window as any).__studios[slot].route as string, slot);

/** The instance's tree, item and token-page steps (the seed's steps 2-4), inside `root`. */
export class Embedded {
  constructor(readonly root: Locator) {}

  get tree(): Locator {
    return this.root.getByRole('navigation', { name: 'Folders' }).getByRole('tree');
  }

  item(name: string): Locator {
    return this.tree.getByRole('treeitem', { name, exact: true });
  }

  heading(): Locator {
    return this.root.getByRole('main').getByRole('heading', { level: 1 });
  }

  async openToken(folders: string[], token: string) {
    await expect(this.tree).toBeVisible();
    for (const folder of folders) {
      await this.item(folder).locator('> .tree-row').click();
      await expect(this.item(folder)).toHaveAttribute('aria-expanded', 'true');
    }
    await this.item(token).locator('> .tree-row').click();
    await expect(this.heading()).toHaveText(token);
  }

  link(name: string): Locator {
    return this.root.getByRole('link', { name: new RegExp(`^${escape(name)}`) });
  }
}
