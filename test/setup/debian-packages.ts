// The Debian packages some tests run: Chromium for the browser tests, epubcheck for the EPUB
// tests, nginx for the cluster test, PostgreSQL's server for the throwaway cluster. Missing ones are installed when we may,
// or named in one line with the command that installs them.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { isRoot, MachineNotReady, onPath } from './commands.js';

export type DebianPackage = { name: string; present: () => boolean };

// The same paths test/browser/harness.ts and src/downloads/fixtures/epubcheck.ts run.
export const CHROMIUM: DebianPackage = { name: 'chromium', present: () => existsSync('/usr/bin/chromium') };
export const EPUBCHECK: DebianPackage = { name: 'epubcheck', present: () => existsSync('/usr/share/java/epubcheck.jar') };
/** The path scripts/cluster/nginx.ts runs. */
export const NGINX_BIN = '/usr/sbin/nginx';
export const NGINX: DebianPackage = { name: 'nginx', present: () => existsSync(NGINX_BIN) };

// Which test files use which package, by folder (or file name's start), so that `vitest run src/works` needs neither.
const USED_BY: ReadonlyArray<[DebianPackage, folder: string]> = [[CHROMIUM, 'test/browser/'], [EPUBCHECK, 'src/downloads/'], [NGINX, 'test/cluster']];

/** The packages that test files (paths relative to the repository) use; all of them when the run's files are not known. */
export function packagesFor(files: readonly string[]): DebianPackage[] {
  return USED_BY.filter(([, folder]) => files.length === 0 || files.some((file) => file.startsWith(folder))).map(([pkg]) => pkg);
}

/** The command that installs the named packages on Debian, through sudo unless already root. */
export function installCommand(names: readonly string[], root: boolean): string {
  const sudo = root ? '' : 'sudo ';
  return `${sudo}apt-get update && ${sudo}apt-get install -y --no-install-recommends ${names.join(' ')}`;
}

/** One line naming the missing packages and what to do about them. */
export function missingMessage(missing: readonly string[], machine: { root: boolean; apt: boolean }): string {
  const names = missing.join(' ');
  const orSqlite = missing.includes('postgresql') ? ' (or set BINDERY_TEST_DATABASES=sqlite to leave PostgreSQL out)' : '';
  if (!machine.apt) return `The tests need ${names} (Debian's package names), and this machine has no apt-get: install them${orSqlite}.`;
  return `The tests need Debian packages that are not installed: ${names}. Run: ${installCommand(missing, machine.root)}${orSqlite}`;
}

/** Installs missing packages with apt-get when allowed (as root, with apt-get), or throws the one line that says how. */
export function ensurePackages(packages: readonly DebianPackage[], installAllowed: boolean): void {
  const missing = packages.filter((pkg) => !pkg.present()).map((pkg) => pkg.name);
  if (missing.length === 0) return;
  const apt = onPath('apt-get');
  if (!installAllowed || !isRoot() || apt === undefined) throw new MachineNotReady(missingMessage(missing, { root: isRoot(), apt: apt !== undefined }));
  console.log(`Installing the Debian packages the tests need: ${missing.join(' ')} (BINDERY_TEST_NO_INSTALL=1 turns this off)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    execFileSync(apt, ['update'], { stdio: 'inherit', env });
    execFileSync(apt, ['install', '-y', '--no-install-recommends', ...missing], { stdio: 'inherit', env });
  } catch {
    throw new MachineNotReady(`apt-get could not install ${missing.join(' ')}; its messages are above. The command was: ${installCommand(missing, true)}`);
  }
  const still = packages.filter((pkg) => !pkg.present()).map((pkg) => pkg.name);
  if (still.length > 0) throw new MachineNotReady(`apt-get installed ${missing.join(' ')}, but the tests still cannot find ${still.join(' ')}.`);
}
