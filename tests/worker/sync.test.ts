// The scheduled sync end to end inside workerd: real KV, the fake Google, the Worker's own entry.
import { describe, expect, it } from 'vitest';
import matrixCsv from '../../data/matrix.csv';
import { CurrentRecord } from '../../data/snapshot.ts';
import { SyncLog } from '../../data/sync-log.ts';
import { parseCsv } from '../../sync/csv.ts';
import { MatrixStore, matrixKeys } from '../../sync/store/matrix-store.ts';
import { generateSigningKey } from './access-fixtures.ts';
import {
  call,
  fakeGoogle,
  googleSetup,
  googleUrl,
  postJson,
  runCron,
  type TestSetup,
} from './harness.ts';

const MATRIX = parseCsv(matrixCsv);

async function stored(setup: TestSetup) {
  const keys = matrixKeys(setup.env.MATRIX!);
  const current = await setup.env.MATRIX_KV.get(keys.current, 'json');
  const log = await setup.env.MATRIX_KV.get(keys.syncLog, 'json');
  return {
    current: current === null ? null : CurrentRecord.parse(current),
    log: log === null ? null : SyncLog.parse(log),
  };
}

async function shared(setup: TestSetup, rows = MATRIX) {
  await fakeGoogle.putSheet(setup.sheetId, rows, { sharedWith: [setup.email] });
}

const withStatus = (rows: string[][], id: string, status: string) =>
  rows.map((r) => (r[0] === id ? r.map((c, i) => (i === 11 ? status : c)) : r));

const requestsTo = async (setup: TestSetup, part: string) =>
  (await fakeGoogle.requests(setup.sheetId)).filter((r) => r.path.includes(part));

describe('scheduled sync from a Google Sheet', () => {
  it('signs in with the service account, reads the sheet and publishes it to KV', async () => {
    const setup = await googleSetup();
    await shared(setup);
    await runCron(setup.env);

    const { current, log } = await stored(setup);
    expect(current!.snapshot).toMatchObject({
      revision: 1,
      total: 62,
      source: {
        kind: 'google-sheet',
        id: setup.sheetId,
        version: '101',
        title: 'PSEAH management response',
        gid: 0,
        range: 'Matrix!A1:Z1000',
      },
    });
    expect(current!.status).toMatchObject({
      cron: '* * * * *',
      lastRun: { outcome: 'updated', trigger: 'cron' },
    });
    expect(log!.state).toMatchObject({
      revision: 1,
      seenVersion: '101',
      seenOutcome: 'updated',
      currentCount: 62,
    });
    expect(setup.writes.take()).toEqual([
      'put snapshots/00000001',
      'put current',
      'put history',
      'put sync-log',
    ]);

    // The assertion the fake verified carried the claims Google requires.
    const [token] = await fakeGoogle.requests(setup.email);
    const form = token!.body as { grant_type: string; assertion: string };
    expect(form.grant_type).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    const [header, claims] = form.assertion
      .split('.')
      .slice(0, 2)
      .map((p) => JSON.parse(atob(p.replace(/-/g, '+').replace(/_/g, '/'))));
    expect(header).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'key-1' });
    expect(claims).toMatchObject({
      iss: setup.email,
      aud: `${googleUrl()}/token`,
      scope:
        'https://www.googleapis.com/auth/spreadsheets.readonly https://www.googleapis.com/auth/drive.metadata.readonly',
    });
    expect(claims.exp - claims.iat).toBeLessThanOrEqual(3600);
  });

  it('checks the Drive version first and reads nothing more, writes nothing, while it is unchanged', async () => {
    const setup = await googleSetup();
    await shared(setup);
    await runCron(setup.env);
    setup.writes.take();
    await runCron(setup.env);
    await runCron(setup.env);
    expect(setup.writes.take()).toEqual([]);
    expect((await requestsTo(setup, '/values/')).length).toBe(1);
    expect((await requestsTo(setup, '/drive/v3/files/')).length).toBe(3);
    // One token for all three runs: it is cached until shortly before it expires.
    expect((await fakeGoogle.requests(setup.email)).length).toBe(1);
  });

  it('publishes an edit on the next run as a new revision', async () => {
    const setup = await googleSetup();
    await shared(setup);
    await runCron(setup.env);
    await shared(setup, withStatus(MATRIX, '12', 'Completed'));
    await runCron(setup.env);
    const { current } = await stored(setup);
    expect(current!.snapshot.revision).toBe(2);
    expect(current!.snapshot.source.version).toBe('102');
    expect(
      current!.snapshot.recommendations.find((r) => r.id === '12')!.monitoring['Time 2']!.status,
    ).toBe('completed');
  });

  it('reads a named tab and reports a missing one with the tabs there are', async () => {
    const setup = await googleSetup({ SHEET_RANGE: 'Matrix' });
    await shared(setup);
    await runCron(setup.env);
    expect((await stored(setup)).current!.snapshot.total).toBe(62);

    const wrongTab = await googleSetup({ SHEET_RANGE: 'Matrx' });
    await shared(wrongTab);
    await runCron(wrongTab.env);
    const run = (await stored(wrongTab)).log!.runs[0]!;
    expect(run.error).toMatchObject({ kind: 'not-found' });
    expect(run.error!.message).toBe("The spreadsheet has no tab 'Matrx'. Its tabs are: 'Matrix'.");
  });

  it('accepts the sheet’s whole address as SHEET_ID', async () => {
    const setup = await googleSetup();
    setup.env.SHEET_ID = `https://docs.google.com/spreadsheets/d/${setup.sheetId}/edit#gid=0`;
    await shared(setup);
    await runCron(setup.env);
    expect((await stored(setup)).current!.snapshot.source.id).toBe(setup.sheetId);
  });
});

describe('failure policy', () => {
  it.each([
    [
      '429 Too Many Requests',
      {
        mode: 'status',
        status: 429,
        body: {
          error: {
            code: 429,
            message: "Quota exceeded for quota metric 'Read requests'",
            status: 'RESOURCE_EXHAUSTED',
          },
        },
      },
    ],
    [
      '503 Service Unavailable',
      {
        mode: 'status',
        status: 503,
        body: {
          error: {
            code: 503,
            message: 'The service is currently unavailable.',
            status: 'UNAVAILABLE',
          },
        },
      },
    ],
    ['a dropped connection', { mode: 'reset' }],
    ['no answer at all', { mode: 'hang' }],
  ] as const)('retries %s with backoff and publishes when Google recovers', async (_, failure) => {
    const setup = await googleSetup({ GOOGLE_TIMEOUT_SECONDS: '1' });
    await shared(setup);
    await fakeGoogle.fail({ target: 'values', key: setup.sheetId, times: 2, ...failure });
    await runCron(setup.env);
    expect((await stored(setup)).current!.snapshot.total).toBe(62);
    expect((await requestsTo(setup, '/values/')).length).toBe(3);
  });

  it('records a failure that outlasts the budget and keeps serving the last good snapshot', async () => {
    const setup = await googleSetup({ SYNC_BUDGET_SECONDS: '1' });
    await shared(setup);
    await runCron(setup.env);
    await shared(setup, withStatus(MATRIX, '3', 'open'));
    await fakeGoogle.fail({ target: 'values', key: setup.sheetId, status: 503, times: 1000 });
    await runCron(setup.env);
    const { current, log } = await stored(setup);
    expect(current!.snapshot.revision).toBe(1);
    expect(log!.runs[0]).toMatchObject({
      outcome: 'failed',
      error: { kind: 'unavailable', status: 503 },
    });
    expect(log!.runs[0]!.error!.message).toMatch(/gave up after \d+ attempts/);

    const status = await (await call(setup.env, '/api/sync')).json<{
      status: { state: string; lastRun: { outcome: string } };
    }>();
    expect(status.status).toMatchObject({ state: 'failing', lastRun: { outcome: 'failed' } });
  });

  it('does not retry a sheet that is not shared, and says whom to share it with', async () => {
    const setup = await googleSetup();
    await fakeGoogle.putSheet(setup.sheetId, MATRIX, { sharedWith: [] });
    await runCron(setup.env);
    const run = (await stored(setup)).log!.runs[0]!;
    expect(run.error).toMatchObject({ kind: 'not-found', status: 404 });
    expect(run.error!.action).toContain(`shared with ${setup.email}`);
    expect((await requestsTo(setup, '/drive/v3/files/')).length).toBe(1);
  });

  it('says to share the sheet when the Sheets API refuses with 403', async () => {
    const setup = await googleSetup();
    await shared(setup);
    await fakeGoogle.fail({
      target: 'values',
      key: setup.sheetId,
      status: 403,
      body: {
        error: {
          code: 403,
          message: 'The caller does not have permission',
          status: 'PERMISSION_DENIED',
        },
      },
    });
    await runCron(setup.env);
    const run = (await stored(setup)).log!.runs[0]!;
    expect(run.error).toMatchObject({
      kind: 'permission',
      status: 403,
      action: `Share the sheet with ${setup.email} (Viewer is enough).`,
    });
    expect((await requestsTo(setup, '/values/')).length).toBe(1);
  });

  it('says to check SHEET_ID when no such spreadsheet exists', async () => {
    const setup = await googleSetup();
    await runCron(setup.env);
    const run = (await stored(setup)).log!.runs[0]!;
    expect(run.error!.action).toMatch(/^Check SHEET_ID/);
    expect((await requestsTo(setup, '/drive/')).length).toBe(1);
  });

  it('says to enable the API when Google reports it disabled', async () => {
    const setup = await googleSetup();
    await shared(setup);
    await fakeGoogle.fail({
      target: 'drive',
      key: setup.sheetId,
      status: 403,
      body: {
        error: {
          code: 403,
          message: 'Google Drive API has not been used in project 1234 before or it is disabled.',
          errors: [
            {
              domain: 'usageLimits',
              reason: 'accessNotConfigured',
              message: 'Access Not Configured.',
            },
          ],
        },
      },
    });
    await runCron(setup.env);
    const run = (await stored(setup)).log!.runs[0]!;
    expect(run.error!.action).toBe(
      'Enable the Google Drive API in project pseah-dashboard (Google Cloud console → APIs & Services → Library), then wait a few minutes.',
    );
  });

  it('does not retry a 401 and says to check the key', async () => {
    const setup = await googleSetup();
    await shared(setup);
    await fakeGoogle.fail({
      target: 'drive',
      key: setup.sheetId,
      status: 401,
      body: {
        error: {
          code: 401,
          message: 'Request had invalid authentication credentials.',
          status: 'UNAUTHENTICATED',
        },
      },
    });
    await runCron(setup.env);
    const run = (await stored(setup)).log!.runs[0]!;
    expect(run.error).toMatchObject({ kind: 'auth', status: 401 });
    expect((await requestsTo(setup, '/drive/')).length).toBe(1);
  });

  it('reports a key Google does not accept (signed by another key) without retrying', async () => {
    const setup = await googleSetup();
    await shared(setup);
    const other = await generateSigningKey();
    const der = (await crypto.subtle.exportKey('pkcs8', other.privateKey)) as ArrayBuffer;
    const pem = `-----BEGIN PRIVATE KEY-----\n${btoa(String.fromCharCode(...new Uint8Array(der)))}\n-----END PRIVATE KEY-----\n`;
    const account = JSON.parse(setup.env.GOOGLE_SERVICE_ACCOUNT!);
    setup.env.GOOGLE_SERVICE_ACCOUNT = JSON.stringify({ ...account, private_key: pem });
    await runCron(setup.env);
    const run = (await stored(setup)).log!.runs[0]!;
    expect(run.error).toMatchObject({ kind: 'auth', status: 400 });
    expect(run.error!.message).toContain('invalid_grant – Invalid JWT Signature.');
    expect(run.error!.action).toContain('create a new JSON key');
    expect((await fakeGoogle.requests(setup.email)).length).toBe(1);
  });

  it('reports a malformed key file naming what is wrong, as a failed sync staff can see', async () => {
    const setup = await googleSetup({
      GOOGLE_SERVICE_ACCOUNT: '{"type":"service_account","client_email":"x@y"}',
    });
    await runCron(setup.env);
    const run = (await stored(setup)).log!.runs[0]!;
    expect(run.error).toMatchObject({ kind: 'config' });
    expect(run.error!.message).toBe(
      'GOOGLE_SERVICE_ACCOUNT is not a service-account key file: check private_key.',
    );
  });

  it('keeps the current snapshot when Google answers with malformed JSON', async () => {
    const setup = await googleSetup();
    await shared(setup);
    await runCron(setup.env);
    await shared(setup, withStatus(MATRIX, '3', 'open'));
    await fakeGoogle.fail({ target: 'values', key: setup.sheetId, mode: 'malformed' });
    await runCron(setup.env);
    const { current, log } = await stored(setup);
    expect(current!.snapshot.revision).toBe(1);
    expect(log!.runs[0]).toMatchObject({ outcome: 'failed', error: { kind: 'bad-response' } });
    expect((await requestsTo(setup, '/values/')).length).toBe(2);
  });

  it.each([
    ['an empty sheet', [] as string[][], 'no-recommendations'],
    ['a header-only sheet', [MATRIX[0]!], 'no-recommendations'],
    [
      'a sheet without its Management response column',
      MATRIX.map((r) => r.filter((_, i) => i !== 8)),
      'missing-column',
    ],
    ['a sheet that lost half its rows', MATRIX.slice(0, 30), 'rows-lost'],
  ])('rejects %s, keeps the current snapshot and records why', async (_, rows, rule) => {
    const setup = await googleSetup();
    await shared(setup);
    await runCron(setup.env);
    await shared(setup, rows);
    await runCron(setup.env);
    const { current, log } = await stored(setup);
    expect(current!.snapshot).toMatchObject({ revision: 1, total: 62 });
    const run = log!.runs[0]!;
    expect(run.outcome).toBe('rejected');
    expect(run.findings[0]!.rule).toBe(
      rule === 'no-recommendations' && rows.length === 0 ? 'empty-sheet' : rule,
    );
    expect(current!.status.lastRun!.outcome).toBe('rejected');
  });

  it('runs a cron sync and a manual sync at the same time without a double write', async () => {
    const setup = await googleSetup();
    await shared(setup);
    await Promise.all([runCron(setup.env), postJson(setup.env, '/api/sync')]);
    const writes = setup.writes.take();
    expect(writes.filter((w) => w.startsWith('put snapshots/'))).toEqual([
      'put snapshots/00000001',
    ]);
    expect(writes.filter((w) => w === 'put current')).toHaveLength(1);
    const { current } = await stored(setup);
    expect(current!.snapshot.revision).toBe(1);
    expect((await requestsTo(setup, '/values/')).length).toBe(1);
  });
});

describe('staleness', () => {
  it('calls a Google sheet’s data stale once no sync has confirmed it for two cron intervals plus the heartbeat', async () => {
    const setup = await googleSetup();
    await shared(setup);
    await runCron(setup.env, '*/5 * * * *');
    const store = new MatrixStore(setup.env.MATRIX_KV, setup.env.MATRIX);
    const fresh = await (await call(setup.env, '/api/summary')).json<{
      staleness: { stale: boolean; staleAfterMinutes: number };
    }>();
    expect(fresh.staleness).toMatchObject({ stale: false, staleAfterMinutes: 20 });
    const { status, text } = (await store.currentStatus())!;
    await store.writeStatus(
      { ...status, lastSuccessAt: new Date(Date.now() - 21 * 60_000).toISOString() },
      text,
    );
    const stale = await (await call(setup.env, '/api/summary')).json<{
      staleness: { stale: boolean };
    }>();
    expect(stale.staleness.stale).toBe(true);
    const sync = await (await call(setup.env, '/api/sync')).json<{ status: { state: string } }>();
    expect(sync.status.state).toBe('stale');
  });
});
