// Folding a published snapshot into the daily history: today's record replaced, older days kept.
import {
  HISTORY_DAYS,
  type History,
  type HistoryDay,
  type StatusTuple,
} from '../../data/history.ts';
import type { Snapshot } from '../../data/snapshot.ts';
import type { BreakdownGroup, StatusCounts } from '../../data/summary.ts';
import { transitions } from '../query.ts';

const tuple = (c: StatusCounts | undefined): StatusTuple =>
  c ? [c.completed, c.open, c.discarded, c.unreported] : [0, 0, 0, 0];

function groupCounts(groups: readonly BreakdownGroup[], rounds: readonly string[]) {
  const out: Record<string, Record<string, StatusTuple>> = {};
  for (const group of groups) {
    out[group.key] = Object.fromEntries(rounds.map((r) => [r, tuple(group.status[r])]));
  }
  return out;
}

/** The compact day record of a snapshot: counts only, no text. */
export function historyDay(snapshot: Snapshot): HistoryDay {
  const rounds = snapshot.rounds.map((r) => r.label);
  const { breakdowns } = snapshot;
  const status: Record<string, StatusTuple> = {};
  for (const round of rounds) {
    // Every recommendation sits in exactly one response group, so their sum is the whole matrix.
    const all: StatusTuple = [0, 0, 0, 0];
    for (const group of breakdowns.response) {
      tuple(group.status[round]).forEach((n, i) => {
        all[i] = all[i]! + n;
      });
    }
    status[round] = all;
  }
  const response = Object.fromEntries(breakdowns.response.map((g) => [g.key, g.total]));
  return {
    date: snapshot.syncedAt.slice(0, 10),
    revision: snapshot.revision,
    total: snapshot.total,
    rounds,
    response: [response.accept ?? 0, response.partial ?? 0, response.reject ?? 0],
    status,
    breakdowns: {
      pillar: groupCounts(breakdowns.pillar, rounds),
      criterion: groupCounts(breakdowns.criterion, rounds),
      unit: groupCounts(breakdowns.unit, rounds),
      response: groupCounts(breakdowns.response, rounds),
    },
  };
}

const sameCounts = (a: HistoryDay, b: HistoryDay) =>
  JSON.stringify({ ...a, revision: 0 }) === JSON.stringify({ ...b, revision: 0 });

/**
 * The history with this snapshot in it, or null when nothing it records changed. A day gains a
 * record only when its counts moved (a text-only edit changes no count and costs no KV write);
 * the transitions are the current snapshot's.
 */
export function withSnapshot(history: History, snapshot: Snapshot): History | null {
  const day = historyDay(snapshot);
  const moved = transitions(snapshot.recommendations, snapshot.rounds);
  const latest = history.days.at(-1);
  const countsMoved = !latest || !sameCounts({ ...latest, date: day.date }, day);
  const transitionsMoved = JSON.stringify(moved) !== JSON.stringify(history.transitions);
  if (!countsMoved && !transitionsMoved) return null;
  const days = countsMoved
    ? [...history.days.filter((d) => d.date !== day.date), day].sort((a, b) =>
        a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
      )
    : history.days;
  return { schemaVersion: 1, days: days.slice(-HISTORY_DAYS), transitions: moved };
}
