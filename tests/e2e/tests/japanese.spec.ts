// Issue 13: the console in Japanese. The seed's flows found by role and Japanese accessible
// name (a browser that prefers Japanese starts in it), switching language in the middle of an
// edit keeps the draft and is remembered, `lang` follows, axe is clean in Japanese, and no text
// overflows its control at 360 px in either language.
import { test, expect, freshSimForEachTest } from '../support/fixtures';
import { expectAccessible } from '../support/axe';
import { appUrl, simKey, simUrl } from '../support/sim';
import { addElement, hostSnapshot, mountInstance, openHost } from '../support/embed';
import type { Locator, Page } from '@playwright/test';

const sim = freshSimForEachTest();

/** The connect screen in Japanese, then the parent segment, the folders and the token. */
async function openTokenInJapanese(page: Page, folders: string[], token: string) {
  await page.goto(`${appUrl()}/`);
  await expect(page.getByRole('heading', { level: 1, name: 'Treasure Data に接続' })).toBeVisible();
  await page.getByLabel('API キー', { exact: true }).fill(simKey());
  await page.getByRole('button', { name: '接続', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'ペアレントセグメント' })).toBeVisible();
  await page.getByRole('link', { name: /^Retail Customers/ }).click();
  const tree = page.getByRole('tree', { name: 'Retail Customers のフォルダ' });
  for (const folder of folders) {
    await tree.getByRole('treeitem', { name: folder, exact: true }).locator('> .tree-row').click();
  }
  await tree.getByRole('treeitem', { name: token, exact: true }).locator('> .tree-row').click();
  await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText(token);
  return tree;
}

function toast(page: Page): Locator {
  return page.getByRole('status', { name: '通知' });
}

async function storedStatus(page: Page, id: string): Promise<number> {
  const res = await page.request.get(`${simUrl()}/entities/tokens/${id}`, {
    headers: { Authorization: `TD1 ${simKey()}`, Accept: 'application/vnd.treasuredata.v1+json' },
  });
  return res.status();
}

test.describe('a browser that prefers Japanese', () => {
  test.use({ locale: 'ja-JP' });

  test('編集: the 設定 and セグメント tabs and 保存, in Japanese throughout', async ({ page }) => {
    await openTokenInJapanese(page, ['Web Personalization', 'Homepage Banners'], 'Homepage Personalization');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.getByRole('term').filter({ hasText: 'Lookup Key' })).toBeVisible();
    await expectAccessible(page, 'token page in Japanese');
    await page.getByRole('link', { name: 'Profiles API トークンを編集' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Profiles API トークンを編集' })).toBeVisible();
    const main = page.getByRole('main');
    await expect(main.getByRole('tab', { name: '設定' })).toHaveAttribute('aria-selected', 'true');
    await main.getByRole('textbox', { name: '説明', exact: true }).fill('日本語の説明');
    await main.getByRole('tab', { name: 'セグメント' }).click();
    await expect(main.getByText('セグメント 2 / 15 個。')).toBeVisible();
    await main.getByRole('button', { name: '削除 High Spenders', exact: true }).click();
    await expect(main.getByText('セグメント 1 / 15 個。')).toBeVisible();
    await expectAccessible(page, 'edit form in Japanese');
    await main.getByRole('button', { name: '保存', exact: true }).click();
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Homepage Personalization');
    await expect(toast(page)).toContainText('「Homepage Personalization」を保存しました。');
    const stored = (await sim.api('/entities/tokens/5001')).data;
    expect(stored.attributes.description).toBe('日本語の説明');
    expect(stored.relationships.segments.data.map((s: any) => s.id)).toEqual(['3003']);
  });

  test('移動 to another folder, with 元に戻す in the toast', async ({ page }) => {
    await openTokenInJapanese(page, ['Web Personalization', 'Cart Recovery'], 'Cart_Recovery_Banner');
    await page.getByRole('button', { name: '移動', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Profiles API トークンを移動' });
    const picker = dialog.getByRole('tree', { name: '移動先フォルダ' });
    await expect(picker.getByRole('treeitem', { name: 'Cart Recovery' })).toHaveAccessibleName(
      'Cart Recovery (現在のフォルダ)',
    );
    await expect(dialog).toContainText('移動先はまだ選ばれていません。');
    await picker.getByRole('treeitem', { name: 'Email Campaigns' }).locator('> .tree-row').click();
    await expect(dialog).toContainText('移動先: Email Campaigns');
    await expectAccessible(page, 'move dialog in Japanese');
    await dialog.getByRole('button', { name: '移動', exact: true }).click();
    await expect(dialog).toHaveCount(0);
    await expect(toast(page)).toContainText('「Cart_Recovery_Banner」を「Email Campaigns」に移動しました。');
    await expect(toast(page).getByRole('button', { name: '元に戻す' })).toBeVisible();
    const stored = (await sim.api('/entities/tokens/5002')).data;
    expect(stored.relationships.parentFolder.data.id).toBe('1030');
  });

  test('複製 through the rename dialog, then 削除 after reviewing what it served', async ({ page }) => {
    await openTokenInJapanese(page, ['Web Personalization', 'Homepage Banners'], 'Homepage Personalization');
    await page.getByRole('button', { name: '複製', exact: true }).click();
    const duplicate = page.getByRole('dialog', { name: 'Profiles API トークンを複製' });
    // Names follow the API's pattern (ASCII), so the copy's name is the same in every language.
    await expect(duplicate.getByRole('textbox', { name: '名前', exact: true })).toHaveValue(
      'Copy of Homepage Personalization',
    );
    await duplicate.getByRole('textbox', { name: '名前', exact: true }).fill('Copy-1');
    await expect(duplicate).toContainText('名前に“-”は使えません。');
    await duplicate.getByRole('textbox', { name: '名前', exact: true }).fill('Japanese Copy');
    await duplicate.getByRole('button', { name: '複製', exact: true }).click();
    await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Japanese Copy');
    await expect(toast(page)).toContainText('「Japanese Copy」として複製しました。');
    const copyId = page.url().match(/\/tokens\/(\d+)$/)![1];
    expect(await storedStatus(page, copyId)).toBe(200);

    await page.getByRole('button', { name: '削除', exact: true }).click();
    const confirm = page.getByRole('alertdialog', { name: 'Profiles API トークンを削除' });
    await expect(confirm).toContainText('この操作は元に戻せません。');
    await expect(confirm).toContainText('セグメント: Currently Browsing Shoes, High Spenders');
    await expect(confirm.getByRole('button', { name: 'キャンセル' })).toBeFocused();
    await expectAccessible(page, 'delete dialog in Japanese');
    await confirm.getByRole('button', { name: '削除', exact: true }).click();
    await expect(confirm).toHaveCount(0);
    await expect(toast(page)).toContainText('「Japanese Copy」を削除しました。');
    expect(await storedStatus(page, copyId)).toBe(404);
  });
});

test('switching language in the middle of an edit keeps the draft, follows `lang`, and is remembered', async ({ page }) => {
  await page.goto(`${appUrl()}/`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByLabel('API key', { exact: true }).fill(simKey());
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.goto(`${appUrl()}/#/ps/101/tokens/5001/edit`);
  const main = page.getByRole('main');
  await main.getByRole('textbox', { name: 'Name', exact: true }).fill('Unsaved Name');
  await main.getByRole('tab', { name: 'Segments' }).click();

  await page.getByRole('combobox', { name: 'Language' }).selectOption('ja');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expect(page.getByRole('heading', { level: 1, name: 'Profiles API トークンを編集' })).toBeVisible();
  await expect(main.getByRole('tab', { name: 'セグメント' })).toHaveAttribute('aria-selected', 'true');
  await main.getByRole('tab', { name: '設定' }).click();
  await expect(main.getByRole('textbox', { name: '名前', exact: true })).toHaveValue('Unsaved Name');
  await expect(main.getByRole('button', { name: '保存', exact: true })).toBeEnabled();
  expect(page.url()).toContain('#/ps/101/tokens/5001/edit');

  // Remembered for the next visit (a preference: the key is not stored unless asked).
  expect(await page.evaluate(() => localStorage.getItem('profiles-studio.language'))).toBe('ja');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Treasure Data に接続' })).toBeVisible();
  await page.getByRole('combobox', { name: '言語' }).selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Connect to Treasure Data' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  expect(await page.evaluate(() => localStorage.getItem('profiles-studio.language'))).toBe('en');
});

test('embedded, the host decides: update({ language }) re-words an open dialog, the lang attribute switches, nothing is stored', async ({ page }) => {
  const before = await openHost(page);
  const root = await mountInstance(page, { slot: 'slot-a', credential: `TD1 ${simKey()}`, route: '/ps/101/tokens/5002' });
  await expect(root.locator('.ps-app')).toHaveAttribute('lang', 'en');
  await expect(root.getByRole('combobox', { name: 'Language' }), 'no menu: the host decides').toHaveCount(0);
  await root.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(root.getByRole('dialog', { name: 'Move Profiles API Token' })).toBeVisible();
  await page.evaluate(() => (window as any).__studios['slot-a'].update({ language: 'ja' }));
  const dialog = root.getByRole('dialog', { name: 'Profiles API トークンを移動' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('tree', { name: '移動先フォルダ' })).toBeVisible();
  await expect(root.locator('.ps-app')).toHaveAttribute('lang', 'ja');
  await expect(page.locator('html'), 'the host page keeps its own lang').toHaveAttribute('lang', 'en');
  await dialog.getByRole('button', { name: 'キャンセル' }).click();

  // The element: its lang attribute decides, and changing it switches live.
  const element = await addElement(page, 'studio-ja', `TD1 ${simKey()}`, { 'parent-segment': '101', lang: 'ja' });
  await expect(element.getByRole('tree', { name: 'Retail Customers のフォルダ' })).toBeVisible();
  await element.evaluate((el) => el.setAttribute('lang', 'en'));
  await expect(element.getByRole('tree', { name: 'Folders of Retail Customers' })).toBeVisible();
  expect(await hostSnapshot(page)).toEqual(before);
});

/** Buttons, tabs and tree rows whose text is wider than the control (scrollWidth > clientWidth). */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, [role="tab"], .tree-row, select')]
      .filter((el) => el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.tagName.toLowerCase()} “${(el.textContent ?? '').trim().slice(0, 40)}” ${el.scrollWidth}>${el.clientWidth}`),
  );
}

for (const [language, locale] of [
  ['English', 'en-US'],
  ['Japanese', 'ja-JP'],
] as const) {
  test.describe(`at 360 px wide in ${language}`, () => {
    test.use({ locale, viewport: { width: 360, height: 740 } });

    test('no text overflows its button, tab or tree row', async ({ page }) => {
      await page.goto(`${appUrl()}/`);
      await expect(page.getByRole('button', { name: /^(Connect|接続)$/ })).toBeVisible();
      expect(await overflowing(page), 'connect screen').toEqual([]);
      await page.locator('input[type=password]').fill(simKey());
      await page.getByRole('button', { name: /^(Connect|接続)$/ }).click();
      await page.getByRole('link', { name: /^Retail Customers/ }).click();
      await expect(page.getByRole('tree')).toBeVisible();
      expect(await overflowing(page), 'parent segment').toEqual([]);
      await page.goto(`${appUrl()}/#/ps/101/tokens/5001`);
      await expect(page.getByRole('main').getByRole('heading', { level: 1 })).toHaveText('Homepage Personalization');
      expect(await overflowing(page), 'token page').toEqual([]);
      await page.goto(`${appUrl()}/#/ps/101/tokens/5001/edit`);
      await expect(page.getByRole('tablist')).toBeVisible();
      expect(await overflowing(page), 'edit: first tab').toEqual([]);
      await page.getByRole('tab').nth(1).click();
      expect(await overflowing(page), 'edit: second tab').toEqual([]);
      await page.goto(`${appUrl()}/#/ps/101/folders/1012/new-token`);
      await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toBeVisible();
      expect(await overflowing(page), 'create wizard').toEqual([]);
    });
  });
}
