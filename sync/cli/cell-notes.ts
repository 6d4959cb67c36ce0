// Which cell notes `annotate` writes: each finding on its cell, its own old notes cleared, and
// staff's own notes left exactly as they wrote them.
import type { Finding } from '../../data/finding.ts';
import { columnIndex } from '../a1.ts';

/**
 * Starts every line the tool writes into a note. Everything from the first such line to the end of
 * a note is the tool's, so a note it wrote is found and replaced on the next run.
 */
export const NOTE_MARKER = '[matrix check]';

const OWN_PART = /(^|\n)\[matrix check\] /;

/** The part of a note that staff wrote: everything before the tool's first line. */
export function staffPart(note: string): string {
  const match = OWN_PART.exec(note);
  return match ? note.slice(0, match.index).trimEnd() : note;
}

/** The lines the tool adds to a cell for its findings. */
export function annotation(findings: readonly Finding[]): string {
  return findings.map((f) => `${NOTE_MARKER} ${f.message}`).join('\n');
}

export interface NoteChange {
  cell: string;
  /** 0-based sheet row and column. */
  row: number;
  column: number;
  /** The whole new note; '' removes it. */
  note: string;
}

export interface NotePlan {
  changes: NoteChange[];
  /** Cells that carry at least one finding after the run. */
  annotated: number;
  /** Cells whose old annotation is gone because their findings are. */
  cleared: number;
  /** Findings about a whole range or the whole sheet: there is no single cell to put them on. */
  unplaced: Finding[];
}

function position(cell: string): { row: number; column: number } | null {
  const match = /^([A-Z]{1,3})(\d+)$/.exec(cell);
  return match ? { row: Number(match[2]) - 1, column: columnIndex(match[1]!) } : null;
}

/**
 * Compares the findings with the notes on the tab (by cell, e.g. "L2") and lists the notes to
 * write. A cell whose note already says the right thing is left alone, so a second run with the
 * same findings writes nothing.
 */
export function planNotes(
  findings: readonly Finding[],
  notes: ReadonlyMap<string, string>,
): NotePlan {
  const byCell = new Map<string, Finding[]>();
  const unplaced: Finding[] = [];
  for (const finding of findings) {
    if (finding.cell === null || position(finding.cell) === null) {
      unplaced.push(finding);
      continue;
    }
    byCell.set(finding.cell, [...(byCell.get(finding.cell) ?? []), finding]);
  }
  const cells = new Set([
    ...byCell.keys(),
    ...[...notes].filter(([, note]) => OWN_PART.test(note)).map(([cell]) => cell),
  ]);
  const changes: NoteChange[] = [];
  let cleared = 0;
  for (const cell of cells) {
    const old = notes.get(cell) ?? '';
    const staff = staffPart(old);
    const own = byCell.get(cell);
    const note = own ? [staff, annotation(own)].filter(Boolean).join('\n\n') : staff;
    if (!own) cleared++;
    if (note !== old) changes.push({ cell, ...position(cell)!, note });
  }
  return { changes, annotated: byCell.size, cleared, unplaced };
}
