// /api/me: who the dashboard is talking to, so it shows admin tools only to admins.
import { Hono } from 'hono';
import type { AppEnv } from '../context.ts';

export const meRoutes = new Hono<AppEnv>().get('/', (c) => {
  const caller = c.get('caller');
  c.header('Cache-Control', 'private, no-store');
  return c.json({
    kind: caller.kind,
    email: caller.email,
    admin: caller.admin,
    ...(caller.kind === 'donor'
      ? { scope: caller.link.scope, label: caller.link.label, expiresAt: caller.link.expiresAt }
      : {}),
  });
});
