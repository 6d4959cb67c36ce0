// Google's partial-response `fields` parameter: "properties.title,sheets(properties(sheetId))".

/** A parsed mask: each selected key, with the mask of its own fields (null: all of them). */
export type FieldMask = Map<string, FieldMask | null>;

/**
 * Parses a mask in either of the spellings Google accepts: dotted paths ("sheets.properties") or
 * parenthesised groups ("sheets(properties,data)"), mixed freely, separated by commas.
 */
export function parseFieldMask(text: string): FieldMask {
  let at = 0;
  const group = (): FieldMask => {
    const mask: FieldMask = new Map();
    for (;;) {
      let target = mask;
      let key = readName();
      // "a.b.c" (or "a/b/c") is "a(b(c))".
      while (text[at] === '.' || text[at] === '/') {
        at++;
        const inner = (target.get(key) as FieldMask | null | undefined) ?? new Map();
        target.set(key, inner);
        target = inner;
        key = readName();
      }
      if (text[at] === '(') {
        at++;
        const inner = group();
        if (text[at++] !== ')') throw new Error(`Invalid field selection: ${text}`);
        const existing = target.get(key);
        target.set(key, existing === null ? null : merge(existing ?? new Map(), inner));
      } else {
        target.set(key, null);
      }
      if (text[at] !== ',') return mask;
      at++;
    }
  };
  const readName = (): string => {
    const match = /^[A-Za-z0-9_]+/.exec(text.slice(at));
    if (!match) throw new Error(`Invalid field selection: ${text}`);
    at += match[0].length;
    return match[0];
  };
  const mask = group();
  if (at !== text.length) throw new Error(`Invalid field selection: ${text}`);
  return mask;
}

function merge(into: FieldMask, from: FieldMask): FieldMask {
  for (const [key, inner] of from) {
    const existing = into.get(key);
    into.set(key, existing === null || inner === null ? null : merge(existing ?? new Map(), inner));
  }
  return into;
}

/** Keeps only the masked fields of a JSON value; a mask applies to each element of an array. */
export function applyFieldMask(value: unknown, mask: FieldMask | null): unknown {
  if (mask === null) return value;
  if (Array.isArray(value)) return value.map((v) => applyFieldMask(v, mask));
  if (typeof value !== 'object' || value === null) return value;
  const kept: Record<string, unknown> = {};
  for (const [key, inner] of mask) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) kept[key] = applyFieldMask(field, inner);
  }
  return kept;
}

/** Whether a mask selects anything under the dotted path, e.g. "sheets.data". */
export function selects(mask: FieldMask | null, path: string): boolean {
  let current: FieldMask | null = mask;
  for (const key of path.split('.')) {
    if (current === null) return true;
    if (!current.has(key)) return false;
    current = current.get(key) ?? null;
  }
  return true;
}
