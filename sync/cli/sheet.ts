// `npm run sheet -- <command>`: the staff's spreadsheet tools, run with Node.
import { pathToFileURL } from 'node:url';
import { check } from './check.ts';
import { type CommandResult, USAGE, UsageError } from './usage.ts';

const COMMANDS: Record<string, (args: readonly string[]) => Promise<CommandResult>> = { check };

export async function runSheetCommand(argv: readonly string[]): Promise<CommandResult> {
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
    return await command(args);
  } catch (error) {
    if (error instanceof UsageError)
      return { code: 2, stdout: '', stderr: `${error.message}\n\n${USAGE}` };
    throw error;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runSheetCommand(process.argv.slice(2));
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  process.exitCode = result.code;
}
