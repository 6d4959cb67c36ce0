// /api/summary: the Summary (the shape `sheet check --json` prints) for the current snapshot,
// narrowed by the filters, with the data's age and the round-over-round transitions.

import { Hono } from 'hono';
import type { Summary } from '../../data/summary.ts';
import { aggregate, overallGroup } from '../../sync/aggregate.ts';
import {
  effectiveRound,
  filterRecommendations,
  isOverdue,
  today,
  transitions,
} from '../../sync/query.ts';
import type { AppEnv } from '../context.ts';
import { loadCurrent } from '../current.ts';
import { dataAge, setCacheHeaders } from '../freshness.ts';
import { hasFilters, parseFilters } from '../query.ts';

export const summaryRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const record = await loadCurrent(c);
  const { snapshot } = record;
  const filters = parseFilters(c, snapshot);
  const narrowed = hasFilters(filters);
  const recommendations = narrowed
    ? filterRecommendations(snapshot.recommendations, filters, snapshot.rounds)
    : snapshot.recommendations;
  // The unnarrowed, lead-unit summary was computed at sync: serve it as stored.
  const counted =
    narrowed || filters.unitRole !== 'lead'
      ? aggregate(recommendations, snapshot.rounds, { unitRole: filters.unitRole })
      : { total: snapshot.total, breakdowns: snapshot.breakdowns };
  const summary: Summary = {
    total: counted.total,
    rounds: snapshot.rounds.map((r) => r.label),
    breakdowns: counted.breakdowns,
    findings: snapshot.findings,
  };
  const age = dataAge(c, record);
  const statusRound = effectiveRound(filters, snapshot.rounds);
  const on = today();
  setCacheHeaders(c, age);
  return c.json({
    ...summary,
    ...age,
    filters: { ...filters, statusRound },
    /** All recommendations in the sheet, however narrowed this summary is. */
    matrixTotal: snapshot.total,
    /** The recommendations in view as one group: the headline figures, whatever breakdowns show. */
    overall: overallGroup(recommendations, snapshot.rounds),
    transitions: transitions(recommendations, snapshot.rounds),
    /** Only for a sheet with due dates: without them, nothing about being overdue is shown. */
    overdue: snapshot.dueDates
      ? {
          count: recommendations.filter((r) => isOverdue(r, statusRound, on)).length,
          round: statusRound,
          asOf: on,
        }
      : null,
  });
});
