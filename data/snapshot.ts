// A snapshot: one validated reading of the matrix, as stored and served.
import { z } from 'zod';
import { Finding } from './finding.ts';
import { MonitoringRound, Recommendation } from './recommendation.ts';
import { Breakdowns } from './summary.ts';
import { SyncStatus } from './sync-log.ts';

export const SNAPSHOT_SCHEMA_VERSION = 2;

export const SourceKind = z.enum(['bundled', 'google-sheet', 'csv']);
export type SourceKind = z.infer<typeof SourceKind>;

/** Where the rows came from, so a reader can tell which edit they are looking at. */
export const SourceInfo = z.object({
  kind: SourceKind,
  /** The spreadsheet id, or the file name for a CSV. */
  id: z.string().nullable(),
  /** The tab or A1 range that was read. */
  range: z.string().nullable(),
  /** Drive's file version (or a content hash for files), the change-detection key. */
  version: z.string().nullable(),
  modifiedTime: z.string().nullable(),
  /** The spreadsheet's own title, when the source has one. */
  title: z.string().nullable().default(null),
  /** The tab's numeric id (Google's "gid"), so links can open the sheet at a finding's cell. */
  gid: z.number().int().nullable().default(null),
});
export type SourceInfo = z.infer<typeof SourceInfo>;

export const Snapshot = z.object({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  /** Which matrix (one per evaluation); "default" for the bundled one. */
  matrix: z.string().min(1),
  /** Publication number: 1 for the first snapshot stored, one more for each accepted change. */
  revision: z.number().int().nonnegative(),
  /** A hash of the recommendations, rounds and findings: equal hashes, nothing to publish. */
  contentHash: z.string(),
  source: SourceInfo,
  syncedAt: z.iso.datetime(),
  rounds: z.array(MonitoringRound),
  recommendations: z.array(Recommendation),
  findings: z.array(Finding),
  /** Whether the sheet has due dates at all: without them, nothing about being overdue is shown. */
  dueDates: z.boolean().default(false),
  /** The breakdowns of `recommendations`, computed once at sync so reads stay cheap. */
  total: z.number().int().nonnegative(),
  breakdowns: Breakdowns,
});
export type Snapshot = z.infer<typeof Snapshot>;

/** The value of the "current" key: the status first (it is read alone), then the snapshot. */
export const CurrentRecord = z.object({
  status: SyncStatus,
  snapshot: Snapshot,
});
export type CurrentRecord = z.infer<typeof CurrentRecord>;
