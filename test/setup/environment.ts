// The variables that shape a test run, read in one place for the global setup and the test workers.
import type { Dialect } from '../../src/db/connect.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL the workers test against, decided once per run by test/global-setup.ts. */
    testDatabaseUrl?: string;
  }
}

const DIALECTS: readonly string[] = ['sqlite', 'postgres'] satisfies Dialect[];

/** The databases to test: BINDERY_TEST_DATABASES (default both), refusing a name we do not know. */
export function testDialects(value = process.env.BINDERY_TEST_DATABASES ?? 'sqlite,postgres'): Dialect[] {
  const names = value.split(',').map((name) => name.trim()).filter((name) => name !== '');
  // A typo such as "postgresql" would otherwise run the PostgreSQL half under a name nothing checks.
  if (names.length === 0 || names.some((name) => !DIALECTS.includes(name))) {
    throw new Error(`BINDERY_TEST_DATABASES must list sqlite and/or postgres, separated by commas, got "${value}"`);
  }
  return names as Dialect[];
}

/** An existing PostgreSQL to test against instead of a throwaway cluster (TEST_DATABASE_URL), if one is named. */
export function externalDatabaseUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  return url === undefined || url === '' ? undefined : url;
}

/** Whether the setup may install missing Debian packages: yes unless BINDERY_TEST_NO_INSTALL is set to anything but "" or "0". */
export function installAllowed(value = process.env.BINDERY_TEST_NO_INSTALL): boolean {
  return value === undefined || value === '' || value === '0';
}

/**
 * Reader threads for every SQLite test app (BINDERY_TEST_SQLITE_READERS, default 0: in-memory
 * databases, read on the main connection). With a number, every test runs its SQLite reads that
 * may be stale through the threads, on a database file, as the app server does.
 */
export function testSqliteReaders(value = process.env.BINDERY_TEST_SQLITE_READERS): string {
  if (value === undefined || value === '') return '0';
  if (!/^\d{1,2}$/.test(value)) throw new Error(`BINDERY_TEST_SQLITE_READERS must be a number of threads, got "${value}"`);
  return value;
}
