// The dashboard's files, from the assets binding: hashed files cached for good, pages revalidated.
import type { Context } from 'hono';
import type { AppEnv } from '../context.ts';

/** Serves a file of dist/dashboard (`path` overrides the request's, e.g. the page for /shared/). */
export async function serveAsset(c: Context<AppEnv>, path?: string): Promise<Response> {
  const url = new URL(c.req.url);
  if (path) url.pathname = path;
  const response = await c.env.ASSETS.fetch(new Request(url, c.req.raw));
  const headers = new Headers(response.headers);
  // /assets/app-<hash>.js never changes under its name; the page that names it always may.
  headers.set(
    'Cache-Control',
    url.pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  );
  return new Response(response.body, { status: response.status, headers });
}
