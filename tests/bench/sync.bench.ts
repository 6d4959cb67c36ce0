// One sync of the bundled matrix with an in-memory KV: Google's fetches are left out, so what is
// timed is the Worker's own CPU (normalise, aggregate, serialise, write), as on the free plan.
import { readFileSync } from 'node:fs';
import { type SyncSettings, syncMatrix } from '../../sync/run.ts';
import { bundledSource } from '../../sync/source/bundled.ts';
import { MatrixStore } from '../../sync/store/matrix-store.ts';
import { MemoryKv } from '../fixtures/memory-kv.ts';
import { fmt, median, printTable } from './measure.ts';

const csv = readFileSync(`${process.cwd()}/data/matrix.csv`, 'utf8');
const settings: SyncSettings = {
  trigger: 'cron',
  cron: '* * * * *',
  heartbeatMs: 600_000,
  maxRowLoss: 0.25,
  budgetMs: 20_000,
  // Three minutes into a heartbeat window: the quiet run is the ordinary one-a-minute case.
  scheduledAt: new Date('2026-11-23T10:03:00Z'),
};

async function timeAsync(
  fn: () => Promise<unknown>,
  runs: number,
  warmup: number,
): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

export async function run(): Promise<void> {
  const source = bundledSource(csv);
  const firstKv = new MemoryKv();
  const coldStart = performance.now();
  await syncMatrix(new MatrixStore(firstKv), source, settings);
  const cold = performance.now() - coldStart;

  const publish = await timeAsync(
    () => syncMatrix(new MatrixStore(new MemoryKv()), source, settings),
    101,
    100,
  );

  const kv = new MemoryKv();
  const store = new MatrixStore(kv);
  await syncMatrix(store, source, settings);
  kv.reads = 0;
  kv.writes = [];
  const quiet = await timeAsync(() => syncMatrix(store, source, settings), 1001, 200);
  const quietRuns = 1001 + 200;
  const logBytes = kv.data.get(store.keys.syncLog)!.length;
  const currentBytes = kv.data.get(store.keys.current)!.length;

  printTable('Sync of the bundled matrix, fetch excluded (CPU time, median)', [
    ['run', 'first run', 'median', 'KV reads', 'KV writes'],
    [
      'publishing a new version',
      fmt(cold),
      fmt(publish),
      firstKv.reads.toString(),
      firstKv.writes.length.toString(),
    ],
    [
      'unchanged sheet',
      '',
      fmt(quiet),
      (kv.reads / quietRuns).toFixed(1),
      (kv.writes.length / quietRuns).toFixed(1),
    ],
  ]);
  console.log(
    `  an unchanged run reads the sync log (${(logBytes / 1024).toFixed(1)} KiB), not the current record (${(currentBytes / 1024).toFixed(0)} KiB)`,
  );
  console.log(`  unchanged vs publishing: ${(publish / quiet).toFixed(0)}× cheaper`);
}
