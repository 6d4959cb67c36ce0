// Donor access: /s/<token> swaps the token for a cookie, and /shared/* answers only with that cookie.
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { LocaleSchema } from '../../data/enums.ts';
import type { ShareLink } from '../../data/share.ts';
import type { AppEnv } from '../context.ts';
import { apiError } from '../errors.ts';
import { EXPIRED, sharePage, UNKNOWN } from './pages.ts';
import { linkState, ShareStore } from './share-store.ts';

export const SHARE_COOKIE = 'mr_share';
/** A link's last use is written at most this often: a donor reading the page is not a KV write each. */
const TOUCH_EVERY_MS = 60 * 60_000;

/** Share views are not for search engines or caches (the referrer policy: security-headers.ts). */
export const shareHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  c.res.headers.set('X-Robots-Tag', 'noindex, nofollow');
  c.res.headers.set('Cache-Control', 'no-store');
});

function touch(c: Context<AppEnv>, store: ShareStore, link: ShareLink) {
  const now = new Date();
  if (link.lastUsedAt && now.getTime() - Date.parse(link.lastUsedAt) < TOUCH_EVERY_MS) return;
  c.executionCtx.waitUntil(
    store.update(link.id, (l) => ({ ...l, lastUsedAt: now.toISOString() })).catch(() => undefined),
  );
}

/** GET /s/:token — the address in the donor's email. */
export async function handleShareLanding(c: Context<AppEnv>): Promise<Response> {
  const store = new ShareStore(c.env.MATRIX_KV);
  const link = await store.find(c.req.param('token') ?? '');
  if (!link) return c.html(sharePage(UNKNOWN.title, UNKNOWN.message), 404);
  const now = new Date();
  if (linkState(link, now) !== 'active')
    return c.html(sharePage(EXPIRED.title, EXPIRED.message), 410);
  touch(c, store, link);
  setCookie(c, SHARE_COOKIE, c.req.param('token')!, {
    httpOnly: true,
    secure: true,
    // Lax, not Strict: the link arrives by email, so the landing is a cross-site navigation, and
    // browsers keep Strict cookies off the whole redirect chain that follows one, which would
    // leave /shared/ without it. Lax still keeps the cookie off other sites' requests but the
    // reader's own top-level visits, and everything under /shared only reads.
    sameSite: 'Lax',
    path: '/shared',
    maxAge: Math.max(1, Math.floor((Date.parse(link.expiresAt) - now.getTime()) / 1000)),
  });
  // The token leaves the address bar (and the history) for the dashboard's own address, in the
  // link's language unless the address asks for another (/s/<token>?lang=fr).
  const asked = LocaleSchema.safeParse(c.req.query('lang'));
  const lang = asked.success ? asked.data : link.lang;
  return c.redirect(lang ? `/shared/?lang=${lang}` : '/shared/', 303);
}

/** /shared/*: the donor's cookie must open an active link; its scope then governs every answer. */
export const donorGate = createMiddleware<AppEnv>(async (c, next) => {
  const store = new ShareStore(c.env.MATRIX_KV);
  const token = getCookie(c, SHARE_COOKIE);
  const link = token ? await store.find(token) : null;
  const api = c.req.path.startsWith('/shared/api/');
  if (!link || linkState(link, new Date()) !== 'active') {
    const expired = link !== null;
    if (api) {
      throw apiError(expired ? 410 : 401, {
        message: expired
          ? EXPIRED.message
          : 'Open the dashboard through the share link you were sent.',
      });
    }
    return c.html(
      sharePage(
        expired ? EXPIRED.title : UNKNOWN.title,
        expired ? EXPIRED.message : UNKNOWN.message,
      ),
      expired ? 410 : 401,
    );
  }
  touch(c, store, link);
  c.set('caller', { kind: 'donor', email: null, admin: false, link });
  await next();
});
