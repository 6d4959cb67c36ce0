// Timing helpers for `npm run bench`: medians of several runs of a synchronous function.

/**
 * Milliseconds one synchronous call takes. A synchronous call on an idle event loop occupies its
 * thread throughout, so this is its CPU time; process.cpuUsage() would also count V8's
 * background compiler threads, which are not the code's own cost.
 */
export function timeMs(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median milliseconds over `runs` calls, after `warmup` calls the JIT may learn from. */
export function medianMs(fn: () => unknown, runs: number, warmup = Math.min(runs, 5)): number {
  for (let i = 0; i < warmup; i++) fn();
  return median(Array.from({ length: runs }, () => timeMs(fn)));
}

export const fmt = (ms: number) =>
  ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`;

export function printTable(title: string, rows: readonly (readonly string[])[]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  console.log(`\n${title}`);
  for (const row of rows) console.log(`  ${row.map((c, i) => c.padEnd(widths[i]!)).join('  ')}`);
}
