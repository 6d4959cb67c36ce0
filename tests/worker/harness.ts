// Driving the Worker inside workerd: an env per test (its own matrix, sheet and service account),
// a KV that counts writes, and the fake Google's control endpoints.
import {
  createExecutionContext,
  createScheduledController,
  env,
  waitOnExecutionContext,
} from 'cloudflare:test';
import { inject } from 'vitest';
import worker from '../../worker/index.ts';
import type { RecordedRequest } from '../fakes/google/model.ts';

let counter = 0;
export const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++counter}`;

export const googleUrl = () => inject('googleUrl');

async function control(path: string, init: RequestInit = {}) {
  const res = await fetch(`${googleUrl()}/__fake/${path}`, {
    ...init,
    headers: { 'content-type': 'application/json' },
  });
  if (!res.ok) throw new Error(`fake google ${path}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? null : res.json();
}

export type Cell = string | number | boolean;

export const fakeGoogle = {
  putSheet: (
    id: string,
    rows: Cell[][],
    options: { sharedWith?: string[]; tab?: string; title?: string } = {},
  ) =>
    control(`spreadsheets/${id}`, {
      method: 'PUT',
      body: JSON.stringify({
        title: options.title ?? 'PSEAH management response',
        tabs: [{ title: options.tab ?? 'Matrix', rows }],
        ...(options.sharedWith ? { sharedWith: options.sharedWith } : {}),
      }),
    }),
  fail: (failure: {
    target: 'token' | 'drive' | 'meta' | 'values';
    key?: string;
    mode?: 'status' | 'malformed' | 'hang' | 'reset';
    status?: number;
    body?: unknown;
    headers?: Record<string, string>;
    times?: number;
  }) => control('failures', { method: 'POST', body: JSON.stringify(failure) }),
  requests: async (key: string) =>
    (await control(`requests?key=${encodeURIComponent(key)}`)) as RecordedRequest[],
};

/** KV that delegates to the real binding and remembers every write and delete, and counts reads. */
export function countingKv(kv: KVNamespace) {
  const writes: string[] = [];
  const reads: string[] = [];
  const counted = new Proxy(kv, {
    get(target, prop, receiver) {
      if (prop === 'get') {
        return (key: string, ...rest: unknown[]) => {
          reads.push(key.replace(/^v1\/matrix\/[^/]+\//, ''));
          return (target.get as (...a: unknown[]) => Promise<unknown>).call(target, key, ...rest);
        };
      }
      if (prop === 'put' || prop === 'delete') {
        return (key: string, ...rest: unknown[]) => {
          writes.push(`${String(prop)} ${key.replace(/^v1\/matrix\/[^/]+\//, '')}`);
          return (target[prop] as (...a: unknown[]) => Promise<void>).call(target, key, ...rest);
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return {
    kv: counted,
    take() {
      const taken = [...writes];
      writes.length = 0;
      return taken;
    },
    takeReads() {
      const taken = [...reads];
      reads.length = 0;
      return taken;
    },
  };
}

export interface TestSetup {
  env: Env;
  sheetId: string;
  email: string;
  writes: ReturnType<typeof countingKv>;
}

/**
 * A fresh matrix name, spreadsheet id and service account for one test, so tests sharing the fake
 * Google and the KV namespace never see each other's data.
 */
export async function googleSetup(overrides: Partial<Env> = {}): Promise<TestSetup> {
  const sheetId = unique('sheet');
  const email = `${unique('sync')}@pseah-dashboard.iam.gserviceaccount.com`;
  await control('accounts', {
    method: 'POST',
    body: JSON.stringify({ email, publicKeyPem: inject('googlePublicKey') }),
  });
  const writes = countingKv(env.MATRIX_KV);
  const serviceAccount = {
    type: 'service_account',
    project_id: 'pseah-dashboard',
    private_key_id: 'key-1',
    private_key: inject('googlePrivateKey'),
    client_email: email,
    client_id: '1234567890',
    token_uri: `${googleUrl()}/token`,
  };
  return {
    sheetId,
    email,
    writes,
    env: {
      ...env,
      MATRIX_KV: writes.kv,
      MATRIX: unique('matrix'),
      SHEET_ID: sheetId,
      SHEET_RANGE: '',
      GOOGLE_SERVICE_ACCOUNT: JSON.stringify(serviceAccount),
      ...overrides,
    },
  };
}

/** Three minutes into a ten-minute window: a cron run with no heartbeat due, unless a test says so. */
export const QUIET_MINUTE = () => Math.floor(Date.now() / 600_000) * 600_000 + 180_000;

export async function runCron(testEnv: Env, cron = '* * * * *', scheduledTime = QUIET_MINUTE()) {
  const controller = createScheduledController({ cron, scheduledTime });
  const ctx = createExecutionContext();
  worker.scheduled(controller, testEnv, ctx);
  await waitOnExecutionContext(ctx);
}

/** A request to the Worker; `init.url` sends it to another address than http://localhost. */
export async function call(testEnv: Env, path: string, init: RequestInit & { url?: string } = {}) {
  const ctx = createExecutionContext();
  const { url, ...rest } = init;
  const response = await worker.fetch(
    new Request(url ?? `http://localhost${path}`, rest),
    testEnv,
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return response;
}

/** A write as the dashboard sends it: JSON, from the dashboard's own origin. */
export function postJson(
  testEnv: Env,
  path: string,
  body: unknown = {},
  headers: Record<string, string> = {},
) {
  return call(testEnv, path, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', origin: 'http://localhost', ...headers },
  });
}
