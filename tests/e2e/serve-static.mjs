// A small static host for dist/, shared by `cargo xtask demo` and the end-to-end suite.
// It behaves like a CDN: no rewrites, short cache for index.html, long for hashed assets,
// the security headers of ../../README.md, and an optional Content-Security-Policy header.
// Usage: node serve-static.mjs --dir DIST [--port 0] [--host 127.0.0.1]
//                              [--config-file PATH] [--csp-file PATH] [--cors ORIGIN|*]
// --cors adds Access-Control-Allow-Origin to every file, as a CDN does for the embedding module
// and the assets it loads (module scripts and wasm fetched from another origin need it).
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => {
    if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
    return pairs;
  }, []),
);
const root = path.resolve(args.dir ?? 'dist');
const host = args.host ?? '127.0.0.1';
const port = Number(args.port ?? 0);

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

function securityHeaders() {
  const headers = {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
  // Read per request: the suite switches policies without restarting the server.
  if (args['csp-file'] && fs.existsSync(args['csp-file'])) {
    const policy = fs.readFileSync(args['csp-file'], 'utf8').trim();
    if (policy) headers['Content-Security-Policy'] = policy;
  }
  return headers;
}

function send(res, status, type, body, extra = {}) {
  const cors = args.cors ? { 'Access-Control-Allow-Origin': args.cors } : {};
  const vary = [args.cors && 'Origin', extra.Vary].filter(Boolean).join(', ');
  res.writeHead(status, { 'Content-Type': type, ...securityHeaders(), ...cors, ...extra, ...(vary ? { Vary: vary } : {}) });
  res.end(body);
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let pathname;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return send(res, 400, 'text/plain', 'bad path');
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(res, 405, 'text/plain', 'method not allowed', { Allow: 'GET, HEAD' });
  }
  if (pathname === '/config.json' && args['config-file']) {
    // Runtime defaults for the app (API base URL), never a key.
    try {
      const body = fs.readFileSync(args['config-file']);
      return send(res, 200, TYPES['.json'], body, { 'Cache-Control': 'no-cache' });
    } catch {
      return send(res, 404, 'text/plain', 'not found');
    }
  }
  const file = path.resolve(root, '.' + (pathname.endsWith('/') ? pathname + 'index.html' : pathname));
  if (!file.startsWith(root + path.sep)) return send(res, 403, 'text/plain', 'forbidden');
  // The precompressed copy that `cargo xtask build` wrote, if the browser takes it (as a CDN
  // serves it): Brotli first, then gzip. Vary tells caches the answer depends on it.
  const accepted = String(req.headers['accept-encoding'] ?? '');
  const encoding = [['br', '.br'], ['gzip', '.gz']].find(([name, ext]) => accepted.includes(name) && fs.existsSync(file + ext));
  fs.readFile(encoding ? file + encoding[1] : file, (err, body) => {
    if (err) return send(res, 404, 'text/plain', 'not found');
    const ext = path.extname(file);
    // Unhashed names (the page, the config, the embedding module) must be revalidated.
    const unhashed = ext === '.html' || ext === '.json' || pathname.endsWith('/embed/profiles-studio.js');
    const cache = unhashed ? 'no-cache' : 'public, max-age=31536000, immutable';
    const encoded = encoding ? { 'Content-Encoding': encoding[0], Vary: 'Accept-Encoding' } : {};
    send(res, 200, TYPES[ext] ?? 'application/octet-stream', req.method === 'HEAD' ? undefined : body, {
      'Cache-Control': cache,
      ...encoded,
    });
  });
});

server.listen(port, host, () => {
  const { port: actual } = server.address();
  console.log(`serving on http://${host}:${actual}`);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
