// What a read costs the Worker beyond its one KV get: parsing the stored snapshot and the work done
// per request (a filtered summary, the list, the round digest), against the free plan's 10 ms.
import { readFileSync } from 'node:fs';
import { NO_FILTERS } from '../../data/query.ts';
import { aggregate, overallGroup } from '../../sync/aggregate.ts';
import { computeDigest } from '../../sync/digest.ts';
import { filterRecommendations, listItem, today } from '../../sync/query.ts';
import { filledMatrixWithDueDates, snapshotOf } from '../fixtures/filled-matrix.ts';
import { fmt, medianMs, printTable, timeMs } from './measure.ts';

export function run(): void {
  const csv = readFileSync(`${process.cwd()}/data/matrix.csv`, 'utf8');
  const snapshot = snapshotOf(filledMatrixWithDueDates(csv));
  const stored = JSON.stringify({ status: {}, snapshot });
  const on = today();
  const filters = { ...NO_FILTERS, pillar: ['2' as const] };
  const work: [string, () => unknown][] = [
    ['parse the stored snapshot (JSON.parse)', () => JSON.parse(stored)],
    [
      'summary filtered to one pillar',
      () => {
        const recs = filterRecommendations(snapshot.recommendations, filters, snapshot.rounds, on);
        return [aggregate(recs, snapshot.rounds), overallGroup(recs, snapshot.rounds)];
      },
    ],
    [
      'list of 62 recommendations',
      () => snapshot.recommendations.map((r) => listItem(r, snapshot.rounds)),
    ],
    [
      'round digest Time 2 → Time 3',
      () =>
        JSON.stringify(
          computeDigest(snapshot.recommendations, 'Time 2', 'Time 3', { on, dueDates: true }),
        ),
    ],
  ];
  const rows = work.map(([name, fn]) => {
    const first = timeMs(fn);
    const median = medianMs(fn, 201, 50);
    return [name, fmt(first), fmt(median), `${((median / 10) * 100).toFixed(1)}%`];
  });
  printTable(
    `Per-request work on the filled matrix with due dates (stored snapshot ${(stored.length / 1024).toFixed(0)} KB)`,
    [['work', 'first run', 'median', 'of 10 ms'], ...rows],
  );
}
