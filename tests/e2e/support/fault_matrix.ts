// The fault matrix of issue 5: the faults every endpoint is tried against, a short request
// deadline for the spec (served through config.json), and the results table printed at the end.
import { expect, test, type Page } from '@playwright/test';
import { type Fault, simUrl } from './sim';

/** The spec's per-request deadline (config.json `timeoutMs`), so a timeout costs 2 s, not 20. */
export const TIMEOUT_MS = 2_000;

export interface MatrixFault {
  name: string;
  fault: Omit<Fault, 'method' | 'path'>;
  /** A read the client retries by itself (network, timeout, 5xx, 429): once, it must not show. */
  transient: boolean;
  /** Runs the handler before spoiling the answer: a write lands although the page saw a failure. */
  lands: boolean;
  /** What the message says (what happened); 401 goes to the connect screen instead. */
  says: RegExp;
}

export const FAULTS: MatrixFault[] = [
  { name: '500', fault: { kind: 'status', status: 500 }, transient: true, lands: false, says: /server failed \(500\)/ },
  {
    name: '503 + Retry-After',
    fault: { kind: 'status', status: 503, retryAfter: '1' },
    transient: true,
    lands: false,
    says: /server failed \(503\)/,
  },
  {
    name: '429 + Retry-After',
    fault: { kind: 'status', status: 429, retryAfter: '1' },
    transient: true,
    lands: false,
    says: /Too many requests; try again in 1 s/,
  },
  {
    name: 'timeout',
    fault: { kind: 'delay', delayMs: TIMEOUT_MS + 1_000 },
    transient: true,
    lands: true,
    says: /did not answer in time/,
  },
  // Chromium resends a request whose kept-alive connection closes unanswered (up to twice, any
  // method), so a write is dropped five times for the page to see the drop (see actions.ts).
  { name: 'dropped connection', fault: { kind: 'drop' }, transient: true, lands: false, says: /Could not reach the API/ },
  { name: 'malformed JSON', fault: { kind: 'malformed' }, transient: false, lands: true, says: /Unexpected answer from the server/ },
  // A proxy's HTML error page (502 Bad Gateway).
  { name: 'HTML body', fault: { kind: 'html' }, transient: true, lands: false, says: /server failed \(502\)/ },
  { name: '401', fault: { kind: 'status', status: 401 }, transient: false, lands: false, says: /not accepted any more/ },
  { name: '403', fault: { kind: 'status', status: 403 }, transient: false, lands: false, says: /Permission denied/ },
  { name: '404', fault: { kind: 'status', status: 404 }, transient: false, lands: false, says: /[Nn]ot found|already been deleted/ },
  { name: '409', fault: { kind: 'status', status: 409 }, transient: false, lands: false, says: /Conflict: injected conflict/ },
  { name: '422', fault: { kind: 'status', status: 422 }, transient: false, lands: false, says: /injected/ },
];

/** Answers the page's config.json with the simulator as API and the spec's short deadline. */
export async function shortDeadline(page: Page) {
  await page.route('**/config.json', (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ region: 'custom', baseUrl: simUrl(), timeoutMs: TIMEOUT_MS }),
    }),
  );
}

export type Outcome = 'pass' | 'FAIL' | 'n/a';

export interface CaseResult {
  endpoint: string;
  fault: string;
  outcome: Outcome;
  /** What was seen (the message, the retries) or why it failed. */
  note: string;
}

/** The attachment that carries one case's result to the reporter (support/matrix-reporter.ts). */
export const CASE_ATTACHMENT = 'fault-matrix-case';

/** This worker's results, for the verdict of each endpoint's test. */
const results: CaseResult[] = [];

async function record(r: CaseResult) {
  results.push(r);
  // Workers restart after a failed test; the reporter, in the runner, sees every case.
  await test.info().attach(CASE_ATTACHMENT, { body: JSON.stringify(r), contentType: 'application/json' });
}

/** Runs one case: records pass with its note, or FAIL with the error's first line. */
export async function runCase(
  endpoint: string,
  fault: string,
  body: () => Promise<string>,
  page?: Page,
): Promise<boolean> {
  try {
    const note = await body();
    await record({ endpoint, fault, outcome: 'pass', note });
    return true;
  } catch (e) {
    const text = String((e as Error).message ?? e).replace(/\u001b\[[0-9;]*m/g, '');
    const first = text.split('\n').find((l) => l.trim()) ?? '';
    // What the page showed instead, to tell an app bug from a test bug at a glance.
    const shown = page ? await page.locator('main').first().innerText({ timeout: 1_000 }).catch(() => '') : '';
    const seen = shown.replace(/\s+/g, ' ').trim().slice(0, 200);
    await record({ endpoint, fault, outcome: 'FAIL', note: `${first.trim().slice(0, 160)} [page: ${seen}]` });
    return false;
  }
}

/** The failures of one endpoint, for its test's verdict. */
export function failuresOf(endpoint: string): string[] {
  return results.filter((r) => r.endpoint === endpoint && r.outcome === 'FAIL').map((r) => `${r.fault}: ${r.note}`);
}

/** The endpoint × fault table with totals. */
export function table(all: CaseResult[]): string {
  const endpoints = [...new Set(all.map((r) => r.endpoint))];
  const faults = FAULTS.map((f) => f.name);
  const cell = (e: string, f: string) => all.find((r) => r.endpoint === e && r.fault === f)?.outcome ?? '-';
  const width = Math.max(...endpoints.map((e) => e.length), 'endpoint'.length);
  const col = (f: string) => Math.max(f.length, 4);
  const row = (first: string, cells: string[]) =>
    [first.padEnd(width), ...cells.map((c, i) => c.padEnd(col(faults[i])))].join(' | ');
  const head = row('endpoint', faults);
  const lines = [
    'Fault matrix (issue 5): endpoint × fault',
    head,
    head.replace(/[^|]/g, '-'),
    ...endpoints.map((e) => row(e, faults.map((f) => cell(e, f)))),
  ];
  const tried = all.filter((r) => r.outcome !== 'n/a').length;
  const passed = all.filter((r) => r.outcome === 'pass').length;
  const na = all.filter((r) => r.outcome === 'n/a').length;
  lines.push(`Cases tried: ${tried}, passed: ${passed}, failed: ${tried - passed}, n/a: ${na}`);
  for (const r of all.filter((r) => r.outcome !== 'pass')) lines.push(`  ${r.outcome} ${r.endpoint} × ${r.fault}: ${r.note}`);
  return lines.join('\n');
}
