// /api/recommendations: the recommendations (filtered and searched, by number) and one in full.

import { Hono } from 'hono';
import {
  dueDateIn,
  effectiveRound,
  filterRecommendations,
  isOverdue,
  listItem,
  today,
} from '../../sync/query.ts';
import type { AppEnv } from '../context.ts';
import { loadCurrent } from '../current.ts';
import { apiError } from '../errors.ts';
import { dataAge, setCacheHeaders } from '../freshness.ts';
import { onlyParameters, parseFilters } from '../query.ts';

export const recommendationRoutes = new Hono<AppEnv>()
  .get('/', async (c) => {
    const record = await loadCurrent(c);
    const { snapshot } = record;
    const filters = parseFilters(c, snapshot);
    const items = filterRecommendations(snapshot.recommendations, filters, snapshot.rounds);
    const age = dataAge(c, record);
    setCacheHeaders(c, age);
    return c.json({
      ...age,
      rounds: snapshot.rounds.map((r) => r.label),
      total: items.length,
      matrixTotal: snapshot.total,
      items: items.map((r) =>
        listItem(r, snapshot.rounds, effectiveRound(filters, snapshot.rounds)),
      ),
    });
  })
  .get('/:id', async (c) => {
    onlyParameters(c, []);
    const raw = c.req.param('id');
    const id = /^#?0*(\d{1,4})$/.exec(raw)?.[1];
    if (!id)
      throw apiError(400, {
        message: `'${raw}' is not a recommendation number (e.g. 12).`,
        parameter: 'id',
      });
    const record = await loadCurrent(c);
    const { snapshot } = record;
    const recommendation = snapshot.recommendations.find((r) => r.id === id);
    if (!recommendation) {
      throw apiError(404, { message: `The matrix has no recommendation ${id}.`, parameter: 'id' });
    }
    const byId = new Map(snapshot.recommendations.map((r) => [r.id, r]));
    // Linked both ways: the ones it names and the ones naming it.
    const linkedIds = [
      ...new Set([
        ...recommendation.linked,
        ...snapshot.recommendations.filter((r) => r.linked.includes(id)).map((r) => r.id),
      ]),
    ];
    const linked = linkedIds
      .map((l) => byId.get(l))
      .filter((r) => r !== undefined)
      .map((r) => ({
        id: r.id,
        pillar: r.pillar,
        criterion: r.criterion,
        text: r.text || r.points[0]?.text || '',
      }));
    const age = dataAge(c, record);
    setCacheHeaders(c, age);
    const latest = snapshot.rounds.at(-1)?.label ?? null;
    return c.json({
      ...age,
      rounds: snapshot.rounds.map((r) => r.label),
      recommendation,
      /** Only for a sheet with due dates: the date that applies in the latest round, and whether it has passed. */
      due: snapshot.dueDates
        ? {
            round: latest,
            date: dueDateIn(recommendation, latest),
            overdue: isOverdue(recommendation, latest, today()),
          }
        : null,
      linked,
      findings: snapshot.findings.filter((f) => f.recommendation?.replace(/[a-z]$/, '') === id),
    });
  });
