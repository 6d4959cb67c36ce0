// Finding the matrix's header row and columns on a tab as the sync does, in sheet coordinates.
import type { Finding } from '../../data/finding.ts';
import type { Origin } from '../a1.ts';
import { FindingLog } from '../normalise/findings.ts';
import { Sheet } from '../normalise/sheet.ts';
import type { MatrixLayout } from './sheet-layout.ts';

export type LayoutResult = { ok: true; layout: MatrixLayout } | { ok: false; findings: Finding[] };

/**
 * Reads where the header and each column are. The normaliser's own header search is used, so the
 * tools set up the very columns the sync will read; a sheet it cannot read gives its findings.
 */
export function findLayout(
  rows: readonly (readonly string[])[],
  origin: Origin,
  sheetId: number,
): LayoutResult {
  const sheet = new Sheet(rows, origin);
  const log = new FindingLog();
  if (!sheet.readHeader(log)) return { ok: false, findings: log.sorted() };
  const shift = (column: number) => origin.column + column;
  const { fields, rounds } = sheet.columns;
  return {
    ok: true,
    layout: {
      sheetId,
      headerRow: origin.row + sheet.headerIndex,
      width: shift(sheet.rows[sheet.headerIndex]?.length ?? 0),
      fields: Object.fromEntries(
        Object.entries(fields).map(([field, column]) => [field, shift(column)]),
      ),
      rounds: rounds.map((r) => ({
        ...r,
        status: r.status === null ? null : shift(r.status),
        comment: r.comment === null ? null : shift(r.comment),
      })),
    },
  };
}
