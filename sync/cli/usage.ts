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
  check <file.csv> [--json] [--locale <xx_YY>]
                              Read a CSV export of the matrix and list what staff should fix.
                              --json prints the summary (counts and findings) and nothing else.
                              --locale (e.g. en_GB, en_US) says how its due dates are written;
                              without it a date like 03/04/2025 is reported, not guessed.
  check --sheet <id> [--tab <name>] [--json]
                              The same, on the live Google Sheet.
  init --sheet <id> [--tab <name>] [--from <file.csv>] [--force]
                              Write the matrix (default data/matrix.csv) into the tab (created if
                              missing) and set it up: frozen, protected header; column widths and
                              wrapping; dropdowns for the response and every round's status; a
                              highlight on blank statuses of a round in progress; a filter view
                              per pillar. Refuses a tab that holds data unless --force.
  add-round --sheet <id> [--tab <name>] --label "Time N"
                              Add a monitoring round's status and comments columns after the last
                              round's, with the same dropdown and highlight.
  pull --sheet <id> [--tab <name>] [--out <file.csv>]
                              Download the tab as CSV (what the dashboard reads), to stdout or a file.
  annotate --sheet <id> [--tab <name>]
                              Put each finding in a note on its cell ("[matrix check] ..."), and
                              clear the notes an earlier run wrote. Staff's own notes are kept.

Options for the commands on a Google Sheet:
  --sheet <id>   The long id in the sheet's address, between /d/ and /edit.
  --tab <name>   The tab, exactly as written on it. Default: the first tab.
  --key <file>   A service account's JSON key file. Default: GOOGLE_APPLICATION_CREDENTIALS, else
                 application-default credentials (gcloud auth application-default login).
                 Share the sheet with the key's client_email: as Viewer for check and pull, as
                 Editor for init, add-round and annotate.

Exit codes: 0 done (check: the sheet is usable), 1 the sheet cannot be read as the matrix or Google
refused (the message says what to do), 2 usage error.
`;
