// Issue 11, embedding: a host console on another origin, under a strict CSP of its own and with
// hostile CSS, mounts Profiles Studio through the module's `mount()` and as `<profiles-studio>`;
// the seed's flows work inside by mouse and by keyboard, and the host is left as it was.
import { test, expect, freshSimForEachTest } from '../support/fixtures';
import { simKey } from '../support/sim';
import { Embedded, addElement, counters, focusedInside, hostSnapshot, mountInstance, openHost, studioRoute } from '../support/embed';

const sim = freshSimForEachTest();

test('mount(): open a token, Edit + Save, Move, Duplicate, Delete by mouse; the host is untouched', async ({ page }) => {
  const before = await openHost(page);
  const root = await mountInstance(page, { slot: 'slot-a', credential: `TD1 ${simKey()}`, parentSegmentId: '101' });
  const app = new Embedded(root);
  // No connect screen: the host handed the credential over.
  await expect(app.tree).toBeVisible();
  await expect(root.getByRole('button', { name: 'Connect' })).toHaveCount(0);
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
