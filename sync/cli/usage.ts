// What every `sheet` command returns, and the error that means "you called it wrong" (exit 2).

export interface CommandResult {
  code: 0 | 1 | 2;
  stdout: string;
  stderr?: string;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export const USAGE = `Usage: npm run sheet -- <command> [options]

Commands:
  check <file.csv> [--json]   Read a CSV export of the matrix and list what staff should fix.
                              --json prints the summary (counts and findings) and nothing else.

Exit codes: 0 the sheet is usable, 1 the sheet cannot be read (structural error), 2 usage error.
`;
