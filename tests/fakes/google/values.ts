// Sheets v4 values writes (values.update, values.batchUpdate, values.clear) on the fake's model.
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets/v4.js';
import { z } from 'zod';
import { columnLetter } from '../../../sync/a1.ts';
import { BadRequest } from './batch-update.ts';
import { type Cell, type FakeSpreadsheet, quoteTab, resolveRange } from './model.ts';

export const ValueRangeBody = z.object({
  range: z.string().optional(),
  majorDimension: z.enum(['ROWS', 'COLUMNS']).default('ROWS'),
  values: z.array(z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]))).default([]),
});

export const VALUE_INPUT_OPTIONS = ['RAW', 'USER_ENTERED'] as const;

function resolveForWrite(spreadsheet: FakeSpreadsheet, range: string) {
  const window = resolveRange(spreadsheet, range);
  if (!window) throw new BadRequest(`Unable to parse range: ${range}`);
  return window;
}

/**
 * Writes values from the range's top-left cell. A null leaves its cell as it is and '' empties it,
 * as in Google; values that run past the range or past the grid are refused with Google's message.
 */
export function writeValues(
  spreadsheet: FakeSpreadsheet,
  range: string,
  body: z.infer<typeof ValueRangeBody>,
): sheets_v4.Schema$UpdateValuesResponse {
  const window = resolveForWrite(spreadsheet, range);
  const rows =
    body.majorDimension === 'ROWS'
      ? body.values
      : Array.from({ length: Math.max(0, ...body.values.map((c) => c.length)) }, (_, r) =>
          body.values.map((column) => column[r] ?? null),
        );
  const height = rows.length;
  const width = Math.max(0, ...rows.map((r) => r.length));
  if (height > window.lastRow - window.firstRow + 1)
    throw new BadRequest(
      `Requested writing within range [${window.a1}], but tried writing to row [${window.firstRow + height}]`,
    );
  if (width > window.lastColumn - window.firstColumn + 1)
    throw new BadRequest(
      `Requested writing within range [${window.a1}], but tried writing to column [${columnLetter(window.firstColumn + width - 1)}]`,
    );
  const { tab } = window;
  if (window.firstRow + height > tab.rowCount || window.firstColumn + width > tab.columnCount)
    throw new BadRequest(
      `Range (${window.a1}) exceeds grid limits. Max rows: ${tab.rowCount}, max columns: ${tab.columnCount}`,
    );
  let updatedCells = 0;
  rows.forEach((cells, r) => {
    const row = window.firstRow + r;
    while (tab.rows.length <= row) tab.rows.push([]);
    const target = tab.rows[row]!;
    cells.forEach((value, c) => {
      if (value === null) return;
      const column = window.firstColumn + c;
      while (target.length < column) target.push('');
      target[column] = value satisfies Cell;
      updatedCells++;
    });
  });
  return {
    spreadsheetId: spreadsheet.id,
    updatedRange: `${quoteTab(tab.title)}!${columnLetter(window.firstColumn)}${window.firstRow + 1}:${columnLetter(window.firstColumn + Math.max(width, 1) - 1)}${window.firstRow + Math.max(height, 1)}`,
    updatedRows: height,
    updatedColumns: width,
    updatedCells,
  };
}

/** Empties the values in a range (notes and formats stay, as in Google). */
export function clearValues(
  spreadsheet: FakeSpreadsheet,
  range: string,
): sheets_v4.Schema$ClearValuesResponse {
  const window = resolveForWrite(spreadsheet, range);
  for (let row = window.firstRow; row <= window.lastRow && row < window.tab.rows.length; row++) {
    const cells = window.tab.rows[row]!;
    for (let column = window.firstColumn; column <= window.lastColumn; column++)
      if (column < cells.length) cells[column] = '';
  }
  return { spreadsheetId: spreadsheet.id, clearedRange: window.a1 };
}
