import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CANONICAL_HEADER } from '../../tests/fixtures/sheets.ts';
import { cellName } from '../a1.ts';
import { normaliseRows } from './normalise.ts';
import { cellText } from './text.ts';
import { parseStatus } from './values.ts';

// Values staff really type, mixed with noise, so random rows often look almost right.
const plausible = fc.constantFrom(
  '',
  'Accept',
  'partially accepted',
  'Not Accept',
  'Maybe',
  'open',
  'COMPLETED ',
  'discarded',
  'TBD',
  'Pillar 3',
  'Pillar 9',
  'Leadership and Culture',
  '48a',
  '#12',
  'Recommendation #7',
  '5.1',
  '9.9',
  'Efficiency: Recommendation 5.10',
  'Impact',
  'n/a',
  'DDG-O and DOE (AAP)',
  'PSEAH, with support from OIG',
  '(',
  ')',
  '#99',
);
const garbage = fc.oneof(
  plausible,
  fc.string(),
  fc.integer({ min: -5, max: 100 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
);
const numberCell = fc.oneof(
  fc.nat(40).map(String),
  fc.constantFrom('1a', '1b', '2c', '#3', ''),
  garbage,
);
// Half the rows ragged (the API drops trailing empty cells), half reaching the round columns.
const rest = fc.oneof(
  fc.array(garbage, { maxLength: CANONICAL_HEADER.length + 2 }),
  fc.array(garbage, {
    minLength: CANONICAL_HEADER.length - 2,
    maxLength: CANONICAL_HEADER.length + 2,
  }),
);
const dataRow = fc.tuple(numberCell, rest).map(([n, cells]) => [n, ...cells]);
const origin = fc.record({ row: fc.nat(5), column: fc.nat(3) });

describe('normaliseRows on random cell garbage', () => {
  it('never throws, whatever the grid', () => {
    fc.assert(
      fc.property(fc.array(fc.array(garbage, { maxLength: 20 }), { maxLength: 40 }), (rows) => {
        const result = normaliseRows(rows);
        expect(Array.isArray(result.findings)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('accounts for every row and every value it could not use with a finding', () => {
    fc.assert(
      fc.property(fc.array(dataRow, { maxLength: 30 }), origin, (data, at) => {
        const rows = [[...CANONICAL_HEADER], ...data];
        const result = normaliseRows(rows, { origin: at });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const { recommendations, findings } = result;
        const flagged = (cell: string) => findings.some((f) => f.cell === cell);
        const rowFlagged = (row: number) =>
          findings.some((f) => f.cell !== null && new RegExp(`^[A-Z]+${row}(:|$)`).test(f.cell));
        const usedRows = new Set(
          recommendations.flatMap((r) => [r.row, ...r.points.map((p) => p.row)]),
        );

        data.forEach((raw, i) => {
          const cells = raw.map(cellText);
          const filled = cells.filter((c) => c !== '');
          const sheetRow = at.row + i + 2;
          if (filled.length === 0) return;
          // A lone "Pillar …" cell is a section row: it labels the rows below instead of being one.
          if (filled.length === 1 && /\bpillar\b/i.test(filled[0]!)) return;
          expect(
            usedRows.has(sheetRow) || rowFlagged(sheetRow),
            `row ${sheetRow} vanished without a finding`,
          ).toBe(true);
          if (!usedRows.has(sheetRow)) return;
          // Every status someone typed that could not be read is reported at its cell.
          for (const column of [11, 13]) {
            const typed = cells[column] ?? '';
            if (typed !== '' && parseStatus(typed) === null) {
              expect(flagged(cellName(sheetRow, at.column + column)), `status ${typed}`).toBe(true);
            }
          }
        });

        for (const r of recommendations) {
          const about = (...rules: string[]) =>
            findings.some(
              (f) => rules.includes(f.rule) && f.recommendation?.replace(/[a-z]$/, '') === r.id,
            );
          if (r.pillar === null)
            expect(about('missing-pillar', 'unrecognised-pillar'), `pillar of ${r.id}`).toBe(true);
          if (r.criterion === null) {
            expect(
              about('missing-criterion', 'unrecognised-criterion', 'bad-evaluation-number'),
              `criterion of ${r.id}`,
            ).toBe(true);
          }
          if (r.response === null)
            expect(about('missing-response', 'unrecognised-response'), `response of ${r.id}`).toBe(
              true,
            );
        }
      }),
      { numRuns: 300 },
    );
  });
});
