// What every data response says about its age: when synced, from which version, and whether stale.
import type { Context } from 'hono';
import type { CurrentRecord } from '../data/snapshot.ts';
import { freshness } from '../sync/freshness.ts';
import { readConfig } from './config.ts';
import type { AppEnv } from './context.ts';

export function dataAge(c: Context<AppEnv>, record: CurrentRecord) {
  const { snapshot, status } = record;
  const fresh = freshness(
    status,
    new Date(),
    readConfig(c.env).heartbeatMinutes,
    snapshot.source.kind,
  );
  const lastRun = status.lastRun;
  return {
    matrix: snapshot.matrix,
    revision: snapshot.revision,
    syncedAt: snapshot.syncedAt,
    sourceVersion: snapshot.source.version,
    source: {
      kind: snapshot.source.kind,
      id: snapshot.source.id,
      title: snapshot.source.title,
      gid: snapshot.source.gid,
      range: snapshot.source.range,
    },
    staleness: {
      stale: fresh.stale,
      checkedAt: fresh.checkedAt,
      staleAfterMinutes: fresh.staleAfterMinutes,
      lastAttemptAt: status.lastAttemptAt,
      /** The latest run with news failed or rejected the sheet: the data may lag behind it. */
      lastSyncFailed:
        lastRun !== null && (lastRun.outcome === 'failed' || lastRun.outcome === 'rejected'),
      lastSync:
        lastRun === null
          ? null
          : { outcome: lastRun.outcome, summary: lastRun.summary, at: lastRun.startedAt },
    },
  };
}

/**
 * Clients may reuse a fresh answer for half a cron interval at most (edits should show within
 * about a minute); a stale or failing one is revalidated every time so recovery shows at once.
 */
export function setCacheHeaders(c: Context, age: ReturnType<typeof dataAge>): void {
  const fresh = !age.staleness.stale && !age.staleness.lastSyncFailed;
  c.header('Cache-Control', fresh ? 'private, max-age=30, must-revalidate' : 'private, no-cache');
}
