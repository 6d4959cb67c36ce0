// Admin actions: an admin caller, and writes that are JSON from this same origin only.
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.ts';
import { apiError } from '../errors.ts';

export const adminOnly = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get('caller').admin) {
    throw apiError(403, { message: 'This action is for admins (ADMIN_EMAILS or ADMIN_GROUPS).' });
  }
  await next();
});

/**
 * A form or a page elsewhere cannot post here: a write must say it is JSON (which a plain HTML
 * form cannot) and come from a page of this origin.
 */
export const jsonSameOrigin = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw apiError(415, {
      message: 'Send admin requests as JSON (Content-Type: application/json).',
    });
  }
  const origin = c.req.header('origin');
  const site = c.req.header('sec-fetch-site');
  const own = new URL(c.req.url).origin;
  if (
    (origin && origin !== own) ||
    (site && site !== 'same-origin' && site !== 'none') ||
    (!origin && !site)
  ) {
    throw apiError(403, { message: 'Admin requests must come from the dashboard itself.' });
  }
  await next();
});
