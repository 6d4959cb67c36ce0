// Reading the filters from a request's query string, with a 400 that names the parameter and the
// values it may take when one is wrong.
import type { Context } from 'hono';
import { FILTER_PARAMETERS, FIXED_VALUES, type Filters, UNASSIGNED } from '../data/query.ts';
import type { Snapshot } from '../data/snapshot.ts';
import type { AppEnv } from './context.ts';
import { apiError } from './errors.ts';

/** The query's values per parameter; "a,b" and repeated parameters both give several values. */
function queryValues(c: Context): Map<string, string[]> {
  const values = new Map<string, string[]>();
  for (const [key, list] of Object.entries(c.req.queries())) {
    values.set(
      key,
      list
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter((v) => v !== ''),
    );
  }
  return values;
}

/** Refuses parameters the route does not know, so a typo ("pilar=2") is not silently ignored. */
export function onlyParameters(c: Context, allowed: readonly string[]): Map<string, string[]> {
  const values = queryValues(c);
  for (const key of values.keys()) {
    if (!allowed.includes(key)) {
      throw apiError(400, {
        message: allowed.length
          ? `Unknown query parameter '${key}'.`
          : `This resource takes no query parameters ('${key}' given).`,
        parameter: key,
        allowed,
      });
    }
  }
  return values;
}

function oneOf(
  parameter: string,
  values: string[],
  allowed: readonly string[],
  describe: string,
): string[] {
  for (const value of values) {
    if (!allowed.includes(value)) {
      throw apiError(400, { message: `'${value}' is not a ${describe}.`, parameter, allowed });
    }
  }
  return values;
}

function single(parameter: string, values: string[] | undefined): string | undefined {
  if (values === undefined || values.length === 0) return undefined;
  if (values.length > 1) throw apiError(400, { message: `Give '${parameter}' once.`, parameter });
  return values[0];
}

/** The units a unit filter may name for a role, as written in the snapshot. */
export function knownUnits(snapshot: Snapshot, role: 'lead' | 'support'): string[] {
  const seen = new Map<string, string>();
  for (const r of snapshot.recommendations) {
    for (const unit of role === 'lead' ? r.responsible : r.support) {
      if (!seen.has(unit.toLowerCase())) seen.set(unit.toLowerCase(), unit);
    }
  }
  return [...seen.values()].sort();
}

/** The dimensions a donor's link shows (null for staff: all); filtering by others is refused. */
function shownDimensions(c: Context<AppEnv>): Set<string> | null {
  const caller = c.get('caller');
  if (caller?.kind !== 'donor') return null;
  const { scope } = caller.link;
  return new Set([...scope.breakdowns.filter((b) => b !== 'unit' || scope.units), 'status']);
}

export function parseFilters(
  c: Context<AppEnv>,
  snapshot: Snapshot,
  extra: readonly string[] = [],
): Filters {
  const values = onlyParameters(c, [...FILTER_PARAMETERS, ...extra]);
  const get = (p: string) => values.get(p) ?? [];
  const shown = shownDimensions(c);
  for (const dimension of ['pillar', 'criterion', 'unit', 'response']) {
    if (shown && !shown.has(dimension) && get(dimension).length > 0) {
      throw apiError(400, {
        message: `This share link does not show the ${dimension} breakdown.`,
        parameter: dimension,
        allowed: [],
      });
    }
  }
  const unitRole = (single('unitRole', values.get('unitRole')) ?? 'lead') as 'lead' | 'support';
  oneOf('unitRole', [unitRole], FIXED_VALUES.unitRole, 'unit role');
  const rounds = snapshot.rounds.map((r) => r.label);
  const round = single('round', values.get('round'));
  if (round !== undefined) oneOf('round', [round], rounds, 'monitoring round of this sheet');
  const units = knownUnits(snapshot, unitRole);
  const unitKeys = new Map(units.map((u) => [u.toLowerCase(), u]));
  const unit = get('unit').map((u) => {
    const known = u === UNASSIGNED ? UNASSIGNED : unitKeys.get(u.toLowerCase());
    if (!known) {
      throw apiError(400, {
        message: `'${u}' is not a ${unitRole === 'lead' ? 'responsible' : 'supporting'} unit in this sheet.`,
        parameter: 'unit',
        allowed: [...units, UNASSIGNED],
      });
    }
    return known;
  });
  const overdueText = single('overdue', values.get('overdue'));
  if (overdueText !== undefined) oneOf('overdue', [overdueText], ['true', 'false'], 'yes/no value');
  if (overdueText === 'true' && !snapshot.dueDates) {
    throw apiError(400, {
      message: 'This sheet has no due dates, so nothing is overdue.',
      parameter: 'overdue',
    });
  }
  const q = single('q', values.get('q')) ?? '';
  if (q.length > 200)
    throw apiError(400, { message: 'The search is limited to 200 characters.', parameter: 'q' });
  // A pillar-scoped link may narrow within its pillars only.
  const caller = c.get('caller');
  const scoped = caller?.kind === 'donor' && caller.link.scope.pillars.length > 0;
  const pillars: readonly string[] = scoped ? caller.link.scope.pillars : FIXED_VALUES.pillar;
  return {
    pillar: oneOf(
      'pillar',
      get('pillar'),
      pillars,
      scoped ? 'pillar this link shows' : 'pillar (1–5)',
    ) as Filters['pillar'],
    criterion: oneOf(
      'criterion',
      get('criterion'),
      FIXED_VALUES.criterion,
      'evaluation criterion',
    ) as Filters['criterion'],
    response: oneOf(
      'response',
      get('response'),
      FIXED_VALUES.response,
      'management response',
    ) as Filters['response'],
    status: oneOf(
      'status',
      get('status'),
      FIXED_VALUES.status,
      'implementation status',
    ) as Filters['status'],
    unit,
    ...(round !== undefined ? { round } : {}),
    unitRole,
    q,
    overdue: overdueText === 'true',
  };
}

export function hasFilters(filters: Filters): boolean {
  return (
    filters.pillar.length +
      filters.criterion.length +
      filters.unit.length +
      filters.response.length +
      filters.status.length >
      0 ||
    filters.q !== '' ||
    filters.overdue
  );
}
