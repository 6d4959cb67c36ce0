import { describe, expect, it } from 'vitest';
import { MemoryKv } from '../tests/fixtures/memory-kv.ts';
import { CANONICAL_HEADER, recommendation, sheet } from '../tests/fixtures/sheets.ts';
import { stringifyCsv } from './csv.ts';
import { SyncError } from './errors.ts';
import { type SyncSettings, syncMatrix } from './run.ts';
import { bundledSource } from './source/bundled.ts';
import type { SheetSource, SourceRows } from './source/source.ts';
import { MatrixStore } from './store/matrix-store.ts';

const MINUTE = 60_000;

/** A source whose version and rows a test sets, and which can be told to fail. */
class ScriptedSource implements SheetSource {
  readonly kind = 'google-sheet' as const;
  readonly id = 'sheet-1';
  version_ = '1';
  rows: string[][] = sheet([
    recommendation(1),
    recommendation(2),
    recommendation(3),
    recommendation(4),
  ]);
  failures: SyncError[] = [];
  reads = 0;
  versions = 0;

  async version() {
    this.versions++;
    const failure = this.failures.shift();
    if (failure) throw failure;
    return { version: this.version_, modifiedTime: null };
  }

  async read(): Promise<SourceRows> {
    this.reads++;
    return {
      rows: this.rows,
      origin: { row: 0, column: 0 },
      range: "'Matrix'!A1:O5",
      title: 'Matrix',
      gid: 0,
      dateOrder: 'day-first',
    };
  }

  edit(rows: string[][]) {
    this.rows = rows;
    this.version_ = String(Number(this.version_) + 1);
  }
}

function setup() {
  const kv = new MemoryKv();
  const store = new MatrixStore(kv, 'test');
  const source = new ScriptedSource();
  // Three minutes into a ten-minute heartbeat window, as a cron run would be.
  let clock = Date.parse('2026-11-23T10:03:00Z');
  const settings: SyncSettings = {
    trigger: 'cron',
    cron: '* * * * *',
    heartbeatMs: 10 * MINUTE,
    maxRowLoss: 0.25,
    budgetMs: 20_000,
    now: () => new Date(clock),
    retry: { baseMs: 100, random: () => 1, sleep: async (ms) => advance(ms) },
  };
  function advance(ms: number) {
    clock += ms;
  }
  const sync = (extra: Partial<SyncSettings> = {}) =>
    syncMatrix(store, source, { ...settings, ...extra });
  return { kv, store, source, sync, advance };
}

describe('syncMatrix', () => {
  it('publishes the first snapshot: versioned copy, then current, then history and the log', async () => {
    const { kv, store, sync } = setup();
    const run = await sync();
    expect(run).toMatchObject({
      outcome: 'updated',
      revision: 1,
      recommendations: 4,
      sourceVersion: '1',
    });
    expect(kv.takeWrites()).toEqual(['snapshots/00000001', 'current', 'history', 'sync-log']);
    const current = await store.current();
    expect(current!.snapshot).toMatchObject({
      revision: 1,
      total: 4,
      source: { kind: 'google-sheet', version: '1', title: 'Matrix' },
    });
    expect(current!.status).toMatchObject({
      lastSuccessAt: '2026-11-23T10:03:00.000Z',
      lastRun: { outcome: 'updated' },
    });
  });

  it('writes nothing when the version has not changed, and only a heartbeat when one is due', async () => {
    const { kv, store, source, sync, advance } = setup();
    await sync();
    kv.takeWrites();
    kv.reads = 0;
    for (let minute = 4; minute < 10; minute++) {
      advance(MINUTE);
      expect((await sync()).outcome).toBe('unchanged');
    }
    expect(kv.takeWrites()).toEqual([]);
    // One small read a quiet run: the sync log.
    expect(kv.reads).toBe(6);
    expect(source.reads).toBe(1);
    advance(MINUTE);
    await sync();
    expect(kv.takeWrites()).toEqual(['current']);
    const { status } = (await store.current())!;
    expect(status.lastSuccessAt).toBe('2026-11-23T10:10:00.000Z');
    advance(MINUTE);
    await sync();
    expect(kv.takeWrites()).toEqual([]);
    expect(status.lastRun!.outcome).toBe('updated');
  });

  it('publishes a new version as the next revision and keeps the last one', async () => {
    const { kv, store, source, sync } = setup();
    await sync();
    source.edit(
      sheet([
        recommendation(1, { status2: 'completed' }),
        recommendation(2),
        recommendation(3),
        recommendation(4),
      ]),
    );
    const run = await sync();
    expect(run).toMatchObject({ outcome: 'updated', revision: 2, sourceVersion: '2' });
    expect(
      (await store.current())!.snapshot.breakdowns.response[0]!.status['Time 2']!.completed,
    ).toBe(1);
    expect((await store.revision(1))!.revision).toBe(1);
    expect(kv.data.has('v1/matrix/test/snapshots/00000002')).toBe(true);
  });

  it('does not republish a new version whose content is the same', async () => {
    const { kv, source, sync } = setup();
    await sync();
    kv.takeWrites();
    source.edit(source.rows.map((r) => [...r]));
    const run = await sync();
    expect(run).toMatchObject({ outcome: 'unchanged', revision: 1, sourceVersion: '2' });
    expect(kv.takeWrites()).toEqual(['current', 'sync-log']);
    await sync();
    expect(kv.takeWrites()).toEqual([]);
  });

  it('rejects a sheet that lost its required column, keeps the current data, and says why', async () => {
    const { kv, store, source, sync } = setup();
    await sync();
    const broken = CANONICAL_HEADER.filter((h) => h !== 'Pillar');
    source.edit(
      sheet(
        [recommendation(1)].map(({ pillar, ...r }) => r),
        broken,
      ),
    );
    const run = await sync();
    expect(run.outcome).toBe('rejected');
    expect(run.findings).toEqual([
      expect.objectContaining({ rule: 'missing-column', cell: 'A1:N1' }),
    ]);
    expect(run.summary).toMatch(/rejected: .*no 'Pillar' column.* Revision 1 stays current\./);
    const current = await store.current();
    expect(current!.snapshot.revision).toBe(1);
    expect(current!.status.lastRun).toMatchObject({ outcome: 'rejected' });
    // The same broken version is not read again, and writes nothing more.
    kv.takeWrites();
    const again = await sync();
    expect(again.summary).toMatch(/still the one that was rejected/);
    expect(kv.takeWrites()).toEqual([]);
    expect(source.reads).toBe(2);
  });

  it('rejects an empty sheet, a header-only sheet and malformed rows without losing data', async () => {
    const { store, source, sync } = setup();
    await sync();
    for (const rows of [[], [[...CANONICAL_HEADER]], [['garbage'], ['more', 'garbage']]]) {
      source.edit(rows);
      const run = await sync();
      expect(run.outcome).toBe('rejected');
      expect(run.findings[0]!.severity).toBe('error');
    }
    expect((await store.current())!.snapshot.total).toBe(4);
  });

  it('rejects a sheet that lost more than the allowed share of rows, unless forced', async () => {
    const { store, source, sync } = setup();
    await sync();
    source.edit(sheet([recommendation(1), recommendation(2)]));
    const run = await sync();
    expect(run.outcome).toBe('rejected');
    expect(run.findings[0]).toMatchObject({ rule: 'rows-lost', severity: 'error' });
    expect(run.findings[0]!.message).toContain('2 would be lost, more than the 25% allowed');
    const forced = await sync({ force: true, trigger: 'manual' });
    expect(forced).toMatchObject({ outcome: 'updated', revision: 2 });
    expect((await store.current())!.snapshot.total).toBe(2);
  });

  it('retries passing failures within the budget, then succeeds', async () => {
    const { source, sync } = setup();
    source.failures = [
      new SyncError('unavailable', 'HTTP 503'),
      new SyncError('rate-limit', 'HTTP 429'),
    ];
    const run = await sync();
    expect(run.outcome).toBe('updated');
    expect(source.versions).toBe(3);
  });

  it('gives up when retries would outrun the budget, and keeps the last good data', async () => {
    const { store, source, sync } = setup();
    await sync();
    source.edit(source.rows);
    source.failures = Array.from({ length: 50 }, () => new SyncError('timeout', 'no answer'));
    const run = await sync({ budgetMs: 5_000 });
    expect(run.outcome).toBe('failed');
    expect(run.error).toMatchObject({ kind: 'timeout' });
    expect(run.error!.message).toMatch(/gave up after \d+ attempts/);
    expect((await store.current())!.snapshot.revision).toBe(1);
  });

  it('does not retry a refusal, says what to do, and logs a repeated failure once', async () => {
    const { kv, store, source, sync, advance } = setup();
    await sync();
    const refusal = () =>
      new SyncError(
        'permission',
        'The service account may not read spreadsheet sheet-1 (HTTP 403).',
        {
          action: 'Share the sheet with sync@project.iam.gserviceaccount.com (Viewer is enough).',
          status: 403,
        },
      );
    source.failures = [refusal()];
    kv.takeWrites();
    const run = await sync();
    expect(source.versions).toBe(2);
    expect(run).toMatchObject({ outcome: 'failed', error: { kind: 'permission', status: 403 } });
    expect(run.summary).toContain('Share the sheet with sync@project.iam.gserviceaccount.com');
    expect(kv.takeWrites()).toEqual(['current', 'sync-log']);
    source.failures = [refusal(), refusal()];
    advance(MINUTE);
    await sync();
    advance(MINUTE);
    await sync();
    expect(kv.takeWrites()).toEqual([]);
    const { status } = (await store.current())!;
    expect(status.lastRun).toMatchObject({ outcome: 'failed' });
    expect(status.lastSuccessAt).toBe('2026-11-23T10:03:00.000Z');
    // Recovery is news.
    advance(MINUTE);
    expect((await sync()).outcome).toBe('unchanged');
    expect(kv.takeWrites()).toEqual(['current', 'sync-log']);
    const log = await store.syncLog();
    expect(log.runs.map((r) => r.outcome)).toEqual(['unchanged', 'failed', 'updated']);
  });

  it('records a failure before any snapshot exists in the log alone', async () => {
    const { kv, store, source, sync } = setup();
    source.failures = [new SyncError('not-found', 'No spreadsheet sheet-1', { status: 404 })];
    const run = await sync();
    expect(run.outcome).toBe('failed');
    expect(kv.takeWrites()).toEqual(['sync-log']);
    expect(await store.current()).toBeNull();
    expect((await store.syncLog()).runs[0]!.error!.kind).toBe('not-found');
  });

  it('keeps at most the last 50 logged runs and 20 old revisions', async () => {
    const { kv, store, source, sync } = setup();
    for (let i = 0; i < 60; i++) {
      source.edit(
        sheet([
          recommendation(1, { text: `edit ${i}` }),
          recommendation(2),
          recommendation(3),
          recommendation(4),
        ]),
      );
      await sync();
    }
    expect((await store.syncLog()).runs).toHaveLength(50);
    const kept = [...kv.data.keys()].filter((k) => k.includes('/snapshots/'));
    expect(kept).toHaveLength(20);
    expect(kept.at(-1)).toBe('v1/matrix/test/snapshots/00000060');
  });

  it('reads the bundled matrix once per deployment', async () => {
    const kv = new MemoryKv();
    const store = new MatrixStore(kv);
    const csv = stringifyCsv(sheet([recommendation(1)]));
    const settings = {
      trigger: 'first-request' as const,
      heartbeatMs: 600_000,
      maxRowLoss: 0.25,
      budgetMs: 1000,
    };
    expect((await syncMatrix(store, bundledSource(csv), settings)).outcome).toBe('updated');
    expect((await syncMatrix(store, bundledSource(csv), settings)).outcome).toBe('unchanged');
    expect((await store.current())!.snapshot.source).toMatchObject({
      kind: 'bundled',
      id: 'data/matrix.csv',
    });
  });
});
