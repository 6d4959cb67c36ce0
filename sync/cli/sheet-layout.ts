// The matrix tab's layout as Sheets API requests: frozen and protected header, column widths and
// wrapping, dropdowns, the highlight on missing statuses, a filter view per pillar. Pure functions
// of where the columns are, so every request can be checked without a sheet.
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets/v4.js';
import { PILLARS, RESPONSES, TYPED_STATUSES } from '../../data/vocabulary.ts';
import { columnLetter } from '../a1.ts';
import type { Field, RoundColumns } from '../normalise/headers.ts';

type Request = sheets_v4.Schema$Request;

/** Where the matrix sits on its tab, in 0-based sheet coordinates. */
export interface MatrixLayout {
  sheetId: number;
  headerRow: number;
  /** One past the last header column. */
  width: number;
  fields: Partial<Record<Field, number>>;
  rounds: RoundColumns[];
}

/** How the header is told apart from staff's own protections, so `init --force` can replace it. */
export const HEADER_PROTECTION =
  'Matrix header: the sync finds each column by its name here (set by `npm run sheet -- init`).';

/** Headers of a new round's columns, in the words of the matrix's own (data/matrix.csv). */
export function roundHeaders(time: number): { status: string; comment: string } {
  return {
    status: `Implementation monitoring status – discarded/open/completed (Time ${time})`,
    comment: `Comments on implementation status (Time ${time})`,
  };
}

/** Column widths in pixels: long text wide, codes and dropdowns narrow. */
const FIELD_WIDTHS: Record<Field, number> = {
  number: 90,
  pillar: 180,
  criterion: 130,
  evaluationNumber: 110,
  linked: 120,
  text: 380,
  responsible: 130,
  support: 160,
  response: 140,
  responseComment: 260,
  keyActions: 380,
  dueDate: 110,
};
const ROUND_WIDTHS = { status: 150, comment: 280 } as const;

/** Rows below the header, unbounded, so rows staff add later are covered too. */
const dataRows = (layout: MatrixLayout, column: number): sheets_v4.Schema$GridRange => ({
  sheetId: layout.sheetId,
  startRowIndex: layout.headerRow + 1,
  startColumnIndex: column,
  endColumnIndex: column + 1,
});

export function frozenHeader(layout: MatrixLayout): Request {
  return {
    updateSheetProperties: {
      properties: {
        sheetId: layout.sheetId,
        gridProperties: { frozenRowCount: layout.headerRow + 1 },
      },
      fields: 'gridProperties.frozenRowCount',
    },
  };
}

/**
 * The header row, warning only: renaming a column silently breaks the sync, so Sheets asks
 * "are you sure?" first, yet a coordinator can still fix a typo. No column bounds, so columns
 * added later (add-round) are covered too.
 */
export function protectedHeader(layout: MatrixLayout): Request {
  return {
    addProtectedRange: {
      protectedRange: {
        range: {
          sheetId: layout.sheetId,
          startRowIndex: layout.headerRow,
          endRowIndex: layout.headerRow + 1,
        },
        description: HEADER_PROTECTION,
        warningOnly: true,
      },
    },
  };
}

export function columnWidth(sheetId: number, column: number, pixelSize: number): Request {
  return {
    updateDimensionProperties: {
      range: { sheetId, dimension: 'COLUMNS', startIndex: column, endIndex: column + 1 },
      properties: { pixelSize },
      fields: 'pixelSize',
    },
  };
}

/** Long text wraps and every cell starts at the top, so a row reads as one recommendation. */
export function wrappedColumns(layout: MatrixLayout, from: number, to: number): Request {
  return {
    repeatCell: {
      range: {
        sheetId: layout.sheetId,
        startRowIndex: layout.headerRow,
        startColumnIndex: from,
        endColumnIndex: to,
      },
      cell: { userEnteredFormat: { wrapStrategy: 'WRAP', verticalAlignment: 'TOP' } },
      fields: 'userEnteredFormat(wrapStrategy,verticalAlignment)',
    },
  };
}

const BOLD = { textFormat: { bold: true } };

function boldHeader(layout: MatrixLayout): Request {
  return {
    repeatCell: {
      range: {
        sheetId: layout.sheetId,
        startRowIndex: layout.headerRow,
        endRowIndex: layout.headerRow + 1,
      },
      cell: { userEnteredFormat: BOLD },
      fields: 'userEnteredFormat.textFormat.bold',
    },
  };
}

/** A strict dropdown: Sheets offers the values and rejects anything else typed into the column. */
function dropdown(layout: MatrixLayout, column: number, values: readonly string[]): Request {
  return {
    setDataValidation: {
      range: dataRows(layout, column),
      rule: {
        condition: { type: 'ONE_OF_LIST', values: values.map((v) => ({ userEnteredValue: v })) },
        strict: true,
        showCustomUi: true,
        inputMessage: `Choose ${values.slice(0, -1).join(', ')} or ${values.at(-1)}.`,
      },
    },
  };
}

export const responseDropdown = (layout: MatrixLayout, column: number) =>
  dropdown(
    layout,
    column,
    RESPONSES.map((r) => r.label),
  );

export const statusDropdown = (layout: MatrixLayout, column: number) =>
  dropdown(layout, column, TYPED_STATUSES);

/**
 * The highlight on a missing status. A round is "in progress" once any recommendation has a
 * status in its column: from then on, every recommendation row (one with a number) still blank in
 * that column is highlighted, until the round is complete. A round nobody has started stays plain,
 * so adding a round does not paint a whole column.
 */
export function missingStatusFormula(layout: MatrixLayout, statusColumn: number): string {
  const number = columnLetter(layout.fields.number ?? 0);
  const status = columnLetter(statusColumn);
  const first = layout.headerRow + 2;
  return `=AND($${number}${first}<>"", ISBLANK(${status}${first}), COUNTA(${status}$${first}:${status})>0)`;
}

/** Whether a conditional format formula is one `missingStatusHighlight` made (any columns). */
export function isMissingStatusFormula(formula: string): boolean {
  return /^=AND\(\$[A-Z]+\d+<>"", ISBLANK\(([A-Z]+)(\d+)\), COUNTA\(\1\$\2:\1\)>0\)$/.test(formula);
}

/** Soft amber: noticeable on a laptop screen without reading as an error. */
const MISSING_STATUS_COLOUR = { red: 1, green: 0.87, blue: 0.6 };

export function missingStatusHighlight(layout: MatrixLayout, statusColumn: number): Request {
  return {
    addConditionalFormatRule: {
      index: 0,
      rule: {
        ranges: [dataRows(layout, statusColumn)],
        booleanRule: {
          condition: {
            type: 'CUSTOM_FORMULA',
            values: [{ userEnteredValue: missingStatusFormula(layout, statusColumn) }],
          },
          format: { backgroundColorStyle: { rgbColor: MISSING_STATUS_COLOUR } },
        },
      },
    },
  };
}

export const pillarViewTitle = (pillar: (typeof PILLARS)[number]) =>
  `Pillar ${pillar.key}: ${pillar.name}`;

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A filter view showing one pillar's rows. The Pillar column holds "Pillar 1: …", "1" or a name
 * (any of the names the normaliser accepts), so the view matches each of those, ignoring case.
 */
export function pillarFilterView(layout: MatrixLayout, pillar: (typeof PILLARS)[number]): Request {
  const column = layout.fields.pillar ?? 0;
  const names = [pillar.name, ...pillar.aliases].map((n) => escapeRegex(n.toLowerCase()));
  const pattern = `(?i)^\\s*(pillar\\s*)?(${pillar.key}\\b|${names.join('|')})`;
  return {
    addFilterView: {
      filter: {
        title: pillarViewTitle(pillar),
        range: { sheetId: layout.sheetId, startRowIndex: layout.headerRow },
        filterSpecs: [
          {
            columnIndex: column,
            filterCriteria: {
              condition: {
                type: 'CUSTOM_FORMULA',
                values: [
                  {
                    userEnteredValue: `=REGEXMATCH(TO_TEXT($${columnLetter(column)}${layout.headerRow + 2}), "${pattern}")`,
                  },
                ],
              },
            },
          },
        ],
      },
    },
  };
}

/** The widths of every column the matrix knows, by what it holds. */
function columnWidths(layout: MatrixLayout): Request[] {
  const widths: Request[] = [];
  for (const [field, column] of Object.entries(layout.fields) as [Field, number][])
    widths.push(columnWidth(layout.sheetId, column, FIELD_WIDTHS[field]));
  for (const round of layout.rounds) {
    if (round.status !== null)
      widths.push(columnWidth(layout.sheetId, round.status, ROUND_WIDTHS.status));
    if (round.comment !== null)
      widths.push(columnWidth(layout.sheetId, round.comment, ROUND_WIDTHS.comment));
  }
  return widths;
}

/** Everything `init` sets up on the matrix tab, in one batch. */
export function layoutRequests(layout: MatrixLayout): Request[] {
  const requests: Request[] = [
    frozenHeader(layout),
    protectedHeader(layout),
    boldHeader(layout),
    wrappedColumns(layout, 0, layout.width),
    ...columnWidths(layout),
  ];
  if (layout.fields.response !== undefined)
    requests.push(responseDropdown(layout, layout.fields.response));
  for (const round of layout.rounds) {
    if (round.status === null) continue;
    requests.push(
      statusDropdown(layout, round.status),
      missingStatusHighlight(layout, round.status),
    );
  }
  for (const pillar of PILLARS) requests.push(pillarFilterView(layout, pillar));
  return requests;
}

/**
 * A new round's two columns at `at` (status, then comments): inserted, or appended at the grid's
 * edge, headed, sized and wrapped like the others, with the status dropdown and highlight.
 */
export function newRoundRequests(
  layout: MatrixLayout,
  time: number,
  at: number,
  columnCount: number,
): Request[] {
  const headers = roundHeaders(time);
  const room: Request =
    at < columnCount
      ? {
          insertDimension: {
            range: {
              sheetId: layout.sheetId,
              dimension: 'COLUMNS',
              startIndex: at,
              endIndex: at + 2,
            },
            // Take the format of the round before (the comments column), not of what follows.
            inheritFromBefore: at > 0,
          },
        }
      : { appendDimension: { sheetId: layout.sheetId, dimension: 'COLUMNS', length: 2 } };
  return [
    room,
    {
      updateCells: {
        range: {
          sheetId: layout.sheetId,
          startRowIndex: layout.headerRow,
          endRowIndex: layout.headerRow + 1,
          startColumnIndex: at,
          endColumnIndex: at + 2,
        },
        rows: [
          {
            values: [
              { userEnteredValue: { stringValue: headers.status }, userEnteredFormat: BOLD },
              { userEnteredValue: { stringValue: headers.comment }, userEnteredFormat: BOLD },
            ],
          },
        ],
        fields: 'userEnteredValue,userEnteredFormat.textFormat.bold',
      },
    },
    columnWidth(layout.sheetId, at, ROUND_WIDTHS.status),
    columnWidth(layout.sheetId, at + 1, ROUND_WIDTHS.comment),
    wrappedColumns(layout, at, at + 2),
    statusDropdown(layout, at),
    missingStatusHighlight(layout, at),
  ];
}
