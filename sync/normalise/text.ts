// Turning a raw cell into text, and text into the loose "words" form used for matching.

/** A cell as the Sheets API (formatted or unformatted values) or a CSV parser hands it over. */
export type Cell = string | number | boolean | null | undefined;

/** The cell as trimmed text with Unix line ends; numbers as they would print. */
export function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return (value.includes('\r') ? value.replace(/\r\n?/g, '\n') : value).trim();
}

/**
 * Lower-case words with punctuation and spacing folded away, so "Partially  Accepted." and
 * "partially accepted" compare equal.
 */
export function words(text: string): string {
  const lower = text.toLowerCase();
  // Accents are folded only when there are any: NFKD is the costly step on a hot path.
  const plain = /[^\p{ASCII}]/u.test(lower)
    ? lower.normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    : lower;
  return plain.replace(/[^a-z0-9]+/g, ' ').trim();
}

/** Shortens a typed value for a message, so a pasted essay does not become the message. */
export function quoted(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `'${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}'`;
}
