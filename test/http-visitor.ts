// A visitor over real HTTP (fetch), for tests of a running process: keeps its cookies, reads each
// page's CSRF token, and follows no redirect by itself, as test/client.ts does over app.inject().
import type { Fields } from './client.js';

export type HttpAnswer = { status: number; location: string; body: string };

/** One visitor of a running archive, with a cookie jar. */
export class HttpVisitor {
  private readonly cookies = new Map<string, string>();
  private csrf: string | null = null;

  constructor(readonly baseUrl: string) {}

  private async send(path: string, init: RequestInit): Promise<HttpAnswer> {
    const headers = new Headers(init.headers);
    headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(`${this.baseUrl}${path}`, { ...init, headers, redirect: 'manual', signal: AbortSignal.timeout(30_000) });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      if (name.endsWith('bindery_session')) this.csrf = null;
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name); else this.cookies.set(name, value);
    }
    const body = await response.text();
    const token = /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
    if (token !== undefined) this.csrf = token;
    return { status: response.status, location: response.headers.get('location') ?? '', body };
  }

  /** GET a path. */
  get(path: string): Promise<HttpAnswer> {
    return this.send(path, { method: 'GET' });
  }

  /** POST a form with the token of the last page seen (the token dispenser's when none was). */
  async post(path: string, fields: Fields = {}): Promise<HttpAnswer> {
    if (this.csrf === null) this.csrf = (JSON.parse((await this.get('/token_dispenser.json')).body) as { token: string }).token;
    const params = new URLSearchParams({ _csrf: this.csrf });
    for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) params.append(name, v);
    return this.send(path, { method: 'POST', body: params.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }
}
