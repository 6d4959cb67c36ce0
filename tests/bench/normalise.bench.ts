// Normalise + aggregate: the bundled 62-row matrix and a generated 10,000-row sheet.
import { readFileSync } from 'node:fs';
import { aggregate } from '../../sync/aggregate.ts';
import { parseCsv } from '../../sync/csv.ts';
import { normaliseRows } from '../../sync/normalise/index.ts';
import { fmt, medianMs, printTable, timeMs } from './measure.ts';

// npm runs scripts from the package root; the bundle itself lives in a temp folder.
const MATRIX_CSV = `${process.cwd()}/data/matrix.csv`;
const STATUSES = ['open', 'completed', 'discarded', ''];

/** The matrix's own rows, renumbered and repeated to `count` recommendations, statuses filled in. */
export function generatedSheet(count: number): string[][] {
  const [header, ...rows] = parseCsv(readFileSync(MATRIX_CSV, 'utf8'));
  const plain = rows.filter((r) => /^\d+$/.test(r[0]!));
  const out = [header!];
  for (let i = 0; i < count; i++) {
    const row = [...plain[i % plain.length]!];
    row[0] = String(i + 1);
    row[11] = STATUSES[i % 4]!;
    row[13] = STATUSES[(i + 1) % 4]!;
    out.push(row);
  }
  return out;
}

function normaliseAndAggregate(rows: string[][]) {
  const result = normaliseRows(rows);
  if (!result.ok) throw new Error('bench sheet did not read');
  return aggregate(result.recommendations, result.rounds);
}

export function run(): void {
  const matrix = parseCsv(readFileSync(MATRIX_CSV, 'utf8'));
  const large = generatedSheet(10_000);
  // The first call is what a fresh Worker isolate pays at sync; the median is a warmed-up one.
  const cold = timeMs(() => normaliseAndAggregate(matrix));
  const small = medianMs(() => normaliseAndAggregate(matrix), 201, 300);
  const big = medianMs(() => normaliseAndAggregate(large), 7, 2);
  const perRowSmall = small / 62;
  const perRowBig = big / 10_000;
  printTable('Normalise + aggregate (synchronous CPU time; esbuild bundle as wrangler builds it)', [
    ['sheet', 'rows', 'first run', 'median', 'per row'],
    ['bundled matrix', '62', fmt(cold), fmt(small), fmt(perRowSmall)],
    ['generated', '10000', '', fmt(big), fmt(perRowBig)],
  ]);
  console.log(
    `  per-row cost ratio (10,000 / 62): ${(perRowBig / perRowSmall).toFixed(2)}  (≈1 means linear growth)`,
  );
  console.log(
    `  62-row matrix vs the 5 ms target: ${((small / 5) * 100).toFixed(1)}% of it; Workers free plan allows 10 ms`,
  );
}
