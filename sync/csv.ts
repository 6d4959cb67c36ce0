// CSV as RFC 4180 has it: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF.

/**
 * Parses CSV text into rows of cells. A leading byte-order mark is dropped. Cells are cut out
 * with slice rather than built a character at a time, which would leave long rope strings that
 * every later trim or regex has to flatten.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  // Whether the text ended right after a line break (then there is no last row to add).
  let atRowStart = true;
  while (i < n) {
    atRowStart = false;
    let cell: string;
    if (text[i] === '"') {
      // Quoted: runs up to the next quote that is not doubled.
      let value = '';
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote === -1) {
          value += text.slice(from);
          i = n;
          break;
        }
        value += text.slice(from, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          from = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      // Anything between the closing quote and the separator is kept, as spreadsheets do.
      const end = nextSeparator(text, i);
      cell = value + text.slice(i, end);
      i = end;
    } else {
      const end = nextSeparator(text, i);
      cell = text.slice(i, end);
      i = end;
    }
    row.push(cell);
    if (i >= n) break;
    const ch = text[i];
    if (ch === ',') {
      i++;
      if (i >= n) row.push('');
      continue;
    }
    // A line break ends the row.
    rows.push(row);
    row = [];
    i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    atRowStart = true;
  }
  if (!atRowStart || row.length > 0) rows.push(row);
  return rows;
}

function nextSeparator(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 /* , */ || c === 10 /* \n */ || c === 13 /* \r */) return i;
  }
  return text.length;
}

function quote(cell: string): string {
  return /[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/** Writes rows as CSV with CRLF line ends, quoting only where a cell needs it. */
export function stringifyCsv(rows: readonly (readonly string[])[]): string {
  return `${rows.map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}
