// Issue 14, "serve what CDNs serve": `cargo xtask build` writes a Brotli and a gzip copy of every
// file a browser downloads, and the suite's static host serves them with Content-Encoding, as
// the README tells hosts to. The browser loads the app from them (every other spec does too).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { test, expect } from '../support/fixtures';

test('dist/ has a config.json of defaults, so a host that serves dist/ as it is logs no 404', () => {
  expect(JSON.parse(fs.readFileSync(path.join(process.env.DIST_DIR!, 'config.json'), 'utf8'))).toEqual({});
});

test('every downloaded file has its .br and .gz copy, served with Content-Encoding', async ({ page }) => {
  const dist = process.env.DIST_DIR!;
  const shipped = fs.readdirSync(dist).filter((f) => /\.(html|js|wasm|css)$/.test(f));
  expect(shipped.length).toBeGreaterThanOrEqual(4);
  for (const name of shipped) {
    const body = fs.readFileSync(path.join(dist, name));
    expect(zlib.brotliDecompressSync(fs.readFileSync(path.join(dist, `${name}.br`))).equals(body), `${name}.br`).toBe(true);
    expect(zlib.gunzipSync(fs.readFileSync(path.join(dist, `${name}.gz`))).equals(body), `${name}.gz`).toBe(true);
  }
  const wasm = shipped.find((f) => f.endsWith('.wasm'))!;
  const encodings: string[] = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.wasm')) encodings.push(`${r.headers()['content-encoding']} ${r.headers()['content-type']}`);
  });
  await page.goto(`${process.env.APP_URL}/`);
  await expect(page.getByRole('button', { name: 'Connect' })).toBeVisible();
  expect(encodings).toEqual(['br application/wasm']);
  const plain = await page.request.get(`${process.env.APP_URL}/${wasm}`, { headers: { 'Accept-Encoding': 'identity' } });
  expect(plain.headers()['content-encoding']).toBeUndefined();
});
