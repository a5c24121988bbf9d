// The simulator's side of a test: reset, fault injection, the request log, and reading stored
// state back through the real API (what the app would see), never through test shortcuts.
import { expect, type APIRequestContext } from '@playwright/test';

export const simUrl = () => process.env.SIM_URL!;
export const appUrl = () => process.env.APP_URL!;
export const simKey = () => process.env.SIM_KEY!;

const JSON_API = 'application/vnd.treasuredata.v1+json';

export interface Fault {
  method: string;
  path: string;
  kind: 'status' | 'delay' | 'drop' | 'malformed' | 'html';
  status?: number;
  delayMs?: number;
  retryAfter?: string;
  body?: unknown;
  count?: number;
}

export interface LoggedRequest {
  seq: number;
  method: string;
  path: string;
  query?: string;
  hasAuthorization: boolean;
  /** The browser's Origin header; null for the suite's own reads through `api()`. */
  origin?: string | null;
  body?: unknown;
  status: number;
}

export class Sim {
  private request!: APIRequestContext;

  constructor(request?: APIRequestContext) {
    if (request) this.request = request;
  }

  /** Talks through `request` from now on (each test has its own request context). */
  use(request: APIRequestContext) {
    this.request = request;
  }

  async reset() {
    const res = await this.request.post(`${simUrl()}/_sim/reset`);
    expect(res.ok(), 'simulator reset').toBeTruthy();
  }

  async fault(fault: Fault) {
    const res = await this.request.post(`${simUrl()}/_sim/faults`, { data: { count: 1, ...fault } });
    expect(res.ok(), `inject ${JSON.stringify(fault)}`).toBeTruthy();
  }

  async requests(): Promise<LoggedRequest[]> {
    const res = await this.request.get(`${simUrl()}/_sim/requests`);
    expect(res.ok()).toBeTruthy();
    return res.json();
  }

  async clearRequests() {
    await this.request.delete(`${simUrl()}/_sim/requests`);
  }

  /** GET a CDP route with the test key, as the app does. */
  async api(path: string): Promise<any> {
    const res = await this.request.get(`${simUrl()}${path}`, {
      headers: { Authorization: `TD1 ${simKey()}`, Accept: JSON_API },
    });
    expect(res.status(), `GET ${path}`).toBe(200);
    return res.json();
  }
}
