// Donor share links inside workerd: created by an admin, swapped for a cookie, scoped on the server.
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import matrixCsv from '../../data/matrix.csv';
import { sharePage } from '../../worker/share/pages.ts';
import { ShareStore, tokenHash } from '../../worker/share/share-store.ts';
import { filledMatrix, HOSTILE_COMMENT } from '../fixtures/filled-matrix.ts';
import { call, fakeGoogle, googleSetup, postJson, runCron, type TestSetup } from './harness.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in assertions.
type Json = Record<string, any>;
let setup: TestSetup;

beforeAll(async () => {
  setup = await googleSetup();
  await fakeGoogle.putSheet(setup.sheetId, filledMatrix(matrixCsv), { sharedWith: [setup.email] });
  await runCron(setup.env);
});

async function createLink(body: Json = {}) {
  const response = await postJson(setup.env, '/api/admin/links', { label: 'Donor A', ...body });
  expect(response.status).toBe(201);
  const created = await response.json<{ url: string; link: Json }>();
  return { ...created, token: created.url.split('/s/')[1]! };
}

/** Opens the link as a donor's browser would and returns the cookie it was given. */
async function open(
  token: string,
  ip = `198.51.100.${Math.floor(Math.random() * 250)}`,
  query = '',
) {
  // Each landing from its own address: the per-address limit has its own test.
  const response = await call(setup.env, `/s/${token}${query}`, {
    redirect: 'manual',
    headers: { 'cf-connecting-ip': ip },
  });
  const page = await response.text();
  /** Where the landing page moves on to (its meta refresh). */
  const next = /<meta http-equiv="refresh" content="0; url=([^"]+)">/.exec(page)?.[1] ?? null;
  return { response, page, next, cookie: response.headers.get('set-cookie') ?? '' };
}

const asDonor = (token: string, path: string) =>
  call(setup.env, path, { headers: { cookie: `mr_share=${token}` } });
const donorJson = async (token: string, path: string) => {
  const response = await asDonor(token, path);
  expect(response.status, `${path} answered ${response.status}`).toBe(200);
  return (await response.json()) as Json;
};

/** Every value of a key anywhere in a JSON value. */
function valuesOf(value: unknown, key: string): unknown[] {
  if (Array.isArray(value)) return value.flatMap((v) => valuesOf(v, key));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) =>
      k === key ? [v, ...valuesOf(v, key)] : valuesOf(v, key),
    );
  }
  return [];
}

describe('creating a share link', () => {
  it('returns the link once, with a token of at least 128 random bits, and stores only its hash', async () => {
    const { url, token, link } = await createLink();
    expect(url).toMatch(/^http:\/\/localhost\/s\/[A-Za-z0-9_-]+$/);
    expect(
      atob(token.replace(/-/g, '+').replace(/_/g, '/').padEnd(44, '=')).length * 8,
    ).toBeGreaterThanOrEqual(128);
    expect(link).toMatchObject({
      label: 'Donor A',
      state: 'active',
      scope: { pillars: [], comments: false, units: true },
    });
    expect(link).not.toHaveProperty('tokenHash');
    const stored = (await env.MATRIX_KV.get('v1/share-links', 'text'))!;
    expect(stored).not.toContain(token);
    expect(stored).toContain(await tokenHash(token));
    expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(29.9 * 86_400_000);
  });

  it('refuses a link valid for more than a year, and one without a label', async () => {
    const long = await postJson(setup.env, '/api/admin/links', { label: 'x', expiresInDays: 366 });
    expect(long.status).toBe(400);
    expect(await long.json()).toMatchObject({ error: { parameter: 'expiresInDays' } });
    const blank = await postJson(setup.env, '/api/admin/links', { label: ' ' });
    expect(await blank.json()).toMatchObject({ error: { parameter: 'label' } });
    const unknownScope = await postJson(setup.env, '/api/admin/links', {
      label: 'x',
      scope: { pillars: ['9'] },
    });
    expect(await unknownScope.json()).toMatchObject({ error: { parameter: 'scope.pillars.0' } });
  });
});

describe('opening a share link', () => {
  it('swaps the token for an HttpOnly, Secure, SameSite=Strict cookie and leaves the address bar', async () => {
    const { token } = await createLink();
    const { response, cookie, page, next } = await open(token);
    // A page that moves on by itself rather than a redirect: see worker/share/routes.ts.
    expect(response.status).toBe(200);
    expect(next).toBe('/shared/');
    expect(page).toContain('<a href="/shared/">Open the dashboard</a>');
    expect(page).not.toContain(token);
    expect(cookie).toMatch(new RegExp(`^mr_share=${token};`));
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).toMatch(/; Path=\/shared/);
    expect(Number(/Max-Age=(\d+)/.exec(cookie)![1])).toBeGreaterThan(29 * 86_400);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-robots-tag')).toContain('noindex');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('opens in the link’s language, unless the address asks for another', async () => {
    const { token } = await createLink({ label: 'Paris office', lang: 'fr' });
    expect((await open(token)).next).toBe('/shared/?lang=fr');
    expect((await open(token, undefined, '?lang=ar')).next).toBe('/shared/?lang=ar');
    // A language we do not have falls back to the link's.
    expect((await open(token, undefined, '?lang=de')).next).toBe('/shared/?lang=fr');
    const listed = await (await call(setup.env, '/api/admin/links')).json<{ links: Json[] }>();
    expect(listed.links.find((l) => l.label === 'Paris office')!.lang).toBe('fr');
  });

  it('refuses a language it does not have when creating a link, naming the field', async () => {
    const response = await postJson(setup.env, '/api/admin/links', { label: 'x', lang: 'de' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { parameter: 'lang' } });
  });

  it('records the link’s last use', async () => {
    const { token, link } = await createLink({ label: 'Used' });
    await open(token);
    const listed = await (await call(setup.env, '/api/admin/links')).json<{ links: Json[] }>();
    expect(listed.links.find((l) => l.id === link.id)!.lastUsedAt).toEqual(expect.any(String));
  });

  it('answers an expired or revoked link with 410 and a friendly page, and its cookie too', async () => {
    const { token, link } = await createLink({ label: 'Old' });
    await new ShareStore(env.MATRIX_KV).update(link.id, (l) => ({
      ...l,
      expiresAt: new Date(Date.now() - 1000).toISOString(),
    }));
    const expired = await open(token);
    expect(expired.response.status).toBe(410);
    expect(expired.cookie).toBe('');
    expect(expired.page).toContain('This link has expired');
    expect((await asDonor(token, '/shared/api/summary')).status).toBe(410);

    const other = await createLink({ label: 'Revoked' });
    const revoke = await postJson(setup.env, `/api/admin/links/${other.link.id}/revoke`);
    expect((await revoke.json<{ link: Json }>()).link.state).toBe('revoked');
    expect((await open(other.token)).response.status).toBe(410);
    expect((await asDonor(other.token, '/shared/')).status).toBe(410);
  });

  it('extends a link, at most a year from now', async () => {
    const { link } = await createLink({ label: 'Extend', expiresInDays: 10 });
    const extended = await (
      await postJson(setup.env, `/api/admin/links/${link.id}/extend`, { days: 30 })
    ).json<{ link: Json }>();
    expect(Date.parse(extended.link.expiresAt) - Date.parse(link.expiresAt)).toBe(30 * 86_400_000);
    const capped = await (
      await postJson(setup.env, `/api/admin/links/${link.id}/extend`, { days: 365 })
    ).json<{ link: Json }>();
    expect(Date.parse(capped.link.expiresAt) - Date.now()).toBeLessThanOrEqual(365 * 86_400_000);
  });

  it('rejects every one of 10,000 random tokens', { timeout: 60_000 }, async () => {
    await createLink({ label: 'Real' });
    const store = new ShareStore(env.MATRIX_KV);
    let found = 0;
    for (let i = 0; i < 10_000; i++) {
      const bytes = crypto.getRandomValues(new Uint8Array(32));
      const token = btoa(String.fromCharCode(...bytes))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, '');
      if (await store.find(token)) found++;
    }
    expect(found).toBe(0);
    expect((await open('not-a-token-aaaaaaaaaaaaaaaaaaaaaa')).response.status).toBe(404);
  });

  it('writes whatever its pages say as text, in the body and in the address it moves to', async () => {
    const page = String(
      await sharePage('<img src=x onerror=alert(1)>', 'Tom & "Jerry"', '/shared/?a=1&b="><script>'),
    );
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<script');
    expect(page).toContain('<h1>&lt;img src=x onerror=alert(1)&gt;</h1>');
    expect(page).toContain('<p>Tom &amp; &quot;Jerry&quot;</p>');
    expect(page).toContain('url=/shared/?a=1&amp;b=&quot;&gt;&lt;script&gt;"');
  });

  it('answers /shared without a cookie with a page saying to use the link', async () => {
    const response = await call(setup.env, '/shared/');
    expect(response.status).toBe(401);
    expect(await response.text()).toContain('This link does not work');
    expect((await call(setup.env, '/shared/api/summary')).status).toBe(401);
  });
});

describe('a link’s scope, enforced on the server', () => {
  it('never sends a comment to a comment-free link, on any route', async () => {
    const { token } = await createLink({ scope: { comments: false } });
    const routes = [
      '/shared/api/summary',
      '/shared/api/recommendations',
      '/shared/api/recommendations/25',
      '/shared/api/recommendations/60',
      '/shared/api/history',
      '/shared/api/digest',
    ];
    for (const path of routes) {
      const body = await donorJson(token, path);
      expect(JSON.stringify(body)).not.toContain('Round 3 note');
      expect(JSON.stringify(body)).not.toContain(HOSTILE_COMMENT.slice(0, 20));
      for (const comment of [...valuesOf(body, 'comment'), ...valuesOf(body, 'responseComment')])
        expect(comment).toBe('');
      expect(valuesOf(body, 'findings').flat()).toEqual([]);
    }
    const csv = await (await asDonor(token, '/shared/api/export.csv')).text();
    expect(csv).not.toContain('Round 3 note');
    expect(csv).not.toContain('Organization needs to ensure that OOM');
  });

  it('shows comments to a link that allows them', async () => {
    const { token } = await createLink({ scope: { comments: true } });
    const body = await donorJson(token, '/shared/api/recommendations/25');
    expect(body.recommendation.monitoring['Time 3'].comment).toBe(HOSTILE_COMMENT);
  });

  it('never sends another pillar’s data to a pillar-scoped link', async () => {
    const { token } = await createLink({ scope: { pillars: ['2'] } });
    const summary = await donorJson(token, '/shared/api/summary');
    expect(summary.total).toBe(15);
    expect(summary.breakdowns.pillar.map((g: Json) => g.key)).toEqual(['2']);
    const list = await donorJson(token, '/shared/api/recommendations');
    expect(new Set(list.items.map((r: Json) => r.pillar))).toEqual(new Set(['2']));
    expect((await asDonor(token, '/shared/api/recommendations/1')).status).toBe(404);
    const outside = await asDonor(token, '/shared/api/summary?pillar=3');
    expect(outside.status).toBe(400);
    expect(await outside.json()).toMatchObject({ error: { parameter: 'pillar', allowed: ['2'] } });
    const csv = await (await asDonor(token, '/shared/api/export.csv')).text();
    expect(
      csv
        .split('\r\n')
        .slice(1, -1)
        .every((row) => row.includes('Pillar 2:')),
    ).toBe(true);
    const history = await donorJson(token, '/shared/api/history');
    expect(history.days[0].total).toBe(15);
    expect(Object.keys(history.days[0].breakdowns.pillar)).toEqual(['2']);
    expect(history.transitions).toEqual([]);
    // The digest counts the link's pillar only.
    const digest = await donorJson(token, '/shared/api/digest');
    expect(digest.totals.total).toBe(15);
    expect(digest.byPillar.map((g: Json) => g.key)).toEqual(['2']);
    expect(digest.items.newlyCompleted.every((i: Json) => i.pillar === '2')).toBe(true);
  });

  it('hides unit names and breakdowns a link does not show', async () => {
    const { token } = await createLink({
      scope: { units: false, breakdowns: ['pillar', 'response'] },
    });
    const summary = await donorJson(token, '/shared/api/summary');
    expect(summary.breakdowns.unit).toEqual([]);
    expect(summary.breakdowns.criterion).toEqual([]);
    const detail = await donorJson(token, '/shared/api/recommendations/48');
    expect(valuesOf(detail, 'responsible').flat()).toEqual([]);
    expect(valuesOf(detail, 'support').flat()).toEqual([]);
    expect(JSON.stringify(detail)).not.toContain('PSEAH, with');
    expect((await asDonor(token, '/shared/api/summary?unit=OIG')).status).toBe(400);
    expect((await asDonor(token, '/shared/api/summary?criterion=impact')).status).toBe(400);
    const digest = await donorJson(token, '/shared/api/digest');
    expect(digest.breakdowns).toEqual(['pillar']);
    expect(digest.byUnit).toEqual([]);
    expect(digest.byPillar).toHaveLength(5);
  });

  it('keeps staff-only routes and the sheet’s address from donors', async () => {
    const { token } = await createLink();
    expect((await asDonor(token, '/shared/api/sync')).status).toBe(404);
    expect((await asDonor(token, '/shared/api/admin/links')).status).toBe(404);
    const summary = await donorJson(token, '/shared/api/summary');
    expect(summary.source).toMatchObject({ id: null, gid: null });
    expect(JSON.stringify(summary)).not.toContain(setup.sheetId);
    expect(summary.staleness.lastSync).toBeNull();
    const me = await donorJson(token, '/shared/api/me');
    expect(me).toMatchObject({ kind: 'donor', admin: false, label: 'Donor A' });
  });
});

describe('rate limits', () => {
  it('stops one address from trying many share tokens in a minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++)
      statuses.push(
        (await open(`guess-${i}-aaaaaaaaaaaaaaaaaaaaaaaa`, '203.0.113.7')).response.status,
      );
    expect(statuses.slice(0, 20).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429]);
    // Another address is not affected.
    expect((await open('guess-x-aaaaaaaaaaaaaaaaaaaaaaaa', '203.0.113.8')).response.status).toBe(
      404,
    );
  });
});
