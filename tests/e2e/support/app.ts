// Page object for the app: every control is found by role and accessible name, as a screen
// reader user would find it.
import { expect, type Page, type Locator } from '@playwright/test';
import { appUrl, simKey } from './sim';

export class App {
  constructor(readonly page: Page) {}

  async open(hash = '') {
    await this.page.goto(`${appUrl()}/${hash}`);
  }

  get keyField(): Locator {
    return this.page.getByLabel('API key', { exact: true });
  }

  /** Fills the connect screen (the region and base URL come from config.json) and connects;
   *  with `remember`, "Remember in this tab" is checked first. */
  async connect(key = simKey(), { remember = false } = {}) {
    await expect(this.page.getByRole('button', { name: 'Connect' })).toBeVisible();
    await this.keyField.fill(key);
    if (remember) await this.page.getByRole('checkbox', { name: 'Remember in this tab' }).check();
    await this.page.getByRole('button', { name: 'Connect' }).click();
  }

  async openParentSegment(name: string) {
    await this.page.getByRole('link', { name: new RegExp(`^${escape(name)}`) }).click();
    await expect(this.tree).toBeVisible();
  }

  get tree(): Locator {
    return this.page.getByRole('tree');
  }

  item(name: string): Locator {
    return this.tree.getByRole('treeitem', { name, exact: true });
  }

  /** The tree node of an item: the item plus its group (children, loading, error and Retry). */
  node(name: string): Locator {
    return this.item(name).locator('xpath=..');
  }

  /** Expands a folder by clicking its expand toggle, as the seed's step 3 selects a folder. */
  async selectFolder(name: string) {
    const folder = this.item(name);
    await folder.locator('> .tree-row').click();
    await expect(folder).toHaveAttribute('aria-expanded', 'true');
  }
}

export function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
