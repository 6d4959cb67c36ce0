// The Access JWT verifier inside workerd, against keys and a certs endpoint the test controls.
import { beforeAll, describe, expect, it } from 'vitest';
import { base64url } from '../../sync/google/jwt.ts';
import { KEYS_TTL_MS, REFETCH_MIN_MS } from '../../worker/access/jwks.ts';
import {
  type AccessFailure,
  accessToken,
  teamOrigin,
  verifyAccessJwt,
} from '../../worker/access/verify.ts';
import {
  accessClaims,
  certsFetch,
  generateSigningKey,
  type PublicJwk,
  publicJwk,
  signTestJwt,
} from './access-fixtures.ts';

const AUDIENCE = '4714c1358e65fe4b408ad6d432a5f878f08194bdb4752441fd56faefa9b2b6f2';
const START = Date.UTC(2026, 5, 1, 9, 0, 0);
const START_S = START / 1000;

let keyA: CryptoKeyPair;
let keyB: CryptoKeyPair;
let outsider: CryptoKeyPair;
let jwkA: PublicJwk;
let jwkB: PublicJwk;

beforeAll(async () => {
  [keyA, keyB, outsider] = await Promise.all([
    generateSigningKey(),
    generateSigningKey(),
    generateSigningKey(),
  ]);
  [jwkA, jwkB] = await Promise.all([
    publicJwk(keyA.publicKey, 'kid-a'),
    publicJwk(keyB.publicKey, 'kid-b'),
  ]);
});

// The key cache lives in module scope per origin, so every test gets a team of its own.
let teams = 0;

/** A team publishing `keys`, a clock the test moves, and tokens signed as that team. */
function team(keys: PublicJwk[] = [jwkA]) {
  const origin = `https://team-${++teams}.cloudflareaccess.com`;
  const certs = certsFetch(origin, keys);
  let clock = START;
  const options = { fetch: certs.fetch, now: () => clock };
  return {
    origin,
    certs,
    advance: (ms: number) => {
      clock += ms;
    },
    verify: (token: string | null | undefined) =>
      verifyAccessJwt(token, { teamDomain: origin, audience: AUDIENCE }, options),
    /** A token as Access would sign it with key A, with `claims` replacing the usual ones. */
    token: (
      claims: Record<string, unknown> = {},
      signer: { key?: CryptoKey | null; header?: Record<string, unknown> } = {},
    ) =>
      signTestJwt(
        { alg: 'RS256', kid: 'kid-a', typ: 'JWT', ...signer.header },
        accessClaims(origin, AUDIENCE, clock, claims),
        signer.key === undefined ? keyA.privateKey : signer.key,
      ),
  };
}

const refusedWith = (reason: AccessFailure) => ({ name: 'AccessError', reason });

describe('verifyAccessJwt', () => {
  it('accepts a token signed with a published key for this team and application', async () => {
    const t = team();
    const identity = await t.verify(await t.token());
    expect(identity).toEqual({
      email: 'ada@example.org',
      groups: [],
      sub: '7335d417-61da-459d-899c-0a01c76a2f94',
      expiresAt: (START_S + 3600) * 1000,
    });
    expect(t.certs.calls).toBe(1);
  });

  it('returns the groups claim when the identity provider sends one', async () => {
    const t = team();
    const identity = await t.verify(await t.token({ groups: ['leadership', 'm-and-e'] }));
    expect(identity.groups).toEqual(['leadership', 'm-and-e']);
  });

  it('treats a groups claim of an unknown shape as no groups, not as a refusal', async () => {
    const t = team();
    const identity = await t.verify(await t.token({ groups: [{ id: 'g1', name: 'leadership' }] }));
    expect(identity.groups).toEqual([]);
  });

  it('accepts a service token (common_name, no email) as an identity with email ""', async () => {
    const t = team();
    const identity = await t.verify(
      await t.token({ email: undefined, sub: '', common_name: 'ci.service-token.access' }),
    );
    expect(identity).toMatchObject({ email: '', groups: [], sub: '' });
  });

  it('accepts aud as a single string and as a list naming other applications too', async () => {
    const t = team();
    await expect(t.verify(await t.token({ aud: AUDIENCE }))).resolves.toMatchObject({
      email: 'ada@example.org',
    });
    await expect(t.verify(await t.token({ aud: ['other-app', AUDIENCE] }))).resolves.toMatchObject({
      email: 'ada@example.org',
    });
  });

  it('refuses a token for another application', async () => {
    const t = team();
    await expect(t.verify(await t.token({ aud: ['other-app'] }))).rejects.toMatchObject(
      refusedWith('audience'),
    );
    await expect(t.verify(await t.token({ aud: `${AUDIENCE}x` }))).rejects.toMatchObject(
      refusedWith('audience'),
    );
  });

  it('refuses a token issued by another team, even when signed with a published key', async () => {
    const t = team();
    const token = await t.token({ iss: 'https://someone-else.cloudflareaccess.com' });
    await expect(t.verify(token)).rejects.toMatchObject(refusedWith('issuer'));
    const slash = await t.token({ iss: `${t.origin}/` });
    await expect(t.verify(slash)).rejects.toMatchObject(refusedWith('issuer'));
  });

  it('refuses an expired token once 60 s of clock skew have passed, not before', async () => {
    const t = team();
    await expect(t.verify(await t.token({ exp: START_S - 59 }))).resolves.toBeDefined();
    await expect(t.verify(await t.token({ exp: START_S - 60 }))).rejects.toMatchObject(
      refusedWith('expired'),
    );
    const later = await t.token();
    t.advance(3661_000);
    await expect(t.verify(later)).rejects.toMatchObject(refusedWith('expired'));
  });

  it('refuses a token whose nbf is more than 60 s ahead', async () => {
    const t = team();
    await expect(t.verify(await t.token({ nbf: START_S + 59 }))).resolves.toBeDefined();
    await expect(t.verify(await t.token({ nbf: START_S + 61 }))).rejects.toMatchObject(
      refusedWith('not-yet-valid'),
    );
  });

  it('refuses a token whose iat is more than 60 s ahead', async () => {
    const t = team();
    await expect(t.verify(await t.token({ iat: START_S + 120 }))).rejects.toMatchObject(
      refusedWith('not-yet-valid'),
    );
  });

  it('refuses a kid the certs do not list', async () => {
    const t = team();
    const token = await t.token({}, { header: { kid: 'kid-nobody-published' } });
    await expect(t.verify(token)).rejects.toMatchObject(refusedWith('unknown-key'));
    expect(t.certs.calls).toBe(1);
  });

  it('refuses a token signed with another key under a published kid', async () => {
    const t = team();
    const token = await t.token({}, { key: outsider.privateKey });
    await expect(t.verify(token)).rejects.toMatchObject(refusedWith('signature'));
  });

  it('refuses a payload changed after signing', async () => {
    const t = team();
    const [header, , signature] = (await t.token()).split('.');
    const forged = base64url(
      JSON.stringify(accessClaims(t.origin, AUDIENCE, START, { email: 'mallory@example.org' })),
    );
    await expect(t.verify(`${header}.${forged}.${signature}`)).rejects.toMatchObject(
      refusedWith('signature'),
    );
  });

  it('refuses a token with an empty signature', async () => {
    const t = team();
    await expect(t.verify(await t.token({}, { key: null }))).rejects.toMatchObject(
      refusedWith('signature'),
    );
  });

  it('refuses alg "none" without fetching any key, with or without a signature', async () => {
    const t = team();
    const unsigned = await t.token({}, { key: null, header: { alg: 'none' } });
    await expect(t.verify(unsigned)).rejects.toMatchObject(refusedWith('algorithm'));
    const signed = await t.token({}, { header: { alg: 'none' } });
    await expect(t.verify(signed)).rejects.toMatchObject(refusedWith('algorithm'));
    expect(t.certs.calls).toBe(0);
  });

  it('refuses HS256 keyed with the published public key without fetching any key', async () => {
    const t = team();
    const hmac = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(JSON.stringify(jwkA)),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    const token = await t.token({}, { key: hmac, header: { alg: 'HS256' } });
    await expect(t.verify(token)).rejects.toMatchObject(refusedWith('algorithm'));
    expect(t.certs.calls).toBe(0);
  });

  it('refuses an RS256 header without a kid', async () => {
    const t = team();
    const token = await t.token({}, { header: { kid: undefined } });
    await expect(t.verify(token)).rejects.toMatchObject(refusedWith('malformed'));
  });

  const claims = accessClaims('https://x.cloudflareaccess.com', AUDIENCE, START);
  const header = base64url(JSON.stringify({ alg: 'RS256', kid: 'kid-a' }));
  const payload = base64url(JSON.stringify(claims));
  it.each([
    ['a single word', 'not-a-jwt'],
    ['two parts (alg none without a signature part)', `${base64url('{"alg":"none"}')}.${payload}`],
    ['four parts', `${header}.${payload}.c2ln.c2ln`],
    ['empty parts', '..'],
    ['a character outside base64url', `${header}.${payload.slice(0, -1)}*.c2ln`],
    ['standard base64 padding', `${header}.${payload}==.c2ln`],
    ['a header that is not JSON', `${base64url('{alg:RS256')}.${payload}.c2ln`],
    ['a payload that is not JSON', `${header}.${base64url('hello')}.c2ln`],
    ['a payload that is not UTF-8', `${header}.${base64url(new Uint8Array([0xff, 0xfe]))}.c2ln`],
    ['a header that is a JSON array', `${base64url('["RS256"]')}.${payload}.c2ln`],
    [
      'claims without exp',
      `${header}.${base64url(JSON.stringify({ ...claims, exp: undefined }))}.c2ln`,
    ],
    ['exp as a string', `${header}.${base64url(JSON.stringify({ ...claims, exp: '2099' }))}.c2ln`],
    ['an absurdly long token', `${header}.${'A'.repeat(70_000)}.c2ln`],
  ])('refuses a malformed token (%s) without fetching any key', async (_, token) => {
    const t = team();
    await expect(t.verify(token)).rejects.toMatchObject(refusedWith('malformed'));
    expect(t.certs.calls).toBe(0);
  });

  it.each([null, undefined, ''])('refuses a missing token (%j)', async (token) => {
    const t = team();
    await expect(t.verify(token)).rejects.toMatchObject(refusedWith('missing'));
  });

  it('gives a fixed message per reason that never echoes the token', async () => {
    const t = team();
    const first = await t.verify('first.token.text').catch((error: unknown) => error);
    const second = await t.verify(`${header}.${payload}.z`).catch((error: unknown) => error);
    expect(first).toMatchObject(refusedWith('malformed'));
    expect(second).toMatchObject(refusedWith('malformed'));
    expect(String(first)).toBe(String(second));
    expect(String(first)).not.toContain('first');
  });
});

describe('signing keys: cache and rotation', () => {
  it('fetches the certs once for many verifications', async () => {
    const t = team();
    for (let i = 0; i < 5; i++) await t.verify(await t.token({ email: `user${i}@example.org` }));
    expect(t.certs.calls).toBe(1);
  });

  it('shares one in-flight fetch among concurrent verifications', async () => {
    const t = team();
    const tokens = await Promise.all(Array.from({ length: 10 }, () => t.token()));
    const identities = await Promise.all(tokens.map((token) => t.verify(token)));
    expect(identities).toHaveLength(10);
    expect(t.certs.calls).toBe(1);
  });

  it('fetches the certs again once the cached keys are ten minutes old', async () => {
    const t = team();
    await t.verify(await t.token());
    t.advance(KEYS_TTL_MS - 1);
    await t.verify(await t.token());
    expect(t.certs.calls).toBe(1);
    t.advance(1);
    await t.verify(await t.token());
    expect(t.certs.calls).toBe(2);
  });

  it('picks up a rotated key: an unknown kid refetches once and the new key verifies', async () => {
    const t = team([jwkA]);
    await t.verify(await t.token());
    t.certs.keys = [jwkB, jwkA];
    t.advance(REFETCH_MIN_MS);
    const rotated = await t.token({}, { key: keyB.privateKey, header: { kid: 'kid-b' } });
    await expect(t.verify(rotated)).resolves.toMatchObject({ email: 'ada@example.org' });
    expect(t.certs.calls).toBe(2);
    // The old key stays valid while Access still lists it.
    await expect(t.verify(await t.token())).resolves.toBeDefined();
    expect(t.certs.calls).toBe(2);
  });

  it('does not refetch for a second unknown kid within 30 s of the last fetch', async () => {
    const t = team([jwkA]);
    await t.verify(await t.token());
    const stranger = await t.token({}, { key: keyB.privateKey, header: { kid: 'kid-b' } });
    t.advance(1_000);
    await expect(t.verify(stranger)).rejects.toMatchObject(refusedWith('unknown-key'));
    t.advance(REFETCH_MIN_MS - 2_000);
    await expect(t.verify(stranger)).rejects.toMatchObject(refusedWith('unknown-key'));
    expect(t.certs.calls).toBe(1);
    // Once the window has passed, an unknown kid may mean a rotation again.
    t.certs.keys = [jwkB];
    t.advance(1_000);
    await expect(t.verify(stranger)).resolves.toBeDefined();
    expect(t.certs.calls).toBe(2);
  });

  it('turns a flood of tokens with made-up kids into a single fetch', async () => {
    const t = team();
    const tokens = await Promise.all(
      Array.from({ length: 20 }, () => t.token({}, { header: { kid: crypto.randomUUID() } })),
    );
    for (const token of tokens) {
      await expect(t.verify(token)).rejects.toMatchObject(refusedWith('unknown-key'));
    }
    expect(t.certs.calls).toBe(1);
  });
});

describe('signing keys: certs endpoint down', () => {
  it.each([
    ['a 500', 500],
    ['a network error', 'network'],
    ['a body that is not JSON', 'not-json'],
  ] as const)('reports certs-unavailable, not a bad signature, on %s', async (_, failure) => {
    const t = team();
    t.certs.failure = failure;
    await expect(t.verify(await t.token())).rejects.toMatchObject(refusedWith('certs-unavailable'));
    expect(t.certs.calls).toBe(1);
  });

  it('reports certs-unavailable when the certs list no RSA key it can use', async () => {
    const t = team([{ ...jwkA, kty: 'EC' }]);
    await expect(t.verify(await t.token())).rejects.toMatchObject(refusedWith('certs-unavailable'));
  });

  it('does not retry within 30 s of a failed fetch, and recovers after', async () => {
    const t = team();
    t.certs.failure = 500;
    const token = await t.token();
    await expect(t.verify(token)).rejects.toMatchObject(refusedWith('certs-unavailable'));
    t.certs.failure = null;
    t.advance(REFETCH_MIN_MS - 1);
    await expect(t.verify(token)).rejects.toMatchObject(refusedWith('certs-unavailable'));
    expect(t.certs.calls).toBe(1);
    t.advance(1);
    await expect(t.verify(token)).resolves.toMatchObject({ email: 'ada@example.org' });
    expect(t.certs.calls).toBe(2);
  });

  it('keeps verifying with keys fetched within ten minutes while the endpoint is down', async () => {
    const t = team();
    await t.verify(await t.token());
    t.certs.failure = 'network';
    t.advance(KEYS_TTL_MS - 1);
    await expect(t.verify(await t.token())).resolves.toBeDefined();
    expect(t.certs.calls).toBe(1);
  });
});

describe('accessToken', () => {
  const request = (headers: Record<string, string>) =>
    new Request('https://dash.example.org/api', { headers });

  it('reads the Cf-Access-Jwt-Assertion header', () => {
    expect(accessToken(request({ 'Cf-Access-Jwt-Assertion': 'h.p.s' }))).toBe('h.p.s');
  });

  it('falls back to the CF_Authorization cookie', () => {
    const cookie = 'theme=dark; CF_Authorization=c.p.s; other=1';
    expect(accessToken(request({ cookie }))).toBe('c.p.s');
  });

  it('prefers the header over the cookie', () => {
    const headers = { 'cf-access-jwt-assertion': 'h.p.s', cookie: 'CF_Authorization=c.p.s' };
    expect(accessToken(request(headers))).toBe('h.p.s');
  });

  it('returns null when there is neither, or only a cookie with a similar name', () => {
    expect(accessToken(request({}))).toBeNull();
    expect(
      accessToken(request({ cookie: 'XCF_Authorization=c.p.s; CF_Authorization_x=1' })),
    ).toBeNull();
    expect(accessToken(request({ 'cf-access-jwt-assertion': '  ' }))).toBeNull();
  });
});

describe('teamOrigin', () => {
  it.each([
    ['myteam.cloudflareaccess.com', 'https://myteam.cloudflareaccess.com'],
    ['https://myteam.cloudflareaccess.com', 'https://myteam.cloudflareaccess.com'],
    ['https://myteam.cloudflareaccess.com/', 'https://myteam.cloudflareaccess.com'],
    [' MyTeam.CloudflareAccess.com ', 'https://myteam.cloudflareaccess.com'],
    ['myteam', 'https://myteam.cloudflareaccess.com'],
    [
      'https://myteam.cloudflareaccess.com/cdn-cgi/access/certs',
      'https://myteam.cloudflareaccess.com',
    ],
    ['http://myteam.cloudflareaccess.com', 'https://myteam.cloudflareaccess.com'],
    ['http://127.0.0.1:1234', 'http://127.0.0.1:1234'],
    ['http://localhost:8787/', 'http://localhost:8787'],
  ])('normalises %j to %s', (input, origin) => {
    expect(teamOrigin(input)).toBe(origin);
  });

  it.each(['', 'https://', 'ftp://myteam.cloudflareaccess.com'])('refuses %j', (input) => {
    expect(() => teamOrigin(input)).toThrow(/ACCESS_TEAM_DOMAIN/);
  });
});
