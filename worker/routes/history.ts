// /api/history: the daily counts over time, and what moved between consecutive rounds.
import { Hono } from 'hono';
import { readConfig } from '../config.ts';
import { onlyParameters } from '../query.ts';
import { storeFor } from '../sync.ts';

export const historyRoutes = new Hono<{ Bindings: Env }>().get('/', async (c) => {
  onlyParameters(c, []);
  const config = readConfig(c.env);
  const history = await storeFor(c.env, config).history();
  c.header('Cache-Control', 'private, max-age=60, must-revalidate');
  return c.json({ matrix: config.matrix, days: history.days, transitions: history.transitions });
});
