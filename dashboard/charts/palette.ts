// Status colours safe for colour-blind readers (Okabe–Ito), each with a pattern and a text colour,
// so a status never depends on colour alone.
import type { StatusKey } from '../../data/vocabulary.ts';

export interface StatusStyle {
  fill: string;
  /** Ink for a count written on the segment. */
  text: string;
  /** Lines drawn over the fill, so a status reads in grey print and without colour vision. */
  pattern: 'none' | 'diagonal' | 'cross' | 'dots';
}

export const STATUS_STYLE: Record<StatusKey, StatusStyle> = {
  completed: { fill: '#0072b2', text: '#ffffff', pattern: 'none' },
  open: { fill: '#e69f00', text: '#1b1f24', pattern: 'diagonal' },
  discarded: { fill: '#a0a7b0', text: '#1b1f24', pattern: 'cross' },
  unreported: { fill: '#eef1f4', text: '#1b1f24', pattern: 'dots' },
};

export const STATUS_ORDER: readonly StatusKey[] = ['completed', 'open', 'discarded', 'unreported'];

/** The fill to use for a status: its pattern when it has one (defined by `patternDefs`). */
export function statusFill(status: StatusKey, idPrefix: string): string {
  return STATUS_STYLE[status].pattern === 'none'
    ? STATUS_STYLE[status].fill
    : `url(#${idPrefix}-${status})`;
}
