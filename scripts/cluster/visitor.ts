// One visitor over real HTTP (node:http, one kept-alive connection): a cookie jar, the form token of
// the last page seen, redirects not followed. `localAddress` picks the loopback address it comes
// from (127.0.0.0/8 is all this machine's), which is how nginx tells visitors apart on one host.
import { Agent, request } from 'node:http';

export type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string; ms: number; error?: string };

export type VisitorOptions = { localAddress?: string; headers?: Record<string, string>; timeoutMs?: number };

/** A browser without a browser: enough to sign up, log in, read pages and send their forms. */
export class Visitor {
  readonly cookies = new Map<string, string>();
  csrf: string | null = null;
  private readonly agent: Agent;

  constructor(public base: string, private readonly options: VisitorOptions = {}) {
    this.agent = new Agent({ keepAlive: true, maxSockets: 1 });
  }

  /** The same visitor (cookies, form token) at another address (another app server, nginx), with other options if given. */
  at(base: string, options: VisitorOptions = this.options): Visitor {
    const other = new Visitor(base, options);
    for (const [name, value] of this.cookies) other.cookies.set(name, value);
    other.csrf = this.csrf;
    return other;
  }

  get(path: string, headers: Record<string, string> = {}): Promise<Answer> {
    return this.send('GET', path, headers, '');
  }

  /** Sends a form with the token of the last page seen (asking the dispenser for one if no page had it). */
  async post(path: string, fields: Record<string, string | string[]> = {}): Promise<Answer> {
    if (this.csrf === null) {
      const asked = await this.get('/token_dispenser.json');
      if (asked.status === 200) this.csrf = (JSON.parse(asked.body) as { token: string }).token;
    }
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries({ _csrf: this.csrf ?? '', ...fields })) {
      for (const one of typeof value === 'string' ? [value] : value) form.append(name, one);
    }
    return this.send('POST', path, { 'content-type': 'application/x-www-form-urlencoded' }, form.toString());
  }

  close(): void {
    this.agent.destroy();
  }

  private send(method: string, path: string, headers: Record<string, string>, body: string): Promise<Answer> {
    const url = new URL(path, this.base);
    const started = performance.now();
    const timeout = this.options.timeoutMs ?? 20_000;
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    return new Promise((resolve) => {
      const failed = (error: Error) => resolve({ status: 0, headers: {}, body: '', ms: performance.now() - started, error: error.message });
      const req = request({
        host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method, agent: this.agent, timeout, localAddress: this.options.localAddress,
        headers: { ...this.options.headers, ...(cookie === '' ? {} : { cookie }), ...headers, 'content-length': String(Buffer.byteLength(body)) },
      }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('error', failed);
        res.on('close', () => { if (!res.complete) failed(new Error('connection closed mid-answer')); });
        res.on('end', () => {
          const bytes = Buffer.concat(parts);
          // A body cut short by a server that died mid-answer is a failure, not a page.
          const length = Number(res.headers['content-length'] ?? NaN);
          if (!Number.isNaN(length) && length !== bytes.length) { failed(new Error(`answer cut short: ${bytes.length} of ${length} bytes`)); return; }
          resolve(this.remember({ status: res.statusCode ?? 0, headers: res.headers, body: bytes.toString('utf8'), ms: performance.now() - started }));
        });
      });
      req.on('timeout', () => req.destroy(new Error(`no answer in ${timeout} ms`)));
      req.on('error', failed);
      req.end(body);
    });
  }

  private remember(answer: Answer): Answer {
    const setCookie = answer.headers['set-cookie'] ?? [];
    for (const line of Array.isArray(setCookie) ? setCookie : [setCookie]) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      // A new session needs a token made for it.
      if (name.endsWith('bindery_session')) this.csrf = null;
      const gone = value === '' || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (gone) this.cookies.delete(name); else this.cookies.set(name, value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(answer.body)?.[1];
    if (token !== undefined) this.csrf = token;
    return answer;
  }
}
