// Findings printed for a person: grouped by severity, each with its cell and recommendation.
import type { Finding, Severity } from '../../data/finding.ts';

const HEADINGS: Record<Severity, string> = {
  error: 'Errors (rows left out, or the sheet rejected)',
  warning: 'Warnings (values that could not be read or that disagree)',
  info: 'Notes',
};

export function formatFindings(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'No findings: every cell was read as typed.\n';
  const lines: string[] = [];
  for (const severity of ['error', 'warning', 'info'] as const) {
    const group = findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push(`${HEADINGS[severity]}: ${group.length}`);
    for (const f of group) {
      const where = [f.cell ?? 'sheet', f.recommendation ? `#${f.recommendation}` : '']
        .filter(Boolean)
        .join(' ');
      lines.push(`  ${where.padEnd(14)} ${f.message} [${f.rule}]`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

export function countBySeverity(findings: readonly Finding[]): string {
  const n = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return `${n('error')} errors, ${n('warning')} warnings, ${n('info')} notes`;
}
