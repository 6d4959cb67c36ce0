// Reading a spreadsheet's values and tab list through the Sheets API v4 REST contract.
// googleapis supplies the types; its runtime is far too big for a Worker, so calls go through fetch.
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets/v4.js';
import { z } from 'zod';
import { SyncError } from '../errors.ts';
import type { Cell } from '../normalise/index.ts';
import { type CallContext, type FetchOptions, googleJson } from './http.ts';

/** values.get's ValueRange: `range` is the whole requested range, values start at its top-left. */
const ValueRange = z.object({
  range: z.string(),
  majorDimension: z.string().optional(),
  values: z.array(z.array(z.union([z.string(), z.number(), z.boolean(), z.null()]))).optional(),
}) satisfies z.ZodType<Pick<sheets_v4.Schema$ValueRange, 'range' | 'majorDimension'>>;

const SpreadsheetMeta = z.object({
  properties: z.object({ title: z.string(), locale: z.string() }).partial().optional(),
  sheets: z
    .array(
      z.object({
        properties: z.object({
          sheetId: z.number(),
          title: z.string(),
          index: z.number().optional(),
        }),
      }),
    )
    .optional(),
});

export interface SheetsClientOptions extends FetchOptions {
  /** Base URL of the Sheets API, e.g. https://sheets.googleapis.com. */
  baseUrl: string;
  token: string;
}

export async function getValues(
  spreadsheetId: string,
  range: string,
  context: CallContext,
  options: SheetsClientOptions,
): Promise<{ range: string; values: Cell[][] }> {
  const params = new URLSearchParams({
    majorDimension: 'ROWS',
    valueRenderOption: 'FORMATTED_VALUE',
    dateTimeRenderOption: 'FORMATTED_STRING',
  });
  const url = `${options.baseUrl.replace(/\/$/, '')}/v4/spreadsheets/${encodeURIComponent(spreadsheetId)}/values/${encodeURIComponent(range)}?${params}`;
  const json = await googleJson(
    url,
    { headers: { authorization: `Bearer ${options.token}` } },
    context,
    options,
  );
  const parsed = ValueRange.safeParse(json);
  if (!parsed.success) {
    throw new SyncError(
      'bad-response',
      'The Sheets API answered values.get without a range of values.',
    );
  }
  return { range: parsed.data.range, values: parsed.data.values ?? [] };
}

export interface SpreadsheetTabs {
  title: string | null;
  /** The spreadsheet's locale ("en_GB"): it decides whether 03/04 is March or April. */
  locale: string | null;
  tabs: { sheetId: number; title: string }[];
}

/** The spreadsheet's title and tabs (for the dashboard's title and links to a cell's tab). */
export async function getSpreadsheetMeta(
  spreadsheetId: string,
  context: CallContext,
  options: SheetsClientOptions,
): Promise<SpreadsheetTabs> {
  const fields = encodeURIComponent(
    'properties(title,locale),sheets.properties(sheetId,title,index)',
  );
  const url = `${options.baseUrl.replace(/\/$/, '')}/v4/spreadsheets/${encodeURIComponent(spreadsheetId)}?fields=${fields}`;
  const json = await googleJson(
    url,
    { headers: { authorization: `Bearer ${options.token}` } },
    context,
    options,
  );
  const parsed = SpreadsheetMeta.safeParse(json);
  if (!parsed.success)
    throw new SyncError(
      'bad-response',
      'The Sheets API answered spreadsheets.get without its tabs.',
    );
  return {
    title: parsed.data.properties?.title ?? null,
    locale: parsed.data.properties?.locale ?? null,
    tabs: (parsed.data.sheets ?? []).map((s) => ({
      sheetId: s.properties.sheetId,
      title: s.properties.title,
    })),
  };
}
