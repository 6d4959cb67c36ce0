// Cuts the matrix body into classified lines: footnotes and page numbers dropped, paragraphs the PDF split across pages mended.
import { cleanInline, endsClause, stripHeading } from './inline.ts';

export type LineKind =
  | 'pillar'
  | 'recommendation'
  | 'criterion'
  | 'responsible'
  | 'support'
  | 'response'
  | 'keyActions'
  | 'monitoring'
  | 'point'
  | 'prose';

export interface Line {
  /** Plain text, markup and a bullet's "- " removed. */
  text: string;
  kind: LineKind;
  heading: boolean;
  bullet: boolean;
  /** The raw line opened with bold: the PDF's way of starting a labelled block, never a continuation. */
  boldLed: boolean;
  /** Index of the blank-line-delimited paragraph the line sits in; lines of one paragraph share it. */
  paragraph: number;
  paragraphStart: boolean;
  /** 1-based line number in the source, for error messages. */
  lineNumber: number;
}

/** "Efficiency: Recommendation 5.3": the evaluation criterion label and the evaluation's number. */
export const CRITERION = /^([A-Z][A-Za-z]*(?: [A-Za-z]+)*): Recommendation (\d+\.\d+)\b\s*(.*)$/;
/** "Point c:" opening a sub-point's value; several may share one line. */
export const POINT_LABEL = /\bPoint ([a-z])\s*:/g;

const KINDS: readonly [Exclude<LineKind, 'prose' | 'pillar'>, RegExp][] = [
  ['recommendation', /^Recommendation #\d+/],
  ['criterion', CRITERION],
  ['responsible', /^Responsible unit\(s\)\s*:/i],
  ['support', /^Support(?: from| unit\(s\))?\s*:/i],
  ['response', /^Management response\b/i],
  ['keyActions', /^Key actions\s*:/i],
  [
    'monitoring',
    /^(?:Final )?(?:implementation monitoring status|comments on implementation status)/i,
  ],
  ['point', /^Point [a-z]\s*:/],
];

/**
 * Paragraphs that continue a footnote body without repeating its marker, so nothing else tells
 * them apart from matrix text. The source is fixed, so the list is explicit and reviewable. One of
 * these openings anywhere but right after a footnote fails the parse: it would leak into a cell.
 */
const FOOTNOTE_CONTINUATIONS = [
  // Footnote 19 (a UNHCR policy the evaluators cite under #48) spills into a second paragraph.
  'This policy (i) clarifies what is meant in UNHCR',
];

/** Words a field value cannot end on, unless a page break cut it ("all Heads of" / "Departments"). */
const DANGLING_WORDS = new Set([
  'of',
  'and',
  'or',
  'the',
  'a',
  'an',
  'to',
  'from',
  'with',
  'for',
  'in',
  'on',
  'by',
  'at',
]);

/** The matrix body's lines: from the "Pillar 1" heading up to the "List of Acronyms" heading. */
export function readBodyLines(markdown: string): Line[] {
  const raw = markdown.split(/\r?\n/);
  const start = raw.findIndex((l) => /^#+\s*(?:\*\*)?Pillar 1\b/.test(l.trim()));
  const end = raw.findIndex((l) => /^#+\s*(?:\*\*)?List of Acronyms\b/.test(l.trim()));
  if (start < 0 || end < start) {
    throw new Error('Source document: no "# Pillar 1" heading followed by "# List of Acronyms"');
  }

  const paragraphs: { first: number; lines: string[] }[] = [];
  for (let i = start; i < end; i++) {
    const line = (raw[i] ?? '').trim();
    if (line === '') continue;
    const last = paragraphs.at(-1);
    if (last && last.first + last.lines.length === i) last.lines.push(line);
    else paragraphs.push({ first: i, lines: [line] });
  }

  const lines: Line[] = [];
  let previousWasFootnote = false;
  paragraphs.forEach((p, index) => {
    const opening = p.lines[0] ?? '';
    const continuation = FOOTNOTE_CONTINUATIONS.some((c) => opening.startsWith(c));
    if (continuation && !previousWasFootnote) {
      throw new Error(
        `Source document line ${p.first + 1}: footnote continuation not after a footnote`,
      );
    }
    // Footnote bodies open with their marker ("<sup>&</sup><sup>4</sup> For guidance…").
    const footnote = opening.startsWith('<sup>') || continuation;
    previousWasFootnote = footnote;
    if (footnote) return;
    // A page number the converter kept as a paragraph of its own.
    if (p.lines.length === 1 && /^\d{1,3}$/.test(opening)) return;
    p.lines.forEach((rawLine, offset) => {
      lines.push(classify(rawLine, index, offset === 0, p.first + offset + 1));
    });
  });
  return mendPageBreaks(lines);
}

function classify(
  raw: string,
  paragraph: number,
  paragraphStart: boolean,
  lineNumber: number,
): Line {
  const heading = raw.startsWith('#');
  let body = stripHeading(raw);
  const boldLed = body.startsWith('**');
  const bullet = /^-\s/.test(body);
  if (bullet) body = body.replace(/^-\s+/, '');
  const text = cleanInline(body);
  let kind: LineKind = 'prose';
  if (heading && /^Pillar \d+:/.test(text)) kind = 'pillar';
  else kind = KINDS.find(([, pattern]) => pattern.test(text))?.[0] ?? 'prose';
  return { text, kind, heading, bullet, boldLed, paragraph, paragraphStart, lineNumber };
}

/**
 * Re-joins paragraphs the PDF broke across a page (often with a footnote in between, already
 * dropped): the first stops mid-sentence and the next is plain prose, not a new labelled block.
 */
function mendPageBreaks(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const previous = out.at(-1);
    if (previous && continuesAcrossBreak(previous, line)) {
      out[out.length - 1] = { ...previous, text: `${previous.text} ${line.text}` };
    } else {
      out.push(line);
    }
  }
  return out;
}

function continuesAcrossBreak(p: Line, q: Line): boolean {
  if (!q.paragraphStart || q.heading || q.bullet || q.boldLed || q.kind !== 'prose') return false;
  if (p.heading) return false;
  if (p.kind === 'prose') return !endsClause(p.text);
  // A unit list has no closing punctuation, so only a dangling word shows it was cut: #43's
  // "Support from: LEG and DHR" is complete and the response comment after it stands alone.
  if (p.kind === 'responsible' || p.kind === 'support') {
    return DANGLING_WORDS.has(p.text.split(' ').at(-1) ?? '');
  }
  return false;
}
