// One image fetched for the proxy, as a stranger would fetch it: no cookie and none of the
// reader's headers, only to public addresses (checked on the address actually connected to, at
// every redirect), within a time limit and a size cap, and only if it is a raster image.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { AllowedImageHost } from '../config.js';
import { isAllowedHost, isPrivateAddress } from './private-addresses.js';

/** The image types the proxy passes on. SVG is refused: it is a document that can carry script. */
export const IMAGE_TYPES: ReadonlyMap<string, string> = new Map([
  ['image/png', 'png'], ['image/jpeg', 'jpg'], ['image/gif', 'gif'], ['image/webp', 'webp'], ['image/avif', 'avif'],
]);

const MAX_REDIRECTS = 4;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const HEADERS = { accept: 'image/avif,image/webp,image/png,image/jpeg,image/gif;q=0.9', 'user-agent': 'Bindery image proxy' };

/** Why an image could not be passed on, as the status the proxy answers with. */
export class ImageRefused extends Error {
  constructor(readonly status: 403 | 404 | 413 | 415 | 502 | 504, message: string) {
    super(message);
  }
}

export type FetchedImage = { type: string; body: Buffer };
export type FetchLimits = { maxBytes: number; timeoutMs: number; allowHosts: readonly AllowedImageHost[] };

const refusedAddress = (host: string): ImageRefused => new ImageRefused(403, `The image's host ${host} is not on the public internet.`);

/** A DNS lookup that fails when the host has any non-public address, so the connection can only go to a checked one. */
function publicLookup(host: string): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      const first = addresses[0];
      if (error !== null || first === undefined) {
        callback(error ?? new ImageRefused(502, `The image's host ${host} has no address.`), '', 0);
      } else if (addresses.some((a) => isPrivateAddress(a.address))) {
        callback(refusedAddress(host), '', 0);
      } else if (options.all === true) {
        callback(null, addresses);
      } else {
        callback(null, first.address, first.family);
      }
    });
  };
}

/** Sends one GET and waits for the answer's head. */
function get(url: URL, limits: FetchLimits, signal: AbortSignal): Promise<IncomingMessage> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const allowed = isAllowedHost(limits.allowHosts, url);
  // An address written in the URL is connected to without a lookup, so it is checked here.
  if (!allowed && isIP(host) !== 0 && isPrivateAddress(host)) return Promise.reject(refusedAddress(host));
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(url, { method: 'GET', headers: HEADERS, agent: false, signal, ...(allowed ? {} : { lookup: publicLookup(host) }) }, resolve);
    request.on('error', reject);
    request.end();
  });
}

/** Reads a body up to the cap; more than that ends the download. */
async function readCapped(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      response.destroy();
      throw new ImageRefused(413, `The image is larger than ${maxBytes} bytes.`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

/** The answer to a GET, following a few redirects, each to a checked address. */
async function follow(start: URL, limits: FetchLimits, signal: AbortSignal): Promise<IncomingMessage> {
  let url = start;
  for (let hop = 0; ; hop++) {
    const response = await get(url, limits, signal);
    const location = response.headers.location;
    if (!REDIRECTS.has(response.statusCode ?? 0) || location === undefined) return response;
    response.destroy();
    if (hop === MAX_REDIRECTS) throw new ImageRefused(502, 'The image\'s host redirected too many times.');
    url = new URL(location, url);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ImageRefused(502, 'The image\'s host redirected away from http(s).');
  }
}

function failure(error: unknown, signal: AbortSignal): ImageRefused {
  if (error instanceof ImageRefused) return error;
  if (signal.aborted) return new ImageRefused(504, 'The image\'s host took too long to answer.');
  return new ImageRefused(502, 'The image\'s host could not be reached.');
}

/** Fetches an image for the proxy; throws ImageRefused with the status to answer. */
export async function fetchImage(url: URL, limits: FetchLimits): Promise<FetchedImage> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  try {
    const response = await follow(url, limits, signal);
    const status = response.statusCode ?? 0;
    if (status !== 200) {
      response.destroy();
      throw new ImageRefused(status === 404 || status === 410 ? 404 : 502, `The image's host answered ${status}.`);
    }
    const type = (response.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (!IMAGE_TYPES.has(type)) {
      response.destroy();
      throw new ImageRefused(415, `The image's host sent ${type === '' ? 'no type' : type}, not a PNG, JPEG, GIF, WebP or AVIF image.`);
    }
    const length = Number(response.headers['content-length'] ?? 0);
    if (length > limits.maxBytes) {
      response.destroy();
      throw new ImageRefused(413, `The image is larger than ${limits.maxBytes} bytes.`);
    }
    return { type, body: await readCapped(response, limits.maxBytes) };
  } catch (error) {
    throw failure(error, signal);
  }
}
