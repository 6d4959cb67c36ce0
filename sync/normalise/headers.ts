// Finding the header row and mapping each column to a field of the matrix, however staff named it.
import { words } from './text.ts';

export const FIELDS = [
  'number',
  'pillar',
  'criterion',
  'evaluationNumber',
  'linked',
  'text',
  'responsible',
  'support',
  'response',
  'responseComment',
  'keyActions',
  'dueDate',
] as const;
export type Field = (typeof FIELDS)[number];

/** What a header cell names: a field, one side of a monitoring round, or nothing we know. */
export type ColumnRole =
  | { kind: 'field'; field: Field }
  | { kind: 'round'; time: number; part: 'status' | 'comment' | 'due' }
  | { kind: 'unknown' };

/** Header words, with "#", "No." and "(s)" read the way people mean them. */
function headerWords(header: string): string[] {
  const spelled = header.replace(/\(s\)/gi, 's').replace(/#/g, ' number ');
  return words(spelled)
    .split(' ')
    .filter(Boolean)
    .map((w) => (w === 'no' || w === 'nr' || w === 'num' ? 'number' : w));
}

/**
 * Classifies one header cell. Checks run from the most specific to the least, because staff
 * headers overlap: "Management response comments" mentions a response, "Recommendation #" and
 * "Recommendation" differ only by the number sign.
 */
export function classifyHeader(header: string): ColumnRole {
  const w = headerWords(header);
  if (w.length === 0) return { kind: 'unknown' };
  const has = (...any: string[]) => any.some((a) => w.includes(a));

  const time = w.indexOf('time');
  const timeNumber = time >= 0 ? Number(w[time + 1]) : Number.NaN;
  if (Number.isInteger(timeNumber) && timeNumber >= 0) {
    if (has('comment', 'comments', 'remarks', 'notes'))
      return { kind: 'round', time: timeNumber, part: 'comment' };
    if (isDueDate(w)) return { kind: 'round', time: timeNumber, part: 'due' };
    if (has('status', 'progress')) return { kind: 'round', time: timeNumber, part: 'status' };
    return { kind: 'unknown' };
  }
  const field = (f: Field): ColumnRole => ({ kind: 'field', field: f });
  if (isDueDate(w)) return field('dueDate');
  if (has('criterion', 'criteria', 'thematic')) return field('criterion');
  if (has('evaluation') && has('number', 'ref', 'reference')) return field('evaluationNumber');
  if (has('response', 'acceptance') && has('comment', 'comments', 'explanation', 'rationale'))
    return field('responseComment');
  if (has('response', 'acceptance')) return field('response');
  if (has('pillar', 'pillars')) return field('pillar');
  if (has('linked', 'link', 'links', 'related')) return field('linked');
  if (has('support', 'supporting')) return field('support');
  if (has('responsible', 'lead', 'owner', 'owners')) return field('responsible');
  if (has('action', 'actions')) return field('keyActions');
  if (has('number') || (w.length === 1 && has('rec', 'ref', 'id'))) return field('number');
  if (has('recommendation', 'recommendations', 'text', 'description')) return field('text');
  return { kind: 'unknown' };
}

/** "Due date", "Deadline", "Target date" (optional columns, for the whole row or per round). */
function isDueDate(w: readonly string[]): boolean {
  return (
    w.includes('due') || w.includes('deadline') || (w.includes('target') && w.includes('date'))
  );
}

/** Fields a sheet cannot do without. The criterion may come from either of two columns. */
export const REQUIRED_FIELDS: readonly Field[] = [
  'number',
  'pillar',
  'text',
  'responsible',
  'response',
];

export interface RoundColumns {
  time: number;
  label: string;
  status: number | null;
  comment: number | null;
  /** An optional due date for the round ("Due date (Time 3)"). */
  due: number | null;
}

export interface ColumnMap {
  fields: Partial<Record<Field, number>>;
  rounds: RoundColumns[];
  /** Columns kept for an info finding: (index, header as written). */
  unknown: { column: number; header: string }[];
  /** A second column for a field already mapped: (index, header, field). */
  duplicates: { column: number; header: string; name: string }[];
}

export function mapColumns(headerRow: readonly string[]): ColumnMap {
  const map: ColumnMap = { fields: {}, rounds: [], unknown: [], duplicates: [] };
  const rounds = new Map<number, RoundColumns>();
  headerRow.forEach((header, column) => {
    if (header === '') return;
    const role = classifyHeader(header);
    if (role.kind === 'unknown') {
      map.unknown.push({ column, header });
    } else if (role.kind === 'field') {
      if (map.fields[role.field] === undefined) map.fields[role.field] = column;
      else map.duplicates.push({ column, header, name: role.field });
    } else {
      const round = rounds.get(role.time) ?? {
        time: role.time,
        label: `Time ${role.time}`,
        status: null,
        comment: null,
        due: null,
      };
      rounds.set(role.time, round);
      if (round[role.part] === null) round[role.part] = column;
      else map.duplicates.push({ column, header, name: `${round.label} ${role.part}` });
    }
  });
  map.rounds = [...rounds.values()].sort((a, b) => a.time - b.time);
  return map;
}

/** How many different fields a row's cells name: the header row is the one that names most. */
export function headerScore(row: readonly string[]): number {
  const seen = new Set<string>();
  for (const cell of row) {
    // Headers are short; a long cell is data, however many field names its sentences mention.
    if (cell.length > 120) continue;
    const role = classifyHeader(cell);
    if (role.kind === 'field') seen.add(role.field);
    else if (role.kind === 'round') seen.add(`round-${role.part}`);
  }
  return seen.size;
}
