// The embedded default: no SHEET_ID, the bundled matrix, a first sync on the first request.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { MatrixStore } from '../../sync/store/matrix-store.ts';
import { call, countingKv, postJson, runCron, unique } from './harness.ts';

function bundledEnv(overrides: Partial<Env> = {}) {
  const writes = countingKv(env.MATRIX_KV);
  return {
    writes,
    env: {
      ...env,
      MATRIX_KV: writes.kv,
      MATRIX: unique('bundled'),
      SHEET_ID: '',
      ...overrides,
    } as Env,
  };
}

interface SyncStatusBody {
  source: { kind: string };
  status: {
    state: string;
    revision: number;
    stale: boolean;
    staleAfterMinutes: number;
    checkedAt: string;
    lastRun: { trigger: string; outcome: string };
  };
  runs: { trigger: string; outcome: string }[];
}

describe('the bundled matrix as the default source', () => {
  it('syncs on the first request when KV is empty', async () => {
    const { env: testEnv } = bundledEnv();
    const response = await call(testEnv, '/api/sync');
    expect(response.status).toBe(200);
    const body = await response.json<SyncStatusBody>();
    expect(body.source.kind).toBe('bundled');
    expect(body.status).toMatchObject({
      state: 'ok',
      revision: 1,
      stale: false,
      lastRun: { trigger: 'first-request', outcome: 'updated' },
    });
    const record = await new MatrixStore(testEnv.MATRIX_KV, testEnv.MATRIX).current();
    expect(record!.snapshot).toMatchObject({
      total: 62,
      source: { kind: 'bundled', id: 'data/matrix.csv' },
    });
  });

  it('writes nothing on a cron run while the bundle is unchanged, and a heartbeat once a window', async () => {
    const { env: testEnv, writes } = bundledEnv();
    await runCron(testEnv);
    expect(writes.take()).toEqual([
      'put snapshots/00000001',
      'put current',
      'put history',
      'put sync-log',
    ]);
    await runCron(testEnv);
    expect(writes.take()).toEqual([]);
    const window = Math.floor(Date.now() / 600_000) * 600_000 + 600_000;
    await runCron(testEnv, '* * * * *', window);
    expect(writes.take()).toEqual(['put current']);
  });

  it('never calls the bundled matrix stale: it is the deployment’s own copy', async () => {
    const { env: testEnv } = bundledEnv();
    await runCron(testEnv, '*/5 * * * *');
    const store = new MatrixStore(testEnv.MATRIX_KV, testEnv.MATRIX);
    const { status, text } = (await store.currentStatus())!;
    await store.writeStatus(
      { ...status, lastSuccessAt: new Date(Date.now() - 86_400_000).toISOString() },
      text,
    );
    const body = await (await call(testEnv, '/api/sync')).json<SyncStatusBody>();
    expect(body.status).toMatchObject({ state: 'ok', stale: false });
  });

  it('runs a sync on POST /api/sync from this machine, and forces one when asked', async () => {
    const { env: testEnv } = bundledEnv();
    const first = await postJson(testEnv, '/api/sync');
    expect((await first.json<{ run: { outcome: string } }>()).run.outcome).toBe('updated');
    const again = await postJson(testEnv, '/api/sync', { force: true });
    expect(await again.json()).toMatchObject({
      run: { outcome: 'updated', revision: 2, trigger: 'manual' },
    });
  });

  it('refuses a malformed sync request, one that is not JSON, and one from another site', async () => {
    const { env: testEnv } = bundledEnv();
    const bad = await postJson(testEnv, '/api/sync', { force: 'yes' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { parameter: 'force' } });
    const form = await call(testEnv, '/api/sync', {
      method: 'POST',
      body: 'force=true',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
    });
    expect(form.status).toBe(415);
    const elsewhere = await postJson(testEnv, '/api/sync', {}, { origin: 'https://evil.example' });
    expect(elsewhere.status).toBe(403);
  });

  it('answers a bad setting with a 503 that names the variable', async () => {
    const { env: testEnv } = bundledEnv({ HEARTBEAT_MINUTES: 'often' });
    const response = await call(testEnv, '/api/sync');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      error: { message: "HEARTBEAT_MINUTES must be a number from 1 to 1440 (it is 'often')." },
    });
  });
});
