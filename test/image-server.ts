// An image host on 127.0.0.1 for the image proxy's tests: it serves a real PNG, things that are
// not images or too large, and redirects, and writes down every request it is sent.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { restrictedLockPng } from '../src/lib/icon.js';

/** The PNG the host serves: a 30-pixel padlock. */
export const PICTURE = restrictedLockPng();

export type SeenRequest = { path: string; headers: IncomingHttpHeaders };
export type ImageHost = { origin: string; port: number; seen: SeenRequest[]; close: () => Promise<void> };

type Route = (response: ServerResponse) => void;

const ROUTES: Record<string, Route> = {
  '/picture.png': (response) => response.writeHead(200, { 'content-type': 'image/png', 'content-length': PICTURE.length }).end(PICTURE),
  // 4 KiB, sent without a length, so only counting the bytes as they come can stop it.
  '/huge.png': (response) => {
    response.writeHead(200, { 'content-type': 'image/png' });
    for (let i = 0; i < 4; i++) response.write(Buffer.alloc(1024, 7));
    response.end();
  },
  '/page.html': (response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<p>not an image</p>'),
  '/drawing.svg': (response) => response.writeHead(200, { 'content-type': 'image/svg+xml' }).end('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
  '/moved.png': (response) => response.writeHead(302, { location: '/picture.png' }).end(),
  '/missing.png': (response) => response.writeHead(404, { 'content-type': 'text/plain' }).end('gone'),
};

/**
 * Starts a host; `/to-private?port=N` redirects to http://localhost:N/picture.png (a name that
 * resolves to this machine), for the check that a redirect cannot lead the proxy inward.
 */
export async function startImageHost(): Promise<ImageHost> {
  const host: ImageHost = { origin: '', port: 0, seen: [], close: async () => {} };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://image.host');
    host.seen.push({ path: url.pathname + url.search, headers: request.headers });
    if (url.pathname === '/to-private') {
      response.writeHead(302, { location: `http://localhost:${url.searchParams.get('port') ?? ''}/picture.png` }).end();
      return;
    }
    const route = ROUTES[url.pathname];
    if (route === undefined) response.writeHead(404).end();
    else route(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  host.port = (server.address() as AddressInfo).port;
  host.origin = `http://127.0.0.1:${host.port}`;
  host.close = () => new Promise((resolve) => server.close(() => resolve()));
  return host;
}

/** The requests a host was sent for one path (query included). */
export function requestsFor(host: ImageHost, path: string): SeenRequest[] {
  return host.seen.filter((request) => request.path === path);
}
