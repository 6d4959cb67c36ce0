// Reading a command's options with node:util's parseArgs, every mistake turned into a UsageError.
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './usage.ts';

type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** The options every command on a live sheet takes. */
export const SHEET_OPTIONS = {
  sheet: { type: 'string' },
  tab: { type: 'string' },
  key: { type: 'string' },
} as const satisfies OptionSpec;

/** Where a command finds its sheet and credentials, as typed on the command line. */
export interface SheetTarget {
  spreadsheetId: string;
  /** The tab's name; undefined for the first tab. */
  tab: string | undefined;
  /** A service-account key file; undefined to use GOOGLE_APPLICATION_CREDENTIALS or ADC. */
  keyFile: string | undefined;
}

/**
 * Parses `args` for `command`. Unknown options, options without their value and stray arguments
 * are usage errors named the way the person typed them.
 */
export function parseOptions<const T extends OptionSpec>(
  command: string,
  args: readonly string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = (error as Error).message;
    const option = /'(-{1,2}[^' ]+)/.exec(message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw new UsageError(`Unknown option ${option} for ${command}.`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new UsageError(`Option ${option.split(' ')[0]} of ${command} needs a value.`);
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
      throw new UsageError(`${command} takes no argument '${/'([^']*)'/.exec(message)?.[1]}'.`);
    throw error;
  }
}

/** The sheet options of parsed values, insisting on --sheet. */
export function sheetTarget(
  command: string,
  values: { sheet?: string | undefined; tab?: string | undefined; key?: string | undefined },
): SheetTarget {
  if (!values.sheet)
    throw new UsageError(
      `${command} needs --sheet <id>: the long id in the sheet's address, between /d/ and /edit.`,
    );
  return { spreadsheetId: values.sheet, tab: values.tab, keyFile: values.key };
}
