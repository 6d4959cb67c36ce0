// The sync log: what recent syncs did, and the state the next sync starts from.
import { z } from 'zod';
import { Finding, Severity } from './finding.ts';

export const SyncTrigger = z.enum(['cron', 'manual', 'first-request']);
export type SyncTrigger = z.infer<typeof SyncTrigger>;

/**
 * updated: a new snapshot is current. unchanged: the sheet (or its content) had not changed.
 * rejected: the sheet changed but could not be used; the last good snapshot stays.
 * failed: Google could not be reached or refused; the last good snapshot stays.
 */
export const SyncOutcome = z.enum(['updated', 'unchanged', 'rejected', 'failed']);
export type SyncOutcome = z.infer<typeof SyncOutcome>;

export const SyncFailure = z.object({
  kind: z.string(),
  message: z.string(),
  /** What to do about it, in plain words. */
  action: z.string(),
  status: z.number().int().nullable(),
});
export type SyncFailure = z.infer<typeof SyncFailure>;

export const SyncRun = z.object({
  startedAt: z.iso.datetime(),
  durationMs: z.number().nonnegative(),
  trigger: SyncTrigger,
  outcome: SyncOutcome,
  /** Why, in a sentence ("sheet version 412 published as revision 7"). */
  summary: z.string(),
  sourceVersion: z.string().nullable(),
  /** The snapshot revision that is current after the run. */
  revision: z.number().int().nonnegative(),
  recommendations: z.number().int().nonnegative().nullable(),
  findingCounts: z.record(Severity, z.number().int().nonnegative()).nullable(),
  /** For a rejected sheet: the findings that sank it (with their cells). */
  findings: z.array(Finding),
  error: SyncFailure.nullable(),
});
export type SyncRun = z.infer<typeof SyncRun>;

export const SYNC_LOG_LENGTH = 50;

export const SyncState = z.object({
  /** Revision of the current snapshot; 0 before the first one. */
  revision: z.number().int().nonnegative(),
  /** Source version and size of the current snapshot. */
  currentVersion: z.string().nullable(),
  currentCount: z.number().int().nonnegative(),
  contentHash: z.string().nullable(),
  /** The last source version read in full, and what came of it (so it is not read again). */
  seenVersion: z.string().nullable(),
  seenOutcome: SyncOutcome.nullable(),
  /** The snapshot schema the current snapshot was written with; another one forces a re-read. */
  snapshotSchema: z.number().int().nullable(),
});
export type SyncState = z.infer<typeof SyncState>;

/**
 * What readers need to know about syncing, stored beside the current snapshot so every read is
 * one KV get. Rewritten when a run has news, and at most every heartbeat otherwise.
 */
export const SyncStatus = z.object({
  lastAttemptAt: z.iso.datetime().nullable(),
  /** When a sync last confirmed the current snapshot matches the sheet. */
  lastSuccessAt: z.iso.datetime().nullable(),
  /** The latest run that had news (a failure, a rejection, a recovery, a publication). */
  lastRun: SyncRun.nullable(),
  /** The cron expression that last ran the sync, to tell how often it runs. */
  cron: z.string().nullable(),
  /** When this status was written; the next heartbeat is due HEARTBEAT_MINUTES later. */
  writtenAt: z.iso.datetime().nullable(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

export const SyncLog = z.object({
  schemaVersion: z.literal(1),
  matrix: z.string(),
  /** Newest first; at most SYNC_LOG_LENGTH. Quiet unchanged runs are not logged one by one. */
  runs: z.array(SyncRun).max(SYNC_LOG_LENGTH),
  state: SyncState,
});
export type SyncLog = z.infer<typeof SyncLog>;

export function emptySyncLog(matrix: string): SyncLog {
  return {
    schemaVersion: 1,
    matrix,
    runs: [],
    state: {
      revision: 0,
      currentVersion: null,
      currentCount: 0,
      contentHash: null,
      seenVersion: null,
      seenOutcome: null,
      snapshotSchema: null,
    },
  };
}

export function emptySyncStatus(): SyncStatus {
  return { lastAttemptAt: null, lastSuccessAt: null, lastRun: null, cron: null, writtenAt: null };
}
