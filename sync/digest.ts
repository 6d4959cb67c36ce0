// The round digest: what moved between two monitoring rounds, overall, by pillar and by unit.
import type { Recommendation } from '../data/recommendation.ts';
import { PILLARS, type StatusKey } from '../data/vocabulary.ts';
import { excerpt, isOverdue } from './query.ts';

export interface DigestCounts {
  /** Completed in `to`, not completed in `from`. */
  newlyCompleted: number;
  /** Discarded in `to`, not discarded in `from`. */
  newlyDiscarded: number;
  /** Open in both rounds. */
  stillOpen: number;
  /** Completed or discarded in `from`, open again in `to`. */
  reopened: number;
  /** Past their due date and not completed in `to`; null when the sheet has no due dates. */
  overdue: number | null;
  /** Recommendations in the group. */
  total: number;
}

export interface DigestGroup extends DigestCounts {
  key: string;
  label: string;
}

export interface DigestItem {
  id: string;
  pillar: string | null;
  excerpt: string;
}

export interface Digest {
  from: string;
  to: string;
  /** The day overdue is counted on. */
  asOf: string;
  totals: DigestCounts;
  byPillar: DigestGroup[];
  byUnit: DigestGroup[];
  items: Record<
    'newlyCompleted' | 'newlyDiscarded' | 'stillOpen' | 'reopened' | 'overdue',
    DigestItem[]
  >;
}

type Move = 'newlyCompleted' | 'newlyDiscarded' | 'stillOpen' | 'reopened';

function moveOf(before: StatusKey, after: StatusKey): Move | null {
  if (after === 'completed' && before !== 'completed') return 'newlyCompleted';
  if (after === 'discarded' && before !== 'discarded') return 'newlyDiscarded';
  if (after === 'open' && before === 'open') return 'stillOpen';
  if (after === 'open' && (before === 'completed' || before === 'discarded')) return 'reopened';
  return null;
}

const empty = (dueDates: boolean): DigestCounts => ({
  newlyCompleted: 0,
  newlyDiscarded: 0,
  stillOpen: 0,
  reopened: 0,
  overdue: dueDates ? 0 : null,
  total: 0,
});

/** The digest of `from` → `to` (labels of the snapshot's rounds, `from` the earlier: the caller checks). */
export function computeDigest(
  recommendations: readonly Recommendation[],
  from: string,
  to: string,
  options: { on: string; dueDates: boolean },
): Digest {
  const totals = empty(options.dueDates);
  const pillars = new Map(
    PILLARS.map((p) => [
      p.key as string,
      { key: p.key as string, label: p.name, ...empty(options.dueDates) },
    ]),
  );
  const units = new Map<string, DigestGroup>();
  const items: Digest['items'] = {
    newlyCompleted: [],
    newlyDiscarded: [],
    stillOpen: [],
    reopened: [],
    overdue: [],
  };
  for (const r of recommendations) {
    const before = r.monitoring[from]?.status ?? 'unreported';
    const after = r.monitoring[to]?.status ?? 'unreported';
    const move = moveOf(before, after);
    const overdue = options.dueDates && isOverdue(r, to, options.on);
    const groups: DigestCounts[] = [totals];
    if (r.pillar) groups.push(pillars.get(r.pillar)!);
    for (const unit of r.responsible) {
      const key = unit.toLowerCase();
      if (!units.has(key)) units.set(key, { key: unit, label: unit, ...empty(options.dueDates) });
      groups.push(units.get(key)!);
    }
    for (const g of groups) {
      g.total++;
      if (move) g[move]++;
      if (overdue) g.overdue = (g.overdue ?? 0) + 1;
    }
    const item = {
      id: r.id,
      pillar: r.pillar,
      excerpt: excerpt(r.text || r.points[0]?.text || '', 120),
    };
    if (move) items[move].push(item);
    if (overdue) items.overdue.push(item);
  }
  const moved = (g: DigestCounts) =>
    g.newlyCompleted + g.newlyDiscarded + g.stillOpen + g.reopened + (g.overdue ?? 0);
  return {
    from,
    to,
    asOf: options.on,
    totals,
    byPillar: [...pillars.values()].filter((g) => g.total > 0),
    // Units that had nothing move are left out: the digest is about what moved.
    byUnit: [...units.values()]
      .filter((g) => moved(g) > 0)
      .sort((a, b) => moved(b) - moved(a) || (a.label < b.label ? -1 : 1)),
    items,
  };
}
