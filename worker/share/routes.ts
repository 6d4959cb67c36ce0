// Donor access: /s/<token> swaps the token for a cookie, and /shared/* answers only with that cookie.
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { LocaleSchema } from '../../data/enums.ts';
import type { ShareLink } from '../../data/share.ts';
import type { AppEnv } from '../context.ts';
import { apiError } from '../errors.ts';
import { EXPIRED, OPENING, sharePage, UNKNOWN } from './pages.ts';
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
    sameSite: 'Strict',
    path: '/shared',
    maxAge: Math.max(1, Math.floor((Date.parse(link.expiresAt) - now.getTime()) / 1000)),
  });
  // The token leaves the address bar (and the history) for the dashboard's own address, in the
  // link's language unless the address asks for another (/s/<token>?lang=fr). Not by a redirect:
  // the link is opened from an email, a cross-site navigation, and a browser keeps a Strict
  // cookie off the redirect that follows one (the donor would land without it). A page of ours
  // that moves on by itself (meta refresh, which replaces its history entry) starts a same-site
  // navigation, which carries the cookie.
  const asked = LocaleSchema.safeParse(c.req.query('lang'));
  const lang = asked.success ? asked.data : link.lang;
  const next = lang ? `/shared/?lang=${lang}` : '/shared/';
  return c.html(sharePage(OPENING.title, OPENING.message, next), 200);
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
