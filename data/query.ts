// The filters a reader can narrow the matrix with: one definition for the API's query string and
// the dashboard's address bar.
import { z } from 'zod';
import { CRITERION_KEYS, PILLAR_KEYS, RESPONSE_KEYS, STATUS_KEYS } from './vocabulary.ts';

/** The group key of recommendations with no readable value for a breakdown. */
export const UNASSIGNED = 'unassigned';

export const FILTER_PARAMETERS = [
  'pillar',
  'criterion',
  'unit',
  'response',
  'status',
  'round',
  'unitRole',
  'q',
] as const;
export type FilterParameter = (typeof FILTER_PARAMETERS)[number];

/** Values a fixed-vocabulary parameter may take (units and rounds depend on the sheet). */
export const FIXED_VALUES = {
  pillar: [...PILLAR_KEYS, UNASSIGNED],
  criterion: [...CRITERION_KEYS, UNASSIGNED],
  response: [...RESPONSE_KEYS, UNASSIGNED],
  status: [...STATUS_KEYS],
  unitRole: ['lead', 'support'],
} as const;

export const UnitRole = z.enum(['lead', 'support']);
export type UnitRole = z.infer<typeof UnitRole>;

/**
 * Within one parameter the values are alternatives (pillar=1&pillar=2: either); across parameters
 * all must hold. `status` applies to `round` (the latest round when none is given).
 */
export const Filters = z.object({
  pillar: z.array(z.enum(FIXED_VALUES.pillar)).default([]),
  criterion: z.array(z.enum(FIXED_VALUES.criterion)).default([]),
  unit: z.array(z.string().min(1)).default([]),
  response: z.array(z.enum(FIXED_VALUES.response)).default([]),
  status: z.array(z.enum(FIXED_VALUES.status)).default([]),
  round: z.string().min(1).optional(),
  unitRole: UnitRole.default('lead'),
  q: z.string().max(200).default(''),
});
export type Filters = z.infer<typeof Filters>;

export const NO_FILTERS: Filters = Filters.parse({});
