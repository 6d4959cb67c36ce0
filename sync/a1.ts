// A1 notation: how a person finds a cell in a spreadsheet ("J29").

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "J" → 9. Returns -1 for anything that is not a column name. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A cell by 1-based sheet row and 0-based column. */
export function cellName(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** Where a values range starts, 0-based, e.g. "Matrix!B3:Q80" → { row: 2, column: 1 }. */
export interface Origin {
  row: number;
  column: number;
}

/**
 * Reads the top-left corner of an A1 range as the Sheets API returns it ("'My tab'!B3:Q80",
 * "Sheet1", "A1:Z"). A bare tab name starts at A1.
 */
export function rangeOrigin(range: string): Origin {
  const bang = range.lastIndexOf('!');
  const ref = bang === -1 ? range : range.slice(bang + 1);
  const match = /^\$?([A-Za-z]{1,3})?\$?(\d+)?/.exec(ref.split(':')[0] ?? '');
  const column = match?.[1] ? columnIndex(match[1]) : 0;
  const row = match?.[2] ? Number(match[2]) - 1 : 0;
  // A bare tab name ("Matrix") matches letters too; only treat it as a cell when it looks like one.
  if (bang === -1 && !/^\$?[A-Za-z]{1,3}\$?\d*(:|$)/.test(ref)) return { row: 0, column: 0 };
  return { row: Math.max(0, row), column: Math.max(0, column) };
}
