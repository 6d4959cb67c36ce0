// The Hono app: security headers, who is asking, the API by resource, the dashboard's files.
import { Hono } from 'hono';
import { etag } from 'hono/etag';
import { createMiddleware } from 'hono/factory';
import { adminOnly, jsonSameOrigin } from './auth/admin.ts';
import { isLocalRequest } from './auth/local.ts';
import { ACCESS_SETUP, staffGate } from './auth/staff.ts';
import { readConfig } from './config.ts';
import type { AppEnv } from './context.ts';
import { apiError, handleError } from './errors.ts';
import { rateLimit } from './middleware/rate-limit.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { adminRoutes } from './routes/admin.ts';
import { serveAsset } from './routes/assets.ts';
import { digestRoutes } from './routes/digest.ts';
import { exportRoutes } from './routes/export.ts';
import { historyRoutes } from './routes/history.ts';
import { meRoutes } from './routes/me.ts';
import { recommendationRoutes } from './routes/recommendations.ts';
import { summaryRoutes } from './routes/summary.ts';
import { syncRoutes } from './routes/sync.ts';
import { donorGate, handleShareLanding, shareHeaders } from './share/routes.ts';

const notFound = createMiddleware<AppEnv>(async (c) => {
  throw apiError(404, { message: `No such API resource: ${c.req.path}` });
});

/** The read API, mounted for staff at /api and for donors at /shared/api. */
const readApi = new Hono<AppEnv>()
  .route('/summary', summaryRoutes)
  .route('/recommendations', recommendationRoutes)
  .route('/history', historyRoutes)
  .route('/export.csv', exportRoutes)
  .route('/digest', digestRoutes)
  .route('/me', meRoutes);

// Donors: /s/<token> swaps the token for a cookie; /shared/* is the dashboard read-only, scoped.
const shared = new Hono<AppEnv>()
  .use('*', donorGate)
  .use('/api/*', etag())
  .route('/api', readApi)
  .all('/api/*', notFound)
  .get('*', (c) => serveAsset(c, '/'));

const app = new Hono<AppEnv>();
app.onError(handleError);
app.use('*', securityHeaders);
app.get('/s/:token', shareHeaders, rateLimit('SHARE_RATE_LIMIT'), handleShareLanding);
// Guessing tokens costs a landing each: that is where the tight limit sits.
app.use('/shared/*', shareHeaders, rateLimit('API_RATE_LIMIT'));
app.route('/shared', shared);

// Staff: a verified Access JWT (or this machine, while Access is not configured).
app.use('/api/*', rateLimit('API_RATE_LIMIT'), staffGate, etag());
app.use('/api/admin/*', adminOnly, jsonSameOrigin);
const routes = app
  .route('/api', readApi)
  .route('/api/sync', syncRoutes)
  .route('/api/admin', adminRoutes);
app.all('/api/*', notFound);

// The dashboard's code is no secret (a donor's page needs it too); the pages behind it are.
app.get('/assets/*', async (c) => {
  if (readConfig(c.env).access === null && !isLocalRequest(c.req.raw)) {
    throw apiError(503, {
      message: 'Sign-in is not configured, so this dashboard is not open yet.',
      action: ACCESS_SETUP,
    });
  }
  return serveAsset(c);
});
app.get('*', staffGate, (c) => serveAsset(c));

/** The API's shape, for `hc<AppType>` in the dashboard: types checked end to end. */
export type AppType = typeof routes;
export { app };
