import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeDigest } from '../../sync/digest.ts';
import {
  filledMatrix,
  filledMatrixWithDueDates,
  snapshotOf,
} from '../../tests/fixtures/filled-matrix.ts';
import { I18n, LOCALES } from '../i18n/i18n.ts';
import { digestSentences } from './sentences.ts';

const csv = readFileSync(new URL('../../data/matrix.csv', import.meta.url), 'utf8');

function digestOf(rows: string[][]) {
  const snapshot = snapshotOf(rows);
  return computeDigest(snapshot.recommendations, 'Time 2', 'Time 3', {
    on: '2026-11-23',
    dueDates: snapshot.dueDates,
  });
}

/** The numbers a sentence states, in order (round labels like "Time 2" carry one too). */
const numbers = (sentence: string) => (sentence.match(/\d+/g) ?? []).map(Number);

// Time 2 → Time 3 in the filled fixture (see sync/digest.test.ts for how each count comes about).
const PILLARS = [
  ['1', 9, 0, 3, 1],
  ['2', 7, 1, 3, 1],
  ['3', 6, 0, 1, 0],
  ['4', 4, 0, 1, 1],
  ['5', 5, 1, 2, 1],
] as const;

describe('the digest in sentences', () => {
  const plain = digestOf(filledMatrix(csv));
  const dated = digestOf(filledMatrixWithDueDates(csv));

  it('states each overall figure in English', () => {
    const text = digestSentences(plain, new I18n('en'));
    expect(text.title).toBe('Round digest: Time 2 → Time 3');
    expect(text.intro).toBe('What moved between Time 2 and Time 3, across 62 recommendations.');
    expect(text.totals).toEqual([
      'Newly completed: 31.',
      'Newly discarded: 2.',
      'Still open in both rounds: 10.',
      'Back to open after being completed or discarded: 5.',
    ]);
  });

  it('says how many are overdue, and as of when, only for a sheet with due dates', () => {
    const text = digestSentences(dated, new I18n('en'));
    expect(text.totals.at(-1)).toBe(
      'Overdue (accepted, not completed, past their due date) as of 23 Nov 2026: 4.',
    );
    expect(digestSentences(plain, new I18n('en')).totals.join(' ')).not.toMatch(/overdue/i);
  });

  it('gives each pillar its newly completed, newly discarded, still open and overdue counts', () => {
    const text = digestSentences(dated, new I18n('en'));
    expect(text.byPillar.map((g) => g.key)).toEqual(PILLARS.map(([key]) => key));
    PILLARS.forEach(([key, completed, discarded, open, overdue], i) => {
      // The pillar's number leads its name ("1. Leadership …").
      expect(numbers(text.byPillar[i]!.sentence)).toEqual([
        Number(key),
        completed,
        discarded,
        open,
        overdue,
      ]);
    });
    expect(text.byPillar[0]!.sentence).toBe(
      '1. Leadership and Organizational Culture: 9 newly completed, 0 newly discarded, 3 still open, 1 overdue.',
    );
  });

  it('gives each unit its counts under the name the sheet uses, the busiest first', () => {
    const text = digestSentences(plain, new I18n('en'));
    expect(text.byUnit[0]!.sentence).toBe(
      'PSEAH: 24 newly completed, 0 newly discarded, 6 still open.',
    );
    text.byUnit.forEach((g, i) => {
      const counts = plain.byUnit[i]!;
      expect(g.label).toBe(counts.label);
      expect(numbers(g.sentence).slice(-3)).toEqual([
        counts.newlyCompleted,
        counts.newlyDiscarded,
        counts.stillOpen,
      ]);
    });
  });

  it('carries the same numbers in every language', () => {
    const english = digestSentences(dated, new I18n('en'));
    for (const locale of LOCALES) {
      const text = digestSentences(dated, new I18n(locale));
      // The last number of each is its count (a date's digits come before it, in any order).
      expect(
        text.totals.map((s) => numbers(s).at(-1)),
        locale,
      ).toEqual(english.totals.map((s) => numbers(s).at(-1)));
      expect(
        text.byPillar.map((g) => numbers(g.sentence).slice(-4)),
        locale,
      ).toEqual(english.byPillar.map((g) => numbers(g.sentence).slice(-4)));
    }
  });
});
