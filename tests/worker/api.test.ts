// The JSON API inside workerd: every route, every 400, ETags, and one KV read per answer.
import { env } from 'cloudflare:test';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import matrixCsv from '../../data/matrix.csv';
import { Summary } from '../../data/summary.ts';
import { parseCsv } from '../../sync/csv.ts';
import {
  filledMatrix,
  filledMatrixWithDueDates,
  HOSTILE_COMMENT,
} from '../fixtures/filled-matrix.ts';
import {
  call,
  countingKv,
  fakeGoogle,
  googleSetup,
  runCron,
  type TestSetup,
  unique,
} from './harness.ts';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read field by field in assertions.
type Json = Record<string, any>;

const get = async (testEnv: Env, path: string, init: RequestInit = {}) => {
  const response = await call(testEnv, path, init);
  return {
    response,
    body: response.headers.get('content-type')?.includes('json')
      ? ((await response.json()) as Json)
      : null,
  };
};

/** The bundled matrix, synced on first request (no Google). */
function bundledEnv() {
  const counting = countingKv(env.MATRIX_KV);
  return {
    counting,
    env: { ...env, MATRIX_KV: counting.kv, MATRIX: unique('api'), SHEET_ID: '' } as Env,
  };
}

/** The matrix with both rounds filled, served from the fake Google. */
let filled: TestSetup;
beforeAll(async () => {
  filled = await googleSetup();
  await fakeGoogle.putSheet(filled.sheetId, filledMatrix(matrixCsv), {
    sharedWith: [filled.email],
  });
  await runCron(filled.env);
});

describe('GET /api/summary', () => {
  it('serves the same numbers `sheet check --json` prints for the bundled matrix', async () => {
    const { env: testEnv } = bundledEnv();
    const { response, body } = await get(testEnv, '/api/summary');
    expect(response.status).toBe(200);
    const cli = JSON.parse(inject('sheetCheckJson'));
    const { total, rounds, breakdowns, findings } = body!;
    expect(Summary.parse({ total, rounds, breakdowns, findings })).toEqual(cli);
  });

  it('says when the data was synced, from which version, and whether it is stale', async () => {
    const { body } = await get(filled.env, '/api/summary');
    expect(body).toMatchObject({
      revision: 1,
      sourceVersion: '101',
      source: { kind: 'google-sheet', title: 'PSEAH management response', gid: 0 },
      staleness: { stale: false, staleAfterMinutes: 12, lastSyncFailed: false },
    });
    expect(Date.parse(body!.syncedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('counts each round’s statuses and the implementation rate over accepted + partially accepted', async () => {
    const { body } = await get(filled.env, '/api/summary');
    const accept = body!.breakdowns.response.find((g: Json) => g.key === 'accept');
    expect(accept.status['Time 2']).toEqual({
      completed: 10,
      open: 24,
      discarded: 0,
      unreported: 11,
    });
    expect(accept.implementation['Time 3']).toEqual({
      completed: 30,
      denominator: 45,
      rate: 0.6667,
    });
    expect(body!.breakdowns.pillar.map((g: Json) => g.status['Time 3'].completed)).toEqual([
      12, 9, 7, 6, 6,
    ]);
  });

  it('narrows by pillar, criterion, unit, response, status and round, and combines them', async () => {
    const total = async (query: string) =>
      (await get(filled.env, `/api/summary?${query}`)).body!.total;
    expect(await total('pillar=2')).toBe(15);
    expect(await total('pillar=2,3')).toBe(25);
    expect(await total('pillar=2&pillar=3')).toBe(25);
    expect(await total('criterion=impact')).toBe(5);
    expect(await total('response=reject')).toBe(2);
    expect(await total('unit=OIG')).toBe(6);
    expect(await total('unit=oig')).toBe(6);
    expect(await total('unit=EO&unitRole=support')).toBeGreaterThan(5);
    expect(await total('status=completed&round=Time 2')).toBe(15);
    expect(await total('status=completed')).toBe(40);
    expect(await total('pillar=1&status=open&round=Time 3')).toBe(6);
    expect(await total('q=vetting')).toBe(1);
  });

  it('gives the unit breakdown by supporting unit when asked', async () => {
    const { body } = await get(filled.env, '/api/summary?unitRole=support');
    expect(body!.breakdowns.unit.map((g: Json) => g.key)).toContain('DHR');
    expect(body!.filters.unitRole).toBe('support');
  });

  it('reports what moved between the rounds, narrowed like the rest', async () => {
    const { body } = await get(filled.env, '/api/summary?pillar=4');
    expect(body!.transitions).toHaveLength(1);
    const move = body!.transitions[0];
    expect([move.from, move.to]).toEqual(['Time 2', 'Time 3']);
    const sum = Object.values(move.counts as Record<string, Record<string, number>>)
      .flatMap((row) => Object.values(row))
      .reduce((a, b) => a + b, 0);
    expect(sum).toBe(9);
  });

  it.each([
    ['pillar=9', 'pillar', ['1', '2', '3', '4', '5', 'unassigned']],
    [
      'criterion=efficency',
      'criterion',
      [
        'relevance',
        'internal-coherence',
        'external-coherence',
        'effectiveness',
        'efficiency',
        'impact',
        'sustainability',
        'unassigned',
      ],
    ],
    ['response=maybe', 'response', ['accept', 'partial', 'reject', 'unassigned']],
    ['status=done', 'status', ['completed', 'open', 'discarded', 'unreported']],
    ['round=Time 9', 'round', ['Time 2', 'Time 3']],
    ['unitRole=boss', 'unitRole', ['lead', 'support']],
  ])(
    'answers %s with a 400 naming the parameter and the allowed values',
    async (query, parameter, allowed) => {
      const { response, body } = await get(filled.env, `/api/summary?${query}`);
      expect(response.status).toBe(400);
      expect(body!.error).toMatchObject({ status: 400, parameter, allowed });
      expect(body!.error.message).toEqual(expect.any(String));
    },
  );

  it('answers an unknown unit with the units the sheet has', async () => {
    const { response, body } = await get(filled.env, '/api/summary?unit=Nobody');
    expect(response.status).toBe(400);
    expect(body!.error.parameter).toBe('unit');
    expect(body!.error.allowed).toEqual(
      expect.arrayContaining(['PSEAH', 'OIG', 'DOE (AAP)', 'unassigned']),
    );
  });

  it('refuses an unknown parameter, a repeated single one and an overlong search', async () => {
    expect((await get(filled.env, '/api/summary?pilar=2')).body!.error).toMatchObject({
      parameter: 'pilar',
      allowed: expect.arrayContaining(['pillar']),
    });
    expect(
      (await get(filled.env, '/api/summary?round=Time 2&round=Time 3')).body!.error,
    ).toMatchObject({ parameter: 'round' });
    expect((await get(filled.env, `/api/summary?q=${'x'.repeat(201)}`)).response.status).toBe(400);
  });

  it('reads KV once per answer, and answers an unchanged request with 304', async () => {
    const { env: testEnv, counting } = bundledEnv();
    await get(testEnv, '/api/summary');
    counting.takeReads();
    const first = await call(testEnv, '/api/summary?pillar=1');
    expect(counting.takeReads()).toEqual(['current']);
    const tag = first.headers.get('etag')!;
    expect(tag).toMatch(/^"[0-9a-f]+"$/);
    expect(first.headers.get('cache-control')).toBe('private, max-age=30, must-revalidate');
    const again = await call(testEnv, '/api/summary?pillar=1', {
      headers: { 'If-None-Match': tag },
    });
    expect(again.status).toBe(304);
    const other = await call(testEnv, '/api/summary?pillar=2', {
      headers: { 'If-None-Match': tag },
    });
    expect(other.status).toBe(200);
  });
});

describe('GET /api/recommendations', () => {
  it('lists the recommendations by number, narrowed by the filters', async () => {
    const all = (await get(filled.env, '/api/recommendations')).body!;
    expect(all.items.map((r: Json) => r.number)).toEqual(
      Array.from({ length: 62 }, (_, i) => i + 1),
    );
    const pillar5 = (await get(filled.env, '/api/recommendations?pillar=5&response=reject')).body!;
    expect(pillar5.items.map((r: Json) => r.id)).toEqual(['62']);
    expect(pillar5).toMatchObject({ total: 1, matrixTotal: 62 });
  });

  it('searches text, key actions and comments, every word', async () => {
    const ids = async (q: string) =>
      (await get(filled.env, `/api/recommendations?q=${encodeURIComponent(q)}`)).body!.items.map(
        (r: Json) => r.id,
      );
    expect(await ids('vetting systems')).toEqual(['62']);
    expect(await ids('Round 3 note on 48a')).toEqual(['48']);
    expect(await ids('Together We Say No')).toEqual(['60']);
    expect(await ids('victim care officer')).toEqual(expect.arrayContaining(['4', '17', '47']));
    expect(await ids('#12')).toContain('12');
  });

  it('gives one recommendation in full: points, linked both ways, every round', async () => {
    const { body } = await get(filled.env, '/api/recommendations/60');
    const r = body!.recommendation;
    expect(r.points.map((p: Json) => [p.id, p.response])).toEqual([
      ['a', 'reject'],
      ['b', 'reject'],
      ['c', 'accept'],
      ['d', 'partial'],
    ]);
    expect(r.monitoring['Time 3']).toEqual({ status: 'open', comment: '', dueDate: null });
    expect(body!.rounds).toEqual(['Time 2', 'Time 3']);
    const four = (await get(filled.env, '/api/recommendations/4')).body!;
    expect(four.linked.map((l: Json) => l.id)).toEqual(['47']);
    const seven = (await get(filled.env, '/api/recommendations/%2312')).body!;
    expect(seven.linked.map((l: Json) => l.id).sort()).toEqual(['20', '7']);
  });

  it('keeps sheet text as data (the API never renders it)', async () => {
    const { body } = await get(filled.env, '/api/recommendations/25');
    expect(body!.recommendation.monitoring['Time 3'].comment).toBe(HOSTILE_COMMENT);
  });

  it('answers a malformed number with 400 and an unknown one with 404', async () => {
    const bad = await get(filled.env, '/api/recommendations/abc');
    expect(bad.response.status).toBe(400);
    expect(bad.body!.error).toMatchObject({ parameter: 'id' });
    const missing = await get(filled.env, '/api/recommendations/99');
    expect(missing.response.status).toBe(404);
    expect(missing.body!.error.message).toBe('The matrix has no recommendation 99.');
    expect((await get(filled.env, '/api/recommendations/4?x=1')).response.status).toBe(400);
    expect((await get(filled.env, '/api/recommendations?pillar=0')).response.status).toBe(400);
  });
});

describe('GET /api/history', () => {
  it('gives the daily records and the transitions between consecutive rounds', async () => {
    const { body } = await get(filled.env, '/api/history');
    expect(body!.days).toHaveLength(1);
    expect(body!.days[0]).toMatchObject({
      total: 62,
      rounds: ['Time 2', 'Time 3'],
      response: [45, 15, 2],
    });
    expect(body!.days[0].status['Time 3']).toEqual([40, 20, 2, 0]);
    expect(body!.days[0].breakdowns.pillar['1']['Time 2']).toEqual([4, 10, 1, 3]);
    const [move] = body!.transitions;
    expect(move.from).toBe('Time 2');
    expect(move.counts.open.completed + move.counts.open.open + move.counts.open.discarded).toBe(
      32,
    );
    expect((await get(filled.env, '/api/history?days=3')).response.status).toBe(400);
  });
});

describe('GET /api/export.csv', () => {
  it('downloads the filtered recommendations as CSV, formulas neutralised', async () => {
    const response = await call(filled.env, '/api/export.csv?pillar=2');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="management-response-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    // A byte-order mark first, so Excel reads UTF-8 (Response.text() would hide it).
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes));
    expect(rows[0]!.slice(-4)).toEqual([
      'Status (Time 2)',
      'Comments (Time 2)',
      'Status (Time 3)',
      'Comments (Time 3)',
    ]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(
      Array.from({ length: 15 }, (_, i) => String(i + 19)),
    );
    const hostile = rows.find((r) => r[0] === '25')!;
    expect(hostile.at(-1)).toBe(HOSTILE_COMMENT);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('neutralises every cell that would start a formula, as OWASP advises', async () => {
    const { neutralise } = await import('../../worker/routes/export.ts');
    expect(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'plain'].map(neutralise)).toEqual([
      "'=1+1",
      "'+1",
      "'-1",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      'plain',
    ]);
  });
});

describe('errors', () => {
  it('answers an unknown API path with a JSON 404', async () => {
    const { response, body } = await get(filled.env, '/api/nothing-here');
    expect(response.status).toBe(404);
    expect(body).toEqual({
      error: { status: 404, message: 'No such API resource: /api/nothing-here' },
    });
  });

  it('answers with a 503 and what to do when there is no data and the first sync fails', async () => {
    const setup = await googleSetup();
    const { response, body } = await get(setup.env, '/api/summary');
    expect(response.status).toBe(503);
    expect(body!.error.message).toMatch(/^No data yet/);
    expect(body!.error.action).toMatch(/^Check SHEET_ID/);
  });
});

describe('GET /api/digest', () => {
  it('compares the last two rounds by default, overall, by pillar and by unit', async () => {
    const { body } = await get(filled.env, '/api/digest');
    expect(body).toMatchObject({ from: 'Time 2', to: 'Time 3', rounds: ['Time 2', 'Time 3'] });
    expect(body!.totals).toEqual({
      newlyCompleted: 31,
      newlyDiscarded: 2,
      stillOpen: 10,
      reopened: 5,
      overdue: null,
      total: 62,
    });
    expect(body!.byPillar).toHaveLength(5);
    expect(body!.byUnit[0]).toMatchObject({ key: 'PSEAH', newlyCompleted: 24 });
    expect(body!.items.reopened.map((i: Json) => i.id)).toEqual(['12', '24', '36', '48', '60']);
    expect(body!.breakdowns).toEqual(['pillar', 'unit']);
  });

  it.each([
    ['from=Time 9', 'from'],
    ['to=Time 1', 'to'],
    ['from=Time 3&to=Time 2', 'from'],
    ['from=Time 3&to=Time 3', 'from'],
    ['round=Time 2', 'round'],
  ])('answers %s with a 400 naming the parameter', async (query, parameter) => {
    const { response, body } = await get(filled.env, `/api/digest?${query}`);
    expect(response.status).toBe(400);
    expect(body!.error.parameter).toBe(parameter);
  });

  it('refuses a digest of a sheet with a single round', async () => {
    const setup = await googleSetup();
    const rows = parseCsv(matrixCsv).map((r) => r.slice(0, 13));
    await fakeGoogle.putSheet(setup.sheetId, rows, { sharedWith: [setup.email] });
    await runCron(setup.env);
    const { response, body } = await get(setup.env, '/api/digest');
    expect(response.status).toBe(409);
    expect(body!.error.allowed).toEqual(['Time 2']);
  });
});

describe('due dates', () => {
  let dated: TestSetup;
  beforeAll(async () => {
    dated = await googleSetup();
    await fakeGoogle.putSheet(dated.sheetId, filledMatrixWithDueDates(matrixCsv), {
      sharedWith: [dated.email],
    });
    await runCron(dated.env);
  });

  it('reads the sheet’s dates in its locale, and counts the overdue in the summary', async () => {
    const { body } = await get(dated.env, '/api/summary');
    expect(body!.overdue).toEqual({
      count: 4,
      round: 'Time 3',
      asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(body!.findings.filter((f: Json) => /date/.test(f.rule))).toEqual([]);
  });

  it('filters to the overdue, and marks them in the list', async () => {
    const { body } = await get(dated.env, '/api/recommendations?overdue=true');
    expect(body!.items.map((r: Json) => r.id)).toEqual(['15', '30', '45', '60']);
    expect(body!.items.every((r: Json) => r.overdue && r.dueDate === '2025-01-31')).toBe(true);
    const all = (await get(dated.env, '/api/recommendations')).body!;
    expect(all.items.find((r: Json) => r.id === '1')).toMatchObject({
      dueDate: '2099-12-31',
      overdue: false,
    });
  });

  it('gives one recommendation its due date and whether it is overdue in the latest round', async () => {
    expect((await get(dated.env, '/api/recommendations/30')).body!.due).toEqual({
      round: 'Time 3',
      date: '2025-01-31',
      overdue: true,
    });
    // Due long ago, but completed in Time 3: not overdue.
    expect((await get(dated.env, '/api/recommendations/5')).body!.due).toMatchObject({
      date: '2025-01-31',
      overdue: false,
    });
    expect((await get(filled.env, '/api/recommendations/30')).body!.due).toBeNull();
  });

  it('shows nothing about due dates for a sheet without them, and refuses the filter', async () => {
    expect((await get(filled.env, '/api/summary')).body!.overdue).toBeNull();
    const { response, body } = await get(filled.env, '/api/summary?overdue=true');
    expect(response.status).toBe(400);
    expect(body!.error).toMatchObject({
      parameter: 'overdue',
      message: 'This sheet has no due dates, so nothing is overdue.',
    });
    expect((await get(dated.env, '/api/summary?overdue=maybe')).body!.error.parameter).toBe(
      'overdue',
    );
  });

  it('exports the due dates when the sheet has them', async () => {
    const text = new TextDecoder().decode(
      await (await call(dated.env, '/api/export.csv?pillar=1')).arrayBuffer(),
    );
    const rows = parseCsv(text);
    expect(rows[0]).toContain('Due date');
    const due = rows[0]!.indexOf('Due date');
    expect(rows.find((r) => r[0] === '5')![due]).toBe('2025-01-31');
  });
});
