import { describe, expect, it } from 'vitest';
import { CANONICAL_HEADER, recommendation, sheet } from '../../tests/fixtures/sheets.ts';
import { normaliseRows } from './normalise.ts';

function read(
  rows: readonly (readonly (string | number | null)[])[],
  origin?: { row: number; column: number },
) {
  const result = normaliseRows(rows, origin ? { origin } : {});
  if (!result.ok) throw new Error(`structural error: ${JSON.stringify(result.findings)}`);
  return result;
}

const rulesOf = (findings: readonly { rule: string }[]) => findings.map((f) => f.rule);

describe('normaliseRows: finding the header', () => {
  it('finds the header under title rows and blank rows', () => {
    const rows = [
      ['Management Response and Action Plan Matrix'],
      [],
      ['Updated 3 May'],
      ...sheet([recommendation(1)]),
    ];
    const result = read(rows);
    expect(result.recommendations.map((r) => r.id)).toEqual(['1']);
    expect(result.recommendations[0]!.row).toBe(5);
  });

  it('reads columns in any order', () => {
    const header = [...CANONICAL_HEADER].reverse();
    const result = read(
      sheet([recommendation(7, { pillar: '2', response: 'Not accept' })], header),
    );
    expect(result.recommendations[0]).toMatchObject({ id: '7', pillar: '2', response: 'reject' });
  });

  it('matches header names whatever their case, spacing and punctuation', () => {
    const rows = [
      [
        'REC. NO.',
        'pillar',
        'evaluation  CRITERION',
        'recommendation',
        'Responsible Unit',
        'Management Response:',
        'status (time 2)',
      ],
      ['12', '3', 'Efficiency: Recommendation 5.10', 'Text', 'PSEAH', 'accepted', 'Open'],
    ];
    const result = read(rows);
    expect(result.recommendations[0]).toMatchObject({
      id: '12',
      pillar: '3',
      criterion: 'efficiency',
      evaluationNumber: '5.10',
      response: 'accept',
      monitoring: { 'Time 2': { status: 'open', comment: '' } },
    });
  });

  it("understands the source document's own long monitoring labels", () => {
    const rows = [
      [
        'Recommendation #',
        'Pillar',
        'Evaluation criterion',
        'Recommendation',
        'Responsible unit(s)',
        'Management response',
        'Implementation monitoring status – discarded/open/completed: (Time 2)',
        'Comments on implementation status: (Time 2)',
        'Final implementation monitoring status – discarded/open/completed: (Time 3)',
        'Final comments on implementation status: (Time 3)',
      ],
      [
        '1',
        '1',
        'Internal Coherence: Recommendation 2.1',
        'T',
        'PSEAH',
        'Accept',
        'open',
        'started',
        'completed',
        'done',
      ],
    ];
    const result = read(rows);
    expect(result.rounds).toEqual([
      { label: 'Time 2', time: 2 },
      { label: 'Time 3', time: 3 },
    ]);
    expect(result.recommendations[0]!.monitoring).toEqual({
      'Time 2': { status: 'open', comment: 'started', dueDate: null },
      'Time 3': { status: 'completed', comment: 'done', dueDate: null },
    });
  });

  it('discovers any number of monitoring rounds from the headers, in time order', () => {
    const header = [...CANONICAL_HEADER, 'Status (Time 5)', 'Comments (Time 5)', 'Status (Time 4)'];
    const rows = sheet([recommendation(1)], header);
    rows[1]![header.length - 3] = 'Discarded';
    rows[1]![header.length - 1] = 'completed';
    const result = read(rows);
    expect(result.rounds.map((r) => r.label)).toEqual(['Time 2', 'Time 3', 'Time 4', 'Time 5']);
    expect(result.recommendations[0]!.monitoring['Time 4']!.status).toBe('completed');
    expect(result.recommendations[0]!.monitoring['Time 5']!.status).toBe('discarded');
  });

  it('ignores an unknown column with an info finding on its header cell', () => {
    const header = [...CANONICAL_HEADER, 'Notes for the team'];
    const result = read(sheet([recommendation(1)], header));
    const info = result.findings.find((f) => f.rule === 'unknown-column');
    expect(info).toMatchObject({ severity: 'info', cell: 'P1' });
    expect(info!.message).toContain('Notes for the team');
  });

  it('rejects the whole sheet when a required column is missing', () => {
    const header = CANONICAL_HEADER.filter((h) => h !== 'Management response');
    const result = normaliseRows([
      ['Title'],
      header,
      ['1', '1', 'Efficiency', '5.1', '', 'T', 'PSEAH'],
    ]);
    expect(result.ok).toBe(false);
    expect(result.findings).toEqual([
      expect.objectContaining({ severity: 'error', rule: 'missing-column', cell: 'A2:N2' }),
    ]);
    expect(result.findings[0]!.message).toContain("'Management response'");
  });

  it('needs a criterion or an evaluation number column', () => {
    const header = CANONICAL_HEADER.filter(
      (h) => h !== 'Evaluation criterion' && h !== 'Evaluation recommendation #',
    );
    const result = normaliseRows(sheet([], header));
    expect(result.ok).toBe(false);
    expect(rulesOf(result.findings)).toEqual(['missing-column']);
  });

  it('rejects an empty sheet and a sheet without a header row', () => {
    expect(normaliseRows([]).findings[0]!.rule).toBe('empty-sheet');
    expect(normaliseRows([[], ['', '']]).findings[0]!.rule).toBe('empty-sheet');
    expect(normaliseRows([['just a title'], ['1', '2', '3']]).findings[0]!.rule).toBe(
      'header-not-found',
    );
  });

  it('reads a header-only sheet as zero recommendations', () => {
    const result = read(sheet([]));
    expect(result.recommendations).toEqual([]);
  });
});

describe('normaliseRows: criteria', () => {
  it('takes the criterion from the evaluation number when the label disagrees', () => {
    const result = read(
      sheet([recommendation(41, { criterion: 'Efficiency', evaluationNumber: '6.2' })]),
    );
    expect(result.recommendations[0]).toMatchObject({
      criterion: 'impact',
      criterionLabel: 'Efficiency',
    });
    expect(result.findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        rule: 'criterion-label-mismatch',
        recommendation: '41',
        cell: 'C2',
      }),
    ]);
  });

  it('reads criterion and number from one cell, as the source writes them', () => {
    const header = CANONICAL_HEADER.filter((h) => h !== 'Evaluation recommendation #');
    const rows = sheet(
      [recommendation(3, { criterion: 'Efficiency: Recommendation 5.1' })].map(
        ({ evaluationNumber, ...r }) => r,
      ),
      header,
    );
    const result = read(rows);
    expect(result.recommendations[0]).toMatchObject({
      criterion: 'efficiency',
      evaluationNumber: '5.1',
    });
    expect(result.findings).toEqual([]);
  });

  it('falls back on the label, with a warning, when there is no evaluation number', () => {
    const result = read(sheet([recommendation(3, { criterion: 'Impact', evaluationNumber: '' })]));
    expect(result.recommendations[0]!.criterion).toBe('impact');
    expect(rulesOf(result.findings)).toEqual(['missing-evaluation-number']);
    expect(result.findings[0]!.cell).toBe('D2');
  });

  it('reports an evaluation number outside 1–7 and leaves the criterion to the label', () => {
    const result = read(
      sheet([recommendation(3, { criterion: 'Impact', evaluationNumber: '8.1' })]),
    );
    expect(result.recommendations[0]).toMatchObject({
      criterion: 'impact',
      evaluationNumber: null,
    });
    expect(rulesOf(result.findings)).toEqual(['bad-evaluation-number']);
  });

  it('warns when two recommendations share an evaluation number (Sheets drops the 0 of 5.10)', () => {
    const result = read(
      sheet([
        recommendation(10, { evaluationNumber: '5.1' }),
        recommendation(11, { evaluationNumber: '5.1' }),
      ]),
    );
    expect(result.findings).toEqual([
      expect.objectContaining({
        rule: 'duplicate-evaluation-number',
        recommendation: '11',
        cell: 'D3',
      }),
    ]);
  });
});

describe('normaliseRows: pillars and grouping cells', () => {
  it('reads a pillar given as a number, "Pillar 3", or any of its names', () => {
    const result = read(
      sheet([
        recommendation(1, { pillar: '2' }),
        recommendation(2, { pillar: 'Pillar 3' }),
        recommendation(3, { pillar: 'Quality Victim Assistance' }),
        recommendation(4, { pillar: 'Leadership and Culture' }),
      ]),
    );
    expect(result.recommendations.map((r) => r.pillar)).toEqual(['2', '3', '4', '1']);
  });

  it('carries blank grouping cells down from the row above, as merged cells read back', () => {
    const result = read(
      sheet([
        recommendation(1, { pillar: 'Pillar 2', criterion: 'Efficiency', evaluationNumber: '' }),
        recommendation(2, { pillar: '', criterion: '', evaluationNumber: '' }),
        recommendation(3, { pillar: '', criterion: '', evaluationNumber: '6.1' }),
      ]),
    );
    expect(result.recommendations.map((r) => [r.pillar, r.criterion])).toEqual([
      ['2', 'efficiency'],
      ['2', 'efficiency'],
      ['2', 'impact'],
    ]);
  });

  it('takes the pillar from a section row above the recommendations', () => {
    const rows = sheet([recommendation(1, { pillar: '' }), recommendation(19, { pillar: '' })]);
    rows.splice(1, 0, ['Pillar 1: Leadership and Organizational Culture']);
    rows.splice(3, 0, [
      '',
      '',
      '',
      '',
      '',
      'Pillar 2: Institutional Accountability and Transparency',
    ]);
    const result = read(rows);
    expect(result.recommendations.map((r) => r.pillar)).toEqual(['1', '2']);
    expect(result.findings).toEqual([]);
  });

  it('reports an unreadable pillar and keeps the recommendation without one', () => {
    const result = read(sheet([recommendation(1, { pillar: 'Pillar 9' })]));
    expect(result.recommendations[0]!.pillar).toBeNull();
    expect(result.findings).toEqual([
      expect.objectContaining({ rule: 'unrecognised-pillar', cell: 'B2' }),
    ]);
  });

  it('reports a blank pillar with nothing above it', () => {
    const result = read(sheet([recommendation(1, { pillar: '' })]));
    expect(result.findings).toEqual([
      expect.objectContaining({ rule: 'missing-pillar', cell: 'B2' }),
    ]);
  });
});

describe('normaliseRows: numbers, blank and ragged rows', () => {
  it('reads numbers written 12, #12 and Recommendation #12, in number order', () => {
    const result = read(
      sheet(
        [recommendation('Recommendation #12'), recommendation('#3'), recommendation('7')].map(
          (r, i) => ({ ...r, evaluationNumber: `5.${i + 1}` }),
        ),
      ),
    );
    expect(result.recommendations.map((r) => r.id)).toEqual(['3', '7', '12']);
  });

  it('reads numbers the Sheets API sends as numbers', () => {
    const rows: (string | number | null)[][] = sheet([recommendation(1)]);
    rows[1]![0] = 1;
    rows[1]![3] = 5.1;
    expect(read(rows).recommendations[0]).toMatchObject({ id: '1', evaluationNumber: '5.1' });
  });

  it('ignores blank spacer rows, trailing blank rows and ragged rows with trailing cells dropped', () => {
    const rows: string[][] = sheet([
      recommendation(1),
      recommendation(2, { evaluationNumber: '5.2' }),
    ]);
    rows.splice(2, 0, [], ['', '  ', '']);
    rows.push([], [''], []);
    // The API drops trailing empty cells: a row may end after the response.
    rows[1] = rows[1]!.slice(0, 9);
    const result = read(rows);
    expect(result.recommendations.map((r) => r.id)).toEqual(['1', '2']);
    expect(result.recommendations[0]!.monitoring['Time 3']).toEqual({
      status: 'unreported',
      comment: '',
      dueDate: null,
    });
    expect(result.findings).toEqual([]);
  });

  it('leaves out a row without a number, and one with a bad number, naming their cells', () => {
    const result = read(
      sheet([
        recommendation(1),
        recommendation('', { evaluationNumber: '5.2' }),
        recommendation('twelve', { evaluationNumber: '5.3' }),
        recommendation(4, { evaluationNumber: '5.4' }),
      ]),
    );
    expect(result.recommendations.map((r) => r.id)).toEqual(['1', '4']);
    expect(result.findings.map((f) => [f.severity, f.rule, f.cell])).toEqual([
      ['error', 'missing-number', 'A3'],
      ['error', 'bad-number', 'A4'],
    ]);
  });

  it('leaves out the second of two rows with the same number', () => {
    const result = read(
      sheet([recommendation(5, { text: 'first' }), recommendation(5, { text: 'second' })]),
    );
    expect(result.recommendations.map((r) => r.text)).toEqual(['first']);
    expect(result.findings).toEqual([
      expect.objectContaining({ rule: 'duplicate-recommendation', cell: 'A3' }),
    ]);
  });

  it('names cells in sheet coordinates when the values start below and right of A1', () => {
    const result = read(sheet([recommendation(1, { status2: 'TBD' })]), { row: 2, column: 1 });
    expect(result.findings).toEqual([
      expect.objectContaining({ rule: 'unrecognised-status', cell: 'M4' }),
    ]);
    expect(result.recommendations[0]!.row).toBe(4);
  });
});

describe('normaliseRows: responses, statuses and units', () => {
  it('matches responses and statuses loosely', () => {
    const result = read(
      sheet([
        recommendation(1, {
          response: 'Partially accepted',
          status2: 'COMPLETED ',
          status3: 'open.',
        }),
        recommendation(2, {
          response: 'not Accepted',
          status2: 'Discarded',
          evaluationNumber: '5.2',
        }),
      ]),
    );
    expect(
      result.recommendations.map((r) => [
        r.response,
        r.monitoring['Time 2']!.status,
        r.monitoring['Time 3']!.status,
      ]),
    ).toEqual([
      ['partial', 'completed', 'open'],
      ['reject', 'discarded', 'unreported'],
    ]);
    expect(result.findings).toEqual([]);
  });

  it('keeps an unrecognised status as unreported and says what to type, at its cell', () => {
    const result = read(sheet([recommendation(25, { status2: 'TBD' })]));
    expect(result.recommendations[0]!.monitoring['Time 2']!.status).toBe('unreported');
    expect(result.findings).toEqual([
      {
        severity: 'warning',
        rule: 'unrecognised-status',
        message:
          "Unrecognised status 'TBD' in L2 (Time 2): use open, completed or discarded. It is counted as unreported until then.",
        recommendation: '25',
        cell: 'L2',
      },
    ]);
  });

  it('keeps an unrecognised response as no response, with a finding', () => {
    const result = read(sheet([recommendation(1, { response: 'Maybe' })]));
    expect(result.recommendations[0]!.response).toBeNull();
    expect(result.findings).toEqual([
      expect.objectContaining({ rule: 'unrecognised-response', cell: 'I2' }),
    ]);
  });

  it('reports a missing response and a missing responsible unit', () => {
    const result = read(sheet([recommendation(1, { response: '', responsible: '' })]));
    expect(rulesOf(result.findings).sort()).toEqual([
      'missing-response',
      'missing-responsible-unit',
    ]);
  });

  it('splits responsible and supporting units into lists', () => {
    const result = read(
      sheet([
        recommendation(30, {
          responsible: 'DDG-O and DOE (AAP)',
          support: 'PSEAH, DOE (GBV), LEG',
        }),
      ]),
    );
    expect(result.recommendations[0]).toMatchObject({
      responsible: ['DDG-O', 'DOE (AAP)'],
      support: ['PSEAH', 'DOE (GBV)', 'LEG'],
    });
  });

  it('keeps text cells whole, line breaks included', () => {
    const text = 'Strengthen efforts:\na) first;\nb) second.';
    expect(read(sheet([recommendation(28, { text })])).recommendations[0]!.text).toBe(text);
  });

  it('links recommendations and reports a link to a number the sheet lacks', () => {
    const result = read(
      sheet([
        recommendation(4, { linked: '47' }),
        recommendation(47, { linked: '#4 and #99', evaluationNumber: '5.9' }),
      ]),
    );
    expect(result.recommendations.map((r) => r.linked)).toEqual([['47'], ['4', '99']]);
    expect(result.findings).toEqual([
      expect.objectContaining({
        rule: 'unknown-linked-recommendation',
        recommendation: '47',
        cell: 'E3',
      }),
    ]);
  });
});

describe('normaliseRows: sub-points', () => {
  const points = (values: Record<string, Parameters<typeof recommendation>[1]>) =>
    Object.entries(values).map(([id, v]) => recommendation(id, { text: `point ${id}`, ...v }));

  it('groups 48a… under 48 and rolls up a common response', () => {
    const result = read(
      sheet([
        recommendation(48, { responsible: '', response: '' }),
        ...points({
          '48a': { responsible: 'PSEAH', support: 'EO' },
          '48b': { responsible: 'OIG' },
          '48c': {},
        }),
      ]),
    );
    const rec = result.recommendations[0]!;
    expect(result.recommendations).toHaveLength(1);
    expect(rec.points.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    expect(rec.response).toBe('accept');
    expect(rec.responsible).toEqual(['PSEAH', 'OIG']);
    expect(rec.support).toEqual(['EO']);
    expect(result.findings).toEqual([]);
  });

  it('makes a recommendation Partially accept when its points differ', () => {
    const result = read(
      sheet(
        points({
          '60a': { response: 'Not accept', responsible: 'n/a' },
          '60b': { response: 'Not accept', responsible: 'n/a' },
          '60c': { response: 'Accept' },
          '60d': { response: 'Partially accept', responsible: 'OIG' },
        }),
      ),
    );
    expect(result.recommendations[0]!.response).toBe('partial');
    expect(result.findings).toEqual([]);
  });

  it('rolls up a status from the points that were not rejected', () => {
    const status = (s: Record<string, string>) =>
      read(
        sheet(
          points({
            '9a': { response: 'Not accept', status2: s.a ?? '' },
            '9b': { status2: s.b ?? '' },
            '9c': { status2: s.c ?? '' },
          }),
        ),
      ).recommendations[0]!.monitoring['Time 2']!.status;
    expect(status({ a: 'open', b: 'completed', c: 'completed' })).toBe('completed');
    expect(status({ b: 'open', c: 'completed' })).toBe('open');
    expect(status({ b: 'completed', c: '' })).toBe('completed');
    expect(status({ a: 'completed', b: 'discarded', c: 'discarded' })).toBe('discarded');
    expect(status({ b: 'discarded', c: '' })).toBe('unreported');
  });

  it("keeps a status typed on the recommendation's row while its points say nothing", () => {
    const result = read(
      sheet([recommendation(54, { status2: 'open' }), ...points({ '54a': {}, '54b': {} })]),
    );
    expect(result.recommendations[0]!.monitoring['Time 2']!.status).toBe('open');
  });

  it("warns when the recommendation's own status or response disagrees with its points", () => {
    const result = read(
      sheet([
        recommendation(54, { status2: 'completed', response: 'Accept' }),
        ...points({
          '54a': { status2: 'open', response: 'Not accept' },
          '54b': { status2: 'open' },
        }),
      ]),
    );
    const rec = result.recommendations[0]!;
    expect([rec.response, rec.monitoring['Time 2']!.status]).toEqual(['partial', 'open']);
    expect(result.findings.map((f) => [f.rule, f.cell])).toEqual([
      ['response-differs-from-points', 'I2'],
      ['status-differs-from-points', 'L2'],
    ]);
  });

  it('gives points without their own response the recommendation’s', () => {
    const result = read(
      sheet([recommendation(54, { response: 'Accept' }), ...points({ '54a': { response: '' } })]),
    );
    expect(result.recommendations[0]!.points[0]!.response).toBe('accept');
    expect(result.findings).toEqual([]);
  });

  it('builds the recommendation from its points when it has no row of its own', () => {
    const result = read(
      sheet(
        points({
          '48b': { pillar: '4', evaluationNumber: '4.10' },
          '48a': { pillar: '4', evaluationNumber: '4.10' },
        }),
      ),
    );
    expect(result.recommendations[0]).toMatchObject({
      id: '48',
      pillar: '4',
      evaluationNumber: '4.10',
      text: '',
    });
    expect(result.recommendations[0]!.points.map((p) => p.text)).toEqual([
      'point 48a',
      'point 48b',
    ]);
  });

  it('reports a point whose pillar disagrees with its recommendation, and a repeated point', () => {
    const result = read(
      sheet([
        recommendation(48),
        ...points({ '48a': { pillar: '3' }, '48b': {} }),
        recommendation('48b'),
      ]),
    );
    expect(result.findings.map((f) => [f.rule, f.cell])).toEqual([
      ['point-differs-from-recommendation', 'B3'],
      ['duplicate-point', 'A5'],
    ]);
  });
});

describe('normaliseRows: due dates', () => {
  const header = [...CANONICAL_HEADER, 'Due date', 'Due date (Time 3)'];
  const withDue = (
    values: Parameters<typeof recommendation>[1] & { due?: string; due3?: string },
  ) => {
    const { due, due3, ...rest } = values;
    const rows = sheet([recommendation(values.number ?? 1, rest)], header);
    rows[1]![header.length - 2] = due ?? '';
    rows[1]![header.length - 1] = due3 ?? '';
    return rows;
  };

  it('reads a due date for the recommendation and one per round, in the sheet’s date order', () => {
    const result = normaliseRows(withDue({ due: '30/06/2025', due3: '03/04/2026' }), {
      dateOrder: 'day-first',
    });
    if (!result.ok) throw new Error('structural');
    expect(result.dueDates).toBe(true);
    const r = result.recommendations[0]!;
    expect(r.dueDate).toBe('2025-06-30');
    expect(r.monitoring['Time 3']!.dueDate).toBe('2026-04-03');
    expect(r.monitoring['Time 2']!.dueDate).toBeNull();
    expect(result.findings).toEqual([]);
  });

  it('reads serial numbers, ISO dates and month names whatever the order', () => {
    for (const [typed, date] of [
      ['45838', '2025-06-30'],
      ['2025-06-30', '2025-06-30'],
      ['30 June 2025', '2025-06-30'],
    ]) {
      const result = normaliseRows(withDue({ due: typed }));
      expect(result.ok && result.recommendations[0]!.dueDate, typed).toBe(date);
    }
  });

  it('reports an ambiguous date at its cell instead of guessing, when the sheet’s order is unknown', () => {
    const result = read(withDue({ due: '03/04/2025' }));
    expect(result.recommendations[0]!.dueDate).toBeNull();
    expect(result.findings).toEqual([
      expect.objectContaining({ severity: 'warning', rule: 'ambiguous-date', cell: 'P2' }),
    ]);
    expect(result.findings[0]!.message).toContain('could be 2025-04-03 or 2025-03-04');
  });

  it('reports a due date that is not a date', () => {
    const result = read(withDue({ due3: 'end of year' }));
    expect(result.findings).toEqual([expect.objectContaining({ rule: 'bad-date', cell: 'Q2' })]);
  });

  it('says the sheet has no due dates when it has no such column', () => {
    const result = read(sheet([recommendation(1)]));
    expect(result.dueDates).toBe(false);
    expect(result.recommendations[0]!.dueDate).toBeNull();
  });

  it('dates a recommendation with points by its earliest point', () => {
    const rows = sheet(
      [
        recommendation(48),
        recommendation('48a', { text: 'a' }),
        recommendation('48b', { text: 'b' }),
      ],
      [...CANONICAL_HEADER, 'Due date'],
    );
    rows[2]![15] = '2026-01-31';
    rows[3]![15] = '2025-12-31';
    expect(read(rows).recommendations[0]!.dueDate).toBe('2025-12-31');
  });
});
