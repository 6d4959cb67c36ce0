// /api/history: the daily counts over time, and what moved between consecutive rounds.

import { Hono } from 'hono';
import type { HistoryDay, StatusTuple } from '../../data/history.ts';
import { readConfig } from '../config.ts';
import type { AppEnv } from '../context.ts';
import { onlyParameters } from '../query.ts';
import { storeFor } from '../sync.ts';

export const historyRoutes = new Hono<AppEnv>().get('/', async (c) => {
  onlyParameters(c, []);
  const config = readConfig(c.env);
  const history = await storeFor(c.env, config).history();
  c.header('Cache-Control', 'private, max-age=60, must-revalidate');
  const caller = c.get('caller');
  if (caller.kind === 'donor') {
    // A link sees its pillars' series only; the unscoped breakdowns and transitions stay here.
    const days = history.days.map((day) => donorDay(day, caller.link.scope.pillars));
    return c.json({ matrix: config.matrix, days, transitions: [] });
  }
  return c.json({ matrix: config.matrix, days: history.days, transitions: history.transitions });
});

/** A day as a pillar-scoped link may see it: the sum of its pillars, no other breakdown. */
function donorDay(day: HistoryDay, pillars: readonly string[]): HistoryDay {
  if (pillars.length === 0)
    return {
      ...day,
      breakdowns: { pillar: day.breakdowns.pillar, criterion: {}, unit: {}, response: {} },
    };
  const status: Record<string, StatusTuple> = {};
  for (const round of day.rounds) {
    const sum: StatusTuple = [0, 0, 0, 0];
    for (const pillar of pillars) {
      (day.breakdowns.pillar[pillar]?.[round] ?? [0, 0, 0, 0]).forEach((n, i) => {
        sum[i] = sum[i]! + n;
      });
    }
    status[round] = sum;
  }
  const pillar = Object.fromEntries(pillars.map((p) => [p, day.breakdowns.pillar[p] ?? {}]));
  const total = Object.values(status)[0]?.reduce((a, b) => a + b, 0) ?? 0;
  return {
    ...day,
    total,
    response: [0, 0, 0],
    status,
    breakdowns: { pillar, criterion: {}, unit: {}, response: {} },
  };
}
