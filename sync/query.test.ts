import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../data/query.ts';
import type { Recommendation } from '../data/recommendation.ts';
import { dueDateIn, filterRecommendations, isOverdue, transitions } from './query.ts';

const rounds = [
  { label: 'Time 2', time: 2 },
  { label: 'Time 3', time: 3 },
];

function rec(id: string, over: Partial<Recommendation> = {}): Recommendation {
  return {
    id,
    number: Number(id),
    pillar: '1',
    criterion: 'efficiency',
    criterionLabel: 'Efficiency',
    evaluationNumber: `5.${id}`,
    linked: [],
    text: `Recommendation ${id}`,
    responsible: ['PSEAH'],
    support: [],
    response: 'accept',
    responseComment: '',
    keyActions: '',
    dueDate: null,
    monitoring: {
      'Time 2': { status: 'open', comment: '', dueDate: null },
      'Time 3': { status: 'open', comment: '', dueDate: null },
    },
    points: [],
    row: Number(id) + 1,
    ...over,
  };
}

describe('overdue', () => {
  const ON = '2026-06-01';
  it('is an accepted recommendation not completed after its due date', () => {
    expect(isOverdue(rec('1', { dueDate: '2026-05-31' }), 'Time 3', ON)).toBe(true);
    expect(isOverdue(rec('1', { dueDate: '2026-06-01' }), 'Time 3', ON)).toBe(false);
    expect(isOverdue(rec('1', { dueDate: null }), 'Time 3', ON)).toBe(false);
  });

  it('is never a completed, discarded or rejected one', () => {
    const completed = rec('1', { dueDate: '2026-01-01' });
    completed.monitoring['Time 3']!.status = 'completed';
    expect(isOverdue(completed, 'Time 3', ON)).toBe(false);
    const discarded = rec('2', { dueDate: '2026-01-01' });
    discarded.monitoring['Time 3']!.status = 'discarded';
    expect(isOverdue(discarded, 'Time 3', ON)).toBe(false);
    expect(isOverdue(rec('3', { dueDate: '2026-01-01', response: 'reject' }), 'Time 3', ON)).toBe(
      false,
    );
    expect(isOverdue(rec('4', { dueDate: '2026-01-01', response: 'partial' }), 'Time 3', ON)).toBe(
      true,
    );
  });

  it('uses a round’s own due date before the recommendation’s', () => {
    const r = rec('1', { dueDate: '2027-01-01' });
    r.monitoring['Time 3']!.dueDate = '2026-03-01';
    expect(dueDateIn(r, 'Time 3')).toBe('2026-03-01');
    expect(dueDateIn(r, 'Time 2')).toBe('2027-01-01');
    expect(isOverdue(r, 'Time 3', ON)).toBe(true);
    expect(isOverdue(r, 'Time 2', ON)).toBe(false);
  });

  it('filters to the overdue recommendations of the status round', () => {
    const list = [
      rec('1', { dueDate: '2026-01-01' }),
      rec('2', { dueDate: '2027-01-01' }),
      rec('3'),
    ];
    const ids = filterRecommendations(list, { ...NO_FILTERS, overdue: true }, rounds, ON).map(
      (r) => r.id,
    );
    expect(ids).toEqual(['1']);
  });
});

describe('transitions', () => {
  it('counts what moved between consecutive rounds', () => {
    const done = rec('2');
    done.monitoring['Time 3']!.status = 'completed';
    const [move] = transitions([rec('1'), done], rounds);
    expect(move).toMatchObject({ from: 'Time 2', to: 'Time 3' });
    expect(move!.counts.open).toEqual({ completed: 1, open: 1, discarded: 0, unreported: 0 });
  });
});
