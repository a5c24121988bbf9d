// Page object for the token form (the edit form's tabs and the create wizard's steps): every
// control found by role and accessible name, as a screen reader user finds it.
import { expect, type Page, type Locator, type APIRequestContext } from '@playwright/test';
import { App } from './app';
import { simUrl, simKey } from './sim';

const JSON_API = 'application/vnd.treasuredata.v1+json';

export class TokenForm {
  constructor(readonly page: Page) {}

  get main(): Locator {
    return this.page.getByRole('main');
  }
  get name(): Locator {
    return this.main.getByRole('textbox', { name: 'Name', exact: true });
  }
  get description(): Locator {
    return this.main.getByRole('textbox', { name: 'Description', exact: true });
  }
  get lookupKey(): Locator {
    return this.main.getByRole('combobox', { name: 'Lookup Key', exact: true });
  }
  get attributes(): Locator {
    return this.main.getByRole('combobox', { name: 'Attributes', exact: true });
  }
  get segmentSearch(): Locator {
    return this.main.getByRole('combobox', { name: 'Search segments', exact: true });
  }
  get save(): Locator {
    return this.main.getByRole('button', { name: 'Save', exact: true });
  }
  get cancel(): Locator {
    return this.main.getByRole('button', { name: 'Cancel', exact: true });
  }
  get addSegmentButton(): Locator {
    return this.main.getByRole('button', { name: 'Add Segment', exact: true });
  }
  tab(name: 'Configure' | 'Segments'): Locator {
    return this.main.getByRole('tab', { name, exact: true });
  }
  get segmentsTable(): Locator {
    return this.main.getByRole('table', { name: 'Segments of this token' });
  }
  option(name: string | RegExp): Locator {
    return this.main.getByRole('option', { name });
  }
  /** Chosen attribute names, in order. */
  async chosenAttributes(): Promise<string[]> {
    const list = this.main.getByRole('list', { name: 'Chosen attributes' });
    if ((await list.count()) === 0) return [];
    return (await list.locator('code').allInnerTexts()).map((t) => t.trim());
  }
  /** The rows of the Segments table (names), in order. */
  async segmentNames(): Promise<string[]> {
    const table = this.segmentsTable;
    if ((await table.count()) === 0) return [];
    return (await table.locator('tbody tr td:first-child').allInnerTexts()).map((t) => t.trim());
  }
  /** Types into the Attributes box and picks the option named `name`. */
  async addAttribute(name: string) {
    await this.attributes.fill(name);
    await this.option(new RegExp(`^${name}`)).first().click();
  }
  async removeAttribute(name: string) {
    await this.main.getByRole('button', { name: `Remove ${name}`, exact: true }).click();
  }
  async addSegment(name: string) {
    if (!(await this.segmentSearch.isVisible())) await this.addSegmentButton.click();
    await this.segmentSearch.fill(name);
    await this.option(new RegExp(`^${escape(name)}`)).first().click();
  }
  async removeSegment(name: string) {
    await this.main.getByRole('button', { name: `Remove ${name}`, exact: true }).click();
  }
}

/** Opens a token's page through the tree (the seed's steps 1-4), by mouse. */
export async function openToken(app: App, folders: string[], token: string) {
  await app.open();
  await app.connect();
  await app.openParentSegment('Retail Customers');
  for (const folder of folders) await app.selectFolder(folder);
  await app.item(token).locator('> .tree-row').click();
  await expect(app.page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(token);
}

/** The stored token, read back through the real API. */
export async function storedToken(request: APIRequestContext, id: string): Promise<any> {
  const res = await request.get(`${simUrl()}/entities/tokens/${id}`, {
    headers: { Authorization: `TD1 ${simKey()}`, Accept: JSON_API },
  });
  expect(res.status(), `GET token ${id}`).toBe(200);
  return (await res.json()).data;
}

/** Changes a token through the API, as another user would (the full representation). */
export async function patchElsewhere(request: APIRequestContext, id: string, change: (t: any) => void) {
  const current = await storedToken(request, id);
  const body = {
    id,
    type: 'token',
    attributes: {
      name: current.attributes.name,
      description: current.attributes.description,
      keyColumn: current.attributes.keyColumn,
      attributeColumns: current.attributes.attributeColumns,
    },
    relationships: {
      parentFolder: { data: { id: current.relationships.parentFolder.data.id, type: 'folder-segment' } },
      segments: { data: current.relationships.segments.data.map((s: any) => ({ id: s.id, type: s.type })) },
    },
  };
  change(body);
  const res = await request.patch(`${simUrl()}/entities/tokens/${id}`, {
    headers: { Authorization: `TD1 ${simKey()}`, Accept: JSON_API, 'Content-Type': JSON_API },
    data: JSON.stringify(body),
  });
  expect(res.status(), 'PATCH elsewhere').toBe(200);
}

/** Focus is on `target`: pressing Tab (or Shift+Tab) until it is, at most `max` times. */
export async function tabTo(page: Page, target: Locator, backwards = false, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  await expect(target).toBeFocused();
}

export function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
