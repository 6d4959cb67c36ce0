// Sign-in through Cloudflare Access, end to end in the Worker: JWTs signed by a local key pair and
// checked against a local certs endpoint; admins and the rest; the 503 without Access.
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { accessClaims, generateSigningKey, publicJwk, signTestJwt } from './access-fixtures.ts';
import { call, googleUrl, unique } from './harness.ts';

const AUD = 'a1b2c3d4e5f6aud';
const REMOTE = 'https://dashboard.example.org';
let keys: CryptoKeyPair;
let stranger: CryptoKeyPair;
let testEnv: Env;

beforeAll(async () => {
  keys = await generateSigningKey();
  stranger = await generateSigningKey();
  const response = await fetch(`${googleUrl()}/__fake/access-certs`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ keys: [await publicJwk(keys.publicKey, 'team-key-1')] }),
  });
  expect(response.status).toBe(204);
  testEnv = {
    ...env,
    MATRIX: unique('access'),
    SHEET_ID: '',
    ACCESS_TEAM_DOMAIN: googleUrl(),
    ACCESS_AUD: AUD,
    ADMIN_EMAILS: 'Admin@Example.org, other@example.org',
    ADMIN_GROUPS: 'pseah-admins',
  } as Env;
});

async function token(
  overrides: Record<string, unknown> = {},
  header: Record<string, unknown> = {},
  key: CryptoKey | null = keys.privateKey,
) {
  return signTestJwt(
    { alg: 'RS256', kid: 'team-key-1', typ: 'JWT', ...header },
    accessClaims(googleUrl(), AUD, Date.now(), overrides),
    key,
  );
}

/** A request from the Worker's public address, as Access forwards it. */
function remote(path: string, jwt: string | null, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (jwt) headers.set('Cf-Access-Jwt-Assertion', jwt);
  return call(testEnv, path, { ...init, headers, url: `${REMOTE}${path}` } as RequestInit);
}

describe('signing in through Cloudflare Access', () => {
  it('lets a member of staff with a valid token read the dashboard, but not act as admin', async () => {
    const jwt = await token({ email: 'reader@example.org' });
    expect((await remote('/api/summary', jwt)).status).toBe(200);
    expect(await (await remote('/api/me', jwt)).json()).toEqual({
      kind: 'staff',
      email: 'reader@example.org',
      admin: false,
    });
    const create = await remote('/api/admin/links', jwt, {
      method: 'POST',
      body: JSON.stringify({ label: 'x' }),
      headers: { 'content-type': 'application/json', origin: REMOTE },
    });
    expect(create.status).toBe(403);
    expect((await remote('/api/admin/links', jwt)).status).toBe(403);
  });

  it('lets an admin, by email (any case) or by group, create links and run a sync', async () => {
    for (const jwt of [
      await token({ email: 'admin@example.org' }),
      await token({ email: 'someone@example.org', groups: ['pseah-admins'] }),
    ]) {
      const headers = { 'content-type': 'application/json', origin: REMOTE };
      const created = await remote('/api/admin/links', jwt, {
        method: 'POST',
        body: JSON.stringify({ label: 'Donor' }),
        headers,
      });
      expect(created.status).toBe(201);
      expect((await created.json<{ url: string }>()).url).toMatch(
        /^https:\/\/dashboard\.example\.org\/s\//,
      );
      const sync = await remote('/api/sync', jwt, { method: 'POST', body: '{}', headers });
      expect(sync.status).toBe(200);
    }
  });

  it('refuses an admin write from another site even with a valid admin token', async () => {
    const jwt = await token({ email: 'admin@example.org' });
    const response = await remote('/api/sync', jwt, {
      method: 'POST',
      body: '{}',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
    });
    expect(response.status).toBe(403);
  });

  it.each([
    ['no token', async () => null],
    [
      'an expired token',
      async () =>
        token({
          exp: Math.floor(Date.now() / 1000) - 600,
          iat: Math.floor(Date.now() / 1000) - 4000,
        }),
    ],
    ['a token for another application', async () => token({ aud: ['someone-elses-aud'] })],
    [
      'a token from another team',
      async () => token({ iss: 'https://elsewhere.cloudflareaccess.com' }),
    ],
    ['a token signed by an unknown key', async () => token({}, { kid: 'not-published' })],
    [
      'a token signed by another key under the published kid',
      async () => token({}, {}, stranger.privateKey),
    ],
    ["a token with alg 'none'", async () => token({}, { alg: 'none' }, null)],
    [
      'a tampered payload',
      async () => {
        const [h, , s] = (await token({ email: 'reader@example.org' })).split('.');
        const forged = btoa(
          JSON.stringify(
            accessClaims(googleUrl(), AUD, Date.now(), { email: 'admin@example.org' }),
          ),
        )
          .replace(/\+/g, '-')
          .replace(/\//g, '_')
          .replace(/=+$/, '');
        return `${h}.${forged}.${s}`;
      },
    ],
    ['garbage', async () => 'not.a.jwt'],
  ])('refuses %s with a 401 that says to sign in again', async (_, make) => {
    const response = await remote('/api/summary', await make());
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      error: { status: 401, message: expect.stringContaining('sign in again') },
    });
    expect((await remote('/', await make())).status).toBe(401);
  });

  it('accepts the token from the CF_Authorization cookie as well as the header', async () => {
    const jwt = await token({ email: 'reader@example.org' });
    const response = await call(testEnv, '/api/summary', {
      headers: { cookie: `CF_Authorization=${jwt}` },
      url: `${REMOTE}/api/summary`,
    } as RequestInit);
    expect(response.status).toBe(200);
  });

  it('serves the dashboard’s code without a token once Access is set up (a donor’s page needs it)', async () => {
    const response = await remote('/assets/does-not-exist.js', null);
    expect(response.status).not.toBe(401);
    expect(response.status).not.toBe(503);
  });
});

describe('without Access configured', () => {
  const open = () =>
    ({
      ...env,
      MATRIX: unique('open'),
      SHEET_ID: '',
      ACCESS_TEAM_DOMAIN: '',
      ACCESS_AUD: '',
    }) as Env;

  it('refuses every request that is not from this machine with a 503 saying how to configure it', async () => {
    const testEnv = open();
    for (const path of ['/', '/api/summary', '/assets/app.js', '/admin']) {
      const response = await call(testEnv, path, { url: `${REMOTE}${path}` } as RequestInit);
      expect(response.status, path).toBe(503);
      expect(await response.json(), path).toMatchObject({
        error: { action: expect.stringContaining('ACCESS_TEAM_DOMAIN') },
      });
    }
  });

  it('runs open on loopback, as `wrangler dev` does, with admin powers', async () => {
    const testEnv = open();
    expect((await call(testEnv, '/api/summary')).status).toBe(200);
    expect(await (await call(testEnv, '/api/me')).json()).toEqual({
      kind: 'local',
      email: null,
      admin: true,
    });
  });

  it('says which half of the Access settings is missing', async () => {
    const half = { ...open(), ACCESS_TEAM_DOMAIN: 'team.cloudflareaccess.com' } as Env;
    const response = await call(half, '/api/summary');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      error: { message: expect.stringContaining('only ACCESS_TEAM_DOMAIN is set') },
    });
  });
});
