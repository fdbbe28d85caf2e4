// Summarises a V8 .cpuprofile (from `node --cpu-prof`) of the app under load: CPU time per
// request split by who spent it (the innermost frame with a source file decides, so a built-in
// such as JSON.stringify counts for its caller), inclusive time of a few stages, and the
// functions with the most self time. Samples before the first page render (start-up) are skipped.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

/** Buckets in the order they are tried: the first whose test matches a frame's URL wins. */
const BUCKETS: Array<[string, RegExp]> = [
  ['render: preact-render-to-string', /preact-render-to-string/],
  ['render: preact (jsx, options)', /node_modules\/preact\//],
  ['app: views (.tsx components)', /\/src\/.*\.tsx$/],
  ['app: services, http, lib (.ts)', /\/src\//],
  ['db: kysely', /node_modules\/kysely\//],
  ['db: better-sqlite3', /node_modules\/better-sqlite3\//],
  ['db: pg driver', /node_modules\/(pg|pg-protocol|pg-pool|pg-types)\//],
  ['cookies: @fastify/cookie, cookie', /node_modules\/(@fastify\/cookie|cookie)\//],
  ['fastify (router, hooks, reply)', /node_modules\/(fastify|find-my-way|avvio|@fastify|light-my-request|fast-[a-z-]+|toad-cache|rfdc|secure-json-parse|abstract-logging|process-warning)\//],
  ['other packages', /node_modules\//],
  ['node: http (parser, outgoing)', /^node:(_http_|http)/],
  ['node: net, streams, buffers', /^node:(net|stream|buffer|internal\/(streams|stream_base_commons|buffer|net))/],
  ['node: other internals', /^node:/],
];

const has = (stack: CallFrame[], test: (frame: CallFrame) => boolean) => stack.some(test);
const isDatabase = (f: CallFrame) => /node_modules\/(kysely|better-sqlite3|pg|pg-protocol|pg-pool)\//.test(f.url);
const isSocketWrite = (f: CallFrame | undefined) => f?.url === '' && /^(writev|writeUtf8String|writeBuffer|writeLatin1String)$/.test(f.functionName);

/**
 * Stages, each counting a sample when its test matches the stack (innermost frame first). Hook chains
 * nest (the response is written from inside the last onSend hook), so stages name work, not hooks.
 * The profiler samples wall-clock time: a write that wakes another process (PostgreSQL) on a busy
 * machine also counts the time this thread waited for a core.
 */
const STAGES: Array<[string, (stack: CallFrame[]) => boolean]> = [
  ['database: kysely + driver (incl. its socket writes)', (stack) => has(stack, isDatabase)],
  ['render(): preact-render-to-string incl. components', (stack) => has(stack, (f) => /preact-render-to-string/.test(f.url))],
  ['socket writes of the response', (stack) => isSocketWrite(stack[0]) && !has(stack, isDatabase)],
  ['socket writes of queries (pg)', (stack) => isSocketWrite(stack[0]) && has(stack, isDatabase)],
  ['cookies: parse and Set-Cookie', (stack) => has(stack, (f) => /node_modules\/cookie\//.test(f.url) || (/@fastify\/cookie/.test(f.url) && /^(parseCookies|setCookies|fastifyCookieSetCookie)$/.test(f.functionName)))],
  ['who is asking: identify() (session lookup)', (stack) => has(stack, (f) => f.functionName === 'identify' && f.url.includes('/src/http/context'))],
];

function bucketOf(stack: CallFrame[]): string {
  const special = stack[0]?.functionName ?? '';
  if (special === '(garbage collector)') return 'gc';
  if (special === '(program)') return 'native (program: syscalls, parser, V8)';
  const frame = stack.find((f) => f.url !== '');
  if (frame === undefined) return `native: ${special}`;
  return BUCKETS.find(([, test]) => test.test(frame.url))?.[0] ?? 'other';
}

function where(frame: CallFrame): string {
  const file = frame.url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*?\/(src|bench)\//, '$1/');
  return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
}

/** A function's name and place; a built-in (no source file) is named with the function that called it. */
function functionLabel(stack: CallFrame[]): string {
  const top = stack[0];
  if (top === undefined) return '?';
  if (top.url !== '') return where(top);
  const caller = stack.find((f) => f.url !== '');
  return top.functionName.startsWith('(') || caller === undefined ? top.functionName : `${top.functionName || '(anonymous)'} [built-in] ← ${where(caller)}`;
}

function add(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

function table(title: string, rows: Map<string, number>, totalUs: number, requests: number, limit = 20): string[] {
  const sorted = [...rows].sort((a, b) => b[1] - a[1]).slice(0, limit);
  return [title, ...sorted.map(([name, us]) => `  ${(us / requests).toFixed(1).padStart(8)} µs/req ${(100 * us / totalUs).toFixed(1).padStart(5)}%  ${name}`)];
}

/** Reads one profile and returns the summary text; `requests` is how many pages the app served while profiled. */
export function summariseProfile(profile: CpuProfile, requests: number): string {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const stackOf = (id: number): CallFrame[] => {
    const stack: CallFrame[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const node = nodes.get(at);
      if (node) stack.push(node.callFrame);
    }
    return stack;
  };
  const buckets = new Map<string, number>();
  const stages = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  let started = false;
  profile.samples.forEach((id, i) => {
    const stack = stackOf(id);
    started ||= stack.some((f) => /preact-render-to-string/.test(f.url));
    const top = stack[0];
    if (!started || top === undefined || top.functionName === '(idle)') return;
    const us = profile.timeDeltas[i] ?? 0;
    busy += us;
    add(buckets, bucketOf(stack), us);
    for (const [name, test] of STAGES) if (test(stack)) add(stages, name, us);
    add(functions, functionLabel(stack), us);
  });
  return [
    `CPU profile of the app: ${(busy / 1e6).toFixed(2)} s busy over ${requests.toLocaleString('en-US')} requests = ${(busy / requests).toFixed(0)} µs of main-thread time per request (wall-clock samples: waiting for a core counts too)`,
    ...table('by who spent it (innermost frame with a source file):', buckets, busy, requests),
    ...table('inclusive stages (a sample counts for every stage on its stack):', stages, busy, requests),
    ...table('top functions by self time:', functions, busy, requests, 25),
  ].join('\n');
}

/** Summarises the main thread's profile of process `pid` in `dir` (tsx's loader thread writes one too). */
export async function summariseProfileOf(dir: string, pid: number, requests: number): Promise<string> {
  const file = (await readdir(dir)).find((f) => f.includes(`.${pid}.0.`) && f.endsWith('.cpuprofile'));
  if (file === undefined) return `no main-thread .cpuprofile for process ${pid} in ${dir}`;
  const profile = JSON.parse(await readFile(join(dir, file), 'utf8')) as CpuProfile;
  return `profile: ${join(dir, file)}\n${summariseProfile(profile, requests)}`;
}
