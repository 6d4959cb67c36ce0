// The summary: every breakdown the dashboard draws, precomputed at sync.
import { z } from 'zod';
import { Finding } from './finding.ts';

export const ResponseCounts = z.object({
  accept: z.number().int().nonnegative(),
  partial: z.number().int().nonnegative(),
  reject: z.number().int().nonnegative(),
});
export type ResponseCounts = z.infer<typeof ResponseCounts>;

export const StatusCounts = z.object({
  completed: z.number().int().nonnegative(),
  open: z.number().int().nonnegative(),
  discarded: z.number().int().nonnegative(),
  unreported: z.number().int().nonnegative(),
});
export type StatusCounts = z.infer<typeof StatusCounts>;

/**
 * Implementation rate of one round: completed recommendations among those accepted or partially
 * accepted, over that denominator. `rate` is null when nothing was accepted.
 */
export const ImplementationRate = z.object({
  completed: z.number().int().nonnegative(),
  denominator: z.number().int().nonnegative(),
  rate: z.number().min(0).max(1).nullable(),
});
export type ImplementationRate = z.infer<typeof ImplementationRate>;

/** The words printed next to every rate, so nobody has to guess what it is a share of. */
export const RATE_DENOMINATOR = 'accepted + partially accepted recommendations';

export const BreakdownGroup = z.object({
  key: z.string(),
  label: z.string(),
  total: z.number().int().nonnegative(),
  response: ResponseCounts,
  /** Keyed by round label. */
  status: z.record(z.string(), StatusCounts),
  /** Keyed by round label. */
  implementation: z.record(z.string(), ImplementationRate),
});
export type BreakdownGroup = z.infer<typeof BreakdownGroup>;

export const BREAKDOWNS = ['pillar', 'criterion', 'unit', 'response'] as const;
export type BreakdownName = (typeof BREAKDOWNS)[number];

export const Breakdowns = z.object({
  pillar: z.array(BreakdownGroup),
  criterion: z.array(BreakdownGroup),
  /** By lead unit: a recommendation with two lead units counts for each. */
  unit: z.array(BreakdownGroup),
  response: z.array(BreakdownGroup),
});
export type Breakdowns = z.infer<typeof Breakdowns>;

/** The shape `sheet check --json` prints and `/api/summary` serves. */
export const Summary = z.object({
  total: z.number().int().nonnegative(),
  rounds: z.array(z.string()),
  breakdowns: Breakdowns,
  findings: z.array(Finding),
});
export type Summary = z.infer<typeof Summary>;
