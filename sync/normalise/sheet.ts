// A sheet's rows as text, its header row found, and the way back from a value to its A1 cell.

import { cellName, columnLetter, type Origin } from '../a1.ts';
import type { FindingLog } from './findings.ts';
import { type ColumnMap, type Field, headerScore, mapColumns, REQUIRED_FIELDS } from './headers.ts';
import { type Cell, cellText, quoted } from './text.ts';

/** How far down a title block may push the header row. */
const HEADER_SEARCH_ROWS = 30;
/** Fewer named columns than this and a row is not a header, just a row with a word in it. */
const MIN_HEADER_SCORE = 3;
/** A row naming this many columns is the header beyond doubt: no need to read further down. */
const SURE_HEADER_SCORE = 6;

/** What a column is called in messages: the canonical header of data/matrix.csv. */
export const FIELD_NAMES: Record<Field, string> = {
  number: 'Recommendation #',
  pillar: 'Pillar',
  criterion: 'Evaluation criterion',
  evaluationNumber: 'Evaluation recommendation #',
  linked: 'Linked recommendations',
  text: 'Recommendation',
  responsible: 'Responsible unit(s)',
  support: 'Support from',
  response: 'Management response',
  responseComment: 'Management response comments',
  keyActions: 'Key actions',
  dueDate: 'Due date',
};

export class Sheet {
  readonly rows: string[][];
  readonly origin: Origin;
  headerIndex = -1;
  columns: ColumnMap = { fields: {}, rounds: [], unknown: [], duplicates: [] };

  constructor(input: readonly (readonly Cell[])[], origin: Origin = { row: 0, column: 0 }) {
    // A row the API sent as something other than an array is read as empty, never thrown on.
    this.rows = input.map((row) => (Array.isArray(row) ? row.map(cellText) : []));
    this.origin = origin;
  }

  /** The 1-based sheet row of a row index. */
  rowNumber(index: number): number {
    return this.origin.row + index + 1;
  }

  at(index: number, column: number): string {
    return cellName(this.rowNumber(index), this.origin.column + column);
  }

  columnName(column: number): string {
    return columnLetter(this.origin.column + column);
  }

  get(row: readonly string[], field: Field): string {
    const column = this.columns.fields[field];
    return column === undefined ? '' : (row[column] ?? '');
  }

  /** The cell of a field in a row given by index; null when the sheet has no such column. */
  cellOf(index: number, field: Field): string | null {
    const column = this.columns.fields[field];
    return column === undefined ? null : this.at(index, column);
  }

  /** The same, by 1-based sheet row. */
  cellAtRow(rowNumber: number, field: Field): string | null {
    return this.cellOf(rowNumber - this.origin.row - 1, field);
  }

  static isBlank(row: readonly string[]): boolean {
    return row.every((c) => c === '');
  }

  /**
   * Finds the header row and maps its columns, reporting what a person must fix. Returns false on
   * a structural error: then nothing below the header can be trusted.
   */
  readHeader(log: FindingLog): boolean {
    if (this.rows.every(Sheet.isBlank)) {
      log.report(
        'error',
        'empty-sheet',
        'The sheet is empty: there is no header row and no recommendation.',
        null,
        null,
      );
      return false;
    }
    let bestScore = 0;
    for (let i = 0; i < Math.min(this.rows.length, HEADER_SEARCH_ROWS); i++) {
      const score = headerScore(this.rows[i]!);
      if (score > bestScore) {
        bestScore = score;
        this.headerIndex = i;
      }
      if (bestScore >= SURE_HEADER_SCORE) break;
    }
    if (bestScore < MIN_HEADER_SCORE) {
      log.report(
        'error',
        'header-not-found',
        `No header row in the first ${HEADER_SEARCH_ROWS} rows: expected a row naming columns such as 'Recommendation #', 'Pillar', 'Evaluation criterion', 'Responsible unit(s)' and 'Management response'.`,
        null,
        null,
      );
      return false;
    }
    const header = this.rows[this.headerIndex]!;
    this.columns = mapColumns(header);
    const range = this.headerRange();
    const row = this.rowNumber(this.headerIndex);
    const before = log.count;
    for (const field of REQUIRED_FIELDS.filter((f) => this.columns.fields[f] === undefined)) {
      log.report(
        'error',
        'missing-column',
        `The header row (row ${row}) has no '${FIELD_NAMES[field]}' column. Add it back (or restore its name); until then the sheet cannot be read and the last good data stays on the dashboard.`,
        null,
        range,
      );
    }
    if (
      this.columns.fields.criterion === undefined &&
      this.columns.fields.evaluationNumber === undefined
    ) {
      log.report(
        'error',
        'missing-column',
        `The header row (row ${row}) has neither an 'Evaluation criterion' nor an 'Evaluation recommendation #' column; one of them is needed to place each recommendation under a criterion.`,
        null,
        range,
      );
    }
    if (log.count > before) return false;
    this.reportColumns(log);
    return true;
  }

  headerRange(): string {
    const width = Math.max(1, this.rows[this.headerIndex]?.length ?? 1);
    return `${this.at(this.headerIndex, 0)}:${this.at(this.headerIndex, width - 1)}`;
  }

  private reportColumns(log: FindingLog) {
    const { unknown, duplicates, rounds } = this.columns;
    for (const { column, header } of unknown) {
      log.report(
        'info',
        'unknown-column',
        `Column ${this.columnName(column)} (${quoted(header)}) is not part of the matrix, so it is ignored.`,
        null,
        this.at(this.headerIndex, column),
      );
    }
    for (const { column, header, name } of duplicates) {
      log.report(
        'warning',
        'duplicate-column',
        `Column ${this.columnName(column)} (${quoted(header)}) is a second '${name}' column; only the first one is read.`,
        null,
        this.at(this.headerIndex, column),
      );
    }
    if (rounds.length === 0) {
      log.report(
        'warning',
        'no-rounds',
        "No monitoring round columns (headers such as 'Implementation monitoring status (Time 2)'), so every recommendation is unreported.",
        null,
        this.headerRange(),
      );
    }
    for (const round of rounds.filter((r) => r.status === null)) {
      log.report(
        'warning',
        'round-without-status',
        `${round.label} has a comments column but no status column, so every recommendation is unreported for ${round.label}.`,
        null,
        this.headerRange(),
      );
    }
  }
}
