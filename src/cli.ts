// The operator's command line, `npm run bindery -- <command>`: process I/O around cli/commands.ts.
import { createInterface } from 'node:readline';
import { ConfigError, loadConfig, OPTIONS } from './config.js';
import { openDatabase } from './db/connect.js';
import { AppError } from './http/errors.js';
import { isBackupCommand, runBackupCommand } from './cli/backup-command.js';
import { runCommand, USAGE } from './cli/commands.js';
import { runWorker } from './cli/worker-command.js';

/** Reads a password: hidden at a terminal prompt, or the first line of piped input. */
async function readPassword(prompt: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY });
  if (process.stdin.isTTY) {
    process.stderr.write(prompt);
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    output._writeToOutput = () => undefined; // keep the typed password off the screen
  }
  for await (const line of rl) {
    rl.close();
    if (process.stdin.isTTY) process.stderr.write('\n');
    return line;
  }
  return '';
}

/** Progress on one rewritten line at a terminal; in a log, a line every ten seconds. */
let progressShown = false;

function progressWriter(): (line: string) => void {
  if (process.stderr.isTTY) return (line) => { progressShown = true; process.stderr.write(`\r${line}\u001b[K`); };
  let last = 0;
  return (line) => {
    if (Date.now() - last < 10_000) return;
    last = Date.now();
    process.stderr.write(`${line}\n`);
  };
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length === 0 || args[0] === 'help' || args[0] === '--help') { console.log(USAGE); return 0; }
  if (args[0] === 'config') { for (const o of OPTIONS) console.log(`${o.name.padEnd(16)} ${o.help}`); return 0; }
  const config = loadConfig();
  if (args[0] === 'worker') return runWorker(config);
  // A backup opens a connection of its own; a restore must not hold the file it replaces.
  if (isBackupCommand(args)) return reportErrors(() => runBackupCommand(args, config, { out: (line) => console.log(line) }));
  const handle = openDatabase(config.databaseUrl);
  try {
    return await reportErrors(async () => {
      await runCommand(args, handle, { readPassword, out: (line) => console.log(line), progress: progressWriter() });
      if (progressShown) process.stderr.write('\n');
    });
  } finally {
    await handle.close();
  }
}

/** Runs a command: 0 when it succeeds, 1 with its message when the operator's input was wrong. */
async function reportErrors(command: () => Promise<void>): Promise<number> {
  try {
    await command();
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const details = Object.values(error.fields);
    console.error(details.length > 0 ? details.join('\n') : error.message);
    return 1;
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
