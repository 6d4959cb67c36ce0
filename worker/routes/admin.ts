// /api/admin: share links (create, list, revoke, extend), for admins only.
import { Hono } from 'hono';
import { validator } from 'hono/validator';
import { z } from 'zod';
import { MAX_SHARE_DAYS, NewShareLink, type ShareLink } from '../../data/share.ts';
import { readConfig } from '../config.ts';
import type { AppEnv } from '../context.ts';
import { apiError } from '../errors.ts';
import { linkState, newLinkId, newToken, ShareStore, tokenHash } from '../share/share-store.ts';

const DAY = 86_400_000;
const Extend = z.object({ days: z.number().int().min(1).max(MAX_SHARE_DAYS) }).strict();

/** A link as admins see it: never the token's hash. */
function view(link: ShareLink, now: Date) {
  const { tokenHash: _, ...rest } = link;
  return { ...rest, state: linkState(link, now) };
}

/**
 * A JSON body checked against a schema, with a 400 naming the field that is wrong. As a Hono
 * validator, it also gives the dashboard's typed client the body's type.
 */
export function jsonBody<S extends z.ZodType>(schema: S) {
  return validator('json', (value): z.output<S> => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.join('.');
      throw apiError(400, {
        message: field ? `${field}: ${issue.message}` : issue.message,
        ...(field ? { parameter: field } : {}),
      });
    }
    return parsed.data;
  });
}

export const adminRoutes = new Hono<AppEnv>()
  .get('/links', async (c) => {
    const now = new Date();
    const links = await new ShareStore(c.env.MATRIX_KV).all();
    c.header('Cache-Control', 'no-store');
    return c.json({ links: links.map((l) => view(l, now)) });
  })
  .post('/links', jsonBody(NewShareLink), async (c) => {
    const request = c.req.valid('json');
    const store = new ShareStore(c.env.MATRIX_KV);
    const token = newToken();
    const now = new Date();
    const caller = c.get('caller');
    const link: ShareLink = {
      id: newLinkId(),
      label: request.label,
      matrix: readConfig(c.env).matrix,
      scope: request.scope,
      lang: request.lang,
      tokenHash: await tokenHash(token),
      createdAt: now.toISOString(),
      createdBy: caller.email ?? 'local',
      expiresAt: new Date(now.getTime() + request.expiresInDays * DAY).toISOString(),
      revokedAt: null,
      lastUsedAt: null,
    };
    await store.save([...(await store.all()), link]);
    c.header('Cache-Control', 'no-store');
    // The only time the token is seen: it is stored as a hash.
    return c.json({ link: view(link, now), url: `${new URL(c.req.url).origin}/s/${token}` }, 201);
  })
  .post('/links/:id/revoke', async (c) => {
    const now = new Date();
    const link = await new ShareStore(c.env.MATRIX_KV).update(c.req.param('id'), (l) => ({
      ...l,
      revokedAt: l.revokedAt ?? now.toISOString(),
    }));
    if (!link)
      throw apiError(404, { message: `No share link ${c.req.param('id')}.`, parameter: 'id' });
    return c.json({ link: view(link, now) });
  })
  .post('/links/:id/extend', jsonBody(Extend), async (c) => {
    const { days } = c.req.valid('json');
    const now = new Date();
    const link = await new ShareStore(c.env.MATRIX_KV).update(c.req.param('id'), (l) => {
      const from = Math.max(now.getTime(), Date.parse(l.expiresAt));
      const until = Math.min(from + days * DAY, now.getTime() + MAX_SHARE_DAYS * DAY);
      return { ...l, expiresAt: new Date(until).toISOString() };
    });
    if (!link)
      throw apiError(404, { message: `No share link ${c.req.param('id')}.`, parameter: 'id' });
    return c.json({ link: view(link, now) });
  });
