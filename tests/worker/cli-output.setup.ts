// Vitest global setup (Node): what `sheet check --json` prints for the bundled matrix, so Worker
// tests can compare the API's numbers with the CLI's own output.
import type { TestProject } from 'vitest/node';
import { runSheetCommand } from '../../sync/cli/sheet.ts';

export default async function setup(project: TestProject) {
  const result = await runSheetCommand(['check', 'data/matrix.csv', '--json']);
  if (result.code !== 0) throw new Error(`sheet check failed: ${result.stderr}`);
  project.provide('sheetCheckJson', result.stdout);
}
