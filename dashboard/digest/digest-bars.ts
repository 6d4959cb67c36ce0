// The digest's moves drawn with the dashboard's stacked bars: each move takes the look of the
// status it ends in (newly completed as completed, still open as open, newly discarded as
// discarded), and "back to open" the look of a status the digest never shows (unreported).

import type { StatusKey } from '../../data/vocabulary.ts';
import type { DigestCounts } from '../../sync/digest.ts';
import { STATUS_ORDER } from '../charts/palette.ts';
import type { BarGroup } from '../charts/stacked-bars.ts';
import type { I18n } from '../i18n/i18n.ts';

export type Move = 'newlyCompleted' | 'stillOpen' | 'newlyDiscarded' | 'reopened';

export const MOVE_OF_STATUS: Record<StatusKey, Move> = {
  completed: 'newlyCompleted',
  open: 'stillOpen',
  discarded: 'newlyDiscarded',
  unreported: 'reopened',
};

/** The moves in the bars' order. */
export const MOVES: readonly Move[] = STATUS_ORDER.map((s) => MOVE_OF_STATUS[s]);

export function moveBarGroup(key: string, label: string, counts: DigestCounts): BarGroup {
  return {
    key,
    label,
    counts: {
      completed: counts.newlyCompleted,
      open: counts.stillOpen,
      discarded: counts.newlyDiscarded,
      unreported: counts.reopened,
    },
  };
}

export function moveLabel(i18n: I18n, move: Move): string {
  return i18n.t(
    (
      {
        newlyCompleted: 'digest.legendCompleted',
        stillOpen: 'digest.legendOpen',
        newlyDiscarded: 'digest.legendDiscarded',
        reopened: 'digest.legendReopened',
      } as const
    )[move],
  );
}
