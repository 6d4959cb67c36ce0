// Counting recommendations into the summary's breakdowns: by pillar, criterion, unit and response.

import { UNASSIGNED, type UnitRole } from '../data/query.ts';
import type { MonitoringRound, Recommendation } from '../data/recommendation.ts';
import type { BreakdownGroup, Breakdowns } from '../data/summary.ts';
import { CRITERIA, PILLARS, RESPONSES } from '../data/vocabulary.ts';

function emptyGroup(key: string, label: string, rounds: readonly string[]): BreakdownGroup {
  const group: BreakdownGroup = {
    key,
    label,
    total: 0,
    response: { accept: 0, partial: 0, reject: 0 },
    status: {},
    implementation: {},
  };
  for (const round of rounds) {
    group.status[round] = { completed: 0, open: 0, discarded: 0, unreported: 0 };
    group.implementation[round] = { completed: 0, denominator: 0, rate: null };
  }
  return group;
}

function count(group: BreakdownGroup, recommendation: Recommendation, rounds: readonly string[]) {
  group.total++;
  const { response } = recommendation;
  if (response) group.response[response]++;
  // The rate's denominator is what management committed to: accepted and partially accepted.
  const committed = response === 'accept' || response === 'partial';
  for (const round of rounds) {
    const status = recommendation.monitoring[round]?.status ?? 'unreported';
    group.status[round]![status]++;
    const rate = group.implementation[round]!;
    if (committed) {
      rate.denominator++;
      if (status === 'completed') rate.completed++;
    }
  }
}

function finish(groups: BreakdownGroup[]): BreakdownGroup[] {
  for (const group of groups) {
    for (const rate of Object.values(group.implementation)) {
      rate.rate =
        rate.denominator === 0 ? null : Math.round((rate.completed / rate.denominator) * 1e4) / 1e4;
    }
  }
  return groups;
}

/**
 * Groups in a fixed order (pillars 1–5, criteria by Table 2, responses as the matrix lists them),
 * empty ones included so charts keep their shape; an "unassigned" group only when needed.
 */
function fixedBreakdown(
  recommendations: readonly Recommendation[],
  rounds: readonly string[],
  groups: readonly { key: string; label: string }[],
  keyOf: (r: Recommendation) => string | null,
  unassignedLabel: string,
): BreakdownGroup[] {
  const byKey = new Map(groups.map((g) => [g.key, emptyGroup(g.key, g.label, rounds)]));
  for (const recommendation of recommendations) {
    const key = keyOf(recommendation) ?? UNASSIGNED;
    let group = byKey.get(key);
    if (!group) {
      group = emptyGroup(UNASSIGNED, unassignedLabel, rounds);
      byKey.set(UNASSIGNED, group);
    }
    count(group, recommendation, rounds);
  }
  return finish([...byKey.values()]);
}

/** Case-insensitive order without localeCompare, whose first call loads ICU (~10 ms cold). */
function compareText(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}

/** A recommendation with two units counts once for each; units group whatever their case. */
export function unitBreakdown(
  recommendations: readonly Recommendation[],
  rounds: readonly string[],
  role: UnitRole = 'lead',
): BreakdownGroup[] {
  const byKey = new Map<string, BreakdownGroup>();
  for (const recommendation of recommendations) {
    const units = role === 'lead' ? recommendation.responsible : recommendation.support;
    const names = units.length > 0 ? units : [null];
    for (const unit of names) {
      const key = unit === null ? UNASSIGNED : unit.toLowerCase();
      let group = byKey.get(key);
      if (!group) {
        group = emptyGroup(
          unit ?? UNASSIGNED,
          unit ?? (role === 'lead' ? 'No responsible unit' : 'No supporting unit'),
          rounds,
        );
        byKey.set(key, group);
      }
      count(group, recommendation, rounds);
    }
  }
  return finish(
    [...byKey.values()].sort(
      (a, b) =>
        Number(a.key === UNASSIGNED) - Number(b.key === UNASSIGNED) ||
        b.total - a.total ||
        compareText(a.label, b.label),
    ),
  );
}

/** All the recommendations as one group: the headline figures. */
export function overallGroup(
  recommendations: readonly Recommendation[],
  rounds: readonly MonitoringRound[],
): BreakdownGroup {
  const labels = rounds.map((r) => r.label);
  return fixedBreakdown(
    recommendations,
    labels,
    [{ key: 'all', label: 'All recommendations' }],
    () => 'all',
    '',
  )[0]!;
}

export interface AggregateOptions {
  unitRole?: UnitRole;
}

export function aggregate(
  recommendations: readonly Recommendation[],
  rounds: readonly MonitoringRound[],
  options: AggregateOptions = {},
): { total: number; breakdowns: Breakdowns } {
  const labels = rounds.map((r) => r.label);
  return {
    total: recommendations.length,
    breakdowns: {
      pillar: fixedBreakdown(
        recommendations,
        labels,
        PILLARS.map((p) => ({ key: p.key, label: p.name })),
        (r) => r.pillar,
        'No pillar',
      ),
      criterion: fixedBreakdown(
        recommendations,
        labels,
        CRITERIA.map((c) => ({ key: c.key, label: c.label })),
        (r) => r.criterion,
        'No criterion',
      ),
      unit: unitBreakdown(recommendations, labels, options.unitRole),
      response: fixedBreakdown(
        recommendations,
        labels,
        RESPONSES.map((r) => ({ key: r.key, label: r.label })),
        (r) => r.response,
        'No response',
      ),
    },
  };
}
