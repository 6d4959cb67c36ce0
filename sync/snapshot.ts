// Building a snapshot from a sheet's rows: normalise, aggregate, stamp with where and when.

import type { z } from 'zod';
import type { Finding } from '../data/finding.ts';
import { SNAPSHOT_SCHEMA_VERSION, type Snapshot, type SourceInfo } from '../data/snapshot.ts';
import type { Summary } from '../data/summary.ts';
import type { Origin } from './a1.ts';
import { aggregate } from './aggregate.ts';
import { contentHash } from './hash.ts';
import type { DateOrder } from './normalise/dates.ts';
import { type Cell, normaliseRows } from './normalise/index.ts';

export interface BuildInput {
  rows: readonly (readonly Cell[])[];
  origin?: Origin;
  source: z.input<typeof SourceInfo>;
  matrix?: string;
  syncedAt?: Date;
  /** The revision this snapshot will be published as (0 for one that is only checked). */
  revision?: number;
  /** Day or month first in written dates (from the spreadsheet's locale). */
  dateOrder?: DateOrder | null;
}

export type BuildResult = { ok: true; snapshot: Snapshot } | { ok: false; findings: Finding[] };

export function buildSnapshot(input: BuildInput): BuildResult {
  const result = normaliseRows(input.rows, {
    ...(input.origin ? { origin: input.origin } : {}),
    dateOrder: input.dateOrder ?? null,
  });
  if (!result.ok) return result;
  const { total, breakdowns } = aggregate(result.recommendations, result.rounds);
  const hash = contentHash(
    JSON.stringify([result.rounds, result.recommendations, result.findings]),
  );
  return {
    ok: true,
    snapshot: {
      schemaVersion: SNAPSHOT_SCHEMA_VERSION,
      matrix: input.matrix ?? 'default',
      revision: input.revision ?? 0,
      contentHash: hash,
      source: { title: null, gid: null, ...input.source },
      syncedAt: (input.syncedAt ?? new Date()).toISOString(),
      rounds: result.rounds,
      recommendations: result.recommendations,
      findings: result.findings,
      dueDates: result.dueDates,
      total,
      breakdowns,
    },
  };
}

/** The Summary of a snapshot: what `sheet check --json` prints and `/api/summary` serves. */
export function summaryOf(
  snapshot: Pick<Snapshot, 'total' | 'rounds' | 'breakdowns' | 'findings'>,
): Summary {
  return {
    total: snapshot.total,
    rounds: snapshot.rounds.map((r) => r.label),
    breakdowns: snapshot.breakdowns,
    findings: snapshot.findings,
  };
}
