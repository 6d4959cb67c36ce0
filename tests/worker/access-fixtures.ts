// Cloudflare Access played by the test: RSA signing keys, their JWKs, signed tokens, a certs endpoint.
import { base64url } from '../../sync/google/jwt.ts';

/** A public key as Access publishes it under `keys` at /cdn-cgi/access/certs. */
export interface PublicJwk {
  kid: string;
  kty: string;
  alg: 'RS256';
  use: 'sig';
  n: string;
  e: string;
}

/** An RSA key pair like the one Access signs with (2048 bits, RS256). */
export async function generateSigningKey(): Promise<CryptoKeyPair> {
  const pair = await crypto.subtle.generateKey(
    {
      name: 'RSASSA-PKCS1-v1_5',
      modulusLength: 2048,
      publicExponent: new Uint8Array([1, 0, 1]),
      hash: 'SHA-256',
    },
    true,
    ['sign', 'verify'],
  );
  if (!('privateKey' in pair)) throw new Error('generateKey returned a single key, not a pair');
  return pair;
}

export async function publicJwk(publicKey: CryptoKey, kid: string): Promise<PublicJwk> {
  const jwk = await crypto.subtle.exportKey('jwk', publicKey);
  if (jwk instanceof ArrayBuffer || !jwk.kty || !jwk.n || !jwk.e) {
    throw new Error('exportKey did not give an RSA JWK');
  }
  return { kid, kty: jwk.kty, alg: 'RS256', use: 'sig', n: jwk.n, e: jwk.e };
}

/**
 * A compact JWT with exactly the header and payload given, signed with whatever algorithm the key
 * is for (RSA, or HMAC to forge an HS256 token), or with an empty signature when the key is null.
 */
export async function signTestJwt(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  privateKey: CryptoKey | null,
): Promise<string> {
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  if (!privateKey) return `${input}.`;
  const signature = await crypto.subtle.sign(
    privateKey.algorithm.name,
    privateKey,
    new TextEncoder().encode(input),
  );
  return `${input}.${base64url(new Uint8Array(signature))}`;
}

/** The claims of an Access identity token for `email`, valid for an hour from `nowMs`. */
export function accessClaims(
  origin: string,
  audience: string,
  nowMs: number,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const now = Math.floor(nowMs / 1000);
  return {
    aud: [audience],
    email: 'ada@example.org',
    exp: now + 3600,
    iat: now,
    nbf: now,
    iss: origin,
    type: 'app',
    identity_nonce: 'nonce-1',
    sub: '7335d417-61da-459d-899c-0a01c76a2f94',
    country: 'NL',
    ...overrides,
  };
}

export interface CertsEndpoint {
  /** Give this to verifyAccessJwt as options.fetch. */
  fetch: typeof fetch;
  /** How many times the certs were requested. */
  calls: number;
  /** The keys served; replace them to rotate. */
  keys: PublicJwk[];
  /** Instead of the keys: answer with this HTTP status, fail like a network error, or send junk. */
  failure: number | 'network' | 'not-json' | null;
}

/** A team's certs endpoint at `<origin>/cdn-cgi/access/certs`, as a fetch function that counts. */
export function certsFetch(origin: string, jwks: PublicJwk[]): CertsEndpoint {
  const endpoint: CertsEndpoint = {
    calls: 0,
    keys: [...jwks],
    failure: null,
    fetch: async (input) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url !== `${origin}/cdn-cgi/access/certs`)
        return new Response('not found', { status: 404 });
      endpoint.calls++;
      const { failure } = endpoint;
      if (failure === 'network') throw new TypeError('Network connection lost.');
      if (failure === 'not-json') return new Response('<html>maintenance</html>', { status: 200 });
      if (failure !== null) return new Response('upstream error', { status: failure });
      const pem = (kid: string) => ({
        kid,
        cert: '-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----',
      });
      return Response.json({
        keys: endpoint.keys,
        public_cert: pem(endpoint.keys[0]?.kid ?? ''),
        public_certs: endpoint.keys.map((key) => pem(key.kid)),
      });
    },
  };
  return endpoint;
}
