// One sync: is there a new sheet version, read it, check it, publish it, and record what happened.
import type { Finding } from '../data/finding.ts';
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot } from '../data/snapshot.ts';
import {
  emptySyncStatus,
  SYNC_LOG_LENGTH,
  type SyncFailure,
  type SyncLog,
  type SyncRun,
  type SyncStatus,
  type SyncTrigger,
} from '../data/sync-log.ts';
import { SyncError } from './errors.ts';
import { cronIntervalMinutes } from './freshness.ts';
import { DEFAULT_RETRY, withRetry } from './retry.ts';
import { buildSnapshot } from './snapshot.ts';
import type { SheetSource, SourceVersion } from './source/source.ts';
import { withSnapshot } from './store/history.ts';
import type { MatrixStore } from './store/matrix-store.ts';

export interface SyncSettings {
  trigger: SyncTrigger;
  /** Read and publish even when the version is unchanged or many rows were lost (an admin's call). */
  force?: boolean;
  /** The cron expression that triggered the run, when a cron did. */
  cron?: string | null;
  /** When the cron was due (its scheduledTime); heartbeat windows are counted from it. */
  scheduledAt?: Date;
  /**
   * Quiet cron runs write a heartbeat once in each window of this length, so a sheet nobody edits
   * does not look stale.
   */
  heartbeatMs: number;
  /** Reject a sheet that lost more than this share of the current recommendations (0–1). */
  maxRowLoss: number;
  /** Wall-clock budget for the run's retries. */
  budgetMs: number;
  retry?: {
    baseMs?: number;
    capMs?: number;
    random?: () => number;
    sleep?: (ms: number) => Promise<void>;
  };
  now?: () => Date;
  /** Where a line per run goes (Workers Logs in production): per-run bookkeeping stays out of KV. */
  logLine?: (line: string) => void;
}

/** What a run found, before it is stamped with times and written down. */
type Outcome = Pick<
  SyncRun,
  | 'outcome'
  | 'summary'
  | 'sourceVersion'
  | 'recommendations'
  | 'findingCounts'
  | 'findings'
  | 'error'
> & {
  /** A snapshot to publish. */
  publish?: Snapshot;
  /** The source version now fully read, and what came of it (so it is not read again). */
  seen?: { version: string; outcome: 'updated' | 'unchanged' | 'rejected' };
};

const countFindings = (findings: readonly Finding[]) => ({
  error: findings.filter((f) => f.severity === 'error').length,
  warning: findings.filter((f) => f.severity === 'warning').length,
  info: findings.filter((f) => f.severity === 'info').length,
});

function failure(error: unknown): SyncFailure {
  if (error instanceof SyncError) {
    return { kind: error.kind, message: error.message, action: error.action, status: error.status };
  }
  return {
    kind: 'internal',
    message: `The sync stopped on an unexpected error: ${(error as Error)?.message ?? String(error)}`,
    action:
      'Nothing in the sheet to fix; the last good data stays. If it repeats, report it with this message.',
    status: null,
  };
}

/**
 * What kind of news a run is: a success, a rejection, or one particular failure. A run of the same
 * kind as the last logged one is not news (an "unchanged" after an "updated" included).
 */
function runKind(run: Pick<SyncRun, 'outcome' | 'error'>, stillRejected: boolean): string {
  if (run.outcome === 'failed') return `failed ${run.error?.kind} ${run.error?.message}`;
  if (run.outcome === 'rejected' || stillRejected) return 'rejected';
  return 'ok';
}

/**
 * Runs one sync against the store. Never throws for a sheet or Google problem: those become a
 * 'rejected' or 'failed' run, and the current snapshot stays as it was.
 *
 * KV writes happen only when there is news: a new version published or rejected, a different
 * outcome than the last run, or a heartbeat due. Identical quiet runs write nothing.
 */
export async function syncMatrix(
  store: MatrixStore,
  source: SheetSource,
  settings: SyncSettings,
): Promise<SyncRun> {
  const now = settings.now ?? (() => new Date());
  const started = now();
  // A quiet run reads this one small key and nothing else.
  const log = await store.syncLog();

  let outcome: Outcome;
  try {
    outcome = await decide(store, source, settings, log, started, now);
  } catch (error) {
    const f = failure(error);
    outcome = {
      outcome: 'failed',
      summary: `${f.message}${f.action ? ` ${f.action}` : ''}`,
      sourceVersion: null,
      recommendations: null,
      findingCounts: null,
      findings: [],
      error: f,
    };
  }

  // Another run (a cron and a manual sync together) may have published this version meanwhile.
  if (outcome.publish) {
    const fresh = await store.syncLog();
    if (
      fresh.state.seenVersion === outcome.seen?.version &&
      fresh.state.revision > log.state.revision
    ) {
      const { publish: _, seen: __, ...rest } = outcome;
      outcome = {
        ...rest,
        outcome: 'unchanged',
        summary: `Sheet version ${outcome.sourceVersion} was published as revision ${fresh.state.revision} by a sync running at the same time.`,
      };
      return record(store, settings, fresh, outcome, started, now);
    }
  }
  return record(store, settings, log, outcome, started, now);
}

async function decide(
  store: MatrixStore,
  source: SheetSource,
  settings: SyncSettings,
  log: SyncLog,
  started: Date,
  now: () => Date,
): Promise<Outcome> {
  const state = log.state;
  const retry = <T>(call: () => Promise<T>) =>
    withRetry(call, {
      baseMs: settings.retry?.baseMs ?? DEFAULT_RETRY.baseMs,
      capMs: settings.retry?.capMs ?? DEFAULT_RETRY.capMs,
      deadline: started.getTime() + settings.budgetMs,
      now: () => now().getTime(),
      ...(settings.retry?.random ? { random: settings.retry.random } : {}),
      ...(settings.retry?.sleep ? { sleep: settings.retry.sleep } : {}),
    });

  const { version, modifiedTime }: SourceVersion = await retry(() => source.version());
  // A new snapshot layout after a deploy: read the sheet again even if it did not change.
  const layoutChanged = state.revision > 0 && state.snapshotSchema !== SNAPSHOT_SCHEMA_VERSION;
  if (!settings.force && !layoutChanged && version === state.seenVersion) {
    return {
      outcome: 'unchanged',
      summary:
        state.seenOutcome === 'rejected'
          ? `Sheet version ${version} is still the one that was rejected; revision ${state.revision} stays current until the sheet is fixed.`
          : `Sheet version ${version} unchanged.`,
      sourceVersion: version,
      recommendations: state.currentCount,
      findingCounts: null,
      findings: [],
      error: null,
    };
  }

  const rows = await retry(() => source.read());
  const built = buildSnapshot({
    rows: rows.rows,
    origin: rows.origin,
    source: {
      kind: source.kind,
      id: source.id,
      range: rows.range,
      version,
      modifiedTime,
      title: rows.title,
      gid: rows.gid,
    },
    matrix: store.matrix,
    dateOrder: rows.dateOrder,
    syncedAt: started,
    revision: state.revision + 1,
  });
  const rejected = (findings: Finding[], why: string): Outcome => ({
    outcome: 'rejected',
    summary: `Sheet version ${version} rejected: ${why} ${state.revision > 0 ? `Revision ${state.revision} stays current.` : 'Nothing is published until it is fixed.'}`,
    sourceVersion: version,
    recommendations: null,
    findingCounts: countFindings(findings),
    findings,
    error: null,
    seen: { version, outcome: 'rejected' },
  });
  if (!built.ok)
    return rejected(built.findings, built.findings[0]?.message ?? 'the sheet cannot be read.');

  const snapshot = built.snapshot;
  const sinkWith = (rule: 'no-recommendations' | 'rows-lost', message: string) =>
    rejected(
      [
        { severity: 'error', rule, message, recommendation: null, cell: null },
        ...snapshot.findings,
      ],
      message,
    );
  if (snapshot.total === 0) {
    return sinkWith(
      'no-recommendations',
      'The sheet has a header row but no recommendations under it.',
    );
  }
  const lost = state.currentCount - snapshot.total;
  if (
    !settings.force &&
    state.currentCount > 0 &&
    lost > state.currentCount * settings.maxRowLoss
  ) {
    return sinkWith(
      'rows-lost',
      `The sheet has ${snapshot.total} recommendations where the current data has ${state.currentCount}: ${lost} would be lost, more than the ${Math.round(settings.maxRowLoss * 100)}% allowed. If rows were deleted on purpose, an admin can force a sync.`,
    );
  }
  const findingCounts = countFindings(snapshot.findings);
  if (!settings.force && !layoutChanged && snapshot.contentHash === state.contentHash) {
    return {
      outcome: 'unchanged',
      summary: `Sheet version ${version} has the same content as revision ${state.revision}.`,
      sourceVersion: version,
      recommendations: snapshot.total,
      findingCounts,
      findings: [],
      error: null,
      seen: { version, outcome: 'unchanged' },
    };
  }
  return {
    outcome: 'updated',
    summary: `Sheet version ${version} published as revision ${snapshot.revision}: ${snapshot.total} recommendations, ${findingCounts.error} errors, ${findingCounts.warning} warnings.`,
    sourceVersion: version,
    recommendations: snapshot.total,
    findingCounts,
    findings: [],
    error: null,
    publish: snapshot,
    seen: { version, outcome: 'updated' },
  };
}

/**
 * Whether this cron run is the first in its heartbeat window. Windows are fixed in time (10:00,
 * 10:10, …), so no stored "last written" is needed to know: the quiet run reads nothing more.
 */
export function heartbeatDue(
  settings: Pick<SyncSettings, 'trigger' | 'cron' | 'heartbeatMs'>,
  at: Date,
): boolean {
  if (settings.trigger !== 'cron') return false;
  const minute = Math.floor(at.getTime() / 60_000) * 60_000;
  const interval = cronIntervalMinutes(settings.cron) * 60_000;
  return (
    Math.floor(minute / settings.heartbeatMs) !==
    Math.floor((minute - interval) / settings.heartbeatMs)
  );
}

/** Stamps the run, then writes what changed: the snapshot, the status beside it, the log. */
async function record(
  store: MatrixStore,
  settings: SyncSettings,
  log: SyncLog,
  outcome: Outcome,
  started: Date,
  now: () => Date,
): Promise<SyncRun> {
  const { publish, seen, ...found } = outcome;
  const end = now();
  const run: SyncRun = {
    startedAt: started.toISOString(),
    durationMs: end.getTime() - started.getTime(),
    trigger: settings.trigger,
    revision: publish?.revision ?? log.state.revision,
    ...found,
  };
  settings.logLine?.(`sync ${run.trigger} ${run.outcome} (${run.durationMs} ms): ${run.summary}`);

  const state = { ...log.state };
  if (publish) {
    Object.assign(state, {
      revision: publish.revision,
      currentVersion: publish.source.version,
      currentCount: publish.total,
      contentHash: publish.contentHash,
      snapshotSchema: SNAPSHOT_SCHEMA_VERSION,
    });
  }
  if (seen) Object.assign(state, { seenVersion: seen.version, seenOutcome: seen.outcome });

  const previous = log.runs[0];
  const stillRejected = run.outcome === 'unchanged' && state.seenOutcome === 'rejected';
  const news =
    publish !== undefined ||
    seen !== undefined ||
    previous === undefined ||
    runKind(previous, false) !== runKind(run, stillRejected);
  // Identical quiet runs (the same version, or the same failure, minute after minute) write
  // nothing: KV's free plan allows 1,000 writes a day and a once-a-minute cron runs 1,440 times.
  if (!news && !heartbeatDue(settings, settings.scheduledAt ?? started)) return run;

  const current = publish ? null : await store.currentStatus().catch(() => null);
  const status: SyncStatus = {
    ...(current?.status ?? emptySyncStatus()),
    lastAttemptAt: run.startedAt,
  };
  if (settings.cron) status.cron = settings.cron;
  // A success confirms the current snapshot still matches the sheet; a rejected sheet does not.
  if (
    run.outcome === 'updated' ||
    (run.outcome === 'unchanged' && state.seenOutcome !== 'rejected')
  ) {
    status.lastSuccessAt = run.startedAt;
  }
  if (news) status.lastRun = run;
  status.writtenAt = end.toISOString();
  if (publish) {
    await store.publish(publish, status);
    const history = withSnapshot(await store.history(), publish);
    if (history) await store.writeHistory(history);
  } else if (current) {
    await store.writeStatus(status, current.text);
  }
  if (news) {
    await store.writeSyncLog({ ...log, runs: [run, ...log.runs].slice(0, SYNC_LOG_LENGTH), state });
  }
  return run;
}
