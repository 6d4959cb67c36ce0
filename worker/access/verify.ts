// Verifying the Cloudflare Access JWT on a request: never trust the header merely for being there.
import { parse as parseCookies } from 'hono/utils/cookie';
import { AccessError } from './error.ts';
import { signingKey } from './jwks.ts';
import { teamOrigin } from './team.ts';
import { parseJwt } from './token.ts';

export { AccessError, type AccessFailure } from './error.ts';
export { teamOrigin } from './team.ts';

export interface AccessConfig {
  /** "myteam.cloudflareaccess.com", or a full origin (see teamOrigin). */
  teamDomain: string;
  /** The application's Audience (AUD) tag. */
  audience: string;
}

export interface AccessIdentity {
  /** "" for a service token, which has a common_name instead. */
  email: string;
  groups: string[];
  sub: string;
  /** When the token stops being accepted (its exp), in milliseconds since the epoch. */
  expiresAt: number;
}

export interface VerifyOptions {
  fetch?: typeof fetch;
  /** Milliseconds since the epoch, as Date.now(). */
  now?: () => number;
}

/** Tolerated disagreement between Cloudflare's clock and this isolate's, in seconds. */
export const CLOCK_SKEW_SECONDS = 60;

const HEADER = 'cf-access-jwt-assertion';
const COOKIE = 'CF_Authorization';

/** The assertion header Access adds; browsers also send the cookie, which may be all there is. */
export function accessToken(request: Request): string | null {
  const header = request.headers.get(HEADER)?.trim();
  if (header) return header;
  const cookie = request.headers.get('cookie');
  return (cookie && parseCookies(cookie, COOKIE)[COOKIE]) || null;
}

/** The caller Access vouches for, or an AccessError saying why the token is refused. */
export async function verifyAccessJwt(
  token: string | null | undefined,
  config: AccessConfig,
  options: VerifyOptions = {},
): Promise<AccessIdentity> {
  if (!token) throw new AccessError('missing');
  const { header, claims, signingInput, signature } = parseJwt(token);
  // Before any key is looked at: `none` and HS256 (keyed with the public key) are the classic
  // forgeries, and a refused algorithm must not cost a certs fetch either.
  if (header.alg !== 'RS256') throw new AccessError('algorithm');
  if (!header.kid) throw new AccessError('malformed');

  const origin = teamOrigin(config.teamDomain);
  const now = options.now ?? Date.now;
  const key = await signingKey(origin, header.kid, {
    fetch: options.fetch ?? ((input, init) => fetch(input, init)),
    now,
  });
  const valid = await crypto.subtle
    .verify('RSASSA-PKCS1-v1_5', key, signature, signingInput)
    .catch(() => false);
  if (!valid) throw new AccessError('signature');

  // Only now are the claims Cloudflare's words rather than the sender's.
  if (claims.iss !== origin) throw new AccessError('issuer');
  const audiences = typeof claims.aud === 'string' ? [claims.aud] : claims.aud;
  if (!audiences.includes(config.audience)) throw new AccessError('audience');
  const seconds = now() / 1000;
  if (seconds >= claims.exp + CLOCK_SKEW_SECONDS) throw new AccessError('expired');
  if (claims.nbf !== undefined && seconds + CLOCK_SKEW_SECONDS < claims.nbf) {
    throw new AccessError('not-yet-valid');
  }
  if (claims.iat !== undefined && seconds + CLOCK_SKEW_SECONDS < claims.iat) {
    throw new AccessError('not-yet-valid');
  }

  return {
    email: claims.email ?? '',
    groups: claims.groups ?? [],
    sub: claims.sub ?? '',
    expiresAt: claims.exp * 1000,
  };
}
