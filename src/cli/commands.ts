// The operator's commands, separate from process I/O so tests can run them in-process.
import { turnOffTwoFactor } from '../accounts/two-factor.service.js';
import { createApiToken, endAllSessions } from '../accounts/session.service.js';
import { createAccount, setPassword, setWrangler } from '../accounts/user.service.js';
import type { DatabaseHandle } from '../db/connect.js';
import { migrateToLatest } from '../db/migrate.js';
import { AppError } from '../http/errors.js';
import { reindexAll } from '../search/search-index.service.js';
import { importFiles, type ImportOptions } from './import-command.js';
import { wireDomains } from '../wiring.js';
import { runJobsCommand } from './jobs-command.js';

export const USAGE = `Usage: npm run bindery -- <command>

Commands:
  migrate                                       apply database migrations
  users create <login> --email <address> [--admin]
                                                create an account; the password is read from standard input
  users password <login>                        set a new password, read from standard input
  users wrangler <login> [--revoke]             let <login> wrangle tags (or stop them)
  users two-factor-off <login>                  turn off <login>'s two-factor sign-in (a lost phone and lost
                                                recovery codes) and end their sessions
  tokens create <login> [--name <label>]        print a new API token for <login>
  reindex                                       rebuild the search index, showing progress
  import <files...> --as <login> [--post] [--fandom <name>] [--rating <rating>] [--language <code>]
                                                import story files (text, Markdown, HTML, .docx, EPUB,
                                                AO3 downloads) as drafts of <login> (posted with --post)
  backup <file>                                 write the database and the data folder (caches left out) to
                                                <file>, a .tar.gz; safe while the archive serves
  restore <file> [--force]                      put a backup back; stop the archive first (--force: replace a
                                                database that already has tables)
  worker                                        run background jobs (email, digests, reveals) without HTTP,
                                                until SIGTERM or SIGINT
  jobs status                                   how many jobs of each kind are in each state
  jobs enqueue-probe <n> [--ms <ms>]            queue n self-test jobs (each waits ms, default 0, then writes a
                                                row to job_probes naming its job and process)
  config                                        list the settings read from the environment
  help                                          show this text`;

/** What a command may use of the outside world. */
export type CliIo = { readPassword: (prompt: string) => Promise<string>; out: (line: string) => void; progress?: (line: string) => void };

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at === -1 ? undefined : args[at + 1];
}

const IMPORT_VALUES = new Set(['--as', '--fandom', '--rating', '--language', '--title']);

function importOptions(args: string[]): ImportOptions {
  const login = option(args, '--as');
  const files = args.slice(1).filter((arg, i, all) => !arg.startsWith('--') && !IMPORT_VALUES.has(all[i - 1] ?? ''));
  if (login === undefined || files.length === 0) throw new AppError('bad_request', 'Usage: npm run bindery -- import <files...> --as <login> [--post] [--fandom <name>] [--rating <rating>] [--language <code>]');
  const fandom = option(args, '--fandom');
  const rating = option(args, '--rating');
  const language = option(args, '--language');
  const title = option(args, '--title');
  return {
    login, files, post: args.includes('--post'),
    choices: { ...(fandom !== undefined ? { fandoms: fandom } : {}), ...(rating !== undefined ? { rating } : {}), ...(language !== undefined ? { language } : {}), ...(title !== undefined ? { title } : {}) },
  };
}

/** Runs one command; throws AppError with a message for the operator when the input is wrong. */
export async function runCommand(args: string[], handle: DatabaseHandle, io: CliIo): Promise<void> {
  wireDomains();
  const [noun, verb, target] = args;
  const { db } = handle;
  if (noun === 'migrate') {
    const applied = await migrateToLatest(db);
    io.out(applied.length === 0 ? 'The database is up to date.' : `Applied: ${applied.join(', ')}`);
    return;
  }
  if (noun === 'reindex') {
    await migrateToLatest(db);
    const started = Date.now();
    const done = await reindexAll(db, (count, total) => io.progress?.(`Indexed ${count.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} works`));
    io.out(`Search index rebuilt: ${done.toLocaleString('en-US')} works in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
    return;
  }
  if (noun === 'import') {
    await migrateToLatest(db);
    const failed = await importFiles(db, importOptions(args), io.out);
    if (failed > 0) throw new AppError('validation_failed', `${failed} file${failed === 1 ? ' was' : 's were'} not imported.`);
    return;
  }
  if (noun === 'jobs') {
    await migrateToLatest(db);
    await runJobsCommand(db, args, io);
    return;
  }
  if (target === undefined) throw new AppError('bad_request', USAGE);
  await migrateToLatest(db);
  if (noun === 'users' && verb === 'create') {
    const email = option(args, '--email');
    if (email === undefined) throw new AppError('bad_request', 'Give an email address with --email.');
    const user = await createAccount(db, { login: target, email, password: await io.readPassword('Password: ') }, { admin: args.includes('--admin') });
    io.out(`Created ${user.login}${user.isAdmin ? ' (admin)' : ''}.`);
  } else if (noun === 'users' && verb === 'password') {
    const user = await setPassword(db, target, await io.readPassword('New password: '));
    await endAllSessions(db, user.id);
    io.out(`Password changed for ${user.login}; their sessions were ended.`);
  } else if (noun === 'users' && verb === 'wrangler') {
    const on = !args.includes('--revoke');
    const user = await setWrangler(db, null, target, on);
    io.out(on ? `${user.login} can now wrangle tags.` : `${user.login} no longer wrangles tags.`);
  } else if (noun === 'users' && verb === 'two-factor-off') {
    const user = await turnOffTwoFactor(db, target);
    await endAllSessions(db, user.id);
    io.out(`Two-factor sign-in is off for ${user.login}; their sessions were ended. They log in with their password alone until they set it up again.`);
  } else if (noun === 'tokens' && verb === 'create') {
    io.out(await createApiToken(db, target, option(args, '--name') ?? 'cli'));
  } else {
    throw new AppError('bad_request', USAGE);
  }
}
