// The operator's command line: `npm run bindery -- <command>`.
import { createInterface } from 'node:readline';
import { createApiToken, endAllSessions } from './accounts/session.service.js';
import { createAccount, setPassword } from './accounts/user.service.js';
import { ConfigError, loadConfig, OPTIONS } from './config.js';
import { openDatabase, type DatabaseHandle } from './db/connect.js';
import { migrateToLatest } from './db/migrate.js';
import { AppError } from './http/errors.js';

const USAGE = `Usage: npm run bindery -- <command>

Commands:
  migrate                                       apply database migrations
  users create <login> --email <address> [--admin]
                                                create an account; the password is read from standard input
  users password <login>                        set a new password, read from standard input
  tokens create <login> [--name <label>]        print a new API token for <login>
  config                                        list the settings read from the environment
  help                                          show this text`;

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

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
}

async function run(args: string[], handle: DatabaseHandle): Promise<void> {
  const [noun, verb, target] = args;
  const { db } = handle;
  if (noun === 'migrate') {
    const applied = await migrateToLatest(db);
    console.log(applied.length === 0 ? 'The database is up to date.' : `Applied: ${applied.join(', ')}`);
  } else if (noun === 'users' && verb === 'create' && target !== undefined) {
    const email = option(args, '--email');
    if (email === undefined) throw new AppError('bad_request', 'Give an email address with --email.');
    await migrateToLatest(db);
    const user = await createAccount(db, { login: target, email, password: await readPassword('Password: ') }, { admin: args.includes('--admin') });
    console.log(`Created ${user.login}${user.isAdmin ? ' (admin)' : ''}.`);
  } else if (noun === 'users' && verb === 'password' && target !== undefined) {
    await migrateToLatest(db);
    const user = await setPassword(db, target, await readPassword('New password: '));
    await endAllSessions(db, user.id);
    console.log(`Password changed for ${user.login}; their sessions were ended.`);
  } else if (noun === 'tokens' && verb === 'create' && target !== undefined) {
    await migrateToLatest(db);
    console.log(await createApiToken(db, target, option(args, '--name') ?? 'cli'));
  } else {
    throw new AppError('bad_request', USAGE);
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.length === 0 || args[0] === 'help' || args[0] === '--help') { console.log(USAGE); return 0; }
  if (args[0] === 'config') { for (const o of OPTIONS) console.log(`${o.name.padEnd(16)} ${o.help}`); return 0; }
  const handle = openDatabase(loadConfig().databaseUrl);
  try {
    await run(args, handle);
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const details = Object.values(error.fields);
    console.error(details.length > 0 ? details.join('\n') : error.message);
    return 1;
  } finally {
    await handle.close();
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error instanceof ConfigError ? `Configuration error: ${error.message}` : error);
  process.exit(1);
});
