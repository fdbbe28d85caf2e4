// Runs Debian's wrk against a URL and reads its figures: requests/s from its own summary line,
// exact percentiles and error counts from the JSON that wrk-report.lua prints.
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const WRK = '/usr/bin/wrk';

/** `script`: a wrk Lua script of our own in place of wrk-report.lua (it must define `done` as that one does, e.g. by dofile). */
export type WrkOptions = { connections: number; threads: number; seconds: number; headers?: Record<string, string>; script?: string };

/** The report script, for a script of our own to load with dofile. */
export const WRK_REPORT_SCRIPT = fileURLToPath(new URL('./wrk-report.lua', import.meta.url));

export type WrkErrors = { connect: number; read: number; write: number; status: number; timeout: number };

export type WrkResult = {
  requestsPerSecond: number; requests: number; seconds: number; bytes: number;
  p50Ms: number; p90Ms: number; p99Ms: number; maxMs: number; errors: WrkErrors; output: string;
};

type WrkJson = {
  requests: number; duration_us: number; bytes: number;
  p50_us: number; p90_us: number; p99_us: number; max_us: number; errors: WrkErrors;
};

/** True when wrk is installed where Debian puts it. */
export function hasWrk(): boolean {
  try {
    accessSync(WRK, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Reads wrk's text output and the report script's JSON line; throws when either is missing. */
export function parseWrkOutput(output: string): WrkResult {
  const json = /^WRK_JSON (\{.*\})$/m.exec(output)?.[1];
  const perSecond = /^Requests\/sec:\s+([\d.]+)/m.exec(output)?.[1];
  if (json === undefined || perSecond === undefined) throw new Error(`could not read wrk's output:\n${output}`);
  const figures = JSON.parse(json) as WrkJson;
  return {
    requestsPerSecond: Number(perSecond), requests: figures.requests, seconds: figures.duration_us / 1e6, bytes: figures.bytes,
    p50Ms: figures.p50_us / 1000, p90Ms: figures.p90_us / 1000, p99Ms: figures.p99_us / 1000, maxMs: figures.max_us / 1000,
    errors: figures.errors, output,
  };
}

/** Loads `url` for `seconds` with `connections` keep-alive connections and returns the figures. */
export async function runWrk(url: string, { connections, threads, seconds, headers = {}, script = WRK_REPORT_SCRIPT }: WrkOptions): Promise<WrkResult> {
  const headerArgs = Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
  const args = ['-t', String(threads), '-c', String(connections), '-d', `${seconds}s`, '--timeout', '10s', '--latency', ...headerArgs, '-s', script, url];
  const { stdout } = await run(WRK, args, { maxBuffer: 1024 * 1024 });
  return parseWrkOutput(stdout);
}
