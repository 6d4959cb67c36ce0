// The Hono app: the API routes by resource, one error handler.
import { Hono } from 'hono';
import { handleError } from './errors.ts';
import { syncRoutes } from './routes/sync.ts';

const app = new Hono<{ Bindings: Env }>();
app.onError(handleError);

const routes = app.route('/api/sync', syncRoutes);
app.notFound((c) =>
  c.json({ error: { status: 404, message: `No such page: ${c.req.path}` } }, 404),
);

/** The API's shape, for `hc<AppType>` in the dashboard: types checked end to end. */
export type AppType = typeof routes;
export { app };
