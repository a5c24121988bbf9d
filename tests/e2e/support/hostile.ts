// The hostile-input pass (reliability.md, "Bad input"): the nasty strings of
// tests/fixtures/hostile-strings.json, and the checks every typed or served string must pass:
// no element made from it, no script run from it, no console error.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page, type Locator } from '@playwright/test';

const here = path.dirname(fileURLToPath(import.meta.url));
export const HOSTILE_FILE = path.join(here, '..', '..', 'fixtures', 'hostile-strings.json');

export interface Hostile {
  why: string;
  text: string;
}

/** The strings, with `repeat` expanded. */
export function hostileStrings(): Hostile[] {
  const file = JSON.parse(fs.readFileSync(HOSTILE_FILE, 'utf8'));
  return file.strings.map((s: { why: string; text: string; repeat?: number }) => ({
    why: s.why,
    text: s.text.repeat(s.repeat ?? 1),
  }));
}

/** A short label for messages (10,000 characters would drown the report). */
export function label(s: Hostile): string {
  return s.why.split(':')[0];
}

/**
 * Collects console errors of `page` (pageerror and CSP violations are already failures through
 * the suite's fixtures). Returns the live list; assert it empty at the end.
 */
export function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`${msg.text().slice(0, 300)} (${msg.location().url})`);
  });
  return errors;
}

/** What an injection would leave behind: counted before and compared after. */
export async function injectionMarks(page: Page) {
  return page.evaluate(() => ({
    pwned: (window as any).__pwned === 1,
    scripts: document.querySelectorAll('script').length,
    imgX: document.querySelectorAll('img[src="x"], svg[onload], [onerror], [onload]').length,
    iframes: document.querySelectorAll('iframe, object, embed').length,
  }));
}

export async function expectNoInjection(page: Page, baseline: Awaited<ReturnType<typeof injectionMarks>>, where: string) {
  expect(await injectionMarks(page), `no element or script from the string (${where})`).toEqual(baseline);
}

/**
 * Fills `field` with `text` and checks it holds exactly what a plain element of the same kind
 * holds after the same typing and a write-back of its own value, as a framework binding does
 * (browsers turn typed line breaks into spaces in single-line inputs, and trim URL inputs on
 * assignment: that is the platform, not the app). The plain element is added for the moment,
 * inside the field's dialog if it has one (a modal dialog makes the rest of the page inert).
 */
export async function typeAndCheck(field: Locator, text: string, where: string) {
  await field.fill(text);
  const actual = await field.inputValue();
  const kind = await field.evaluate((el: HTMLInputElement) => `${el.tagName}/${el.type}`);
  const expected = references.get(`${kind}/${text}`) ?? (await reference(field, text));
  references.set(`${kind}/${text}`, expected);
  const show = (v: string) => JSON.stringify(v.length > 120 ? `${v.slice(0, 120)}… (${v.length})` : v);
  expect(actual === expected, `${where}: value shown exactly as typed: ${show(actual)} vs ${show(expected)}`).toBe(true);
}

/** What a plain element of each kind holds for each string: the same for every field of a kind. */
const references = new Map<string, string>();

async function reference(field: Locator, text: string): Promise<string> {
  const ref = field.page().locator('#hostile-reference');
  await field.evaluate((el: HTMLInputElement | HTMLTextAreaElement) => {
    const ref = document.createElement(el.tagName.toLowerCase()) as HTMLInputElement;
    if (el instanceof HTMLInputElement) ref.type = el.type;
    ref.id = 'hostile-reference';
    ref.style.position = 'fixed';
    ref.style.top = '0';
    ref.style.left = '0';
    ref.style.zIndex = '2147483647';
    (el.closest('dialog') ?? document.body).append(ref);
  });
  await ref.fill(text);
  const expected = await ref.evaluate((el: HTMLInputElement) => {
    el.value = el.value;
    return el.value;
  });
  await ref.evaluate((el) => el.remove());
  return expected;
}

/**
 * A simulator fixture where every name and description is a hostile string: one parent
 * segment per string (the list page), and in the first one a folder per string holding a token
 * and a segment with that string as name and description, the token using an attribute and
 * created by a user of that name. Ids: folder 2000+i, segment 3000+i, token 5000+i.
 */
export function hostileFixture(strings: Hostile[]) {
  const attribute = (s: Hostile, i: number) => ({
    id: String(i + 1),
    name: s.text,
    type: 'string',
    parentDatabaseName: 'hostile_db',
    parentTableName: 'hostile_table',
    parentColumn: `col_${i}`,
    parentKey: 'customer_id',
    foreignKey: 'customer_id',
  });
  const parentSegment = (s: Hostile, i: number) => ({
    id: String(101 + i),
    name: s.text,
    description: s.text,
    population: 1000 + i,
    rootFolderId: String(1000 + i),
    master: { parentDatabaseName: 'hostile_db', parentTableName: 'customers' },
    masterColumns: [{ name: 'td_client_id', type: 'string' }],
    attributes: i === 0 ? strings.map(attribute) : [],
  });
  const roots = strings.map((s, i) => ({ id: String(1000 + i), parentSegmentId: String(101 + i), parentId: null, name: s.text }));
  const folders = strings.map((s, i) => ({
    id: String(2000 + i),
    parentSegmentId: '101',
    parentId: '1000',
    name: s.text,
    description: s.text,
  }));
  return {
    currentUser: '1001',
    users: strings.map((s, i) => ({ id: String(1001 + i), tdUserId: String(50001 + i), name: s.text })),
    parentSegments: strings.map(parentSegment),
    folders: [...roots, ...folders],
    segments: strings.map((s, i) => ({
      id: String(3000 + i),
      kind: 'batch',
      folderId: String(2000 + i),
      name: s.text,
      description: s.text,
      population: 10 + i,
    })),
    tokens: strings.map((s, i) => ({
      id: String(5000 + i),
      folderId: String(2000 + i),
      name: s.text,
      description: s.text,
      token: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      keyColumn: 'td_client_id',
      attributeColumns: [s.text],
      segments: [String(3000 + i)],
      createdBy: String(1001 + i),
      updatedBy: String(1001 + i),
    })),
  };
}
