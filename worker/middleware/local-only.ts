// Until sign-in exists, actions that change state answer only to a browser on this machine.
import { createMiddleware } from 'hono/factory';
import { apiError } from '../errors.ts';

const LOCAL = new Set(['localhost', '127.0.0.1', '[::1]']);

export const localOnly = createMiddleware(async (c, next) => {
  if (!LOCAL.has(new URL(c.req.url).hostname)) {
    throw apiError(403, {
      message:
        'This action is for admins. Until sign-in is configured it is only available from a local `wrangler dev`.',
    });
  }
  await next();
});
