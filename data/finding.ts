// A finding: something in the sheet a person should look at, pinned to the cell where it is.
import { z } from 'zod';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

/**
 * Every rule the normaliser and the sync can raise. Keeping the list closed lets the dashboard,
 * the README's table and `sheet annotate` rely on the names.
 */
export const FINDING_RULES = [
  // The sheet as a whole (structural: the snapshot is rejected).
  'empty-sheet',
  'header-not-found',
  'missing-column',
  // Columns.
  'unknown-column',
  'duplicate-column',
  'no-rounds',
  'round-without-status',
  // A row that could not be used at all.
  'missing-number',
  'bad-number',
  'duplicate-recommendation',
  'duplicate-point',
  // Values that could not be read (the row is kept).
  'missing-pillar',
  'unrecognised-pillar',
  'missing-criterion',
  'unrecognised-criterion',
  'criterion-label-mismatch',
  'missing-evaluation-number',
  'bad-evaluation-number',
  'duplicate-evaluation-number',
  'missing-response',
  'unrecognised-response',
  'response-differs-from-points',
  'unrecognised-status',
  'status-differs-from-points',
  'point-differs-from-recommendation',
  'missing-responsible-unit',
  'unbalanced-parentheses',
  'unknown-linked-recommendation',
  'missing-text',
  'bad-date',
  'ambiguous-date',
  // The sync comparing a new sheet with the last good one.
  'no-recommendations',
  'rows-lost',
] as const;
export const FindingRule = z.enum(FINDING_RULES);
export type FindingRule = z.infer<typeof FindingRule>;

export const Finding = z.object({
  severity: Severity,
  rule: FindingRule,
  /** Written for the member of staff who typed the cell: what is wrong and what to type instead. */
  message: z.string(),
  /** The recommendation number as written in the matrix ("25", "48a"), when the finding has one. */
  recommendation: z.string().nullable(),
  /** The cell (or range, for a whole header row) in A1 notation, e.g. "J29". */
  cell: z.string().nullable(),
});
export type Finding = z.infer<typeof Finding>;
