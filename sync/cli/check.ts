// `sheet check <file.csv> [--json]`: the normaliser's verdict on a CSV export of the matrix.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Finding } from '../../data/finding.ts';
import type { Summary } from '../../data/summary.ts';
import type { Origin } from '../a1.ts';
import { aggregate } from '../aggregate.ts';
import { parseCsv } from '../csv.ts';
import { type DateOrder, dateOrderOf } from '../normalise/dates.ts';
import { buildSnapshot, summaryOf } from '../snapshot.ts';
import type { SheetEnv } from './auth.ts';
import { parseOptions, SHEET_OPTIONS, type SheetTarget, sheetTarget } from './options.ts';
import { countBySeverity, formatFindings } from './report.ts';
import { openSpreadsheet } from './spreadsheet.ts';
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

/**
 * The verdict on rows already read, as the exit code and the text to print. `origin` is where the
 * rows start on their tab, so findings name the cells staff see.
 */
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
  origin?: Origin,
  dateOrder: DateOrder | null = null,
): CommandResult {
  const built = buildSnapshot({
    rows,
    source: { ...source, modifiedTime: null },
    ...(origin ? { origin } : {}),
    dateOrder,
  });
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

export async function check(args: readonly string[], env: SheetEnv): Promise<CommandResult> {
  const { values, positionals } = parseOptions(
    'check',
    args,
    { ...SHEET_OPTIONS, json: { type: 'boolean' }, locale: { type: 'string' } },
    true,
  );
  const json = values.json ?? false;
  // A CSV does not say whether 03/04 is March or April; --locale does (the sheet's own, for --sheet).
  const dateOrder = values.locale === undefined ? undefined : dateOrderOf(values.locale);
  if (dateOrder === null) {
    throw new UsageError(`--locale '${values.locale}' is not a locale like en_GB or en_US.`);
  }
  if (values.sheet !== undefined) {
    if (positionals.length > 0)
      throw new UsageError('check takes a CSV file or --sheet <id>, not both.');
    return checkSheet(sheetTarget('check', values), json, env, dateOrder);
  }
  if (values.tab !== undefined || values.key !== undefined)
    throw new UsageError(
      '--tab and --key go with --sheet <id>: sheet check --sheet <id> [--tab <name>]',
    );
  if (positionals.length !== 1)
    throw new UsageError('check takes one CSV file: sheet check <file.csv> [--json]');
  const path = positionals[0]!;
  const { rows, version } = await readCsvFile(path);
  return checkRows(
    rows,
    path,
    json,
    { kind: 'csv', id: basename(path), range: null, version },
    undefined,
    dateOrder ?? null,
  );
}

/** `check --sheet`: the same verdict on the live tab, its cells named where they are. */
async function checkSheet(
  target: SheetTarget,
  json: boolean,
  env: SheetEnv,
  dateOrder: DateOrder | undefined,
): Promise<CommandResult> {
  const spreadsheet = await openSpreadsheet(target, 'read', env);
  const tab = await spreadsheet.tab(target.tab);
  const { rows, range, origin } = await spreadsheet.values(tab);
  const order = dateOrder ?? dateOrderOf(await spreadsheet.locale());
  return checkRows(
    rows,
    `'${tab.title}' in spreadsheet ${spreadsheet.id}`,
    json,
    { kind: 'google-sheet', id: spreadsheet.id, range, version: null },
    origin,
    order,
  );
}
