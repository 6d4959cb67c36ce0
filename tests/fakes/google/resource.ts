// The Spreadsheet resource spreadsheets.get answers with, built from the fake's model.
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets/v4.js';
import { tabProperties } from './batch-update.ts';
import {
  type FakeSpreadsheet,
  type FakeTab,
  quoteTab,
  type ResolvedRange,
  resolveRange,
  trimTrailing,
} from './model.ts';

/** One cell as GridData gives it: its value three ways, and its note. Empty cells are `{}`. */
function cellData(value: FakeTab['rows'][number][number] | undefined, note: string | undefined) {
  const cell: sheets_v4.Schema$CellData = {};
  if (value !== undefined && value !== '') {
    cell.userEnteredValue =
      typeof value === 'number'
        ? { numberValue: value }
        : typeof value === 'boolean'
          ? { boolValue: value }
          : { stringValue: value };
    cell.effectiveValue = cell.userEnteredValue;
    cell.formattedValue = String(value);
  }
  if (note) cell.note = note;
  return cell;
}

function gridData(window: ResolvedRange): sheets_v4.Schema$GridData {
  const { tab, firstRow, firstColumn } = window;
  const cells: sheets_v4.Schema$CellData[][] = [];
  const lastRow = Math.min(window.lastRow, Math.max(tab.rows.length, tab.notes.length) - 1);
  for (let row = firstRow; row <= lastRow; row++) {
    const width = Math.max(tab.rows[row]?.length ?? 0, tab.notes[row]?.length ?? 0);
    const line: sheets_v4.Schema$CellData[] = [];
    for (let column = firstColumn; column <= Math.min(window.lastColumn, width - 1); column++)
      line.push(cellData(tab.rows[row]?.[column], tab.notes[row]?.[column]));
    cells.push(line);
  }
  const rows = trimTrailing(cells, (c) => c === undefined || Object.keys(c).length === 0);
  // proto3 JSON leaves out fields at their default, so a window at A1 has no startRow/startColumn.
  return {
    ...(firstRow ? { startRow: firstRow } : {}),
    ...(firstColumn ? { startColumn: firstColumn } : {}),
    rowData: rows.map((values) => (values.length ? { values } : {})),
  };
}

/**
 * The spreadsheet as spreadsheets.get returns it. With `ranges`, only the tabs they fall on are
 * listed; with grid data, each tab carries the cells of its ranges (the whole tab without ranges).
 * Throws the range Google could not parse.
 */
export function spreadsheetResource(
  file: FakeSpreadsheet,
  options: { ranges: string[]; withData: boolean },
): sheets_v4.Schema$Spreadsheet {
  const windows = options.ranges.map((range) => {
    const window = resolveRange(file, range);
    if (!window) throw new Error(`Unable to parse range: ${range}`);
    return window;
  });
  const tabs = windows.length
    ? file.tabs.filter((t) => windows.some((w) => w.tab === t))
    : file.tabs;
  return {
    spreadsheetId: file.id,
    properties: { title: file.title, locale: file.locale },
    sheets: tabs.map((tab) => {
      const ofTab = windows.filter((w) => w.tab === tab);
      return {
        properties: tabProperties(tab, file.tabs.indexOf(tab)),
        // Google leaves out empty lists.
        ...(tab.protectedRanges.length ? { protectedRanges: tab.protectedRanges } : {}),
        ...(tab.filterViews.length ? { filterViews: tab.filterViews } : {}),
        ...(tab.conditionalFormats.length ? { conditionalFormats: tab.conditionalFormats } : {}),
        ...(options.withData
          ? {
              data: (ofTab.length ? ofTab : [resolveRange(file, quoteTab(tab.title))!]).map(
                gridData,
              ),
            }
          : {}),
      };
    }),
  };
}
