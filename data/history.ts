// The daily history: one compact record of counts per day the matrix changed, for trend charts.
import { z } from 'zod';
import { StatusKeySchema } from './enums.ts';

/** Status counts of one round, in the order completed, open, discarded, unreported. */
export const StatusTuple = z.tuple([
  z.number().int().nonnegative(),
  z.number().int().nonnegative(),
  z.number().int().nonnegative(),
  z.number().int().nonnegative(),
]);
export type StatusTuple = z.infer<typeof StatusTuple>;

/** Per group key, per round label. */
const GroupCounts = z.record(z.string(), z.record(z.string(), StatusTuple));

export const HistoryDay = z.object({
  /** The UTC day, YYYY-MM-DD. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  revision: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  rounds: z.array(z.string()),
  /** accept, partial, reject. */
  response: z.tuple([z.number().int(), z.number().int(), z.number().int()]),
  /** All recommendations, per round. */
  status: z.record(z.string(), StatusTuple),
  breakdowns: z.object({
    pillar: GroupCounts,
    criterion: GroupCounts,
    unit: GroupCounts,
    response: GroupCounts,
  }),
});
export type HistoryDay = z.infer<typeof HistoryDay>;

export const HISTORY_DAYS = 731;

/** counts[a][b]: recommendations that were `a` in the earlier round and are `b` in the later one. */
export const StatusMatrix = z.record(
  StatusKeySchema,
  z.record(StatusKeySchema, z.number().int().nonnegative()),
);
export type StatusMatrix = z.infer<typeof StatusMatrix>;

/** What moved between two consecutive monitoring rounds (e.g. 12 open → completed). */
export const RoundTransition = z.object({
  from: z.string(),
  to: z.string(),
  counts: StatusMatrix,
});
export type RoundTransition = z.infer<typeof RoundTransition>;

export const History = z.object({
  schemaVersion: z.literal(1),
  /** Oldest first, one per UTC day, at most HISTORY_DAYS. */
  days: z.array(HistoryDay),
  /** Round-over-round transitions of the current snapshot, for the whole matrix. */
  transitions: z.array(RoundTransition).default([]),
});
export type History = z.infer<typeof History>;
