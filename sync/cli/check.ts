// `sheet check <file.csv> [--json]`: the normaliser's verdict on a CSV export of the matrix.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Finding } from '../../data/finding.ts';
import type { Summary } from '../../data/summary.ts';
import { aggregate } from '../aggregate.ts';
import { parseCsv } from '../csv.ts';
import { buildSnapshot, summaryOf } from '../snapshot.ts';
import { countBySeverity, formatFindings } from './report.ts';
import { type CommandResult, UsageError } from './usage.ts';

/** Reads a CSV file, or says in plain words why it cannot. */
export async function readCsvFile(path: string): Promise<{ rows: string[][]; version: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(
      code === 'ENOENT'
        ? `No such file: ${path}`
        : `Cannot read ${path}: ${(error as Error).message}`,
    );
  }
  return {
    rows: parseCsv(text),
    version: createHash('sha256').update(text).digest('hex').slice(0, 16),
  };
}

/** The verdict on rows already read, as the exit code and the text to print. */
export function checkRows(
  rows: readonly (readonly string[])[],
  name: string,
  json: boolean,
  source: {
    kind: 'csv' | 'google-sheet';
    id: string;
    range: string | null;
    version: string | null;
  },
): CommandResult {
  const built = buildSnapshot({ rows, source: { ...source, modifiedTime: null } });
  if (!built.ok) {
    return {
      code: 1,
      stdout: json
        ? `${JSON.stringify(emptySummary(built.findings), null, 2)}\n`
        : `${name}: the sheet cannot be read as the matrix.\n\n${formatFindings(built.findings)}`,
    };
  }
  const { snapshot } = built;
  if (json) return { code: 0, stdout: `${JSON.stringify(summaryOf(snapshot), null, 2)}\n` };
  const rounds = snapshot.rounds.map((r) => r.label).join(', ') || 'none';
  const head = `${name}: ${snapshot.total} recommendations; monitoring rounds: ${rounds}; ${countBySeverity(snapshot.findings)}.`;
  return { code: 0, stdout: `${head}\n\n${formatFindings(snapshot.findings)}` };
}

/** The summary shape with nothing counted, so `--json` output keeps one shape even on failure. */
function emptySummary(findings: Finding[]): Summary {
  return { ...summaryOf({ ...aggregate([], []), rounds: [], findings }) };
}

export async function check(args: readonly string[]): Promise<CommandResult> {
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  const unknown = files.filter((a) => a.startsWith('--'));
  if (unknown.length > 0) throw new UsageError(`Unknown option ${unknown[0]} for check.`);
  if (files.length !== 1)
    throw new UsageError('check takes one CSV file: sheet check <file.csv> [--json]');
  const path = files[0]!;
  const { rows, version } = await readCsvFile(path);
  return checkRows(rows, path, json, { kind: 'csv', id: basename(path), range: null, version });
}
