// Starts the two origins of a production deployment: the static app (dist/) and the CDP
// simulator as its API. Each Playwright worker (a process of its own) starts its own pair, so
// specs run in parallel without sharing a simulator; the URLs reach that worker's tests
// through its process.env (support/sim.ts reads them).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const SIM_KEY = '1/e2e0123456789abcdef';

export function start(name: string, cmd: string, args: string[], readyPrefix: string): Promise<[ChildProcess, string]> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    const timer = setTimeout(() => reject(new Error(`${name} did not start within 60 s`)), 60_000);
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n').find((l) => l.startsWith(readyPrefix));
      if (line) {
        clearTimeout(timer);
        child.stdout!.removeAllListeners('data');
        child.stdout!.resume();
        resolve([child, line.slice(readyPrefix.length).trim()]);
      }
    });
    child.on('exit', (code) => reject(new Error(`${name} exited early (${code})`)));
  });
}

/** Starts this worker's static server and simulator; returns how to stop them. */
export async function startServers(): Promise<() => void> {
  const simBin = process.env.CDP_SIM_BIN;
  const dist = process.env.DIST_DIR;
  if (!simBin || !dist) throw new Error('run through `cargo xtask test` (CDP_SIM_BIN and DIST_DIR unset)');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'profiles-e2e-'));
  const configFile = path.join(work, 'config.json');
  const cspFile = path.join(work, 'csp.txt');
  fs.writeFileSync(cspFile, '');

  const [app, appUrl] = await start(
    'static server',
    'node',
    [path.join(here, '..', 'serve-static.mjs'), '--dir', dist, '--port', '0', '--config-file', configFile, '--csp-file', cspFile],
    'serving on ',
  );
  const [sim, simUrl] = await start(
    'cdp-sim',
    simBin,
    ['--addr', '127.0.0.1:0', '--fixture', 'demo', '--api-key', SIM_KEY, '--allow-origin', appUrl, '--test-endpoints'],
    'cdp-sim listening on ',
  );
  fs.writeFileSync(configFile, JSON.stringify({ region: 'custom', baseUrl: simUrl }));
  // The strict policy the build wrote for hosts, with the simulator as one more API origin.
  const policy = fs.readFileSync(path.join(dist, 'content-security-policy.txt'), 'utf8').trim();
  fs.writeFileSync(cspFile, policy.replace("connect-src 'self'", `connect-src 'self' ${simUrl}`));
  Object.assign(process.env, { APP_URL: appUrl, SIM_URL: simUrl, SIM_KEY, CSP_FILE: cspFile });

  return () => {
    app.kill();
    sim.kill();
  };
}
