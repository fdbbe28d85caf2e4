// The import structure the code promises (STYLE.md, docs/decisions/022-write-events.md): domains
// form no cycle, so each can be understood below the ones that use it; the plumbing (lib, db,
// http, views, access, events) never reaches up into a domain; works never imports search.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve('src');
const DOMAINS = new Set(['accounts', 'works', 'tags', 'search', 'downloads', 'importing', 'opds', 'feeds', 'feedback', 'series', 'gifts', 'collections', 'moderation', 'images']);
const PLUMBING = new Set(['lib', 'db', 'http', 'views', 'access', 'events', 'config', 'mail', 'jobs']);
/** Entry points that connect domains; nothing imports them but each other. */
const ROOTS = new Set(['app', 'main', 'cli', 'wiring', 'search-thread', 'build-thread']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) && !path.includes(join('db', 'migrations')) ? [path] : [];
  });
}

/** The folder a source file belongs to: `works` for src/works/views/x.tsx, `app` for src/app.ts. */
function areaOf(file: string): string {
  const [first = '', ...rest] = relative(SRC, file).split('/');
  return rest.length === 0 ? first.replace(/\.tsx?$/, '') : first;
}

/** Every relative import of every source file, as [from area, to area, file, specifier]. */
function imports(): Array<[string, string, string, string]> {
  return sources(SRC).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map((m) => {
    const specifier = m[1] ?? '';
    const target = resolve(dirname(file), specifier).replace(/\.js$/, '.ts');
    return [areaOf(file), areaOf(target), relative(SRC, file), specifier] as [string, string, string, string];
  }));
}

/** The cycles among domains, each as a path like "works -> tags -> works". */
function domainCycles(edges: Map<string, Set<string>>): string[] {
  const cycles: string[] = [];
  const walk = (path: string[]): void => {
    for (const next of edges.get(path[path.length - 1] ?? '') ?? []) {
      if (next === path[0]) cycles.push([...path, next].join(' -> '));
      else if (!path.includes(next) && next > (path[0] ?? '')) walk([...path, next]);
    }
  };
  for (const start of edges.keys()) walk([start]);
  return cycles;
}

describe('import structure', () => {
  const all = imports();

  it('sees the domains it checks', () => {
    const seen = new Set(all.map(([from]) => from));
    for (const domain of DOMAINS) expect(seen, domain).toContain(domain);
  });

  it('has no cycle among domains', () => {
    const edges = new Map<string, Set<string>>();
    for (const [from, to] of all) {
      if (from === to || !DOMAINS.has(from) || !DOMAINS.has(to)) continue;
      edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
    expect(domainCycles(edges)).toEqual([]);
  });

  it('keeps works from importing search', () => {
    expect(all.filter(([from, to]) => from === 'works' && to === 'search').map(([, , file, spec]) => `${file}: ${spec}`)).toEqual([]);
  });

  it('keeps the plumbing from reaching up into a domain or an entry point', () => {
    const upward = all.filter(([from, to]) => PLUMBING.has(from) && (DOMAINS.has(to) || ROOTS.has(to)));
    expect(upward.map(([, , file, spec]) => `${file}: ${spec}`)).toEqual([]);
  });

  it('keeps lib free of everything but itself', () => {
    expect(all.filter(([from, to]) => from === 'lib' && to !== 'lib').map(([, , file, spec]) => `${file}: ${spec}`)).toEqual([]);
  });

  it('lets only entry points import entry points', () => {
    const intoRoots = all.filter(([from, to]) => ROOTS.has(to) && !ROOTS.has(from));
    expect(intoRoots.map(([, , file, spec]) => `${file}: ${spec}`)).toEqual([]);
  });

  it('knows every folder under src', () => {
    const unknown = [...new Set(all.map(([from]) => from))].filter((area) => !DOMAINS.has(area) && !PLUMBING.has(area) && !ROOTS.has(area));
    expect(unknown).toEqual([]);
  });
});
