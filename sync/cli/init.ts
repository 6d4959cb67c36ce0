// `sheet init --sheet <id> [--tab <name>] [--from file.csv] [--force]`: writes the matrix into a
// tab and sets it up for staff (frozen, protected header; widths; dropdowns; highlight; views).
import { randomInt } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets/v4.js';
import { PILLARS } from '../../data/vocabulary.ts';
import { cellName, columnLetter } from '../a1.ts';
import type { SheetEnv } from './auth.ts';
import { readCsvFile } from './check.ts';
import { findLayout } from './matrix-header.ts';
import { parseOptions, SHEET_OPTIONS, sheetTarget } from './options.ts';
import { formatFindings } from './report.ts';
import {
  HEADER_PROTECTION,
  isMissingStatusFormula,
  layoutRequests,
  type MatrixLayout,
  pillarViewTitle,
} from './sheet-layout.ts';
import { openSpreadsheet, quoteTab, type Tab, type TabValues } from './spreadsheet.ts';
import type { CommandResult } from './usage.ts';

const BUNDLED_MATRIX = fileURLToPath(new URL('../../data/matrix.csv', import.meta.url));

/** Google's size for a new tab; a bigger matrix gets a bigger grid. */
const NEW_TAB = { rowCount: 1000, columnCount: 26 };

/**
 * What an earlier `init` left on the tab (its header protection, pillar views and highlights),
 * removed first so running init again replaces them instead of stacking copies. Staff's own
 * protections, views and rules are told apart by their description, title and formula.
 */
function earlierLayout(tab: Tab): sheets_v4.Schema$Request[] {
  const views = new Set(PILLARS.map(pillarViewTitle));
  return [
    ...tab.protectedRanges
      .filter((p) => p.description === HEADER_PROTECTION)
      .map((p) => ({ deleteProtectedRange: { protectedRangeId: p.protectedRangeId } })),
    ...tab.filterViews
      .filter((f) => views.has(f.title))
      .map((f) => ({ deleteFilterView: { filterId: f.filterViewId } })),
    // From the last rule back, so each index still points at the rule it was read from.
    ...tab.conditionalFormulas
      .map((formula, index) => ({ formula, index }))
      .filter(({ formula }) => isMissingStatusFormula(formula))
      .reverse()
      .map(({ index }) => ({ deleteConditionalFormatRule: { sheetId: tab.sheetId, index } })),
  ];
}

/** Rows and columns to add so a grid of `rowCount` × `columnCount` holds the matrix. */
function growGrid(
  sheetId: number,
  have: { rowCount: number; columnCount: number },
  need: { rowCount: number; columnCount: number },
): sheets_v4.Schema$Request[] {
  const grow: sheets_v4.Schema$Request[] = [];
  if (need.rowCount > have.rowCount)
    grow.push({
      appendDimension: { sheetId, dimension: 'ROWS', length: need.rowCount - have.rowCount },
    });
  if (need.columnCount > have.columnCount)
    grow.push({
      appendDimension: {
        sheetId,
        dimension: 'COLUMNS',
        length: need.columnCount - have.columnCount,
      },
    });
  return grow;
}

/** Where a tab's data is, e.g. "A1:O74" (values.get echoes the whole grid, not the data). */
function extent({ rows, origin }: TabValues): string {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return `${cellName(origin.row + 1, origin.column)}:${cellName(origin.row + rows.length, origin.column + width - 1)}`;
}

function layoutSummary(layout: MatrixLayout): string {
  const at = (column: number) => columnLetter(column);
  const rounds = layout.rounds
    .filter((r) => r.status !== null)
    .map((r) => `${r.label} (${at(r.status!)})`);
  return [
    `header row ${layout.headerRow + 1} frozen and protected (warning only)`,
    'column widths and wrapping set',
    `dropdowns on Management response${layout.fields.response === undefined ? ' (no such column)' : ` (${at(layout.fields.response)})`} and on the status column of ${rounds.join(', ') || 'no round'}`,
    'a blank status highlighted once its round is in progress',
    `${PILLARS.length} filter views, one per pillar`,
  ].join('; ');
}

export async function init(args: readonly string[], env: SheetEnv): Promise<CommandResult> {
  const { values } = parseOptions('init', args, {
    ...SHEET_OPTIONS,
    from: { type: 'string' },
    force: { type: 'boolean' },
  });
  const target = sheetTarget('init', values);
  const from = values.from ?? BUNDLED_MATRIX;
  const { rows } = await readCsvFile(from);
  // The layout is read from the file before anything is written, so a bad file changes nothing.
  const found = findLayout(rows, { row: 0, column: 0 }, 0);
  if (!found.ok)
    return {
      code: 1,
      stdout: '',
      stderr: `${from} cannot be read as the matrix, so nothing was written.\n\n${formatFindings(found.findings)}`,
    };
  const height = rows.length;
  const width = Math.max(...rows.map((r) => r.length));

  const spreadsheet = await openSpreadsheet(target, 'write', env);
  const tabs = await spreadsheet.tabs();
  const existing = target.tab === undefined ? tabs[0] : tabs.find((t) => t.title === target.tab);
  // A spreadsheet always has a tab; 'Matrix' only names the one init would add if it had none.
  const title = existing?.title ?? target.tab ?? 'Matrix';
  const prepare: sheets_v4.Schema$Request[] = [];
  let sheetId: number;
  let replaced = false;
  if (existing) {
    sheetId = existing.sheetId;
    const held = await spreadsheet.values(existing);
    if (held.rows.some((row) => row.some((cell) => cell !== ''))) {
      if (!values.force)
        return {
          code: 1,
          stdout: '',
          stderr: `Tab '${title}' already holds data (${extent(held)}), and init would overwrite it.\nRun again with --force to replace it with ${from}, or pass --tab with the name of a new tab.\n`,
        };
      replaced = true;
    }
    prepare.push(
      ...growGrid(sheetId, existing, { rowCount: height, columnCount: width }),
      ...earlierLayout(existing),
    );
  } else {
    // Choosing the new tab's id lets its layout go in the same batch as the addSheet.
    const taken = new Set(tabs.map((t) => t.sheetId));
    do sheetId = randomInt(1, 2 ** 31 - 1);
    while (taken.has(sheetId));
    prepare.push({
      addSheet: {
        properties: {
          sheetId,
          title,
          gridProperties: {
            rowCount: Math.max(NEW_TAB.rowCount, height),
            columnCount: Math.max(NEW_TAB.columnCount, width),
          },
        },
      },
    });
  }

  const layout = { ...found.layout, sheetId };
  await spreadsheet.batchUpdate([...prepare, ...layoutRequests(layout)], false);
  if (replaced) await spreadsheet.clearValues(quoteTab(title));
  await spreadsheet.writeValues(`${quoteTab(title)}!A1:${columnLetter(width - 1)}${height}`, rows);
  const what = existing ? (replaced ? 'replacing what it held' : 'which was empty') : 'a new tab';
  return {
    code: 0,
    stdout: `Wrote ${height} rows × ${width} columns of ${from} to '${title}' (${what}).\nSet up: ${layoutSummary(layout)}.\n`,
  };
}
