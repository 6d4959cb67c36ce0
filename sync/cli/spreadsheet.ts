// One spreadsheet through googleapis: its tabs, a tab's values and notes, and the tools' writes.
// Every answer is parsed; every failure is explained and, when trying again can help, retried.
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets/v4.js';
import { z } from 'zod';
import { cellName, type Origin, rangeOrigin } from '../a1.ts';
import { SyncError } from '../errors.ts';
import { withRetry } from '../retry.ts';
import {
  type Access,
  findCredentials,
  openSession,
  type SheetEnv,
  type SheetsSession,
} from './auth.ts';
import { explainGoogleError } from './google-errors.ts';
import type { SheetTarget } from './options.ts';

/** A tab as the tools need it: where it is, its grid's size, and what earlier runs left on it. */
export interface Tab {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
  protectedRanges: { protectedRangeId: number; description: string }[];
  filterViews: { filterViewId: number; title: string }[];
  /** Each conditional format rule's custom formula in the sheet's order ('' for other rules). */
  conditionalFormulas: string[];
}

/** A tab's cells as the Worker reads them (formatted values), and where they start. */
export interface TabValues {
  range: string;
  rows: string[][];
  origin: Origin;
}

const TAB_FIELDS =
  'sheets(properties(sheetId,title,gridProperties(rowCount,columnCount)),protectedRanges(protectedRangeId,description),filterViews(filterViewId,title),conditionalFormats(booleanRule(condition)))';

const SpreadsheetLocale = z.object({
  properties: z.object({ locale: z.string().optional() }).optional(),
});

const SpreadsheetTabs = z.object({
  sheets: z
    .array(
      z.object({
        properties: z.object({
          sheetId: z.number(),
          title: z.string(),
          gridProperties: z
            .object({ rowCount: z.number(), columnCount: z.number() })
            .partial()
            .optional(),
        }),
        protectedRanges: z
          .array(z.object({ protectedRangeId: z.number(), description: z.string().optional() }))
          .optional(),
        filterViews: z
          .array(z.object({ filterViewId: z.number(), title: z.string().optional() }))
          .optional(),
        conditionalFormats: z
          .array(
            z.object({
              booleanRule: z
                .object({
                  condition: z
                    .object({
                      type: z.string().optional(),
                      values: z
                        .array(z.object({ userEnteredValue: z.string().optional() }))
                        .optional(),
                    })
                    .optional(),
                })
                .optional(),
            }),
          )
          .optional(),
      }),
    )
    .default([]),
}) satisfies z.ZodType<Pick<sheets_v4.Schema$Spreadsheet, 'sheets'>>;

const ValueRange = z.object({
  range: z.string(),
  values: z.array(z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]))).optional(),
}) satisfies z.ZodType<Pick<sheets_v4.Schema$ValueRange, 'range'>>;

const GridNotes = z.object({
  sheets: z
    .array(
      z.object({
        data: z
          .array(
            z.object({
              startRow: z.number().optional(),
              startColumn: z.number().optional(),
              rowData: z
                .array(
                  z.object({
                    values: z.array(z.object({ note: z.string().optional() })).optional(),
                  }),
                )
                .optional(),
            }),
          )
          .optional(),
      }),
    )
    .default([]),
});

const BatchUpdateReply = z.object({
  replies: z.array(z.record(z.string(), z.unknown())).default([]),
});

/** Rows all as wide as the widest (the API leaves out trailing empty cells; a rectangle has all). */
export function rectangular(rows: readonly (readonly string[])[]): string[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
}

/** A tab's name as A1 notation wants it: always quoted, quotes doubled. */
export const quoteTab = (title: string) => `'${title.replace(/'/g, "''")}'`;

/** A failure that must not be retried, carried past withRetry (which retries by kind). */
class NotRepeated extends Error {
  constructor(readonly error: SyncError) {
    super(error.message);
  }
}

export class Spreadsheet {
  readonly #session: SheetsSession;
  readonly #retry: { baseMs: number; capMs: number; budgetMs: number };
  readonly id: string;

  constructor(session: SheetsSession, spreadsheetId: string, env: SheetEnv) {
    this.#session = session;
    this.id = spreadsheetId;
    // Sheets quotas are per minute, so the tools keep trying for up to a minute by default.
    this.#retry = {
      baseMs: Number(env.SHEET_RETRY_BASE_MS) || 1_000,
      capMs: 16_000,
      budgetMs: Number(env.SHEET_RETRY_BUDGET_MS) || 60_000,
    };
  }

  get account() {
    return this.#session.account;
  }

  /**
   * Runs one call. Quota errors are always retried (Google refused before doing anything); server
   * and network errors only for calls that may be repeated without doing the change twice.
   */
  async #call<T>(call: () => Promise<T>, repeatable = true): Promise<T> {
    const context = {
      spreadsheetId: this.id,
      account: this.#session.account,
      access: this.#session.access,
    };
    try {
      return await withRetry(
        async () => {
          try {
            return await call();
          } catch (error) {
            const explained = explainGoogleError(error, context);
            if (repeatable || !explained.retryable || explained.kind === 'rate-limit')
              throw explained;
            throw new NotRepeated(explained);
          }
        },
        {
          baseMs: this.#retry.baseMs,
          capMs: this.#retry.capMs,
          deadline: Date.now() + this.#retry.budgetMs,
        },
      );
    } catch (error) {
      if (!(error instanceof NotRepeated)) throw error;
      throw new SyncError(error.error.kind, error.error.message, {
        status: error.error.status,
        action: `The change may or may not have been made: look at the sheet before running the command again. ${error.error.action}`,
        cause: error.error,
      });
    }
  }

  async tabs(): Promise<Tab[]> {
    const answer = await this.#call(() =>
      this.#session.sheets.spreadsheets.get({ spreadsheetId: this.id, fields: TAB_FIELDS }),
    );
    const parsed = SpreadsheetTabs.safeParse(answer.data);
    if (!parsed.success)
      throw new SyncError(
        'bad-response',
        'The Sheets API answered spreadsheets.get without its tabs.',
      );
    return parsed.data.sheets.map((sheet) => ({
      sheetId: sheet.properties.sheetId,
      title: sheet.properties.title,
      rowCount: sheet.properties.gridProperties?.rowCount ?? 0,
      columnCount: sheet.properties.gridProperties?.columnCount ?? 0,
      protectedRanges: (sheet.protectedRanges ?? []).map((p) => ({
        protectedRangeId: p.protectedRangeId,
        description: p.description ?? '',
      })),
      filterViews: (sheet.filterViews ?? []).map((f) => ({
        filterViewId: f.filterViewId,
        title: f.title ?? '',
      })),
      conditionalFormulas: (sheet.conditionalFormats ?? []).map((rule) => {
        const condition = rule.booleanRule?.condition;
        return condition?.type === 'CUSTOM_FORMULA'
          ? (condition.values?.[0]?.userEnteredValue ?? '')
          : '';
      }),
    }));
  }

  /** The named tab, or the first one; a missing tab is reported with the names there are. */
  /** The spreadsheet's locale ("en_GB"), which decides how its dates are written. */
  async locale(): Promise<string | null> {
    const answer = await this.#call(() =>
      this.#session.sheets.spreadsheets.get({
        spreadsheetId: this.id,
        fields: 'properties.locale',
      }),
    );
    return SpreadsheetLocale.safeParse(answer.data).data?.properties?.locale ?? null;
  }

  async tab(name: string | undefined): Promise<Tab> {
    const tabs = await this.tabs();
    const tab = name === undefined ? tabs[0] : tabs.find((t) => t.title === name);
    if (tab) return tab;
    const names = tabs.map((t) => `'${t.title}'`).join(', ') || 'none';
    throw new SyncError(
      'not-found',
      `The spreadsheet has no tab '${name}'. Its tabs are: ${names}.`,
      {
        action:
          "Pass --tab with the tab's name exactly as it is written on the tab (or leave --tab out for the first tab).",
      },
    );
  }

  /** The tab's cells exactly as the Worker reads them: formatted values, rows first. */
  async values(tab: Tab): Promise<TabValues> {
    const answer = await this.#call(() =>
      this.#session.sheets.spreadsheets.values.get({
        spreadsheetId: this.id,
        range: quoteTab(tab.title),
        majorDimension: 'ROWS',
        valueRenderOption: 'FORMATTED_VALUE',
        dateTimeRenderOption: 'FORMATTED_STRING',
      }),
    );
    const parsed = ValueRange.safeParse(answer.data);
    if (!parsed.success)
      throw new SyncError('bad-response', 'The Sheets API answered values.get without a range.');
    return {
      range: parsed.data.range,
      rows: (parsed.data.values ?? []).map((row) =>
        row.map((cell) => (cell === null ? '' : String(cell))),
      ),
      origin: rangeOrigin(parsed.data.range),
    };
  }

  /** Every note on the tab, by cell ("L2"). */
  async notes(tab: Tab): Promise<Map<string, string>> {
    const answer = await this.#call(() =>
      this.#session.sheets.spreadsheets.get({
        spreadsheetId: this.id,
        ranges: [quoteTab(tab.title)],
        // A field mask that reaches into the grid returns it (includeGridData is then ignored).
        fields: 'sheets(data(startRow,startColumn,rowData(values(note))))',
      }),
    );
    const parsed = GridNotes.safeParse(answer.data);
    if (!parsed.success)
      throw new SyncError(
        'bad-response',
        "The Sheets API answered spreadsheets.get without the tab's cells.",
      );
    const notes = new Map<string, string>();
    for (const grid of parsed.data.sheets[0]?.data ?? []) {
      (grid.rowData ?? []).forEach((row, r) => {
        (row.values ?? []).forEach((cell, c) => {
          if (cell.note)
            notes.set(
              cellName((grid.startRow ?? 0) + r + 1, (grid.startColumn ?? 0) + c),
              cell.note,
            );
        });
      });
    }
    return notes;
  }

  /** One atomic spreadsheets.batchUpdate; its replies, one per request. */
  async batchUpdate(
    requests: sheets_v4.Schema$Request[],
    repeatable: boolean,
  ): Promise<Record<string, unknown>[]> {
    const answer = await this.#call(
      () =>
        this.#session.sheets.spreadsheets.batchUpdate({
          spreadsheetId: this.id,
          requestBody: { requests },
        }),
      repeatable,
    );
    return BatchUpdateReply.parse(answer.data).replies;
  }

  /**
   * Writes rows from the range's top-left cell exactly as given: RAW, so nothing staff wrote is
   * read as a formula, a number or a date ("2.10" stays "2.10", "=1+1" stays text).
   */
  async writeValues(range: string, rows: readonly (readonly string[])[]): Promise<void> {
    await this.#call(() =>
      this.#session.sheets.spreadsheets.values.update({
        spreadsheetId: this.id,
        range,
        valueInputOption: 'RAW',
        requestBody: { range, majorDimension: 'ROWS', values: rectangular(rows) },
      }),
    );
  }

  async clearValues(range: string): Promise<void> {
    await this.#call(() =>
      this.#session.sheets.spreadsheets.values.clear({
        spreadsheetId: this.id,
        range,
        requestBody: {},
      }),
    );
  }
}

/** The spreadsheet a command names, opened with the credentials found and the access needed. */
export async function openSpreadsheet(
  target: SheetTarget,
  access: Access,
  env: SheetEnv,
): Promise<Spreadsheet> {
  const credentials = await findCredentials(target.keyFile, env);
  return new Spreadsheet(await openSession(credentials, access, env), target.spreadsheetId, env);
}
