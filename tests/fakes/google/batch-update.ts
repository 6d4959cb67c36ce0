// Sheets v4 spreadsheets.batchUpdate, applied to the fake's model the way Google does: every
// request is validated in order against the sheet as the earlier ones left it, and nothing is kept
// unless all of them apply (Google's batches are atomic).
import { randomInt } from 'node:crypto';
import type { sheets_v4 } from 'googleapis/build/src/apis/sheets/v4.js';
import { z } from 'zod';
import { columnLetter } from '../../../sync/a1.ts';
import { parseFieldMask, selects } from './fields.ts';
import { type FakeSpreadsheet, type FakeTab, newTab, quoteTab } from './model.ts';

/** A request Google would answer with 400 INVALID_ARGUMENT. */
export class BadRequest extends Error {}

const GridRange = z.object({
  sheetId: z.number().int().default(0),
  startRowIndex: z.number().int().nonnegative().optional(),
  endRowIndex: z.number().int().nonnegative().optional(),
  startColumnIndex: z.number().int().nonnegative().optional(),
  endColumnIndex: z.number().int().nonnegative().optional(),
});

const DimensionRange = z.object({
  sheetId: z.number().int().default(0),
  dimension: z.enum(['ROWS', 'COLUMNS']),
  startIndex: z.number().int().nonnegative().optional(),
  endIndex: z.number().int().nonnegative().optional(),
});

const CellData = z
  .object({
    note: z.string().optional(),
    userEnteredValue: z
      .object({
        stringValue: z.string().optional(),
        numberValue: z.number().optional(),
        boolValue: z.boolean().optional(),
      })
      .optional(),
  })
  .loose();

const BatchUpdateBody = z.object({
  requests: z.array(z.record(z.string(), z.unknown())).min(1),
});

/** Request kinds the fake accepts and checks the ranges of, but whose effect it does not model. */
const RECORDED_ONLY = [
  'repeatCell',
  'updateDimensionProperties',
  'setDataValidation',
  'autoResizeDimensions',
  'setBasicFilter',
] as const;

type Handler = (sheet: FakeSpreadsheet, request: unknown) => sheets_v4.Schema$Response | undefined;

function tabById(sheet: FakeSpreadsheet, sheetId: number): FakeTab {
  const tab = sheet.tabs.find((t) => t.sheetId === sheetId);
  if (!tab) throw new BadRequest(`No grid with id: ${sheetId}`);
  return tab;
}

/** A GridRange on its tab, open ends closed at the grid's edge, refused when it leaves the grid. */
function windowOf(sheet: FakeSpreadsheet, input: unknown) {
  const range = GridRange.parse(input);
  const tab = tabById(sheet, range.sheetId);
  const window = {
    tab,
    firstRow: range.startRowIndex ?? 0,
    endRow: range.endRowIndex ?? tab.rowCount,
    firstColumn: range.startColumnIndex ?? 0,
    endColumn: range.endColumnIndex ?? tab.columnCount,
  };
  if (window.endRow > tab.rowCount || window.endColumn > tab.columnCount) {
    const a1 = `${quoteTab(tab.title)}!${columnLetter(window.firstColumn)}${window.firstRow + 1}:${columnLetter(window.endColumn - 1)}${window.endRow}`;
    throw new BadRequest(
      `Range (${a1}) exceeds grid limits. Max rows: ${tab.rowCount}, max columns: ${tab.columnCount}`,
    );
  }
  if (window.firstRow > window.endRow || window.firstColumn > window.endColumn)
    throw new BadRequest('The range start must not be after its end.');
  return window;
}

function setCell<T>(grid: T[][], row: number, column: number, value: T, empty: T) {
  while (grid.length <= row) grid.push([]);
  grid[row] ??= [];
  const cells = grid[row];
  while (cells.length < column) cells.push(empty);
  cells[column] = value;
}

function cellValue(value: z.infer<typeof CellData>['userEnteredValue']): string | number | boolean {
  return value?.stringValue ?? value?.numberValue ?? value?.boolValue ?? '';
}

const newId = () => randomInt(1, 2 ** 31 - 1);

const HANDLERS: Record<string, Handler> = {
  addSheet(sheet, request) {
    const { properties = {} } = z
      .object({
        properties: z
          .object({
            sheetId: z.number().int().nonnegative().optional(),
            title: z.string().optional(),
            gridProperties: z
              .object({
                rowCount: z.number().int().positive(),
                columnCount: z.number().int().positive(),
              })
              .partial()
              .optional(),
          })
          .optional(),
      })
      .parse(request);
    const title = properties.title ?? `Sheet${sheet.tabs.length + 1}`;
    if (sheet.tabs.some((t) => t.title === title))
      throw new BadRequest(
        `A sheet with the name "${title}" already exists. Please enter another name.`,
      );
    const sheetId = properties.sheetId ?? newId();
    if (sheet.tabs.some((t) => t.sheetId === sheetId))
      throw new BadRequest(`A sheet with the id ${sheetId} already exists.`);
    const tab = newTab({
      sheetId,
      title,
      rowCount: properties.gridProperties?.rowCount ?? 1000,
      columnCount: properties.gridProperties?.columnCount ?? 26,
    });
    sheet.tabs.push(tab);
    return { addSheet: { properties: tabProperties(tab, sheet.tabs.length - 1) } };
  },

  updateSheetProperties(sheet, request) {
    const { properties, fields } = z
      .object({
        properties: z.object({
          sheetId: z.number().int().default(0),
          title: z.string().optional(),
          gridProperties: z.object({ frozenRowCount: z.number().int().nonnegative() }).partial(),
        }),
        fields: z.string(),
      })
      .parse(request);
    const tab = tabById(sheet, properties.sheetId);
    const mask = fields === '*' ? null : parseFieldMask(fields);
    if (selects(mask, 'title') && properties.title) tab.title = properties.title;
    if (selects(mask, 'gridProperties.frozenRowCount'))
      tab.frozenRowCount = properties.gridProperties.frozenRowCount ?? 0;
    return undefined;
  },

  updateCells(sheet, request) {
    const input = z
      .object({
        range: z.unknown().optional(),
        start: z
          .object({
            sheetId: z.number().int().default(0),
            rowIndex: z.number().int().nonnegative().default(0),
            columnIndex: z.number().int().nonnegative().default(0),
          })
          .optional(),
        rows: z.array(z.object({ values: z.array(CellData).default([]) })).default([]),
        fields: z.string(),
      })
      .parse(request);
    if ((input.range === undefined) === (input.start === undefined))
      throw new BadRequest('Exactly one of range or start must be set.');
    const window = input.start
      ? windowOf(sheet, {
          sheetId: input.start.sheetId,
          startRowIndex: input.start.rowIndex,
          endRowIndex: input.start.rowIndex + input.rows.length,
          startColumnIndex: input.start.columnIndex,
          endColumnIndex:
            input.start.columnIndex + Math.max(0, ...input.rows.map((r) => r.values.length)),
        })
      : windowOf(sheet, input.range);
    const mask = input.fields === '*' ? null : parseFieldMask(input.fields);
    const { tab } = window;
    // Cells of the range that the rows do not reach are cleared of the masked fields.
    for (let row = window.firstRow; row < window.endRow; row++) {
      for (let column = window.firstColumn; column < window.endColumn; column++) {
        const cell = input.rows[row - window.firstRow]?.values[column - window.firstColumn] ?? {};
        if (selects(mask, 'note')) setCell(tab.notes, row, column, cell.note ?? '', '');
        if (selects(mask, 'userEnteredValue'))
          setCell(tab.rows, row, column, cellValue(cell.userEnteredValue), '');
      }
    }
    return undefined;
  },

  insertDimension(sheet, request) {
    const { range, inheritFromBefore } = z
      .object({ range: DimensionRange, inheritFromBefore: z.boolean().default(false) })
      .parse(request);
    const tab = tabById(sheet, range.sheetId);
    const columns = range.dimension === 'COLUMNS';
    const count = columns ? tab.columnCount : tab.rowCount;
    const start = range.startIndex ?? 0;
    const end = range.endIndex ?? start;
    if (end <= start) throw new BadRequest('The dimension range must not be empty.');
    if (start > count)
      throw new BadRequest(`Cannot insert at index ${start}: the grid has ${count}.`);
    if (inheritFromBefore && start === 0)
      throw new BadRequest('Cannot inherit from before the first row or column.');
    const n = end - start;
    if (columns) {
      for (const grid of [tab.rows, tab.notes] as (string | number | boolean)[][][])
        for (const cells of grid)
          if (cells && cells.length > start) cells.splice(start, 0, ...Array<string>(n).fill(''));
      tab.columnCount += n;
    } else {
      for (const grid of [tab.rows, tab.notes] as (string | number | boolean)[][][])
        if (grid.length > start) grid.splice(start, 0, ...Array.from({ length: n }, () => []));
      tab.rowCount += n;
    }
    return undefined;
  },

  appendDimension(sheet, request) {
    const { sheetId, dimension, length } = z
      .object({
        sheetId: z.number().int().default(0),
        dimension: z.enum(['ROWS', 'COLUMNS']),
        length: z.number().int().positive(),
      })
      .parse(request);
    const tab = tabById(sheet, sheetId);
    if (dimension === 'COLUMNS') tab.columnCount += length;
    else tab.rowCount += length;
    return undefined;
  },

  addProtectedRange(sheet, request) {
    const { protectedRange } = z
      .object({ protectedRange: z.object({ range: z.unknown() }).loose() })
      .parse(request);
    const { tab } = windowOf(sheet, protectedRange.range);
    // Kept as the client sent it (the client's types are Google's), with the id Google assigns.
    const added = {
      ...protectedRange,
      protectedRangeId: newId(),
    } as sheets_v4.Schema$ProtectedRange;
    tab.protectedRanges.push(added);
    return { addProtectedRange: { protectedRange: added } };
  },

  deleteProtectedRange(sheet, request) {
    const { protectedRangeId } = z.object({ protectedRangeId: z.number().int() }).parse(request);
    const tab = sheet.tabs.find((t) =>
      t.protectedRanges.some((p) => p.protectedRangeId === protectedRangeId),
    );
    if (!tab) throw new BadRequest(`No protected range with id: ${protectedRangeId}`);
    tab.protectedRanges = tab.protectedRanges.filter(
      (p) => p.protectedRangeId !== protectedRangeId,
    );
    return undefined;
  },

  addFilterView(sheet, request) {
    const { filter } = z
      .object({ filter: z.object({ range: z.unknown() }).loose() })
      .parse(request);
    const { tab } = windowOf(sheet, filter.range);
    const added = { ...filter, filterViewId: newId() } as sheets_v4.Schema$FilterView;
    tab.filterViews.push(added);
    return { addFilterView: { filter: added } };
  },

  deleteFilterView(sheet, request) {
    const { filterId } = z.object({ filterId: z.number().int() }).parse(request);
    const tab = sheet.tabs.find((t) => t.filterViews.some((f) => f.filterViewId === filterId));
    if (!tab) throw new BadRequest(`No filter view with id: ${filterId}`);
    tab.filterViews = tab.filterViews.filter((f) => f.filterViewId !== filterId);
    return undefined;
  },

  addConditionalFormatRule(sheet, request) {
    const { rule, index } = z
      .object({
        rule: z.object({ ranges: z.array(z.unknown()).min(1) }).loose(),
        index: z.number().int().nonnegative().default(0),
      })
      .parse(request);
    const tabs = new Set(rule.ranges.map((r) => windowOf(sheet, r).tab));
    if (tabs.size !== 1) throw new BadRequest('All ranges of a rule must be on the same sheet.');
    const [tab] = [...tabs];
    if (index > tab!.conditionalFormats.length)
      throw new BadRequest(
        `Index ${index} is past the sheet's ${tab!.conditionalFormats.length} rules.`,
      );
    tab!.conditionalFormats.splice(index, 0, rule as sheets_v4.Schema$ConditionalFormatRule);
    return undefined;
  },

  deleteConditionalFormatRule(sheet, request) {
    const { sheetId, index } = z
      .object({ sheetId: z.number().int().default(0), index: z.number().int().nonnegative() })
      .parse(request);
    const tab = tabById(sheet, sheetId);
    const [rule] = tab.conditionalFormats.splice(index, 1);
    if (!rule) throw new BadRequest(`No conditional format rule at index ${index}.`);
    return { deleteConditionalFormatRule: { rule } };
  },

  ...Object.fromEntries(
    RECORDED_ONLY.map((kind): [string, Handler] => [
      kind,
      (sheet, request) => {
        const { range } = z.object({ range: z.unknown().optional() }).parse(request);
        if (range !== undefined) {
          const dimension = DimensionRange.safeParse(range);
          if (dimension.success) tabById(sheet, dimension.data.sheetId);
          else windowOf(sheet, range);
        }
        return undefined;
      },
    ]),
  ),
};

/** The properties of a tab as spreadsheets.get and addSheet's reply give them. */
export function tabProperties(tab: FakeTab, index: number): sheets_v4.Schema$SheetProperties {
  return {
    sheetId: tab.sheetId,
    title: tab.title,
    index,
    sheetType: 'GRID',
    gridProperties: {
      rowCount: tab.rowCount,
      columnCount: tab.columnCount,
      ...(tab.frozenRowCount ? { frozenRowCount: tab.frozenRowCount } : {}),
    },
  };
}

/**
 * Applies a batchUpdate body to a copy of the spreadsheet. Returns the changed copy and the
 * replies (one per request, `{}` for requests Google gives no reply to), or throws BadRequest.
 */
export function applyBatchUpdate(
  spreadsheet: FakeSpreadsheet,
  body: unknown,
): { updated: FakeSpreadsheet; replies: sheets_v4.Schema$Response[] } {
  const parsed = BatchUpdateBody.safeParse(body);
  if (!parsed.success) throw new BadRequest('Invalid JSON payload: requests[] must be set.');
  const updated = structuredClone(spreadsheet);
  const replies = parsed.data.requests.map((request, i) => {
    const kinds = Object.keys(request);
    if (kinds.length !== 1)
      throw new BadRequest(`Invalid requests[${i}]: exactly one kind of request must be set.`);
    const kind = kinds[0]!;
    const handler = HANDLERS[kind];
    if (!handler)
      throw new BadRequest(
        `Invalid JSON payload received. Unknown name "${kind}" at 'requests[${i}]': Cannot find field.`,
      );
    try {
      return handler(updated, request[kind]) ?? {};
    } catch (error) {
      const reason =
        error instanceof z.ZodError
          ? error.issues.map((e) => `${e.path.join('.')}: ${e.message}`).join('; ')
          : (error as Error).message;
      throw new BadRequest(`Invalid requests[${i}].${kind}: ${reason}`);
    }
  });
  return { updated, replies };
}
