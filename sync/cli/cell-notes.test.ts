import { describe, expect, it } from 'vitest';
import type { Finding } from '../../data/finding.ts';
import { planNotes, staffPart } from './cell-notes.ts';

const finding = (cell: string | null, message = `About ${cell}`): Finding => ({
  severity: 'warning',
  rule: 'unrecognised-status',
  message,
  recommendation: '1',
  cell,
});

describe('cell notes', () => {
  it('reads the tool’s part of a note only from a line that starts with the marker', () => {
    expect(staffPart('Ask Maria\n\n[matrix check] old finding')).toBe('Ask Maria');
    expect(staffPart('[matrix check] old finding')).toBe('');
    expect(staffPart('Do not trust the [matrix check] tool here')).toBe(
      'Do not trust the [matrix check] tool here',
    );
    expect(staffPart('[matrix check]without a space is staff’s')).toBe(
      '[matrix check]without a space is staff’s',
    );
  });

  it('puts every finding of one cell in one note, in order', () => {
    const plan = planNotes([finding('L2', 'first'), finding('L2', 'second')], new Map());
    expect(plan.changes).toEqual([
      { cell: 'L2', row: 1, column: 11, note: '[matrix check] first\n[matrix check] second' },
    ]);
  });

  it('sets aside findings about a range or the whole sheet', () => {
    const range = finding('A1:O1');
    const sheet = finding(null);
    const plan = planNotes([range, sheet, finding('AA10')], new Map());
    expect(plan.unplaced).toEqual([range, sheet]);
    expect(plan.changes.map((c) => [c.cell, c.row, c.column])).toEqual([['AA10', 9, 26]]);
  });

  it('removes its old part and keeps staff’s, counting the cell as cleared', () => {
    const plan = planNotes(
      [],
      new Map([
        ['B3', 'Checked with finance\n\n[matrix check] gone now'],
        ['C4', 'Staff only'],
      ]),
    );
    expect(plan.changes).toEqual([{ cell: 'B3', row: 2, column: 1, note: 'Checked with finance' }]);
    expect(plan.cleared).toBe(1);
  });
});
