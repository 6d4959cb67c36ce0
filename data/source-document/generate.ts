// CLI: writes data/matrix.csv from the source document, or with --check proves the committed CSV is reproducible.
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parseCsv } from '../../sync/csv.ts';
import { matrixCsv } from './layout.ts';
import { parseSourceDocument } from './parse.ts';
import { DEFAULT_SOURCE_PATH, MATRIX_CSV_PATH, REPO_ROOT } from './paths.ts';

const USAGE = 'Usage: npx tsx data/source-document/generate.ts [source.md] [--check]';

function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  const positional = argv.filter((a) => !a.startsWith('--'));
  const unknown = argv.filter((a) => a.startsWith('--') && a !== '--check');
  if (unknown.length > 0 || positional.length > 1) {
    console.error(USAGE);
    return 2;
  }
  const sourcePath = positional[0] ?? DEFAULT_SOURCE_PATH;
  const csvName = relative(REPO_ROOT, MATRIX_CSV_PATH);

  let markdown: string;
  try {
    markdown = readFileSync(sourcePath, 'utf8');
  } catch (error) {
    console.error(`Cannot read the source document ${sourcePath}: ${(error as Error).message}`);
    return 1;
  }
  const rows = parseSourceDocument(markdown);
  const csv = matrixCsv(rows);

  if (!check) {
    writeFileSync(MATRIX_CSV_PATH, csv);
    console.log(`Wrote ${csvName}: ${rows.length} rows from ${sourcePath}`);
    return 0;
  }

  let committed: string;
  try {
    committed = readFileSync(MATRIX_CSV_PATH, 'utf8');
  } catch {
    console.error(`${csvName} is missing; run: npx tsx data/source-document/generate.ts`);
    return 1;
  }
  if (committed === csv) {
    console.log(`${csvName} is up to date with ${sourcePath} (${rows.length} rows)`);
    return 0;
  }
  console.error(`${csvName} differs from what ${sourcePath} generates.`);
  console.error(firstDifference(committed, csv));
  console.error('Regenerate it with: npx tsx data/source-document/generate.ts');
  return 1;
}

/** Points a reviewer at the first differing cell rather than leaving them to diff a CSV by hand. */
function firstDifference(committed: string, generated: string): string {
  const a = parseCsv(committed);
  const b = parseCsv(generated);
  for (let r = 0; r < Math.max(a.length, b.length); r++) {
    const left = a[r] ?? [];
    const right = b[r] ?? [];
    for (let c = 0; c < Math.max(left.length, right.length); c++) {
      if (left[c] !== right[c]) {
        const header = b[0]?.[c] ?? `column ${c + 1}`;
        return `First difference: row ${r + 1} (${right[0] ?? left[0] ?? '?'}), "${header}":\n  committed: ${JSON.stringify(left[c])}\n  generated: ${JSON.stringify(right[c])}`;
      }
    }
  }
  return 'The cells agree; the difference is in line endings or quoting.';
}

process.exitCode = main(process.argv.slice(2));
