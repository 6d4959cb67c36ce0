// Whether a request comes from this machine: `wrangler dev` on loopback runs open.
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * On Cloudflare a request reaches the Worker only through its own hostnames, so a loopback
 * hostname means a local `wrangler dev`.
 */
export function isLocalRequest(request: Request): boolean {
  return LOOPBACK.has(new URL(request.url).hostname);
}
