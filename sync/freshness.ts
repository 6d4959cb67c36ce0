// Telling whether the data is fresh: how often the cron runs, and how old the last confirmation is.
import type { SyncStatus } from '../data/sync-log.ts';

/**
 * Minutes between runs of a cron expression, for the forms a sync schedule takes: "* * * * *",
 * "*\/5 * * * *", "0 * * * *", "0 *\/6 * * *", "0,30 * * * *". Anything else counts as hourly.
 */
export function cronIntervalMinutes(cron: string | null | undefined): number {
  const [minute, hour] = (cron ?? '* * * * *').trim().split(/\s+/);
  const every = (field: string | undefined, unit: number, span: number): number | null => {
    if (field === undefined || field === '*') return unit;
    const step = /^\*\/(\d+)$/.exec(field);
    if (step) return Number(step[1]) * unit;
    if (/^\d+(,\d+)+$/.test(field)) return Math.floor(span / field.split(',').length) * unit;
    return null;
  };
  const byMinute = every(minute, 1, 60);
  if (byMinute !== null && (hour === undefined || hour === '*')) return byMinute;
  return every(hour, 60, 24) ?? 60;
}

export interface Freshness {
  /** When a sync last confirmed the current data matches the sheet. */
  checkedAt: string | null;
  /** Data older than this is stale: two missed runs, plus the heartbeat quiet runs may wait for. */
  staleAfterMinutes: number | null;
  stale: boolean;
}

export function freshness(
  state: SyncStatus,
  now: Date,
  heartbeatMinutes: number,
  sourceKind?: string,
): Freshness {
  // The bundled matrix is the deployment's own copy: it cannot fall behind a sheet.
  if (sourceKind === 'bundled')
    return { checkedAt: state.lastSuccessAt, staleAfterMinutes: null, stale: false };
  const staleAfterMinutes = 2 * cronIntervalMinutes(state.cron) + heartbeatMinutes;
  const checkedAt = state.lastSuccessAt;
  const stale =
    checkedAt === null || now.getTime() - Date.parse(checkedAt) > staleAfterMinutes * 60_000;
  return { checkedAt, staleAfterMinutes, stale };
}
