// A Google Sheet read with the service account: Drive for the version, Sheets for the values.
import { rangeOrigin } from '../a1.ts';
import { SyncError } from '../errors.ts';
import { getFileVersion } from '../google/drive.ts';
import type { CallContext, FetchOptions } from '../google/http.ts';
import type { ServiceAccountKey } from '../google/service-account.ts';
import { getSpreadsheetMeta, getValues } from '../google/sheets.ts';
import { accessToken } from '../google/token.ts';
import { dateOrderOf } from '../normalise/dates.ts';
import type { SheetSource, SourceRows, SourceVersion } from './source.ts';

export interface GoogleSheetConfig extends FetchOptions {
  spreadsheetId: string;
  /** A tab name or an A1 range; empty for the first tab. */
  range: string;
  account: ServiceAccountKey;
  sheetsApi: string;
  driveApi: string;
}

/** "'My tab'!A1:Z" → "My tab"; "Matrix" → "Matrix"; "A1:Z" → null (no tab named). */
export function tabOfRange(range: string): string | null {
  const bang = range.lastIndexOf('!');
  const tab = bang === -1 ? range : range.slice(0, bang);
  if (bang === -1 && /^\$?[A-Za-z]{1,3}\$?\d*(:\$?[A-Za-z]{0,3}\$?\d*)?$/.test(tab)) return null;
  return tab.replace(/^'(.*)'$/, '$1').replace(/''/g, "'") || null;
}

const quoteTab = (title: string) => `'${title.replace(/'/g, "''")}'`;

export function googleSheetSource(config: GoogleSheetConfig): SheetSource {
  const context = (api: CallContext['api']): CallContext => ({
    api,
    spreadsheetId: config.spreadsheetId,
    range: config.range,
    clientEmail: config.account.client_email,
    ...(config.account.project_id ? { projectId: config.account.project_id } : {}),
  });
  const fetchOptions: FetchOptions = {
    ...(config.fetch ? { fetch: config.fetch } : {}),
    ...(config.timeoutMs ? { timeoutMs: config.timeoutMs } : {}),
  };
  const token = () => accessToken(config.account, undefined, fetchOptions);

  return {
    kind: 'google-sheet',
    id: config.spreadsheetId,
    async version(): Promise<SourceVersion> {
      return getFileVersion(config.spreadsheetId, context('Google Drive API'), {
        ...fetchOptions,
        baseUrl: config.driveApi,
        token: await token(),
      });
    },
    async read(): Promise<SourceRows> {
      const options = { ...fetchOptions, baseUrl: config.sheetsApi, token: await token() };
      // The tab list names the first tab when no range is set, and gives the tab's id for links.
      const meta = await getSpreadsheetMeta(
        config.spreadsheetId,
        context('Google Sheets API'),
        options,
      );
      const wanted = tabOfRange(config.range);
      const tab = wanted === null ? meta.tabs[0] : meta.tabs.find((t) => t.title === wanted);
      if (!tab) {
        const names = meta.tabs.map((t) => `'${t.title}'`).join(', ') || 'none';
        throw new SyncError(
          'not-found',
          `The spreadsheet has no tab '${wanted}'. Its tabs are: ${names}.`,
          {
            action:
              "Set SHEET_RANGE to the tab's name exactly as on its tab, or leave it empty for the first tab.",
          },
        );
      }
      const range =
        config.range === ''
          ? quoteTab(tab.title)
          : wanted === null
            ? `${quoteTab(tab.title)}!${config.range}`
            : config.range;
      const values = await getValues(
        config.spreadsheetId,
        range,
        context('Google Sheets API'),
        options,
      );
      return {
        rows: values.values,
        origin: rangeOrigin(values.range),
        range: values.range,
        title: meta.title,
        gid: tab.sheetId,
        dateOrder: dateOrderOf(meta.locale),
      };
    },
  };
}
