// Reads the source document's recommendations into matrix rows: one per recommendation, plus one per lettered point.
import { PILLARS } from '../vocabulary.ts';
import type { MatrixRow } from './layout.ts';
import { CRITERION, type Line, POINT_LABEL, readBodyLines } from './lines.ts';

export type { MatrixRow } from './layout.ts';

/** What a recommendation, or one of its points, says about who acts and how management answered. */
interface Fields {
  responsible: string;
  support: string;
  response: string;
  comments: string[];
  keyActions: string[];
}

interface Recommendation {
  number: number;
  pillar: number;
  criterion: string;
  evaluationNumber: string;
  linked: number[];
  text: string[];
  fields: Fields;
  /** Lettered points with their own units and responses (#48, #54, #60), in letter order. */
  points: Map<string, Fields> | null;
}

const RESPONSES = ['Accept', 'Partially accept', 'Not accept'] as const;
const NOT_APPLICABLE = /^n\/?a$/i;
/** A lettered item of a recommendation's text: "a. Ensure…", "b) Clarify…". */
const ITEM = /^([a-z])[.)]\s+(.*)$/;

/** Parses the Markdown conversion of the management response matrix into spreadsheet rows. */
export function parseSourceDocument(markdown: string): MatrixRow[] {
  const recommendations = groupRecommendations(readBodyLines(markdown)).map(readRecommendation);
  recommendations.forEach((r, i) => {
    if (r.number !== i + 1) {
      throw new Error(`Source document: expected recommendation #${i + 1}, found #${r.number}`);
    }
  });
  return recommendations.flatMap(toRows);
}

interface Block {
  pillar: number;
  header: Line;
  lines: Line[];
}

function groupRecommendations(lines: readonly Line[]): Block[] {
  const blocks: Block[] = [];
  let pillar: number | null = null;
  for (const line of lines) {
    if (line.kind === 'pillar') {
      pillar = readPillarHeading(line);
    } else if (line.kind === 'recommendation') {
      if (pillar === null) throw unexpected(line, 'recommendation before any pillar heading');
      blocks.push({ pillar, header: line, lines: [] });
    } else {
      const block = blocks.at(-1);
      if (!block) throw unexpected(line, 'text before the first recommendation');
      block.lines.push(line);
    }
  }
  return blocks;
}

function readPillarHeading(line: Line): number {
  const match = /^Pillar (\d+): (.*)$/.exec(line.text);
  const pillar = PILLARS[Number(match?.[1]) - 1];
  const title = match?.[2]?.toLowerCase();
  // The headings' wording drifts (case, aliases); a title that is neither is a different pillar.
  const known = pillar && [pillar.name, ...pillar.aliases].some((n) => n.toLowerCase() === title);
  if (!match || !known) throw unexpected(line, 'pillar heading not in the vocabulary');
  return Number(match[1]);
}

function emptyFields(): Fields {
  return { responsible: '', support: '', response: '', comments: [], keyActions: [] };
}

function readRecommendation(block: Block): Recommendation {
  const header = readHeader(block.header);
  const rec: Recommendation = {
    number: header.number,
    pillar: block.pillar,
    criterion: header.criterion,
    evaluationNumber: header.evaluationNumber,
    linked: header.linked,
    text: header.text ? [header.text] : [],
    fields: emptyFields(),
    points: null,
  };

  type Section = 'text' | 'responsible' | 'support' | 'response' | 'keyActions' | 'monitoring';
  let section: Section = 'text';
  let responseSeen = false;
  // The points a comment paragraph answers: those of the latest paragraph of "Point x:" lines
  // (#60: "Point a: Not accept / Point b: Not accept" then one comment for both).
  let run: string[] = [];
  let runParagraph = -1;

  const point = (line: Line, letter: string): Fields => {
    const fields = rec.points?.get(letter);
    if (!fields) throw unexpected(line, `point ${letter} has no responsible unit line`);
    return fields;
  };

  for (const line of block.lines) {
    if (section === 'monitoring' && line.kind !== 'monitoring') {
      throw unexpected(line, 'content after the monitoring fields');
    }
    switch (line.kind) {
      case 'criterion': {
        if (rec.criterion || section !== 'text') throw unexpected(line, 'second criterion line');
        const match = CRITERION.exec(line.text);
        rec.criterion = match?.[1] ?? '';
        rec.evaluationNumber = match?.[2] ?? '';
        break;
      }
      case 'responsible': {
        section = 'responsible';
        // Several rows put both fields on one line: "Responsible unit(s): LEG Support from: DHR".
        const [responsible, support] = splitSupport(valueAfterLabel(line.text));
        setOnce(line, rec.fields, 'responsible', responsible);
        if (support !== null) setOnce(line, rec.fields, 'support', support);
        break;
      }
      case 'support':
        section = 'support';
        setOnce(line, rec.fields, 'support', valueAfterLabel(line.text));
        break;
      case 'response': {
        section = 'response';
        const value = line.text.replace(/^Management response\s*[-–:]?\s*/i, '');
        if (value) {
          const response = normaliseResponse(line, value);
          // #27 repeats its response line; only a contradicting repeat is an error.
          if (rec.fields.response && rec.fields.response !== response) {
            throw unexpected(line, 'conflicting management responses');
          }
          rec.fields.response = response;
          responseSeen = true;
        }
        break;
      }
      case 'keyActions': {
        section = 'keyActions';
        const value = valueAfterLabel(line.text);
        if (value) rec.fields.keyActions.push(value);
        break;
      }
      case 'monitoring':
        // The monitoring fields are blank templates in the source; the sheet's columns stay empty.
        section = 'monitoring';
        break;
      case 'point':
        for (const [letter, value] of splitPoints(line.text)) {
          if (section === 'responsible') {
            rec.points ??= new Map();
            const fields = emptyFields();
            if (!NOT_APPLICABLE.test(value)) {
              const [responsible, support] = splitPointUnits(value);
              fields.responsible = responsible;
              fields.support = support;
            } else {
              fields.responsible = value;
            }
            rec.points.set(letter, fields);
          } else if (section === 'response' && rec.points) {
            if (line.paragraph !== runParagraph) run = [];
            runParagraph = line.paragraph;
            run.push(letter);
            point(line, letter).response = normaliseResponse(line, value);
            responseSeen = true;
          } else if (section === 'keyActions' && rec.points) {
            const actions = point(line, letter).keyActions;
            // #60 lists "Point d: n/a" and later the real action for d: the real text wins.
            if (NOT_APPLICABLE.test(value) && actions.length > 0) continue;
            if (actions.length === 1 && NOT_APPLICABLE.test(actions[0] ?? '')) actions.pop();
            actions.push(value);
          } else if (section === 'keyActions') {
            // A plain recommendation's key actions itemised by point (#21): one line per point.
            rec.fields.keyActions.push(`Point ${letter}: ${value}`);
          } else {
            throw unexpected(line, `"Point ${letter}:" outside a field that takes points`);
          }
        }
        break;
      case 'prose':
        if (section === 'text') {
          if (!rec.criterion) throw unexpected(line, 'text before the criterion line');
          rec.text.push(line.text);
        } else if (section === 'keyActions') {
          if (rec.points) throw unexpected(line, 'key action not attributed to a point');
          rec.fields.keyActions.push(line.text);
        } else if (responseSeen) {
          // #43 puts "Support from:" between the response and its comment; it is still a comment.
          if (rec.points) {
            if (run.length === 0) throw unexpected(line, 'comment not attributed to a point');
            for (const letter of run) point(line, letter).comments.push(line.text);
          } else {
            rec.fields.comments.push(line.text);
          }
        } else {
          throw unexpected(line, `unexpected paragraph in the ${section} field`);
        }
        break;
      default:
        throw unexpected(line, `unexpected ${line.kind} line`);
    }
  }

  if (!rec.criterion) throw unexpected(block.header, 'no criterion line');
  if (rec.text.length === 0) throw unexpected(block.header, 'no recommendation text');
  if (rec.points) {
    for (const [letter, fields] of rec.points) {
      if (!fields.response) throw unexpected(block.header, `point ${letter} has no response`);
    }
  } else if (!rec.fields.response) {
    throw unexpected(block.header, 'no management response');
  }
  return rec;
}

interface Header {
  number: number;
  linked: number[];
  criterion: string;
  evaluationNumber: string;
  /** The start of the recommendation text when it shares the header line (#6). */
  text: string;
}

function readHeader(line: Line): Header {
  const match = /^Recommendation #(\d+)\s*(.*)$/.exec(line.text);
  if (!match) throw unexpected(line, 'not a recommendation header');
  let rest = match[2] ?? '';
  let linked: number[] = [];
  // "(linked to recommendations #38, #53, #54)"; #21's has a stray "(" before it: "#21 ((linked".
  const link = /^\(*\s*\(?linked\b([^)]*)\)\s*/i.exec(rest);
  if (link) {
    linked = [...(link[1] ?? '').matchAll(/#(\d+)/g)].map((m) => Number(m[1]));
    rest = rest.slice(link[0].length);
  }
  let criterion = '';
  let evaluationNumber = '';
  let text = '';
  if (rest) {
    const c = CRITERION.exec(rest);
    if (!c) throw unexpected(line, `unreadable header remainder "${rest}"`);
    criterion = c[1] ?? '';
    evaluationNumber = c[2] ?? '';
    text = c[3] ?? '';
  }
  return { number: Number(match[1]), linked, criterion, evaluationNumber, text };
}

function valueAfterLabel(text: string): string {
  return text.slice(text.indexOf(':') + 1).trim();
}

/** Splits "LEG Support from: DHR" into its two fields; the support part is null when absent. */
function splitSupport(value: string): [string, string | null] {
  const match = /\s*\bSupport(?: from| unit\(s\))?\s*:\s*/i.exec(value);
  if (!match) return [value, null];
  return [value.slice(0, match.index).trim(), value.slice(match.index + match[0].length).trim()];
}

/** "PSEAH, with the support from EO, DOE" → lead "PSEAH", support "EO, DOE". */
function splitPointUnits(value: string): [string, string] {
  const match = /,?\s*with (?:the )?support from\s+/i.exec(value);
  if (!match) return [value, ''];
  return [value.slice(0, match.index).trim(), value.slice(match.index + match[0].length).trim()];
}

/** "Point a: Accept Point b: Accept" → [["a", "Accept"], ["b", "Accept"]]. */
function splitPoints(text: string): [string, string][] {
  const labels = [...text.matchAll(POINT_LABEL)];
  return labels.map((m, i) => {
    const end = labels[i + 1]?.index ?? text.length;
    return [m[1] ?? '', text.slice((m.index ?? 0) + m[0].length, end).trim()];
  });
}

function normaliseResponse(line: Line, value: string): string {
  const bare = value
    .replace(/^[-–—:\s]+/, '')
    .trim()
    .toLowerCase();
  const response = RESPONSES.find((r) => r.toLowerCase() === bare);
  if (!response) throw unexpected(line, `unknown management response "${value}"`);
  return response;
}

function setOnce(line: Line, fields: Fields, key: 'responsible' | 'support', value: string): void {
  if (fields[key]) throw unexpected(line, `second ${key} field`);
  fields[key] = value;
}

function unexpected(line: Line, what: string): Error {
  return new Error(`Source document line ${line.lineNumber}: ${what}: "${line.text.slice(0, 80)}"`);
}

function toRows(rec: Recommendation): MatrixRow[] {
  const pillar = PILLARS[rec.pillar - 1];
  const base = {
    pillar: pillar ? `Pillar ${pillar.key}: ${pillar.name}` : '',
    criterion: rec.criterion,
    evaluationNumber: rec.evaluationNumber,
    status2: '',
    comments2: '',
    status3: '',
    comments3: '',
  };
  const id = String(rec.number);
  if (!rec.points) {
    return [
      {
        ...base,
        id,
        linked: rec.linked.join(', '),
        recommendation: rec.text.join('\n'),
        ...fieldCells(rec.fields),
      },
    ];
  }

  // A pointed recommendation's text is an intro followed by one lettered item per point.
  const firstItem = rec.text.findIndex((t) => ITEM.test(t));
  const intro = firstItem < 0 ? rec.text : rec.text.slice(0, firstItem);
  const items = new Map<string, string>();
  for (const t of firstItem < 0 ? [] : rec.text.slice(firstItem)) {
    const item = ITEM.exec(t);
    if (!item) throw new Error(`Recommendation #${id}: text after its points: "${t.slice(0, 80)}"`);
    items.set(item[1] ?? '', item[2] ?? '');
  }
  const letters = [...rec.points.keys()];
  if (letters.join() !== [...items.keys()].join()) {
    throw new Error(`Recommendation #${id}: points ${letters} but text items ${[...items.keys()]}`);
  }

  // The parent carries what the points share; who acts and how management answered live on the points.
  const parent: MatrixRow = {
    ...base,
    id,
    linked: rec.linked.join(', '),
    recommendation: intro.join('\n'),
    ...fieldCells(emptyFields()),
  };
  return [
    parent,
    ...letters.map((letter) => ({
      ...base,
      id: `${id}${letter}`,
      linked: '',
      recommendation: items.get(letter) ?? '',
      ...fieldCells(rec.points?.get(letter) ?? emptyFields()),
    })),
  ];
}

function fieldCells(fields: Fields) {
  return {
    responsible: fields.responsible,
    support: fields.support,
    response: fields.response,
    responseComments: fields.comments.join('\n'),
    keyActions: fields.keyActions.join('\n'),
  };
}
