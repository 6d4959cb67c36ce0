// The team's signing keys, fetched from its certs endpoint and kept per isolate.
import { z } from 'zod';
import { AccessError } from './error.ts';

/** How long a fetched key set is trusted before it is fetched again. */
export const KEYS_TTL_MS = 10 * 60_000;
/**
 * The least time between two certs fetches for one team. An unknown kid may mean the keys
 * rotated, but a flood of tokens with made-up kids must not become a flood of fetches.
 */
export const REFETCH_MIN_MS = 30_000;
const FETCH_TIMEOUT_MS = 5_000;

// `keys` is what Access documents for programs; public_cert(s) repeat them as PEM for people.
const AccessCerts = z.object({ keys: z.array(z.unknown()) });

const RsaSigningJwk = z.object({
  kid: z.string().min(1),
  kty: z.literal('RSA'),
  alg: z.literal('RS256').optional(),
  use: z.literal('sig').optional(),
  n: z.string().min(1),
  e: z.string().min(1),
});

interface KeySet {
  byKid: Map<string, CryptoKey>;
  fetchedAt: number;
}

interface TeamKeys {
  current?: KeySet;
  /** The fetch under way, shared by every verification that needs it. */
  pending?: Promise<KeySet>;
  /** When the last fetch started, whether or not it succeeded. */
  lastFetchAt?: number;
}

// Module scope: one cache per isolate, shared by all its requests.
const teams = new Map<string, TeamKeys>();

export interface KeySource {
  fetch: typeof fetch;
  /** Milliseconds since the epoch, as Date.now(). */
  now: () => number;
}

/** The public key for `kid`, fetching the team's certs when the cache lacks it and may refetch. */
export async function signingKey(
  origin: string,
  kid: string,
  source: KeySource,
): Promise<CryptoKey> {
  let team = teams.get(origin);
  if (!team) {
    team = {};
    teams.set(origin, team);
  }
  const now = source.now();
  const fresh =
    team.current && now - team.current.fetchedAt < KEYS_TTL_MS ? team.current : undefined;
  const cached = fresh?.byKid.get(kid);
  if (cached) return cached;

  let keys: KeySet;
  if (team.pending) {
    // Someone is already fetching: their answer is the newest there will be for a while.
    keys = await team.pending;
  } else if (team.lastFetchAt === undefined || now - team.lastFetchAt >= REFETCH_MIN_MS) {
    keys = await refresh(team, origin, source.fetch, now);
  } else if (fresh) {
    keys = fresh;
  } else {
    // The last fetch, moments ago, failed: report it again rather than hammer the endpoint.
    throw new AccessError('certs-unavailable');
  }
  const key = keys.byKid.get(kid);
  if (!key) throw new AccessError('unknown-key');
  return key;
}

function refresh(team: TeamKeys, origin: string, fetcher: typeof fetch, now: number) {
  team.lastFetchAt = now;
  const pending = fetchKeys(origin, fetcher)
    .then((byKid) => {
      const keys = { byKid, fetchedAt: now };
      team.current = keys;
      return keys;
    })
    .finally(() => {
      team.pending = undefined;
    });
  team.pending = pending;
  return pending;
}

async function fetchKeys(origin: string, fetcher: typeof fetch): Promise<Map<string, CryptoKey>> {
  let body: unknown;
  try {
    const response = await fetcher(`${origin}/cdn-cgi/access/certs`, {
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`certs endpoint answered ${response.status}`);
    body = await response.json();
  } catch (cause) {
    throw new AccessError('certs-unavailable', { cause });
  }
  const certs = AccessCerts.safeParse(body);
  if (!certs.success) throw new AccessError('certs-unavailable', { cause: certs.error });

  const byKid = new Map<string, CryptoKey>();
  for (const entry of certs.data.keys) {
    // Skip keys this verifier cannot use (another key type, say) instead of failing the set.
    const jwk = RsaSigningJwk.safeParse(entry);
    if (!jwk.success) continue;
    const { kid, n, e } = jwk.data;
    try {
      const key = await crypto.subtle.importKey(
        'jwk',
        { kty: 'RSA', alg: 'RS256', n, e, ext: true },
        { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
        false,
        ['verify'],
      );
      byKid.set(kid, key);
    } catch {
      // A key that does not import (a truncated modulus) cannot verify anything; the others can.
    }
  }
  if (byKid.size === 0) throw new AccessError('certs-unavailable');
  return byKid;
}
