// Prepares the machine before any test file starts, after `npm test` has type-checked and linted:
// the Debian packages the chosen files use, a temporary directory for the run, and a throwaway
// PostgreSQL unless TEST_DATABASE_URL names one. See docs/decisions/019-tests-prepare-their-machine.md.
import { relative } from 'node:path';
import type { TestProject } from 'vitest/node';
import { MachineNotReady } from './setup/commands.js';
import { ensurePackages, packagesFor } from './setup/debian-packages.js';
import { externalDatabaseUrl, installAllowed, testDialects } from './setup/environment.js';
import { findPostgresBin, POSTGRESQL, POSTGRESQL_RUM, startCluster } from './setup/postgres-cluster.js';
import { useRunTmpdir } from './setup/run-tmpdir.js';

/** vitest's global setup: installs or names what is missing, starts what the run needs, and returns the teardown that removes it all. */
export default async function setup(project: TestProject): Promise<() => void> {
  try {
    return await prepare(project);
  } catch (error) {
    // Thrown, the line would come after vitest's "No test files found" and a frame of decoration;
    // it says what to do by itself, and nothing has been started that needs stopping.
    if (!(error instanceof MachineNotReady)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

async function prepare(project: TestProject): Promise<() => void> {
  // The files this run will test (known before global setup); an empty list means "assume all".
  const files = project.vitest.state.getPaths().map((file) => relative(project.config.root, file));
  const ownPostgres = testDialects().includes('postgres') && externalDatabaseUrl() === undefined;
  ensurePackages([...packagesFor(files), ...(ownPostgres ? [POSTGRESQL, POSTGRESQL_RUM] : [])], installAllowed());
  // Not every test deletes what it makes under os.tmpdir(); deleting the run's directory does.
  const undo = [useRunTmpdir()];
  const cleanUp = () => { for (const step of undo.splice(0).reverse()) step(); };
  try {
    const url = ownPostgres ? await startOwnPostgres(undo) : externalDatabaseUrl();
    if (url !== undefined) project.provide('testDatabaseUrl', url);
  } catch (error) {
    cleanUp();
    throw error;
  }
  // On Ctrl-C vitest leaves through process.exit(), skipping teardown; "exit" listeners still run.
  process.once('exit', cleanUp);
  return () => {
    process.off('exit', cleanUp);
    cleanUp();
  };
}

async function startOwnPostgres(undo: Array<() => void>): Promise<string> {
  const bin = findPostgresBin();
  if (bin === undefined) throw new Error('PostgreSQL was installed, but initdb is still not found');
  const cluster = await startCluster(bin);
  undo.push(cluster.stop);
  console.log(`Tests use a throwaway PostgreSQL ${cluster.version} in ${cluster.dir}`);
  return cluster.url;
}
