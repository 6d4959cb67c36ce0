// The dashboard's whole state as it lives in the address bar, so any view can be bookmarked or
// pasted into an email: the round, the filters, the search, the open recommendation.
import { FIXED_VALUES, type Filters, type UnitRole } from '../../data/query.ts';
import { isLocale, type Locale } from '../i18n/i18n.ts';

export type FilterDimension = 'pillar' | 'criterion' | 'unit' | 'response' | 'status';
export const FILTER_DIMENSIONS: readonly FilterDimension[] = [
  'pillar',
  'criterion',
  'unit',
  'response',
  'status',
];

export type SortKey =
  | 'number'
  | 'pillar'
  | 'criterion'
  | 'unit'
  | 'response'
  | 'due'
  | `round:${string}`;

export interface ViewState {
  /** The monitoring round shown (and the one a status filter applies to); null: the latest. */
  round: string | null;
  filters: Record<FilterDimension, string[]>;
  /** Whether the unit chart (and a unit filter) counts lead or supporting units. */
  unitRole: UnitRole;
  q: string;
  /** Only overdue recommendations (a sheet with due dates). */
  overdue: boolean;
  /** The interface language; null: the browser's. */
  lang: Locale | null;
  /** The recommendation open in the detail panel. */
  rec: string | null;
  sort: SortKey;
  descending: boolean;
  /** The digest page's two rounds; null: the last two. */
  from: string | null;
  to: string | null;
}

export const INITIAL_STATE: ViewState = {
  round: null,
  filters: { pillar: [], criterion: [], unit: [], response: [], status: [] },
  unitRole: 'lead',
  q: '',
  overdue: false,
  lang: null,
  rec: null,
  sort: 'number',
  descending: false,
  from: null,
  to: null,
};

const list = (params: URLSearchParams, name: string) =>
  params
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);

/**
 * Reads the state from a query string. Values outside a fixed vocabulary are dropped here (an
 * old link should still open); units and rounds are checked by the API, which says what is wrong.
 */
export function readState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const fixed = (name: keyof typeof FIXED_VALUES) =>
    list(params, name).filter((v) => (FIXED_VALUES[name] as readonly string[]).includes(v));
  const sort = params.get('sort') ?? 'number';
  return {
    round: params.get('round') || null,
    filters: {
      pillar: fixed('pillar'),
      criterion: fixed('criterion'),
      unit: list(params, 'unit'),
      response: fixed('response'),
      status: fixed('status'),
    },
    unitRole: params.get('unitRole') === 'support' ? 'support' : 'lead',
    q: (params.get('q') ?? '').slice(0, 200),
    overdue: params.get('overdue') === 'true',
    lang: isLocale(params.get('lang')) ? (params.get('lang') as Locale) : null,
    rec: /^\d{1,4}$/.test(params.get('rec') ?? '') ? params.get('rec') : null,
    sort: /^(number|pillar|criterion|unit|response|due|round:.+)$/.test(sort)
      ? (sort as SortKey)
      : 'number',
    descending: params.get('dir') === 'desc',
    from: params.get('from') || null,
    to: params.get('to') || null,
  };
}

/** The query string for a state, leaving defaults out so links stay short. */
export function writeState(state: ViewState): string {
  const params = new URLSearchParams();
  if (state.round) params.set('round', state.round);
  for (const dimension of FILTER_DIMENSIONS) {
    if (state.filters[dimension].length) params.set(dimension, state.filters[dimension].join(','));
  }
  if (state.unitRole !== 'lead') params.set('unitRole', state.unitRole);
  if (state.q) params.set('q', state.q);
  if (state.overdue) params.set('overdue', 'true');
  if (state.lang) params.set('lang', state.lang);
  if (state.rec) params.set('rec', state.rec);
  if (state.sort !== 'number') params.set('sort', state.sort);
  if (state.descending) params.set('dir', 'desc');
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The query for /api/digest: the two rounds, when chosen. */
export function digestQuery(state: ViewState): Record<string, string> {
  const query: Record<string, string> = {};
  if (state.from) query.from = state.from;
  if (state.to) query.to = state.to;
  return query;
}

/** The API query for a state: the filters, search and round (display-only state left out). */
export function apiQuery(state: ViewState): Record<string, string> {
  const query: Record<string, string> = {};
  for (const dimension of FILTER_DIMENSIONS) {
    if (state.filters[dimension].length) query[dimension] = state.filters[dimension].join(',');
  }
  if (state.round) query.round = state.round;
  if (state.unitRole !== 'lead') query.unitRole = state.unitRole;
  if (state.q) query.q = state.q;
  if (state.overdue) query.overdue = 'true';
  return query;
}

/** Adds a value to a filter, or takes it away when it is there already (a second click undoes). */
export function toggleFilter(
  state: ViewState,
  dimension: FilterDimension,
  value: string,
): ViewState {
  const current = state.filters[dimension];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...state, filters: { ...state.filters, [dimension]: next } };
}

/** Clicking a bar segment: that group and that status, or neither when both are set already. */
export function selectSegment(
  state: ViewState,
  dimension: Exclude<FilterDimension, 'status'>,
  group: string,
  status: string,
): ViewState {
  const both = state.filters[dimension].includes(group) && state.filters.status.includes(status);
  const filters = {
    ...state.filters,
    [dimension]: both
      ? state.filters[dimension].filter((v) => v !== group)
      : [...new Set([...state.filters[dimension], group])],
    status: both ? state.filters.status.filter((v) => v !== status) : [status],
  };
  return { ...state, filters };
}

export function hasFilters(state: ViewState): boolean {
  return (
    FILTER_DIMENSIONS.some((d) => state.filters[d].length > 0) || state.q !== '' || state.overdue
  );
}

export type { Filters };
