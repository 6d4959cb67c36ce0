// The digest in words: one sentence per figure, built from the API's counts in the reader's
// language, so the page, its print and the tests all read the same numbers.

import type { PillarKey } from '../../data/vocabulary.ts';
import type { Digest, DigestCounts, DigestGroup } from '../../sync/digest.ts';
import type { I18n } from '../i18n/i18n.ts';

export interface GroupSentence {
  key: string;
  label: string;
  sentence: string;
}

export interface DigestText {
  title: string;
  intro: string;
  /** The overall figures, in reading order; "back to open" only when something went back. */
  totals: string[];
  byPillar: GroupSentence[];
  byUnit: GroupSentence[];
}

function groupSentence(i18n: I18n, label: string, g: DigestCounts): string {
  const values = {
    group: label,
    completed: g.newlyCompleted,
    discarded: g.newlyDiscarded,
    open: g.stillOpen,
  };
  return g.overdue === null
    ? i18n.t('digest.group', values)
    : i18n.t('digest.groupOverdue', { ...values, overdue: g.overdue });
}

/** A pillar by our (translated) name; a unit as the sheet writes it. */
export function digestGroupLabel(i18n: I18n, dimension: 'pillar' | 'unit', g: DigestGroup): string {
  return dimension === 'pillar' ? i18n.pillar(g.key as PillarKey) : g.label;
}

export function digestSentences(digest: Digest, i18n: I18n): DigestText {
  const { totals, from, to } = digest;
  const sentences = [
    i18n.t('digest.completed', { count: totals.newlyCompleted }),
    i18n.t('digest.discarded', { count: totals.newlyDiscarded }),
    i18n.t('digest.stillOpen', { count: totals.stillOpen }),
  ];
  if (totals.reopened > 0) sentences.push(i18n.t('digest.reopened', { count: totals.reopened }));
  if (totals.overdue !== null)
    sentences.push(
      i18n.t('digest.overdue', { count: totals.overdue, date: i18n.date(digest.asOf) }),
    );
  const groups = (dimension: 'pillar' | 'unit', list: readonly DigestGroup[]) =>
    list.map((g) => {
      const label = digestGroupLabel(i18n, dimension, g);
      return { key: g.key, label, sentence: groupSentence(i18n, label, g) };
    });
  return {
    title: i18n.t('digest.title', { from, to }),
    intro: i18n.t('digest.intro', { from, to, total: totals.total }),
    totals: sentences,
    byPillar: groups('pillar', digest.byPillar),
    byUnit: groups('unit', digest.byUnit),
  };
}
