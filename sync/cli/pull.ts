// `sheet pull --sheet <id> [--tab <name>] [--out file.csv]`: the tab as CSV, cell for cell what the
// Worker reads (formatted values), for a backup or for `check` and `init --from` elsewhere.
import { writeFile } from 'node:fs/promises';
import { stringifyCsv } from '../csv.ts';
import type { SheetEnv } from './auth.ts';
import { parseOptions, SHEET_OPTIONS, sheetTarget } from './options.ts';
import { openSpreadsheet, rectangular } from './spreadsheet.ts';
import { type CommandResult, UsageError } from './usage.ts';

/** Rows as CSV, every row as wide as the widest, as a spreadsheet's own CSV download has them. */
export function tabCsv(rows: readonly (readonly string[])[]): string {
  return rows.length === 0 ? '' : stringifyCsv(rectangular(rows));
}

export async function pull(args: readonly string[], env: SheetEnv): Promise<CommandResult> {
  const { values } = parseOptions('pull', args, { ...SHEET_OPTIONS, out: { type: 'string' } });
  const target = sheetTarget('pull', values);
  const spreadsheet = await openSpreadsheet(target, 'read', env);
  const tab = await spreadsheet.tab(target.tab);
  const { rows } = await spreadsheet.values(tab);
  const csv = tabCsv(rows);
  if (values.out === undefined) return { code: 0, stdout: csv };
  try {
    await writeFile(values.out, csv);
  } catch (error) {
    throw new UsageError(`Cannot write ${values.out}: ${(error as Error).message}`);
  }
  return { code: 0, stdout: `Wrote ${rows.length} rows of '${tab.title}' to ${values.out}.\n` };
}
