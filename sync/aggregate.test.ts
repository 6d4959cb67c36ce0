import { describe, expect, it } from 'vitest';
import { recommendation, sheet } from '../tests/fixtures/sheets.ts';
import { aggregate, unitBreakdown } from './aggregate.ts';
import { normaliseRows } from './normalise/index.ts';

function summarise(rows: string[][]) {
  const result = normaliseRows(rows);
  if (!result.ok) throw new Error('structural');
  return { ...aggregate(result.recommendations, result.rounds), result };
}

describe('aggregate', () => {
  const rows = sheet([
    recommendation(1, {
      pillar: '1',
      response: 'Accept',
      status2: 'completed',
      status3: 'completed',
    }),
    recommendation(2, {
      pillar: '1',
      response: 'Partially accept',
      status2: 'open',
      status3: 'completed',
    }),
    recommendation(3, {
      pillar: '2',
      response: 'Not accept',
      status2: 'completed',
      responsible: 'DHR',
    }),
    recommendation(4, {
      pillar: '2',
      response: 'Accept',
      status2: 'discarded',
      responsible: 'DDG-O and DOE (AAP)',
    }),
    recommendation(5, {
      pillar: '5',
      response: 'Accept',
      responsible: 'PSEAH, OIG',
      evaluationNumber: '6.1',
    }),
  ]);
  const { total, breakdowns } = summarise(rows);

  it('counts every recommendation once per pillar, criterion and response', () => {
    expect(total).toBe(5);
    expect(breakdowns.pillar.map((g) => [g.key, g.total])).toEqual([
      ['1', 2],
      ['2', 2],
      ['3', 0],
      ['4', 0],
      ['5', 1],
    ]);
    expect(breakdowns.criterion.find((g) => g.key === 'efficiency')!.total).toBe(4);
    expect(breakdowns.criterion.find((g) => g.key === 'impact')!.total).toBe(1);
    expect(breakdowns.response.map((g) => [g.key, g.total])).toEqual([
      ['accept', 3],
      ['partial', 1],
      ['reject', 1],
    ]);
  });

  it('counts each round’s statuses per group', () => {
    const pillar1 = breakdowns.pillar[0]!;
    expect(pillar1.status).toEqual({
      'Time 2': { completed: 1, open: 1, discarded: 0, unreported: 0 },
      'Time 3': { completed: 2, open: 0, discarded: 0, unreported: 0 },
    });
    expect(pillar1.response).toEqual({ accept: 1, partial: 1, reject: 0 });
  });

  it('rates implementation over accepted + partially accepted, leaving rejected ones out', () => {
    const pillar2 = breakdowns.pillar[1]!;
    // #3 is completed but was not accepted: it is in neither the numerator nor the denominator.
    expect(pillar2.implementation['Time 2']).toEqual({ completed: 0, denominator: 1, rate: 0 });
    const all = breakdowns.response.reduce(
      (sum, g) => ({
        completed: sum.completed + g.implementation['Time 2']!.completed,
        denominator: sum.denominator + g.implementation['Time 2']!.denominator,
      }),
      { completed: 0, denominator: 0 },
    );
    expect(all).toEqual({ completed: 1, denominator: 4 });
    expect(breakdowns.pillar[2]!.implementation['Time 2']!.rate).toBeNull();
    expect(breakdowns.pillar[0]!.implementation['Time 3']!.rate).toBe(1);
  });

  it('counts a recommendation with two lead units under each, biggest unit first', () => {
    expect(breakdowns.unit.map((g) => [g.key, g.total])).toEqual([
      ['PSEAH', 3],
      ['DDG-O', 1],
      ['DHR', 1],
      ['DOE (AAP)', 1],
      ['OIG', 1],
    ]);
  });

  it('can count supporting units instead, with a group for recommendations that have none', () => {
    const { result } = summarise(
      sheet([
        recommendation(1, { support: 'EO, DHR' }),
        recommendation(2, { support: 'dhr' }),
        recommendation(3),
      ]),
    );
    expect(
      unitBreakdown(result.recommendations, ['Time 2'], 'support').map((g) => [
        g.key,
        g.label,
        g.total,
      ]),
    ).toEqual([
      ['DHR', 'DHR', 2],
      ['EO', 'EO', 1],
      ['unassigned', 'No supporting unit', 1],
    ]);
  });

  it('adds an "unassigned" group only when some recommendation has no value', () => {
    expect(breakdowns.pillar.some((g) => g.key === 'unassigned')).toBe(false);
    const { breakdowns: withGap } = summarise(
      sheet([recommendation(1, { pillar: 'Pillar 9', response: 'Maybe' })]),
    );
    expect(withGap.pillar.at(-1)).toMatchObject({
      key: 'unassigned',
      label: 'No pillar',
      total: 1,
    });
    expect(withGap.response.at(-1)).toMatchObject({
      key: 'unassigned',
      label: 'No response',
      total: 1,
    });
  });
});
