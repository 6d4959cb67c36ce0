// A recommendation of the matrix, with its sub-points and its status in each monitoring round.
import { z } from 'zod';
import {
  CriterionKeySchema,
  PillarKeySchema,
  ResponseKeySchema,
  StatusKeySchema,
} from './enums.ts';

/** A monitoring round as the sheet's headers name it: "Time 2" has time 2. */
export const MonitoringRound = z.object({
  label: z.string().min(1),
  time: z.number().int().nonnegative(),
});
export type MonitoringRound = z.infer<typeof MonitoringRound>;

/** What one recommendation (or point) reported in one round. */
export const RoundProgress = z.object({
  status: StatusKeySchema,
  comment: z.string(),
  /** The round's own due date (ISO), from a "Due date (Time N)" column. */
  dueDate: z.string().nullable().default(null),
});
export type RoundProgress = z.infer<typeof RoundProgress>;

/** Progress keyed by round label ("Time 2"). Every round of the snapshot has an entry. */
export const Monitoring = z.record(z.string(), RoundProgress);
export type Monitoring = z.infer<typeof Monitoring>;

/** The fields a recommendation and each of its points carry alike. */
const Actionable = z.object({
  text: z.string(),
  /** Lead units, as written (sub-unit qualifiers kept: "DOE (AAP)"). */
  responsible: z.array(z.string()),
  support: z.array(z.string()),
  /** null when the cell is empty or could not be read (a finding says which). */
  response: ResponseKeySchema.nullable(),
  responseComment: z.string(),
  keyActions: z.string(),
  /** From an optional "Due date" column (ISO date); a round's own due date wins for that round. */
  dueDate: z.string().nullable().default(null),
  monitoring: Monitoring,
  /** The sheet row (1-based) the values came from. */
  row: z.number().int().positive(),
});

/** A sub-point ("48a") with its own response, units or status. */
export const Point = Actionable.extend({
  id: z.string().regex(/^[a-z]$/),
});
export type Point = z.infer<typeof Point>;

export const Recommendation = Actionable.extend({
  /** The matrix's own number as a string ("25"); points are "25a" and live in `points`. */
  id: z.string().regex(/^\d+$/),
  number: z.number().int().positive(),
  pillar: PillarKeySchema.nullable(),
  /** Taken from the evaluation number's first digit; from the label only when there is no number. */
  criterion: CriterionKeySchema.nullable(),
  /** The criterion label as written in the sheet, kept so a reader can see what staff typed. */
  criterionLabel: z.string(),
  /** The evaluation's own number ("5.1"). */
  evaluationNumber: z.string().nullable(),
  /** Ids of linked recommendations, as the matrix cross-references them. */
  linked: z.array(z.string()),
  points: z.array(Point),
});
export type Recommendation = z.infer<typeof Recommendation>;

/**
 * A recommendation as the list shows it: what the table needs, without the long texts (the full
 * recommendation comes from /api/recommendations/:id when a row is opened).
 */
export const RecommendationListItem = Recommendation.pick({
  id: true,
  number: true,
  pillar: true,
  criterion: true,
  criterionLabel: true,
  evaluationNumber: true,
  responsible: true,
  support: true,
  response: true,
  linked: true,
}).extend({
  /** The start of the text (of the first point's, when the recommendation's own row has none). */
  excerpt: z.string(),
  /** Status per round label. */
  status: z.record(z.string(), StatusKeySchema),
  points: z.number().int().nonnegative(),
  /** The due date that applies to the round the list was asked for, and whether it has passed. */
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
});
export type RecommendationListItem = z.infer<typeof RecommendationListItem>;
