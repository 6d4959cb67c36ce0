// Per-client rate limits from the Workers rate-limiting binding.
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.ts';
import { apiError } from '../errors.ts';

type LimiterName = 'SHARE_RATE_LIMIT' | 'API_RATE_LIMIT';

/** The client's address as Cloudflare saw it; one key for every local request. */
export function clientKey(request: Request): string {
  return request.headers.get('cf-connecting-ip') ?? 'local';
}

export const rateLimit = (name: LimiterName) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const limiter = c.env[name];
    // A deployment without the binding is not limited (the README says how to add it).
    if (limiter) {
      const { success } = await limiter.limit({ key: `${name}:${clientKey(c.req.raw)}` });
      if (!success) {
        c.header('Retry-After', '60');
        throw apiError(429, {
          message: 'Too many requests from this address; wait a minute and try again.',
        });
      }
    }
    await next();
  });
