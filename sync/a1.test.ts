import { describe, expect, it } from 'vitest';
import { cellName, columnIndex, columnLetter, rangeOrigin } from './a1.ts';

describe('A1 notation', () => {
  it('names columns past Z', () => {
    expect([0, 9, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
      'A',
      'J',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
    ]);
    expect(columnIndex('AAA')).toBe(702);
    expect(columnIndex('j')).toBe(9);
    expect(columnIndex('1A')).toBe(-1);
  });

  it('names a cell by sheet row and column', () => {
    expect(cellName(29, 9)).toBe('J29');
  });

  it('finds where a returned range starts', () => {
    expect(rangeOrigin("'Action plan'!B3:Q80")).toEqual({ row: 2, column: 1 });
    expect(rangeOrigin('Sheet1!A1:Z1000')).toEqual({ row: 0, column: 0 });
    expect(rangeOrigin('Matrix')).toEqual({ row: 0, column: 0 });
    expect(rangeOrigin('C5:F')).toEqual({ row: 4, column: 2 });
    expect(rangeOrigin('Tab!D:F')).toEqual({ row: 0, column: 3 });
  });
});
