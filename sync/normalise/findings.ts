// Collecting findings while a sheet is read, and handing them back in sheet order.
import type { Finding, FindingRule, Severity } from '../../data/finding.ts';
import { columnIndex } from '../a1.ts';

export class FindingLog {
  readonly #findings: Finding[] = [];

  report(
    severity: Severity,
    rule: FindingRule,
    message: string,
    recommendation: string | null,
    cell: string | null,
  ): void {
    this.#findings.push({ severity, rule, message, recommendation, cell });
  }

  get count(): number {
    return this.#findings.length;
  }

  /** Findings in sheet order (row, then column), those about the whole sheet first. */
  sorted(): Finding[] {
    const position = (cell: string | null): [number, number] => {
      const match = cell ? /^([A-Z]+)(\d+)/.exec(cell) : null;
      return match ? [Number(match[2]), columnIndex(match[1]!)] : [0, 0];
    };
    return this.#findings
      .map((f, i) => ({ f, i, p: position(f.cell) }))
      .sort((a, b) => a.p[0] - b.p[0] || a.p[1] - b.p[1] || a.i - b.i)
      .map(({ f }) => f);
  }
}
