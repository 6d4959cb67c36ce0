// Splitting a "responsible unit(s)" or "support from" cell into the units it names.

export interface UnitList {
  /** The units the cell names as leading (or as supporting, for a support cell). */
  units: string[];
  /**
   * Units named after "with (the) support from" or "in coordination with" inside the same cell:
   * "PSEAH, with support from OIG and LEG" leads with PSEAH and is supported by OIG and LEG.
   */
  support: string[];
  /** A parenthesis that never closes (or closes twice): the split may be off, tell staff. */
  unbalanced: boolean;
}

const EMPTY = /^(n\/?a|none|nil|tbd|-+|–|—)$/i;
const SUPPORT_MARKER =
  /^(?:and\s+)?(?:with\s+(?:the\s+)?support\s+(?:from|of)|supported\s+by|in\s+(?:coordination|collaboration)\s+with)\s*:?\s*/i;
const FILLER = /^(etc\.?|as required|as needed|\(as required\))$/i;

// " and " or " & " separates two units only when a unit follows: an acronym ("DOE", "COMs") or
// a group word. "Programme and Project Leads" and "Department and Division Leads" stay whole.
const UNIT_AFTER_AND = /(?:[A-Z][A-Za-z]*[A-Z]|other\b|various\b|relevant\b|all\b)/y;
const JOINER = /\s+(?:and|&)\s+/iy;

/** Splits on top-level commas, semicolons, line breaks and unit-joining "and"s. */
function segments(text: string): { parts: string[]; unbalanced: boolean } {
  const parts: string[] = [];
  let depth = 0;
  let unbalanced = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 40 /* ( */) depth++;
    else if (ch === 41 /* ) */) {
      depth--;
      if (depth < 0) {
        unbalanced = true;
        depth = 0;
      }
    } else if (depth === 0 && (ch === 44 /* , */ || ch === 59) /* ; */) {
      parts.push(text.slice(start, i));
      start = i + 1;
    } else if (depth === 0 && ch === 32 /* space */ && i > start) {
      JOINER.lastIndex = i;
      const joiner = JOINER.exec(text);
      if (!joiner) continue;
      UNIT_AFTER_AND.lastIndex = i + joiner[0].length;
      if (!UNIT_AFTER_AND.test(text)) continue;
      parts.push(text.slice(start, i));
      start = i + joiner[0].length;
      i = start - 1;
    }
  }
  parts.push(text.slice(start));
  return { parts, unbalanced: unbalanced || depth !== 0 };
}

/** One unit as it should group: spacing folded, "DDG – O" written "DDG-O". */
export function canonicalUnit(unit: string): string {
  let u = unit.trim();
  if (/[-–—]/.test(u)) u = u.replace(/(\w)\s*[-–—]\s*(?=\w)/g, '$1-');
  if (/as required/i.test(u)) u = u.replace(/\s*\(\s*as required\s*\)\s*$|,?\s+as required$/i, '');
  return u.replace(/[.;,]+$/, '').trim();
}

export function splitUnits(text: string): UnitList {
  // Line breaks separate units like commas do; other runs of spacing are one space.
  const flat = /\s\s|[\t\n\r]/.test(text)
    ? text
        .replace(/\s*\n\s*/g, ', ')
        .replace(/\s+/g, ' ')
        .trim()
    : text.trim();
  if (flat === '' || EMPTY.test(flat)) return { units: [], support: [], unbalanced: false };
  const { parts, unbalanced } = segments(flat);
  const units: string[] = [];
  const support: string[] = [];
  let target = units;
  for (const raw of parts) {
    let part = raw.trim();
    const marker = SUPPORT_MARKER.exec(part);
    if (marker) {
      target = support;
      part = part.slice(marker[0].length);
    }
    part = canonicalUnit(part.replace(/^(?:including|incl\.?|and|&)\s+/i, ''));
    if (part === '' || FILLER.test(part) || EMPTY.test(part)) continue;
    if (!target.some((u) => u.toLowerCase() === part.toLowerCase())) target.push(part);
  }
  return { units, support, unbalanced };
}
