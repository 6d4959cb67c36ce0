// The Hono app: security headers, the API routes by resource, the dashboard's files, one error handler.
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { handleError } from './errors.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { assetRoutes } from './routes/assets.ts';
import { exportRoutes } from './routes/export.ts';
import { historyRoutes } from './routes/history.ts';
import { recommendationRoutes } from './routes/recommendations.ts';
import { summaryRoutes } from './routes/summary.ts';
import { syncRoutes } from './routes/sync.ts';

const app = new Hono<{ Bindings: Env }>();
app.onError(handleError);
app.use('*', securityHeaders());
// A strong ETag from the body: an unchanged answer costs the client a 304 and no download.
app.use('/api/*', etag());

const routes = app
  .route('/api/summary', summaryRoutes)
  .route('/api/recommendations', recommendationRoutes)
  .route('/api/history', historyRoutes)
  .route('/api/export.csv', exportRoutes)
  .route('/api/sync', syncRoutes);

app.all('/api/*', (c) =>
  c.json({ error: { status: 404, message: `No such API resource: ${c.req.path}` } }, 404),
);
app.route('/', assetRoutes);
app.notFound((c) =>
  c.json({ error: { status: 404, message: `No such page: ${c.req.path}` } }, 404),
);

/** The API's shape, for `hc<AppType>` in the dashboard: types checked end to end. */
export type AppType = typeof routes;
export { app };
