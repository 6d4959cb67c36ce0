// `sheet add-round --sheet <id> [--tab <name>] --label "Time N"`: a new monitoring round's status
// and comments columns after the last round's, with the same dropdown and highlight as the others.
import { columnLetter } from '../a1.ts';
import type { SheetEnv } from './auth.ts';
import { findLayout } from './matrix-header.ts';
import { parseOptions, SHEET_OPTIONS, sheetTarget } from './options.ts';
import { formatFindings } from './report.ts';
import { newRoundRequests, roundHeaders } from './sheet-layout.ts';
import { openSpreadsheet } from './spreadsheet.ts';
import { type CommandResult, UsageError } from './usage.ts';

/** "Time 4" (any case and spacing) → 4; anything else is refused before the sheet is touched. */
export function roundTime(label: string | undefined): number {
  if (label === undefined)
    throw new UsageError('add-round needs --label "Time N", e.g. --label "Time 4".');
  const match = /^\s*time\s*(\d+)\s*$/i.exec(label);
  if (!match)
    throw new UsageError(
      `'${label}' is not a round label: the sync reads rounds as "Time N", e.g. --label "Time 4".`,
    );
  return Number(match[1]);
}

export async function addRound(args: readonly string[], env: SheetEnv): Promise<CommandResult> {
  const { values } = parseOptions('add-round', args, {
    ...SHEET_OPTIONS,
    label: { type: 'string' },
  });
  const target = sheetTarget('add-round', values);
  const time = roundTime(values.label);
  const spreadsheet = await openSpreadsheet(target, 'write', env);
  const tab = await spreadsheet.tab(target.tab);
  const { rows, origin } = await spreadsheet.values(tab);
  const found = findLayout(rows, origin, tab.sheetId);
  if (!found.ok)
    return {
      code: 1,
      stdout: '',
      stderr: `'${tab.title}' cannot be read as the matrix, so no round was added.\n\n${formatFindings(found.findings)}`,
    };
  const { layout } = found;
  const same = layout.rounds.find((r) => r.time === time);
  if (same) {
    const columns = [same.status, same.comment].filter((c) => c !== null).map(columnLetter);
    const latest = Math.max(...layout.rounds.map((r) => r.time));
    return {
      code: 1,
      stdout: '',
      stderr: `'${tab.title}' already has Time ${time} (column${columns.length > 1 ? 's' : ''} ${columns.join(' and ')}), so nothing was added. The latest round is Time ${latest}: add Time ${latest + 1} next.\n`,
    };
  }
  // After the last round's columns, whatever order the rounds are in; after the header without any.
  const roundColumns = layout.rounds
    .flatMap((r) => [r.status, r.comment])
    .filter((c) => c !== null);
  const at = roundColumns.length ? Math.max(...roundColumns) + 1 : layout.width;
  await spreadsheet.batchUpdate(newRoundRequests(layout, time, at, tab.columnCount), false);
  const headers = roundHeaders(time);
  return {
    code: 0,
    stdout: `Added Time ${time} to '${tab.title}': '${headers.status}' in column ${columnLetter(at)} (dropdown: open / completed / discarded; highlighted when blank once the round is in progress) and '${headers.comment}' in column ${columnLetter(at + 1)}.\n`,
  };
}
