// `backup FILE` and `restore FILE [--force]`: they open the database themselves (a connection of
// their own for SQLite's online backup; none at all while a restore replaces the file).
import { createBackup, type BackupPlace } from '../db/backup.js';
import { restoreBackup } from '../db/restore.js';
import { AppError } from '../http/errors.js';
import type { CliIo } from './commands.js';

/** Whether the command line asks for a backup or a restore. */
export function isBackupCommand(args: readonly string[]): boolean {
  return args[0] === 'backup' || args[0] === 'restore';
}

/** Runs `backup FILE` or `restore FILE [--force]` against the configured database and data folder. */
export async function runBackupCommand(args: readonly string[], place: BackupPlace, io: Pick<CliIo, 'out'>): Promise<void> {
  const [noun, file, ...rest] = args;
  const force = rest.includes('--force');
  if (file === undefined || file.startsWith('--') || rest.some((arg) => arg !== '--force') || (noun === 'backup' && force)) {
    throw new AppError('bad_request', 'Usage: npm run bindery -- backup FILE, or npm run bindery -- restore FILE [--force]');
  }
  if (noun === 'backup') {
    const manifest = await createBackup(place, file);
    io.out(`Backed up the ${manifest.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'} database (${manifest.migrations.length} migrations) and the data folder to ${file}.`);
    return;
  }
  const restored = await restoreBackup(place, file, { force });
  io.out(`Restored the database backed up at ${restored.createdAt} and ${restored.dataFiles} files of the data folder. Start the archive: it applies any newer migrations.`);
}
