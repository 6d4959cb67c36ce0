// `npm run sheet -- <command>`: the staff's spreadsheet tools, run with Node.
import { pathToFileURL } from 'node:url';
import { SyncError } from '../errors.ts';
import { addRound } from './add-round.ts';
import { annotate } from './annotate.ts';
import type { SheetEnv } from './auth.ts';
import { check } from './check.ts';
import { init } from './init.ts';
import { pull } from './pull.ts';
import { type CommandResult, USAGE, UsageError } from './usage.ts';

const COMMANDS: Record<string, (args: readonly string[], env: SheetEnv) => Promise<CommandResult>> =
  { check, init, 'add-round': addRound, pull, annotate };

/**
 * Runs one command. `env` holds the settings read from the environment (credentials, and for
 * tests the API root and retry timing); a failure on Google's side is said with what to do.
 */
export async function runSheetCommand(
  argv: readonly string[],
  env: SheetEnv = process.env,
): Promise<CommandResult> {
  const [name, ...args] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    return {
      code: name === undefined ? 2 : 0,
      stdout: name === undefined ? '' : USAGE,
      stderr: name === undefined ? USAGE : '',
    };
  }
  const command = COMMANDS[name];
  if (!command) return { code: 2, stdout: '', stderr: `Unknown command '${name}'.\n\n${USAGE}` };
  try {
    return await command(args, env);
  } catch (error) {
    if (error instanceof UsageError)
      return { code: 2, stdout: '', stderr: `${error.message}\n\n${USAGE}` };
    if (error instanceof SyncError)
      return {
        code: 1,
        stdout: '',
        stderr: `${error.message}\n${error.action ? `${error.action}\n` : ''}`,
      };
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runSheetCommand(process.argv.slice(2));
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
