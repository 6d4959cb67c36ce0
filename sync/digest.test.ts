import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  filledMatrix,
  filledMatrixWithDueDates,
  snapshotOf,
} from '../tests/fixtures/filled-matrix.ts';
import { computeDigest } from './digest.ts';

const csv = readFileSync(new URL('../data/matrix.csv', import.meta.url), 'utf8');

describe('computeDigest on two filled rounds', () => {
  const snapshot = snapshotOf(filledMatrix(csv));
  const digest = computeDigest(snapshot.recommendations, 'Time 2', 'Time 3', {
    on: '2026-11-23',
    dueDates: false,
  });

  it('counts what moved between Time 2 and Time 3', () => {
    // Time 3 completes 40; 9 of them were completed already in Time 2 (multiples of 4 but not of 3, less #20).
    expect(digest.totals).toEqual({
      newlyCompleted: 31,
      newlyDiscarded: 2,
      stillOpen: 10,
      reopened: 5,
      overdue: null,
      total: 62,
    });
    // Back to open: completed in Time 2 (multiples of 4) and open in Time 3 (multiples of 3).
    expect(digest.items.reopened.map((i) => i.id)).toEqual(['12', '24', '36', '48', '60']);
    expect(digest.items.newlyDiscarded.map((i) => i.id)).toEqual(['20', '62']);
  });

  it('breaks it down by pillar', () => {
    expect(
      digest.byPillar.map((g) => [
        g.key,
        g.newlyCompleted,
        g.newlyDiscarded,
        g.stillOpen,
        g.reopened,
        g.total,
      ]),
    ).toEqual([
      ['1', 9, 0, 3, 1, 18],
      ['2', 7, 1, 3, 1, 15],
      ['3', 6, 0, 1, 1, 10],
      ['4', 4, 0, 1, 1, 9],
      ['5', 5, 1, 2, 1, 10],
    ]);
  });

  it('breaks it down by lead unit, the busiest first, leaving out units where nothing moved', () => {
    expect(
      digest.byUnit.slice(0, 2).map((g) => [g.key, g.newlyCompleted, g.stillOpen, g.reopened]),
    ).toEqual([
      ['PSEAH', 24, 6, 4],
      ['OIG', 3, 1, 2],
    ]);
    expect(
      digest.byUnit.every(
        (g) => g.newlyCompleted + g.newlyDiscarded + g.stillOpen + g.reopened > 0,
      ),
    ).toBe(true);
  });

  it('counts overdue recommendations only when the sheet has due dates', () => {
    const dated = snapshotOf(filledMatrixWithDueDates(csv));
    expect(dated.dueDates).toBe(true);
    const withDue = computeDigest(dated.recommendations, 'Time 2', 'Time 3', {
      on: '2026-11-23',
      dueDates: true,
    });
    // Due 31/01/2025: multiples of 5; overdue if accepted and open in Time 3 (multiples of 3): 15, 30, 45, 60.
    expect(withDue.items.overdue.map((i) => i.id)).toEqual(['15', '30', '45', '60']);
    expect(withDue.totals.overdue).toBe(4);
    expect(digest.items.overdue).toEqual([]);
  });
});
