// The bundled matrix read end to end: the numbers the source document's own tables give.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../sync/csv.ts';
import { buildSnapshot, summaryOf } from '../../sync/snapshot.ts';

const rows = parseCsv(readFileSync(new URL('../../data/matrix.csv', import.meta.url), 'utf8'));
const built = buildSnapshot({
  rows,
  source: {
    kind: 'bundled',
    id: 'data/matrix.csv',
    range: null,
    version: null,
    modifiedTime: null,
  },
});
if (!built.ok) throw new Error('the bundled matrix must read');
const { snapshot } = built;
const summary = summaryOf(snapshot);
const totals = (name: keyof typeof summary.breakdowns) =>
  summary.breakdowns[name].map((g) => [g.key, g.total]);

describe('the bundled matrix (data/matrix.csv)', () => {
  it('has the 62 recommendations and both monitoring rounds', () => {
    expect(summary.total).toBe(62);
    expect(snapshot.recommendations.map((r) => r.number)).toEqual(
      Array.from({ length: 62 }, (_, i) => i + 1),
    );
    expect(summary.rounds).toEqual(['Time 2', 'Time 3']);
  });

  it('has pillars 18/15/10/9/10 (Table 3)', () => {
    expect(totals('pillar')).toEqual([
      ['1', 18],
      ['2', 15],
      ['3', 10],
      ['4', 9],
      ['5', 10],
    ]);
  });

  it('has criteria 7/4/6/16/15/5/9 by evaluation number (Table 2)', () => {
    expect(totals('criterion')).toEqual([
      ['relevance', 7],
      ['internal-coherence', 4],
      ['external-coherence', 6],
      ['effectiveness', 16],
      ['efficiency', 15],
      ['impact', 5],
      ['sustainability', 9],
    ]);
  });

  it('warns on every row whose criterion label disagrees with its number, and nothing else', () => {
    const warnings = summary.findings.filter((f) => f.severity !== 'info');
    expect(warnings.map((f) => [f.rule, f.recommendation, f.cell])).toEqual([
      ['criterion-label-mismatch', '41', 'C42'],
      ['criterion-label-mismatch', '42', 'C43'],
      ['criterion-label-mismatch', '43', 'C44'],
      ['criterion-label-mismatch', '52', 'C58'],
      ['criterion-label-mismatch', '55', 'C63'],
      ['criterion-label-mismatch', '56', 'C64'],
      ['criterion-label-mismatch', '57', 'C65'],
      ['criterion-label-mismatch', '58', 'C66'],
    ]);
    // The source's own broken bracket in #30's support list is pointed out, not silently split.
    expect(
      summary.findings.filter((f) => f.severity === 'info').map((f) => [f.rule, f.cell]),
    ).toEqual([['unbalanced-parentheses', 'H31']]);
  });

  it('counts the acceptance levels the rows give: 45 / 15 / 2 (Table 1 says 46 / 14 / 2)', () => {
    expect(totals('response')).toEqual([
      ['accept', 45],
      ['partial', 15],
      ['reject', 2],
    ]);
    const byId = new Map(snapshot.recommendations.map((r) => [r.id, r]));
    expect(byId.get('48')!.response).toBe('accept');
    expect(byId.get('54')!.response).toBe('accept');
    expect(byId.get('60')!.response).toBe('partial');
    expect(byId.get('60')!.points.map((p) => p.response)).toEqual([
      'reject',
      'reject',
      'accept',
      'partial',
    ]);
    expect(byId.get('60')!.responsible).toEqual(['PSEAH', 'OIG']);
  });

  it('splits lead units, so a recommendation with two counts under each', () => {
    const unit = new Map(summary.breakdowns.unit.map((g) => [g.key, g.total]));
    expect(unit.get('DOE (AAP)')).toBe(2); // #24 and #30 ("DDG-O and DOE (AAP)")
    expect(unit.get('DDG-O')).toBe(1);
    const sum = summary.breakdowns.unit.reduce((n, g) => n + g.total, 0);
    expect(sum).toBeGreaterThan(62);
  });

  it('starts with every monitoring status unreported, as in the source', () => {
    for (const group of summary.breakdowns.pillar) {
      expect(group.status['Time 2']).toEqual({
        completed: 0,
        open: 0,
        discarded: 0,
        unreported: group.total,
      });
    }
  });
});
