// The fake Google's state: service accounts, spreadsheets, issued tokens, queued failures, requests.
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets/v4.js';
import { columnIndex, columnLetter } from '../../../sync/a1.ts';

export type Cell = string | number | boolean;

export interface FakeTab {
  sheetId: number;
  title: string;
  rows: Cell[][];
  /** Cell notes by row and column ('' or missing: none), as staff and `sheet annotate` write them. */
  notes: string[][];
  /** The grid's size: Google refuses to read or write past it until rows or columns are added. */
  rowCount: number;
  columnCount: number;
  frozenRowCount: number;
  protectedRanges: sheets_v4.Schema$ProtectedRange[];
  filterViews: sheets_v4.Schema$FilterView[];
  conditionalFormats: sheets_v4.Schema$ConditionalFormatRule[];
}

/** A tab with Google's defaults for a new sheet: 1000 rows by 26 columns, or the rows it holds. */
export function newTab(input: Partial<FakeTab> & Pick<FakeTab, 'sheetId' | 'title'>): FakeTab {
  const rows = input.rows ?? [];
  return {
    rows,
    notes: [],
    rowCount: Math.max(1000, rows.length),
    columnCount: Math.max(26, ...rows.map((r) => r.length)),
    frozenRowCount: 0,
    protectedRanges: [],
    filterViews: [],
    conditionalFormats: [],
    ...input,
  };
}

export interface FakeSpreadsheet {
  id: string;
  title: string;
  /** The spreadsheet's locale (File → Settings), which decides how dates are written. */
  locale: string;
  tabs: FakeTab[];
  /** Emails the file is shared with (service accounts read only what is shared with them). */
  sharedWith: string[];
  /** Of those, the ones shared as Viewer: they may read but not write. */
  viewers: string[];
  /** Drive's file version: grows with every change. */
  version: number;
  modifiedTime: string;
}

/** Which endpoint a queued failure hits. */
export type FailureTarget = 'token' | 'drive' | 'meta' | 'values' | 'write';

export interface Failure {
  target: FailureTarget;
  /** Only requests about this spreadsheet id (or, for 'token', this client email). */
  key?: string;
  /** 'status': answer with status/body; 'malformed': 200 with broken JSON; 'hang': never answer; 'reset': drop the connection. */
  mode: 'status' | 'malformed' | 'hang' | 'reset';
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** How many matching requests fail (then the failure is used up). */
  times: number;
}

export interface RecordedRequest {
  at: string;
  method: string;
  path: string;
  query: Record<string, string>;
  authorization: string | null;
  body: unknown;
  /** The spreadsheet id or client email the request was about. */
  key: string | null;
}

export class GoogleState {
  readonly accounts = new Map<string, string>();
  readonly spreadsheets = new Map<string, FakeSpreadsheet>();
  readonly tokens = new Map<string, { email: string; scopes: string[]; expiresAt: number }>();
  failures: Failure[] = [];
  readonly requests: RecordedRequest[] = [];

  upsertSpreadsheet(input: {
    id: string;
    title?: string;
    locale?: string;
    tabs: Partial<FakeTab>[];
    sharedWith?: string[];
    viewers?: string[];
  }) {
    const previous = this.spreadsheets.get(input.id);
    const spreadsheet: FakeSpreadsheet = {
      id: input.id,
      title: input.title ?? previous?.title ?? 'Management response matrix',
      locale: input.locale ?? previous?.locale ?? 'en_GB',
      tabs: input.tabs.map((t, i) =>
        newTab({
          ...t,
          sheetId: t.sheetId ?? (i === 0 ? 0 : 1000 + i),
          title: t.title ?? `Sheet${i + 1}`,
        }),
      ),
      sharedWith: input.sharedWith ?? previous?.sharedWith ?? [],
      viewers: input.viewers ?? previous?.viewers ?? [],
      version: (previous?.version ?? 100) + 1,
      modifiedTime: new Date().toISOString(),
    };
    this.spreadsheets.set(input.id, spreadsheet);
    return spreadsheet;
  }

  /** Takes the first queued failure that matches, using one of its times. */
  takeFailure(target: FailureTarget, key: string | null): Failure | null {
    const index = this.failures.findIndex(
      (f) => f.target === target && (f.key === undefined || f.key === key),
    );
    if (index === -1) return null;
    const failure = this.failures[index]!;
    failure.times--;
    if (failure.times <= 0) this.failures.splice(index, 1);
    return failure;
  }

  /** Counts a change to a file the way Drive does: a new version and modified time. */
  touch(spreadsheet: FakeSpreadsheet) {
    spreadsheet.version++;
    spreadsheet.modifiedTime = new Date().toISOString();
  }
}

/** A tab title as Google writes it in a range: quoted when it is not a plain word. */
export function quoteTab(title: string): string {
  return /^[A-Za-z0-9_]+$/.test(title) ? title : `'${title.replace(/'/g, "''")}'`;
}

/** A range resolved against a spreadsheet: its tab and the 0-based, inclusive window. */
export interface ResolvedRange {
  tab: FakeTab;
  firstRow: number;
  firstColumn: number;
  lastRow: number;
  lastColumn: number;
  /** The range as Google echoes it back: "'My tab'!B3:F1000". */
  a1: string;
}

/**
 * Resolves a range the way the Sheets API does: "Tab", "'My tab'!B3:F", "A1:Z" (first tab). An
 * open end runs to the edge of the grid. Returns null for a tab that does not exist.
 */
export function resolveRange(spreadsheet: FakeSpreadsheet, range: string): ResolvedRange | null {
  const bang = range.lastIndexOf('!');
  let tabName: string | null = bang === -1 ? range : range.slice(0, bang);
  let a1 = bang === -1 ? '' : range.slice(bang + 1);
  if (bang === -1 && /^[A-Za-z]{1,3}\d*(:[A-Za-z]{0,3}\d*)?$/.test(range)) {
    tabName = null;
    a1 = range;
  }
  const title = tabName?.replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
  const tab =
    title === undefined ? spreadsheet.tabs[0] : spreadsheet.tabs.find((t) => t.title === title);
  if (!tab) return null;
  const [from = 'A1', to = ''] = a1 ? a1.split(':') : [];
  const start = /^([A-Za-z]*)(\d*)$/.exec(from);
  const end = /^([A-Za-z]*)(\d*)$/.exec(to);
  if (!start || !end) return null;
  const firstColumn = start[1] ? columnIndex(start[1]) : 0;
  const firstRow = start[2] ? Number(start[2]) - 1 : 0;
  const lastColumn = end[1] ? columnIndex(end[1]) : a1 && !to ? firstColumn : tab.columnCount - 1;
  const lastRow = end[2] ? Number(end[2]) - 1 : a1 && !to ? firstRow : tab.rowCount - 1;
  return {
    tab,
    firstRow,
    firstColumn,
    lastRow,
    lastColumn,
    a1: `${quoteTab(tab.title)}!${columnLetter(firstColumn)}${firstRow + 1}:${columnLetter(lastColumn)}${lastRow + 1}`,
  };
}

/** Drops trailing empty cells of each row and trailing empty rows, as Google's answers do. */
export function trimTrailing<T>(rows: T[][], isEmpty: (cell: T | undefined) => boolean): T[][] {
  const trimmed = rows.map((r) => {
    const cells = [...r];
    while (cells.length > 0 && isEmpty(cells.at(-1))) cells.pop();
    return cells;
  });
  while (trimmed.length > 0 && trimmed.at(-1)!.length === 0) trimmed.pop();
  return trimmed;
}

/**
 * Reads a range the way the Sheets API does: "Tab", "'My tab'!B3:F", "A1:Z" (first tab). Returns
 * the rows in the window (trailing empty rows and cells dropped) and the range Google echoes back.
 */
export function readRange(
  spreadsheet: FakeSpreadsheet,
  range: string,
): { tab: FakeTab; range: string; values: Cell[][] } | null {
  const window = resolveRange(spreadsheet, range);
  if (!window) return null;
  const { tab, firstRow, firstColumn, lastRow, lastColumn } = window;
  const values = trimTrailing(
    tab.rows
      .slice(firstRow, lastRow + 1)
      .map((r) => r.slice(firstColumn, lastColumn + 1).map((c) => c ?? '')),
    (c) => c === '' || c === undefined,
  );
  return { tab, range: window.a1, values };
}
