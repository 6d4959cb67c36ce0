// Headers every response carries: a strict Content Security Policy and the usual hardening.
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import { readConfig } from '../config.ts';
import type { AppEnv } from '../context.ts';

/**
 * No inline script or style anywhere: Lit's adopted stylesheets and D3's CSSOM writes need
 * neither. Chart PNG export draws the chart's SVG from a blob: URL onto a canvas.
 */
function headersFor(frameAncestors: string[], referrerPolicy: string) {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'blob:', 'data:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors,
    },
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    // X-Frame-Options cannot name origins: with an intranet allowed, frame-ancestors decides alone.
    xFrameOptions: frameAncestors.includes("'none'") ? 'DENY' : false,
    referrerPolicy,
    crossOriginResourcePolicy: 'same-origin',
    crossOriginOpenerPolicy: 'same-origin',
  });
}

const cache = new Map<string, ReturnType<typeof headersFor>>();
const DEFAULT_ANCESTORS = ["'none'"];

export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  let ancestors = DEFAULT_ANCESTORS;
  try {
    ancestors = readConfig(c.env).frameAncestors;
  } catch {
    // A broken setting is reported by the route; the headers stay at their strictest.
  }
  // A donor's pages tell no one where they were opened from (the address holds the link).
  const path = c.req.path;
  const referrer =
    path.startsWith('/s/') || path === '/shared' || path.startsWith('/shared/')
      ? 'no-referrer'
      : 'strict-origin-when-cross-origin';
  const key = `${ancestors.join(' ')}|${referrer}`;
  let middleware = cache.get(key);
  if (!middleware) {
    middleware = headersFor(ancestors, referrer);
    cache.set(key, middleware);
  }
  return middleware(c, next);
});
