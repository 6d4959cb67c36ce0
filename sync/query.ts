// Narrowing the recommendations by the reader's filters and search, and what moved between rounds.
import type { RoundTransition, StatusMatrix } from '../data/history.ts';
import { type Filters, UNASSIGNED } from '../data/query.ts';
import type {
  MonitoringRound,
  Recommendation,
  RecommendationListItem,
} from '../data/recommendation.ts';
import { STATUS_KEYS } from '../data/vocabulary.ts';
import { words } from './normalise/text.ts';

/** The round a status filter applies to: the one asked for, else the latest. */
export function effectiveRound(
  filters: Pick<Filters, 'round'>,
  rounds: readonly MonitoringRound[],
): string | null {
  return filters.round ?? rounds.at(-1)?.label ?? null;
}

// The text a search looks in, folded once per recommendation object (the snapshot is parsed once
// per isolate and version, so this is too).
const haystacks = new WeakMap<Recommendation, string>();

function haystack(r: Recommendation): string {
  let text = haystacks.get(r);
  if (text === undefined) {
    const parts = [
      `#${r.id}`,
      r.text,
      r.keyActions,
      r.responseComment,
      ...r.responsible,
      ...r.support,
      ...Object.values(r.monitoring).map((m) => m.comment),
      ...r.points.flatMap((p) => [
        p.text,
        p.keyActions,
        p.responseComment,
        ...Object.values(p.monitoring).map((m) => m.comment),
      ]),
    ];
    text = ` ${words(parts.join(' '))} `;
    haystacks.set(r, text);
  }
  return text;
}

/** Every word of the query must appear (as the start of a word) in the recommendation's text. */
export function matchesSearch(r: Recommendation, q: string): boolean {
  const terms = words(q).split(' ').filter(Boolean);
  if (terms.length === 0) return true;
  const text = haystack(r);
  return terms.every((t) => text.includes(` ${t}`));
}

const orUnassigned = <T extends string>(value: T | null) => value ?? UNASSIGNED;

/** Today as an ISO date (UTC): due dates are days, not instants. */
export function today(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The due date that applies in a round: the round's own, else the recommendation's. */
export function dueDateIn(
  r: Pick<Recommendation, 'dueDate' | 'monitoring'>,
  round: string | null,
): string | null {
  return (round ? r.monitoring[round]?.dueDate : null) ?? r.dueDate;
}

/**
 * Overdue: management committed to it (accepted or partially accepted), it is neither completed
 * nor set aside in the round, and its due date has passed.
 */
export function isOverdue(
  r: Pick<Recommendation, 'dueDate' | 'monitoring' | 'response'>,
  round: string | null,
  on: string,
): boolean {
  if (r.response !== 'accept' && r.response !== 'partial') return false;
  const due = dueDateIn(r, round);
  if (due === null || due >= on) return false;
  const status = round ? r.monitoring[round]?.status : undefined;
  return status !== 'completed' && status !== 'discarded';
}

export function filterRecommendations(
  recommendations: readonly Recommendation[],
  filters: Filters,
  rounds: readonly MonitoringRound[],
  on: string = today(),
): Recommendation[] {
  const round = effectiveRound(filters, rounds);
  const units = new Set(filters.unit.map((u) => u.toLowerCase()));
  return recommendations.filter((r) => {
    if (filters.pillar.length && !filters.pillar.includes(orUnassigned(r.pillar))) return false;
    if (filters.criterion.length && !filters.criterion.includes(orUnassigned(r.criterion)))
      return false;
    if (filters.response.length && !filters.response.includes(orUnassigned(r.response)))
      return false;
    if (units.size) {
      const own = filters.unitRole === 'lead' ? r.responsible : r.support;
      const keys = own.length ? own.map((u) => u.toLowerCase()) : [UNASSIGNED];
      if (!keys.some((k) => units.has(k))) return false;
    }
    if (filters.status.length) {
      const status = (round && r.monitoring[round]?.status) || 'unreported';
      if (!filters.status.includes(status)) return false;
    }
    if (filters.overdue && !isOverdue(r, round, on)) return false;
    return filters.q === '' || matchesSearch(r, filters.q);
  });
}

/** What moved between each pair of consecutive rounds (e.g. 12 open → completed). */
export function transitions(
  recommendations: readonly Recommendation[],
  rounds: readonly MonitoringRound[],
): RoundTransition[] {
  const out: RoundTransition[] = [];
  for (let i = 1; i < rounds.length; i++) {
    const from = rounds[i - 1]!.label;
    const to = rounds[i]!.label;
    const counts = Object.fromEntries(
      STATUS_KEYS.map((a) => [a, Object.fromEntries(STATUS_KEYS.map((b) => [b, 0]))]),
    ) as StatusMatrix;
    for (const r of recommendations) {
      const a = r.monitoring[from]?.status ?? 'unreported';
      const b = r.monitoring[to]?.status ?? 'unreported';
      counts[a][b]++;
    }
    out.push({ from, to, counts });
  }
  return out;
}

const EXCERPT_LENGTH = 180;

/** The start of a text, cut at a word, for a table row. */
export function excerpt(text: string, length = EXCERPT_LENGTH): string {
  // Only the start is shown: flattening a whole 2,000-character text per row per request would
  // cost more than the rest of the list together.
  const head = text.length > length * 2 ? text.slice(0, length * 2) : text;
  const flat = head.replace(/\s+/g, ' ').trim();
  if (flat.length <= length && head === text) return flat;
  const cut = flat.slice(0, length);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), length * 0.6)).replace(/[\s,;:.]+$/, '')}…`;
}

export function listItem(
  r: Recommendation,
  rounds: readonly MonitoringRound[],
  round: string | null = rounds.at(-1)?.label ?? null,
  on: string = today(),
): RecommendationListItem {
  return {
    id: r.id,
    number: r.number,
    pillar: r.pillar,
    criterion: r.criterion,
    criterionLabel: r.criterionLabel,
    evaluationNumber: r.evaluationNumber,
    responsible: r.responsible,
    support: r.support,
    response: r.response,
    linked: r.linked,
    excerpt: excerpt(r.text || r.points[0]?.text || ''),
    status: Object.fromEntries(
      rounds.map((round) => [round.label, r.monitoring[round.label]?.status ?? 'unreported']),
    ),
    points: r.points.length,
    dueDate: dueDateIn(r, round),
    overdue: isOverdue(r, round, on),
  };
}
