// Every route answers with the security headers, whatever it answers: pages, data, errors.
import { env } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { call, postJson, unique } from './harness.ts';

const testEnv = { ...env, MATRIX: unique('headers'), SHEET_ID: '' } as Env;

const ROUTES: [string, RequestInit?][] = [
  ['/'],
  ['/admin'],
  ['/some/page/the/dashboard/routes'],
  ['/api/summary'],
  ['/api/summary?pillar=9'],
  ['/api/recommendations'],
  ['/api/recommendations/12'],
  ['/api/recommendations/999'],
  ['/api/history'],
  ['/api/export.csv'],
  ['/api/sync'],
  ['/api/me'],
  ['/api/admin/links'],
  ['/api/nothing'],
  ['/s/not-a-real-token-aaaaaaaaaaaaaaaa'],
  ['/shared/'],
  ['/shared/api/summary'],
];

function expectSecurityHeaders(response: Response, path: string) {
  const csp = response.headers.get('content-security-policy') ?? '';
  expect(csp, path).toContain("default-src 'self'");
  expect(csp, path).toContain("script-src 'self'");
  expect(csp, path).toContain("style-src 'self'");
  expect(csp, path).toContain("object-src 'none'");
  expect(csp, path).toContain("frame-ancestors 'none'");
  expect(csp, path).not.toMatch(/unsafe-inline|unsafe-eval/);
  expect(response.headers.get('strict-transport-security'), path).toMatch(/^max-age=\d{7,}/);
  expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
  expect(response.headers.get('x-frame-options'), path).toBe('DENY');
}

describe('security headers', () => {
  it.each(ROUTES)('are on %s', async (path, init) => {
    expectSecurityHeaders(await call(testEnv, path, init), path);
  });

  it('are on admin writes, accepted or refused', async () => {
    expectSecurityHeaders(
      await postJson(testEnv, '/api/admin/links', { label: 'x' }),
      'POST /api/admin/links',
    );
    expectSecurityHeaders(
      await call(testEnv, '/api/sync', { method: 'POST' }),
      'POST /api/sync (not JSON)',
    );
  });

  it('let the dashboard be framed only by the origins FRAME_ANCESTORS names', async () => {
    const framed = { ...testEnv, FRAME_ANCESTORS: 'https://intranet.example.org' } as Env;
    const response = await call(framed, '/api/summary');
    expect(response.headers.get('content-security-policy')).toContain(
      'frame-ancestors https://intranet.example.org',
    );
    expect(response.headers.get('x-frame-options')).toBeNull();
  });

  it('send no referrer from a donor’s pages', async () => {
    expect((await call(testEnv, '/shared/')).headers.get('referrer-policy')).toBe('no-referrer');
    expect((await call(testEnv, '/api/summary')).headers.get('referrer-policy')).toBe(
      'strict-origin-when-cross-origin',
    );
  });

  it('refuse an FRAME_ANCESTORS that is not an https origin, naming the variable', async () => {
    const bad = { ...testEnv, FRAME_ANCESTORS: 'javascript:alert(1)' } as Env;
    const response = await call(bad, '/api/summary');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({
      error: { message: expect.stringContaining('FRAME_ANCESTORS') },
    });
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});
