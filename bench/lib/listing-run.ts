// Requests each listing one at a time over HTTP (one keep-alive client): a first look at what came
// back (status, blurbs, the count line), untimed warm-up requests, then the timed ones.
import type { ListingTarget } from './listing-plan.js';

export type Look = { status: number; blurbs: number; countLine: string; finalPath: string; bytes: number };

export type UrlResult = { target: ListingTarget; look: Look; samples: number[] };

export const BLURB = 'class="work blurb group';

function countOf(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
}

/** What a page says: its status, how many blurbs, the "1 - 20 of N Works" line, where a redirect led. */
export async function look(base: string, path: string): Promise<Look> {
  const response = await fetch(base + path);
  const body = await response.text();
  const countLine = /class="listing-count"[^>]*>([^<]*)</.exec(body)?.[1]?.trim() ?? '';
  const finalPath = response.redirected ? response.url.slice(base.length) : path;
  return { status: response.status, blurbs: countOf(body, BLURB), countLine, finalPath, bytes: Buffer.byteLength(body) };
}

/** Milliseconds from sending the request to the last byte of the body. */
async function timedRequest(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  return performance.now() - started;
}

/** Looks at the page, then requests it `warmup` times untimed and `runs` times timed, one after another. */
export async function measureListing(base: string, target: ListingTarget, runs: number, warmup: number): Promise<UrlResult> {
  const first = await look(base, target.path);
  for (let i = 0; i < warmup; i++) await timedRequest(base + target.path);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await timedRequest(base + target.path));
  return { target, look: first, samples };
}

/** The nearest-rank percentile of some samples (q from 0 to 1). */
export function percentile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}
