import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets/v4.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { PILLARS } from '../../data/vocabulary.ts';
import type { Cell, FailureTarget, RecordedRequest } from '../../tests/fakes/google/model.ts';
import { type FakeGoogle, startFakeGoogle } from '../../tests/fakes/google/server.ts';
import { parseCsv, stringifyCsv } from '../csv.ts';
import { normaliseRows } from '../normalise/index.ts';
import { parsePillar } from '../normalise/values.ts';
import { NOTE_MARKER } from './cell-notes.ts';
import { runSheetCommand } from './sheet.ts';
import { HEADER_PROTECTION } from './sheet-layout.ts';

const root = new URL('../../', import.meta.url).pathname;
const MATRIX_CSV = readFileSync(`${root}data/matrix.csv`, 'utf8');
const matrix = () => parseCsv(MATRIX_CSV);
const STATUSES = ['open', 'completed', 'discarded'];
const RESPONSES = ['Accept', 'Partially accept', 'Not accept'];
const email = 'sheet-tools@pseah-dashboard.iam.gserviceaccount.com';

let google: FakeGoogle;
let keyFile: string;
let dir: string;
let env: Record<string, string>;
let counter = 0;

beforeAll(async () => {
  google = await startFakeGoogle();
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  google.state.accounts.set(email, publicKey.export({ type: 'spki', format: 'pem' }).toString());
  dir = mkdtempSync(join(tmpdir(), 'sheet-tools-'));
  keyFile = join(dir, 'key.json');
  writeFileSync(
    keyFile,
    JSON.stringify({
      type: 'service_account',
      project_id: 'pseah-dashboard',
      private_key_id: 'key-1',
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      client_email: email,
      token_uri: `${google.url}/token`,
    }),
  );
  // Retries wait milliseconds and give up within a fifth of a second.
  env = { GOOGLE_API_ROOT: google.url, SHEET_RETRY_BASE_MS: '2', SHEET_RETRY_BUDGET_MS: '200' };
});

afterAll(() => google.close());

/** A fresh spreadsheet shared with the service account; by default one tab 'Matrix' (id 4242). */
function spreadsheet(
  tabs: { title?: string; sheetId?: number; rows?: Cell[][]; columnCount?: number }[] = [{}],
  options: { sharedWith?: string[]; viewers?: string[] } = {},
) {
  const id = `sheet-${++counter}`;
  google.state.upsertSpreadsheet({
    id,
    tabs: tabs.map((t) => ({ title: 'Matrix', sheetId: 4242, ...t })),
    sharedWith: options.sharedWith ?? [email],
    viewers: options.viewers ?? [],
  });
  const tab = google.state.spreadsheets.get(id)!.tabs[0]!;
  if (tabs[0]?.columnCount) tab.columnCount = tabs[0].columnCount;
  return id;
}

const tabOf = (id: string, title = 'Matrix') =>
  google.state.spreadsheets.get(id)!.tabs.find((t) => t.title === title)!;

const run = (...argv: string[]) => runSheetCommand([...argv, '--key', keyFile], env);

const recorded = (id: string): RecordedRequest[] =>
  google.state.requests.filter((r) => r.key === id);
const writes = (id: string) => recorded(id).filter((r) => r.method !== 'GET');

/** Makes the fake answer the next `times` calls of a kind about `key` with Google's error. */
const failNext = (target: FailureTarget, key: string, status: number, body: unknown, times = 1) =>
  google.state.failures.push({ target, key, mode: 'status', times, status, body });

const BatchBody = z.object({ requests: z.array(z.record(z.string(), z.any())) });
/** The requests of every spreadsheets.batchUpdate sent about the spreadsheet, one list per call. */
const batches = (id: string): sheets_v4.Schema$Request[][] =>
  recorded(id)
    .filter((r) => r.path.endsWith(':batchUpdate') && !r.path.includes('/values'))
    .map((r) => BatchBody.parse(r.body).requests);

function ofKind<K extends keyof sheets_v4.Schema$Request>(
  requests: sheets_v4.Schema$Request[],
  kind: K,
): NonNullable<sheets_v4.Schema$Request[K]>[] {
  return requests.flatMap((r) => (r[kind] ? [r[kind]!] : []));
}

/** The scope the command asked Google's token endpoint for, from the signed assertion. */
function scopeAsked(id: string): string {
  const tokens = google.state.requests.filter((r) => r.path === '/token');
  const index = google.state.requests.indexOf(recorded(id)[0]!);
  const token = tokens.filter((t) => google.state.requests.indexOf(t) < index).at(-1)!;
  const { assertion } = z.object({ assertion: z.string() }).parse(token.body);
  return JSON.parse(Buffer.from(assertion.split('.')[1]!, 'base64url').toString()).scope;
}

describe('sheet init', () => {
  it('writes data/matrix.csv into the empty first tab cell for cell, as typed text (RAW)', async () => {
    const id = spreadsheet();
    const result = await run('init', '--sheet', id);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining('Wrote 74 rows') });
    const put = writes(id).filter((r) => r.method === 'PUT');
    expect(put).toHaveLength(1);
    expect(put[0]!.path).toBe(`/v4/spreadsheets/${id}/values/'Matrix'!A1:O74`);
    expect(put[0]!.query.valueInputOption).toBe('RAW');
    expect(put[0]!.body).toEqual({
      range: "'Matrix'!A1:O74",
      majorDimension: 'ROWS',
      values: matrix(),
    });
    expect(tabOf(id).rows).toEqual(matrix());
    expect(scopeAsked(id)).toBe('https://www.googleapis.com/auth/spreadsheets');
  });

  it('sets the tab up in one batchUpdate: header row frozen, protected (warning only), bold; widths; wrapping', async () => {
    const id = spreadsheet();
    await run('init', '--sheet', id);
    expect(batches(id)).toHaveLength(1);
    const [requests] = batches(id) as [sheets_v4.Schema$Request[]];
    expect(ofKind(requests, 'updateSheetProperties')).toEqual([
      {
        properties: { sheetId: 4242, gridProperties: { frozenRowCount: 1 } },
        fields: 'gridProperties.frozenRowCount',
      },
    ]);
    expect(ofKind(requests, 'addProtectedRange')).toEqual([
      {
        protectedRange: {
          range: { sheetId: 4242, startRowIndex: 0, endRowIndex: 1 },
          description: HEADER_PROTECTION,
          warningOnly: true,
        },
      },
    ]);
    const widths = ofKind(requests, 'updateDimensionProperties');
    expect(
      widths
        .map((w) => [w.range?.sheetId, w.range?.startIndex, w.range?.endIndex])
        .sort((a, b) => a[1]! - b[1]!),
    ).toEqual(Array.from({ length: 15 }, (_, c) => [4242, c, c + 1]));
    expect(widths.every((w) => w.fields === 'pixelSize' && w.properties!.pixelSize! >= 90)).toBe(
      true,
    );
    expect(ofKind(requests, 'repeatCell')).toContainEqual({
      range: { sheetId: 4242, startRowIndex: 0, startColumnIndex: 0, endColumnIndex: 15 },
      cell: { userEnteredFormat: { wrapStrategy: 'WRAP', verticalAlignment: 'TOP' } },
      fields: 'userEnteredFormat(wrapStrategy,verticalAlignment)',
    });
    expect(tabOf(id).frozenRowCount).toBe(1);
    expect(tabOf(id).protectedRanges).toHaveLength(1);
  });

  it('puts strict dropdowns on the response column (I) and on each round status column (L, N), below the header', async () => {
    const id = spreadsheet();
    await run('init', '--sheet', id);
    const rules = ofKind(batches(id)[0]!, 'setDataValidation');
    expect(
      rules.map((r) => ({
        range: r.range,
        type: r.rule?.condition?.type,
        values: r.rule?.condition?.values?.map((v) => v.userEnteredValue),
        strict: r.rule?.strict,
        showCustomUi: r.rule?.showCustomUi,
      })),
    ).toEqual([
      {
        range: { sheetId: 4242, startRowIndex: 1, startColumnIndex: 8, endColumnIndex: 9 },
        type: 'ONE_OF_LIST',
        values: RESPONSES,
        strict: true,
        showCustomUi: true,
      },
      ...[11, 13].map((column) => ({
        range: {
          sheetId: 4242,
          startRowIndex: 1,
          startColumnIndex: column,
          endColumnIndex: column + 1,
        },
        type: 'ONE_OF_LIST',
        values: STATUSES,
        strict: true,
        showCustomUi: true,
      })),
    ]);
  });

  it('highlights a blank status of a recommendation row only while its round is in progress', async () => {
    const id = spreadsheet();
    await run('init', '--sheet', id);
    const rules = ofKind(batches(id)[0]!, 'addConditionalFormatRule');
    expect(
      rules.map((r) => [
        r.rule?.ranges,
        r.rule?.booleanRule?.condition?.type,
        r.rule?.booleanRule?.condition?.values?.[0]?.userEnteredValue,
      ]),
    ).toEqual([
      [
        [{ sheetId: 4242, startRowIndex: 1, startColumnIndex: 11, endColumnIndex: 12 }],
        'CUSTOM_FORMULA',
        '=AND($A2<>"", ISBLANK(L2), COUNTA(L$2:L)>0)',
      ],
      [
        [{ sheetId: 4242, startRowIndex: 1, startColumnIndex: 13, endColumnIndex: 14 }],
        'CUSTOM_FORMULA',
        '=AND($A2<>"", ISBLANK(N2), COUNTA(N$2:N)>0)',
      ],
    ]);
    expect(rules.every((r) => r.rule?.booleanRule?.format?.backgroundColorStyle?.rgbColor)).toBe(
      true,
    );
  });

  it('adds a filter view per pillar that shows exactly the rows the sync puts under that pillar', async () => {
    const id = spreadsheet();
    await run('init', '--sheet', id);
    const views = ofKind(batches(id)[0]!, 'addFilterView').map((v) => v.filter!);
    expect(views.map((v) => v.title)).toEqual(PILLARS.map((p) => `Pillar ${p.key}: ${p.name}`));
    const typed = [
      ...matrix()
        .slice(1)
        .map((r) => r[1]!),
      ...PILLARS.flatMap((p) => [p.key, `Pillar ${p.key}`, `pillar ${p.key}.`, ...p.aliases]),
      // Numbers that only start like a pillar's belong to none.
      '12',
      'Pillar 15',
    ];
    for (const [i, view] of views.entries()) {
      expect(view.range).toEqual({ sheetId: 4242, startRowIndex: 0 });
      const [spec] = view.filterSpecs!;
      expect(spec!.columnIndex).toBe(1);
      const formula = spec!.filterCriteria!.condition!.values![0]!.userEnteredValue!;
      const match = /^=REGEXMATCH\(TO_TEXT\(\$B2\), "\(\?i\)(.*)"\)$/.exec(formula);
      expect(match, formula).not.toBeNull();
      // RE2's (?i) is JavaScript's "i" flag; the rest of the pattern reads the same in both.
      const pattern = new RegExp(match![1]!, 'i');
      const shown = typed.filter((t) => pattern.test(t));
      expect(shown).toEqual(typed.filter((t) => parsePillar(t) === PILLARS[i]!.key));
    }
  });

  it('creates a missing tab, sized for the matrix, in the same batch as its layout', async () => {
    const id = spreadsheet([{ title: 'Notes', sheetId: 0 }]);
    const result = await run('init', '--sheet', id, '--tab', "Monitoring – Q3 '25");
    expect(result.code).toBe(0);
    expect(recorded(id).map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET /v4/spreadsheets/${id}`,
      `POST /v4/spreadsheets/${id}:batchUpdate`,
      `PUT /v4/spreadsheets/${id}/values/'Monitoring – Q3 ''25'!A1:O74`,
    ]);
    const [requests] = batches(id) as [sheets_v4.Schema$Request[]];
    const added = requests[0]!.addSheet!.properties!;
    expect(added).toMatchObject({
      title: "Monitoring – Q3 '25",
      gridProperties: { rowCount: 1000, columnCount: 26 },
    });
    expect(added.sheetId).not.toBe(0);
    expect(ofKind(requests, 'setDataValidation').map((r) => r.range?.sheetId)).toEqual([
      added.sheetId,
      added.sheetId,
      added.sheetId,
    ]);
    const tab = tabOf(id, "Monitoring – Q3 '25");
    expect(tab.sheetId).toBe(added.sheetId);
    expect(tab.rows).toEqual(matrix());
    expect(tabOf(id, 'Notes').rows).toEqual([]);
  });

  it('refuses a tab that holds data unless --force, and then changes nothing', async () => {
    const id = spreadsheet([
      {
        rows: [
          ['', ''],
          ['', 'Someone else’s table'],
        ],
      },
    ]);
    const result = await run('init', '--sheet', id);
    expect(result).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("Tab 'Matrix' already holds data (A1:B2)"),
    });
    expect(result.stderr).toContain('--force');
    expect(writes(id)).toEqual([]);
  });

  it('with --force replaces the data and its own earlier layout, keeping staff’s own protections, views and rules', async () => {
    const id = spreadsheet();
    await run('init', '--sheet', id);
    const tab = tabOf(id);
    while (tab.rows.length < 200) tab.rows.push([]);
    tab.rows.push(['stale row below the matrix']);
    tab.protectedRanges.push({ protectedRangeId: 7, description: 'Finance only', range: {} });
    tab.filterViews.push({ filterViewId: 8, title: 'My open items' });
    tab.conditionalFormats.push({
      booleanRule: {
        condition: { type: 'CUSTOM_FORMULA', values: [{ userEnteredValue: '=B2=1' }] },
      },
    });
    const before = { ...tabOf(id) };

    expect(await run('init', '--sheet', id, '--force')).toMatchObject({ code: 0 });
    // The stale row below the matrix is gone: the tab reads back as the matrix alone.
    expect((await run('pull', '--sheet', id)).stdout).toBe(MATRIX_CSV);
    const after = tabOf(id);
    expect(after.protectedRanges.map((p) => p.description)).toEqual([
      'Finance only',
      HEADER_PROTECTION,
    ]);
    expect(after.protectedRanges[1]!.protectedRangeId).not.toBe(
      before.protectedRanges[0]!.protectedRangeId,
    );
    expect(after.filterViews.map((f) => f.title)).toEqual([
      'My open items',
      ...PILLARS.map((p) => `Pillar ${p.key}: ${p.name}`),
    ]);
    expect(
      after.conditionalFormats.map((r) => r.booleanRule?.condition?.values?.[0]?.userEnteredValue),
    ).toEqual([
      '=AND($A2<>"", ISBLANK(N2), COUNTA(N$2:N)>0)',
      '=AND($A2<>"", ISBLANK(L2), COUNTA(L$2:L)>0)',
      '=B2=1',
    ]);
  });

  it('reads the matrix from --from, and refuses a file that is not the matrix before calling Google', async () => {
    const id = spreadsheet();
    const small = join(dir, 'small.csv');
    const rows = [...matrix().slice(0, 3)];
    writeFileSync(small, stringifyCsv(rows));
    expect(await run('init', '--sheet', id, '--from', small)).toMatchObject({ code: 0 });
    expect(tabOf(id).rows).toEqual(rows);

    const broken = join(dir, 'broken.csv');
    writeFileSync(
      broken,
      'Recommendation #,Pillar,Recommendation,Management response\n1,1,x,Accept\n',
    );
    const other = spreadsheet();
    const refused = await run('init', '--sheet', other, '--from', broken);
    expect(refused).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('cannot be read as the matrix, so nothing was written'),
    });
    expect(refused.stderr).toContain("has no 'Responsible unit(s)' column");
    expect(recorded(other)).toEqual([]);
  });
});

describe('sheet add-round', () => {
  it('adds Time 4 after the last round, headed like the others, with the dropdown and highlight', async () => {
    const id = spreadsheet([{ rows: matrix() }]);
    const result = await run('add-round', '--sheet', id, '--label', 'Time 4');
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining('column P') });
    expect(batches(id)).toHaveLength(1);
    const [requests] = batches(id) as [sheets_v4.Schema$Request[]];
    expect(requests[0]).toEqual({
      insertDimension: {
        range: { sheetId: 4242, dimension: 'COLUMNS', startIndex: 15, endIndex: 17 },
        inheritFromBefore: true,
      },
    });
    expect(ofKind(requests, 'updateCells')).toEqual([
      {
        range: {
          sheetId: 4242,
          startRowIndex: 0,
          endRowIndex: 1,
          startColumnIndex: 15,
          endColumnIndex: 17,
        },
        rows: [
          {
            values: [
              {
                userEnteredValue: {
                  stringValue:
                    'Implementation monitoring status – discarded/open/completed (Time 4)',
                },
                userEnteredFormat: { textFormat: { bold: true } },
              },
              {
                userEnteredValue: { stringValue: 'Comments on implementation status (Time 4)' },
                userEnteredFormat: { textFormat: { bold: true } },
              },
            ],
          },
        ],
        fields: 'userEnteredValue,userEnteredFormat.textFormat.bold',
      },
    ]);
    expect(ofKind(requests, 'setDataValidation')).toEqual([
      {
        range: { sheetId: 4242, startRowIndex: 1, startColumnIndex: 15, endColumnIndex: 16 },
        rule: {
          condition: {
            type: 'ONE_OF_LIST',
            values: STATUSES.map((s) => ({ userEnteredValue: s })),
          },
          strict: true,
          showCustomUi: true,
          inputMessage: 'Choose open, completed or discarded.',
        },
      },
    ]);
    expect(
      ofKind(requests, 'addConditionalFormatRule').map((r) => [
        r.rule?.ranges,
        r.rule?.booleanRule?.condition?.values?.[0]?.userEnteredValue,
      ]),
    ).toEqual([
      [
        [{ sheetId: 4242, startRowIndex: 1, startColumnIndex: 15, endColumnIndex: 16 }],
        '=AND($A2<>"", ISBLANK(P2), COUNTA(P$2:P)>0)',
      ],
    ]);
    expect(ofKind(requests, 'updateDimensionProperties').map((r) => r.range?.startIndex)).toEqual([
      15, 16,
    ]);
    // The sync reads the new columns as a round.
    const checked = await run('check', '--sheet', id);
    expect(checked.stdout).toContain('monitoring rounds: Time 2, Time 3, Time 4;');
  });

  it('inserts the round before columns staff added after the rounds, keeping those', async () => {
    const rows = matrix().map((r, i) => [...r, i === 0 ? 'Focal point' : `person ${i}`]);
    const id = spreadsheet([{ rows }]);
    expect(await run('add-round', '--sheet', id, '--label', 'time 4')).toMatchObject({ code: 0 });
    const tab = tabOf(id);
    expect(tab.rows[0]!.slice(15)).toEqual([
      'Implementation monitoring status – discarded/open/completed (Time 4)',
      'Comments on implementation status (Time 4)',
      'Focal point',
    ]);
    expect(tab.rows[5]![17]).toBe('person 5');
  });

  it('appends the columns when the rounds reach the edge of the grid', async () => {
    const id = spreadsheet([{ rows: matrix(), columnCount: 15 }]);
    expect(await run('add-round', '--sheet', id, '--label', 'Time 4')).toMatchObject({ code: 0 });
    expect(batches(id)[0]![0]).toEqual({
      appendDimension: { sheetId: 4242, dimension: 'COLUMNS', length: 2 },
    });
    expect(tabOf(id).columnCount).toBe(17);
    expect(tabOf(id).rows[0]![16]).toBe('Comments on implementation status (Time 4)');
  });

  it('refuses a label that is not "Time N" (usage error) or a round the sheet has, changing nothing', async () => {
    const id = spreadsheet([{ rows: matrix() }]);
    expect(await run('add-round', '--sheet', id, '--label', 'Round 4')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(`'Round 4' is not a round label`),
    });
    expect(await run('add-round', '--sheet', id)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('add-round needs --label "Time N"'),
    });
    expect(await run('add-round', '--sheet', id, '--label', 'Time 3')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        "'Matrix' already has Time 3 (columns N and O), so nothing was added. The latest round is Time 3: add Time 4 next.",
      ),
    });
    expect(writes(id)).toEqual([]);
  });
});

describe('sheet pull', () => {
  it('prints the tab as CSV, read the way the Worker reads it, every row as wide as the widest', async () => {
    const id = spreadsheet([
      { rows: [['Recommendation #', 'Pillar'], [1, 'Pillar 1: x', 'extra'], []] },
    ]);
    const result = await run('pull', '--sheet', id);
    expect(result).toEqual({
      code: 0,
      stdout: 'Recommendation #,Pillar,\r\n1,Pillar 1: x,extra\r\n',
    });
    const read = recorded(id).find((r) => r.path.includes('/values/'))!;
    expect(read.path).toBe(`/v4/spreadsheets/${id}/values/'Matrix'`);
    expect(read.query).toEqual({
      majorDimension: 'ROWS',
      valueRenderOption: 'FORMATTED_VALUE',
      dateTimeRenderOption: 'FORMATTED_STRING',
    });
    expect(scopeAsked(id)).toBe('https://www.googleapis.com/auth/spreadsheets.readonly');
  });

  it('gives back data/matrix.csv byte for byte after init, and writes it to --out', async () => {
    const id = spreadsheet();
    await run('init', '--sheet', id);
    expect((await run('pull', '--sheet', id)).stdout).toBe(MATRIX_CSV);
    const out = join(dir, 'pulled.csv');
    expect(await run('pull', '--sheet', id, '--out', out)).toEqual({
      code: 0,
      stdout: `Wrote 74 rows of 'Matrix' to ${out}.\n`,
    });
    expect(readFileSync(out, 'utf8')).toBe(MATRIX_CSV);
  });

  it('runs as `npm run sheet -- pull`, taking the key from GOOGLE_APPLICATION_CREDENTIALS', async () => {
    const id = spreadsheet([{ rows: [['a', 'b']] }]);
    const { stdout } = await promisify(execFile)(
      'npm',
      ['run', '--silent', 'sheet', '--', 'pull', '--sheet', id],
      { cwd: root, env: { ...process.env, ...env, GOOGLE_APPLICATION_CREDENTIALS: keyFile } },
    );
    expect(stdout).toBe('a,b\r\n');
  }, 30_000);
});

/** The matrix with a title block above it, so its header is on row 3 and its cells move down. */
function titledMatrix(edit: (rows: string[][]) => void = () => {}): string[][] {
  const rows = matrix();
  edit(rows);
  return [['PSEAH evaluation: management response matrix'], [], ...rows];
}

describe('sheet check --sheet', () => {
  it('gives the verdict `check` gives on the same CSV, naming the cells where they are on the tab', async () => {
    const rows = titledMatrix((r) => {
      r[1]![11] = 'TBD';
    });
    const id = spreadsheet([{ rows }]);
    const live = await run('check', '--sheet', id);
    const path = join(dir, 'titled.csv');
    writeFileSync(path, stringifyCsv(rows));
    const file = await runSheetCommand(['check', path]);
    expect(live.code).toBe(0);
    expect(live.stdout).toContain("Unrecognised status 'TBD' in L4 (Time 2)");
    expect(live.stdout.replace(/^[^:]*:/, '')).toBe(file.stdout.replace(/^[^:]*:/, ''));
    expect(live.stdout).toMatch(new RegExp(`^'Matrix' in spreadsheet ${id}: 62 recommendations`));
  });

  it('prints the summary shape with --json, and exits 1 on a sheet that is not the matrix', async () => {
    const json = await run('check', '--sheet', spreadsheet([{ rows: matrix() }]), '--json');
    expect(JSON.parse(json.stdout)).toMatchObject({ total: 62, rounds: ['Time 2', 'Time 3'] });
    const broken = await run('check', '--sheet', spreadsheet([{ rows: [['Pillar', 'x']] }]));
    expect(broken.code).toBe(1);
  });
});

describe('sheet annotate', () => {
  const tbdAt = (rows: string[][]) => {
    rows[1]![11] = 'TBD'; // L4 once titled
    rows[2]![8] = 'Maybe'; // I5
  };

  it('writes each finding as a note on its cell, and only there', async () => {
    const rows = titledMatrix(tbdAt);
    const id = spreadsheet([{ rows }]);
    const result = await run('annotate', '--sheet', id);
    expect(result.code).toBe(0);
    const { findings } = normaliseRows(rows, {});
    const expected = new Map<string, string>();
    for (const f of findings.filter((f) => /^[A-Z]+\d+$/.test(f.cell ?? '')))
      expected.set(
        f.cell!,
        [expected.get(f.cell!), `${NOTE_MARKER} ${f.message}`].filter(Boolean).join('\n'),
      );
    const [requests] = batches(id) as [sheets_v4.Schema$Request[]];
    const notes = ofKind(requests, 'updateCells');
    expect(notes).toHaveLength(expected.size);
    expect(notes.every((n) => n.fields === 'note')).toBe(true);
    const written = new Map(
      notes.map((n) => {
        const r = n.range!;
        expect([
          r.sheetId,
          r.endRowIndex! - r.startRowIndex!,
          r.endColumnIndex! - r.startColumnIndex!,
        ]).toEqual([4242, 1, 1]);
        const cell = `${String.fromCharCode(65 + r.startColumnIndex!)}${r.startRowIndex! + 1}`;
        return [cell, n.rows![0]!.values![0]!.note];
      }),
    );
    expect(written).toEqual(expected);
    expect(written.get('L4')).toBe(
      "[matrix check] Unrecognised status 'TBD' in L4 (Time 2): use open, completed or discarded. It is counted as unreported until then.",
    );
    expect(written.get('I5')).toMatch(/^\[matrix check\] .*'Maybe'.* in I5/);
    expect(tabOf(id).notes[3]![11]).toBe(written.get('L4'));
  });

  it('clears only the notes it wrote before, keeping staff’s notes (also on a cell it annotates)', async () => {
    const id = spreadsheet([{ rows: titledMatrix(tbdAt) }]);
    const notes: string[][] = [];
    const note = (row: number, column: number, text: string) => {
      notes[row] ??= [];
      notes[row]![column] = text;
    };
    note(6, 0, 'Ask Maria before changing this row'); // A7: staff only, no finding
    note(7, 11, `${NOTE_MARKER} Unrecognised status 'x' in L8 (Time 2): old`); // L8: ours, stale
    note(3, 11, 'Waiting for the Q3 report'); // L4: staff's, and a finding now
    note(4, 8, `Typed by R.\n\n${NOTE_MARKER} an old finding`); // I5: staff's + ours
    tabOf(id).notes = notes;

    const result = await run('annotate', '--sheet', id);
    expect(result.stdout).toContain('old notes cleared from 1 cells');
    const changed = new Map(
      ofKind(batches(id)[0]!, 'updateCells').map((n) => [
        `${n.range!.startRowIndex},${n.range!.startColumnIndex}`,
        n.rows![0]!.values![0]!,
      ]),
    );
    expect(changed.has('6,0')).toBe(false);
    expect(changed.get('7,11')).toEqual({});
    expect(changed.get('3,11')!.note).toMatch(
      /^Waiting for the Q3 report\n\n\[matrix check\] Unrecognised status 'TBD' in L4/,
    );
    expect(changed.get('4,8')!.note).toMatch(/^Typed by R\.\n\n\[matrix check\] .*'Maybe'/);
    const after = tabOf(id).notes;
    expect(after[6]![0]).toBe('Ask Maria before changing this row');
    expect(after[7]![11]).toBe('');
  });

  it('writes nothing when run again on the same findings', async () => {
    const id = spreadsheet([{ rows: titledMatrix(tbdAt) }]);
    await run('annotate', '--sheet', id);
    const again = await run('annotate', '--sheet', id);
    expect(again.stdout).toContain('(0 notes written or changed)');
    expect(batches(id)).toHaveLength(1);
  });

  it('says which findings have no single cell to go on, and puts them nowhere', async () => {
    const rows = matrix().map((r) => r.slice(0, 11)); // no monitoring round columns
    rows[3]![8] = 'Maybe';
    const id = spreadsheet([{ rows }]);
    const result = await run('annotate', '--sheet', id);
    expect(result.stdout).toMatch(
      /1 findings are about a whole row, range or the sheet, so they are on no cell:\n\nWarnings[^\n]*: 1\n\s+A1:K1 +No monitoring round columns/,
    );
    const cells = ofKind(batches(id)[0]!, 'updateCells').map((n) => n.range!);
    expect(cells).toContainEqual({
      sheetId: 4242,
      startRowIndex: 3,
      endRowIndex: 4,
      startColumnIndex: 8,
      endColumnIndex: 9,
    });
    // Nothing on the header row, where the range finding is, and every note on one cell.
    expect(cells.filter((c) => c.startRowIndex === 0)).toEqual([]);
    expect(
      cells.every(
        (c) =>
          c.endRowIndex! - c.startRowIndex! === 1 && c.endColumnIndex! - c.startColumnIndex! === 1,
      ),
    ).toBe(true);
  });

  it('clears its old notes and exits 1 when the sheet cannot be read as the matrix', async () => {
    const id = spreadsheet([
      {
        rows: [
          ['Pillar', 'Note'],
          ['1', 'x'],
        ],
      },
    ]);
    tabOf(id).notes = [[], ['', `${NOTE_MARKER} stale`]];
    const result = await run('annotate', '--sheet', id);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('cannot be read as the matrix');
    expect(tabOf(id).notes[1]![1]).toBe('');
  });
});

describe('sheet tools: errors a person can act on', () => {
  it('says which key file is missing, which fields of a key are wrong, and how to get one', async () => {
    const id = spreadsheet();
    const missing = await runSheetCommand(['pull', '--sheet', id, '--key', '/no/key.json'], env);
    expect(missing).toMatchObject({
      code: 1,
      stderr: expect.stringContaining('No key file at /no/key.json.'),
    });
    expect(missing.stderr).toContain('Keys → Add key → JSON');
    const bad = join(dir, 'bad-key.json');
    writeFileSync(bad, JSON.stringify({ type: 'service_account', private_key: 'not a key' }));
    const broken = await runSheetCommand(['pull', '--sheet', id, '--key', bad], env);
    expect(broken.stderr).toContain(
      `The key file ${bad} is not a service-account key: check private_key (not valid), client_email (missing).`,
    );
    writeFileSync(bad, '{ "type": ');
    expect((await runSheetCommand(['pull', '--sheet', id, '--key', bad], env)).stderr).toContain(
      'is not JSON',
    );
    const fromEnv = await runSheetCommand(['pull', '--sheet', id], {
      ...env,
      GOOGLE_APPLICATION_CREDENTIALS: '/no/adc.json',
    });
    expect(fromEnv.stderr).toContain(
      'No key file at /no/adc.json (GOOGLE_APPLICATION_CREDENTIALS).',
    );
    expect(recorded(id)).toEqual([]);
  });

  it('says how to give it credentials when there is no key and no application-default login', async () => {
    // googleapis looks for application-default credentials in the process's own environment.
    vi.stubEnv('HOME', mkdtempSync(join(tmpdir(), 'no-gcloud-')));
    vi.stubEnv('GOOGLE_APPLICATION_CREDENTIALS', undefined);
    vi.stubEnv('CLOUDSDK_CONFIG', undefined);
    vi.stubEnv('METADATA_SERVER_DETECTION', 'none');
    try {
      const result = await runSheetCommand(['pull', '--sheet', spreadsheet()], env);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('No Google credentials: no --key was given');
      expect(result.stderr).toContain('gcloud auth application-default login --scopes=');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('names the email to share the sheet with, as Editor to change it and Viewer to read it', async () => {
    const hidden = spreadsheet([{}], { sharedWith: ['someone@example.org'] });
    const init = await run('init', '--sheet', hidden);
    expect(init).toMatchObject({ code: 1 });
    expect(init.stderr).toContain(`${email} may not edit spreadsheet ${hidden} (HTTP 403).`);
    expect(init.stderr).toContain(`Share the sheet with ${email} as Editor`);
    const pull = await run('pull', '--sheet', hidden);
    expect(pull.stderr).toContain(`Share the sheet with ${email} as Viewer (or Editor)`);

    const viewer = spreadsheet([{ rows: matrix() }], { viewers: [email] });
    expect((await run('pull', '--sheet', viewer)).code).toBe(0);
    expect((await run('annotate', '--sheet', viewer)).stderr).toContain(
      `Share the sheet with ${email} as Editor`,
    );
  });

  it('lists the tabs there are when the tab is not found', async () => {
    const id = spreadsheet([{ title: 'Matrix' }, { title: 'Read me', sheetId: 7 }]);
    expect(await run('check', '--sheet', id, '--tab', 'Matrx')).toMatchObject({
      code: 1,
      stderr: expect.stringContaining(
        "The spreadsheet has no tab 'Matrx'. Its tabs are: 'Matrix', 'Read me'.",
      ),
    });
  });

  it('says which API to enable in which project when the Sheets API is off', async () => {
    const id = spreadsheet();
    failNext('meta', id, 403, {
      error: {
        code: 403,
        message:
          'Google Sheets API has not been used in project 123456789012 before or it is disabled.',
        status: 'PERMISSION_DENIED',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'SERVICE_DISABLED',
            domain: 'googleapis.com',
            metadata: {
              service: 'sheets.googleapis.com',
              consumer: 'projects/123456789012',
              activationUrl:
                'https://console.developers.google.com/apis/api/sheets.googleapis.com/overview?project=123456789012',
            },
          },
        ],
      },
    });
    const result = await run('pull', '--sheet', id);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'The Google Sheets API is not enabled in project 123456789012.',
    );
    expect(result.stderr).toContain(
      'Enable the Google Sheets API (sheets.googleapis.com) in project 123456789012: https://console.developers.google.com/apis/api/sheets.googleapis.com/overview?project=123456789012 → Enable.',
    );
  });

  const quota = (id: string, target: FailureTarget, times: number, status = 429) =>
    failNext(
      target,
      id,
      status,
      {
        error: {
          code: status,
          message:
            "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user'.",
          status: status === 429 ? 'RESOURCE_EXHAUSTED' : 'INTERNAL',
        },
      },
      times,
    );

  it('retries with backoff when the quota is used up, and succeeds once Google lets it', async () => {
    const id = spreadsheet([{ rows: [['a']] }]);
    quota(id, 'values', 2);
    expect(await run('pull', '--sheet', id)).toEqual({ code: 0, stdout: 'a\r\n' });
    expect(recorded(id).filter((r) => r.path.includes('/values/'))).toHaveLength(3);
  });

  it('gives up on a quota that stays used up, saying to wait and how to ask for more', async () => {
    const id = spreadsheet([{ rows: [['a']] }]);
    quota(id, 'values', 1_000);
    const result = await run('pull', '--sheet', id);
    google.state.failures = google.state.failures.filter((f) => f.key !== id);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /The Google Sheets API's quota of project pseah-dashboard is used up for now \(HTTP 429\)\..*\(gave up after \d+ attempts\)/,
    );
    expect(result.stderr).toContain('Wait a minute and run the command again.');
    expect(recorded(id).filter((r) => r.path.includes('/values/')).length).toBeGreaterThan(1);
  });

  it('retries a change refused for quota, but not one that failed on Google’s side, which may have been made', async () => {
    const limited = spreadsheet([{ rows: matrix() }]);
    quota(limited, 'write', 1);
    expect((await run('add-round', '--sheet', limited, '--label', 'Time 4')).code).toBe(0);
    expect(batches(limited)).toHaveLength(2);
    expect(tabOf(limited).rows[0]!.filter((h) => String(h).includes('(Time 4)'))).toHaveLength(2);

    const failing = spreadsheet([{ rows: matrix() }]);
    quota(failing, 'write', 1, 503);
    const result = await run('add-round', '--sheet', failing, '--label', 'Time 4');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The change may or may not have been made');
    expect(batches(failing)).toHaveLength(1);
  });

  it('says the key was refused when Google’s token endpoint turns it down', async () => {
    const id = spreadsheet();
    failNext('token', email, 400, {
      error: 'invalid_grant',
      error_description: 'Invalid JWT Signature.',
    });
    const result = await run('pull', '--sheet', id);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `Google refused the key of ${email} (HTTP 400: invalid_grant – Invalid JWT Signature.).`,
    );
    expect(result.stderr).toContain('create a new JSON key');
  });

  it('exits 2 on usage errors, naming the option', async () => {
    expect(await run('pull')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(
        "pull needs --sheet <id>: the long id in the sheet's address",
      ),
    });
    expect(await run('pull', '--sheet', 'x', '--shet', 'y')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Unknown option --shet for pull.'),
    });
    expect(await run('annotate', '--sheet')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Option --sheet of annotate needs a value.'),
    });
    expect(await run('check', 'file.csv', '--sheet', 'x')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('check takes a CSV file or --sheet <id>, not both.'),
    });
    expect(await runSheetCommand(['check', 'file.csv', '--tab', 'Matrix'], env)).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--tab and --key go with --sheet <id>'),
    });
    expect(await run('init', '--sheet', 'x', '--from', '/no/matrix.csv')).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('No such file: /no/matrix.csv'),
    });
  });
});
