// Real nginx (Debian's package, installed by `cargo xtask setup`) running the README's
// configuration, tests/embed/nginx/profiles-studio.conf, with this run's paths and ports put in
// place of the example ones. Started on a free loopback port, stopped after.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CONF = path.join(here, '..', '..', 'embed', 'nginx', 'profiles-studio.conf');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The README's server block for this run: every example value replaced, or an error. */
export function serverBlock(port: number, dist: string, api: string, key: string): string {
  const apiHost = new URL(api).host;
  const replacements: [string, string][] = [
    ['listen 127.0.0.1:8080;', `listen 127.0.0.1:${port};`],
    ['/srv/profiles-studio/dist/', `${path.resolve(dist)}/`],
    ['https://api-cdp.treasuredata.com/', `${api}/`],
    ['Host api-cdp.treasuredata.com', `Host ${apiHost}`],
    ['YOUR_MASTER_API_KEY', key],
  ];
  let text = fs.readFileSync(CONF, 'utf8');
  for (const [from, to] of replacements) {
    if (!text.includes(from)) throw new Error(`${CONF} no longer contains ${from}`);
    text = text.split(from).join(to);
  }
  return text;
}

export interface Nginx {
  url: string;
  stop: () => void;
}

/** Starts nginx with the README's server block; resolves once it answers. */
export async function startNginx(dist: string, api: string, key: string): Promise<Nginx> {
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'profiles-nginx-'));
  const conf = path.join(dir, 'nginx.conf');
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `${t}_temp_path ${dir}/${t};`)
    .join(' ');
  fs.writeFileSync(
    conf,
    `daemon off; worker_processes 1; pid ${dir}/nginx.pid; error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  include /etc/nginx/mime.types; default_type application/octet-stream;
  access_log off; ${temp}
${serverBlock(port, dist, api, key)}
}
`,
  );
  // As root, nginx's workers run as nobody: they must be able to read dist/.
  const child: ChildProcess = spawn('/usr/sbin/nginx', ['-p', dir, '-c', conf], { stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}): ${fs.readFileSync(`${dir}/error.log`, 'utf8')}`);
    try {
      await fetch(`${url}/tools/profiles-studio/config.json`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error('nginx did not answer within 15 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { url, stop: () => child.kill('SIGQUIT') };
}
