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
