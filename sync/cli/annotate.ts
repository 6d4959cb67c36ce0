// `sheet annotate --sheet <id> [--tab <name>]`: the sync's findings as notes on the cells they are
// about, so staff see what to fix where they typed it; the tool's old notes are cleared first.
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets/v4.js';
import { normaliseRows } from '../normalise/index.ts';
import type { SheetEnv } from './auth.ts';
import { type NoteChange, planNotes } from './cell-notes.ts';
import { parseOptions, SHEET_OPTIONS, sheetTarget } from './options.ts';
import { formatFindings } from './report.ts';
import { openSpreadsheet } from './spreadsheet.ts';
import type { CommandResult } from './usage.ts';

/** One cell's note, and nothing else of the cell (`fields: 'note'`); an empty note removes it. */
export function noteRequest(sheetId: number, change: NoteChange): sheets_v4.Schema$Request {
  return {
    updateCells: {
      range: {
        sheetId,
        startRowIndex: change.row,
        endRowIndex: change.row + 1,
        startColumnIndex: change.column,
        endColumnIndex: change.column + 1,
      },
      rows: [{ values: [change.note ? { note: change.note } : {}] }],
      fields: 'note',
    },
  };
}

export async function annotate(args: readonly string[], env: SheetEnv): Promise<CommandResult> {
  const { values } = parseOptions('annotate', args, SHEET_OPTIONS);
  const target = sheetTarget('annotate', values);
  const spreadsheet = await openSpreadsheet(target, 'write', env);
  const tab = await spreadsheet.tab(target.tab);
  const { rows, origin } = await spreadsheet.values(tab);
  const notes = await spreadsheet.notes(tab);
  const result = normaliseRows(rows, { origin });
  const plan = planNotes(result.findings, notes);
  // Setting a note to a given text can be repeated safely, so this batch is retried like a read.
  if (plan.changes.length > 0)
    await spreadsheet.batchUpdate(
      plan.changes.map((change) => noteRequest(tab.sheetId, change)),
      true,
    );
  const lines = [
    `'${tab.title}': ${result.findings.length} findings. Notes on ${plan.annotated} cells (${plan.changes.length} notes written or changed); old notes cleared from ${plan.cleared} cells.`,
  ];
  if (!result.ok)
    lines.push('The sheet cannot be read as the matrix: fix the header first (see below).');
  if (plan.unplaced.length > 0)
    lines.push(
      '',
      `${plan.unplaced.length} findings are about a whole row, range or the sheet, so they are on no cell:`,
      '',
      formatFindings(plan.unplaced).trimEnd(),
    );
  return { code: result.ok ? 0 : 1, stdout: `${lines.join('\n')}\n` };
}
