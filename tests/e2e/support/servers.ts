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
/** A second user's key, for two embedded instances with different credentials. */
export const SIM_KEY_2 = '1/e2e-second-user-0123';

/** Starts `cmd` and resolves, once it printed a line starting with `readyPrefix`, with that
 * line's rest and everything printed before it. */
export function start(name: string, cmd: string, args: string[], readyPrefix: string): Promise<[ChildProcess, string, string]> {
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
        resolve([child, line.slice(readyPrefix.length).trim(), buffered]);
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

  const serveStatic = path.join(here, '..', 'serve-static.mjs');
  // The app as a CDN serves it: with CORS, so that a host on another origin may import it.
  const [app, appUrl] = await start(
    'static server',
    'node',
    [serveStatic, '--dir', dist, '--port', '0', '--config-file', configFile, '--csp-file', cspFile, '--cors', '*'],
    'serving on ',
  );
  // An embedding host console on an origin of its own (tests/embed/host), under its own CSP.
  const hostConfigFile = path.join(work, 'host-config.json');
  const hostCspFile = path.join(work, 'host-csp.txt');
  const hostDir = path.join(here, '..', '..', 'embed', 'host');
  const [host, hostUrl] = await start(
    'host server',
    'node',
    [serveStatic, '--dir', hostDir, '--port', '0', '--config-file', hostConfigFile, '--csp-file', hostCspFile],
    'serving on ',
  );
  // The CDP API and, on its own origin as in production, the Profiles API (lookups).
  const [sim, lookupUrl, printed] = await start(
    'cdp-sim',
    simBin,
    ['--addr', '127.0.0.1:0', '--lookup-addr', '127.0.0.1:0', '--fixture', 'demo', '--api-key', SIM_KEY, '--api-key', SIM_KEY_2]
      .concat(['--allow-origin', appUrl, '--allow-origin', hostUrl, '--test-endpoints']),
    'cdp-sim lookup listening on ',
  );
  const simUrl = printed.split('\n').find((l) => l.startsWith('cdp-sim listening on '))!.slice('cdp-sim listening on '.length).trim();
  fs.writeFileSync(configFile, JSON.stringify({ region: 'custom', baseUrl: simUrl, lookupBase: lookupUrl }));
  fs.writeFileSync(
    hostConfigFile,
    JSON.stringify({ module: `${appUrl}/embed/profiles-studio.js`, apiBase: simUrl, lookupBase: lookupUrl, keys: [SIM_KEY, SIM_KEY_2] }),
  );
  fs.writeFileSync(hostCspFile, hostPolicy(appUrl, simUrl, lookupUrl));
  // The strict policy the build wrote for hosts, with the simulator as one more API origin.
  const policy = fs.readFileSync(path.join(dist, 'content-security-policy.txt'), 'utf8').trim();
  fs.writeFileSync(cspFile, policy.replace("connect-src 'self'", `connect-src 'self' ${simUrl} ${lookupUrl}`));
  Object.assign(process.env, {
    APP_URL: appUrl,
    SIM_URL: simUrl,
    LOOKUP_URL: lookupUrl,
    SIM_KEY,
    SIM_KEY_2,
    CSP_FILE: cspFile,
    CONFIG_FILE: configFile,
    HOST_URL: hostUrl,
    HOST_CSP_FILE: hostCspFile,
  });

  return () => {
    app.kill();
    host.kill();
    sim.kill();
  };
}

/**
 * The strict policy a host page runs under, exactly as the README gives it: our module, wasm
 * and stylesheet from the CDN, the API, and nothing inline or evaluated.
 */
export function hostPolicy(cdn: string, api: string, lookup: string): string {
  return [
    "default-src 'none'",
    `script-src 'self' ${cdn} 'wasm-unsafe-eval'`,
    `style-src 'self' ${cdn}`,
    `connect-src 'self' ${cdn} ${api} ${lookup}`,
    "img-src 'self' data:",
    `frame-src ${cdn}`,
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');
}
