// Running a sync from the Worker: the source its settings name, one run at a time per matrix.
import matrixCsv from '../data/matrix.csv';
import type { SyncRun, SyncTrigger } from '../data/sync-log.ts';
import { SyncError } from '../sync/errors.ts';
import { parseServiceAccount } from '../sync/google/service-account.ts';
import { syncMatrix } from '../sync/run.ts';
import { bundledSource } from '../sync/source/bundled.ts';
import { googleSheetSource } from '../sync/source/google-sheet.ts';
import type { SheetSource } from '../sync/source/source.ts';
import { MatrixStore } from '../sync/store/matrix-store.ts';
import { readConfig, type WorkerConfig } from './config.ts';

export function sourceKindFor(config: WorkerConfig): 'bundled' | 'google-sheet' {
  return config.sheetId === null ? 'bundled' : 'google-sheet';
}

export function sourceFor(config: WorkerConfig): SheetSource {
  if (config.sheetId === null) return bundledSource(matrixCsv);
  return googleSheetSource({
    spreadsheetId: config.sheetId,
    range: config.sheetRange,
    account: parseServiceAccount(config.serviceAccount),
    sheetsApi: config.sheetsApi,
    driveApi: config.driveApi,
    timeoutMs: config.timeoutMs,
  });
}

export function storeFor(env: Env, config: WorkerConfig = readConfig(env)): MatrixStore {
  return new MatrixStore(env.MATRIX_KV, config.matrix);
}

// A cron run and a manual sync in the same isolate share one run: no double write.
const running = new Map<string, Promise<SyncRun>>();

export interface RunOptions {
  trigger: SyncTrigger;
  force?: boolean;
  cron?: string | null;
  scheduledAt?: Date;
}

export async function runSync(env: Env, options: RunOptions): Promise<SyncRun> {
  let config: WorkerConfig;
  try {
    config = readConfig(env);
  } catch (error) {
    // Settings too broken to know which matrix: nothing can be stored, so say it loudly.
    console.error(`sync ${options.trigger} failed: ${(error as Error).message}`);
    throw error;
  }
  const key = config.matrix;
  const inFlight = running.get(key);
  if (inFlight) {
    if (!options.force) return inFlight;
    await inFlight.catch(() => undefined);
  }
  const run = (async () => {
    const store = storeFor(env, config);
    let source: SheetSource;
    try {
      source = sourceFor(config);
    } catch (error) {
      // A bad key file is a sync failure staff must see, not an exception in the logs.
      source = failingSource(
        error instanceof SyncError ? error : new SyncError('config', String(error)),
      );
    }
    return syncMatrix(store, source, {
      trigger: options.trigger,
      force: options.force ?? false,
      cron: options.cron ?? null,
      ...(options.scheduledAt ? { scheduledAt: options.scheduledAt } : {}),
      heartbeatMs: config.heartbeatMinutes * 60_000,
      maxRowLoss: config.maxRowLoss,
      budgetMs: config.budgetMs,
      retry: { baseMs: config.retryBaseMs },
      logLine: (line) => console.log(line),
    });
  })();
  running.set(key, run);
  try {
    return await run;
  } finally {
    if (running.get(key) === run) running.delete(key);
  }
}

function failingSource(error: SyncError): SheetSource {
  return {
    kind: 'google-sheet',
    id: null,
    version: () => Promise.reject(error),
    read: () => Promise.reject(error),
  };
}

// Before the first snapshot, a request starts a sync; throttled so a failing first sync is not
// retried by every request.
const firstSyncTried = new Map<string, number>();
const FIRST_SYNC_RETRY_MS = 60_000;

/** Runs the first sync when the store has no snapshot yet; false when there still is none. */
export async function ensureFirstSync(env: Env): Promise<boolean> {
  const config = readConfig(env);
  const store = storeFor(env, config);
  if ((await store.currentText()) !== null) return true;
  const last = firstSyncTried.get(config.matrix) ?? 0;
  if (Date.now() - last < FIRST_SYNC_RETRY_MS && !running.has(config.matrix)) return false;
  firstSyncTried.set(config.matrix, Date.now());
  await runSync(env, { trigger: 'first-request' });
  return (await store.currentText()) !== null;
}
