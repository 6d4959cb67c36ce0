// The dashboard's files, from the assets binding: hashed files cached for good, the page revalidated.
import { Hono } from 'hono';

export const assetRoutes = new Hono<{ Bindings: Env }>().get('*', async (c) => {
  const response = await c.env.ASSETS.fetch(c.req.raw);
  const headers = new Headers(response.headers);
  // /assets/app-<hash>.js never changes under its name; the page that names it always may.
  headers.set(
    'Cache-Control',
    c.req.path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  );
  return new Response(response.body, { status: response.status, headers });
});
