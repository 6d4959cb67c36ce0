// The filters a reader can narrow the matrix with: one definition for the API's query string and
// the dashboard's address bar. Plain data (the API checks values against the snapshot's own units
// and rounds, which no static schema knows), so the dashboard bundles no validator.
import type { CriterionKey, PillarKey, ResponseKey, StatusKey } from './vocabulary.ts';
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
  'overdue',
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

export type UnitRole = (typeof FIXED_VALUES.unitRole)[number];

/**
 * Within one parameter the values are alternatives (pillar=1&pillar=2: either); across parameters
 * all must hold. `status` applies to `round` (the latest round when none is given).
 */
export interface Filters {
  pillar: (PillarKey | typeof UNASSIGNED)[];
  criterion: (CriterionKey | typeof UNASSIGNED)[];
  /** Units as written in the sheet (matched ignoring case). */
  unit: string[];
  response: (ResponseKey | typeof UNASSIGNED)[];
  status: StatusKey[];
  round?: string;
  unitRole: UnitRole;
  /** Words that must all appear in the text, key actions or comments. */
  q: string;
  /** Only recommendations past their due date and not completed (in `round`). */
  overdue: boolean;
}

export const NO_FILTERS: Filters = {
  pillar: [],
  criterion: [],
  unit: [],
  response: [],
  status: [],
  unitRole: 'lead',
  q: '',
  overdue: false,
};
