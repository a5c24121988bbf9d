// Writes NAME.br (Brotli, quality 11) and NAME.gz (gzip -9) beside each file of dist/ that a
// browser downloads (not the CSP text), as CDNs and static hosts serve them with
// `Content-Encoding`. Run by `cargo xtask build` (xtask/src/build.rs). Node's zlib is the
// reference Brotli and zlib, so no extra tool or crate is needed.
// Usage: node precompress.mjs DIST
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const COMPRESSIBLE = new Set(['.html', '.js', '.wasm', '.css', '.json', '.svg']);
const dist = path.resolve(process.argv[2] ?? 'dist');
let files = 0;
let raw = 0;
let br = 0;

function walk(dir) {
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    if (fs.statSync(file).isDirectory()) walk(file);
    // Not config.json: hosts replace it, and a stale copy beside it would be served instead.
    else if (COMPRESSIBLE.has(path.extname(name)) && name !== 'config.json') compress(file);
  }
}

function compress(file) {
  const body = fs.readFileSync(file);
  const brotli = zlib.brotliCompressSync(body, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
  fs.writeFileSync(`${file}.br`, brotli);
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(body, { level: 9 }));
  files += 1;
  raw += body.length;
  br += brotli.length;
}

walk(dist);
console.log(`xtask: precompressed ${files} files (${(raw / 1024).toFixed(1)} KiB → ${(br / 1024).toFixed(1)} KiB Brotli)`);
