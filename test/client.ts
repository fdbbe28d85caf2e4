// A test "browser" over app.inject(): keeps cookies, reads each page's CSRF token, follows nothing by itself.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export type Fields = Record<string, string | string[]>;

/** A file field of a multipart form. */
export type FilePart = { name: string; fileName: string; content: Buffer | string; type?: string };

/** Encodes fields and files as multipart/form-data, the way a browser sends a form with a file input. */
export function encodeMultipart(fields: Fields, files: FilePart[] = []): { body: Buffer; contentType: string } {
  const boundary = `----BinderyTest${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  const head = (disposition: string, type?: string) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; ${disposition}\r\n${type !== undefined ? `Content-Type: ${type}\r\n` : ''}\r\n`);
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) parts.push(head(`name="${name}"`), Buffer.from(v), Buffer.from('\r\n'));
  }
  for (const file of files) {
    parts.push(head(`name="${file.name}"; filename="${file.fileName}"`, file.type ?? 'application/octet-stream'), Buffer.from(file.content), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

function encodeForm(fields: Fields): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) params.append(name, v);
  }
  return params.toString();
}

/** One visitor with a cookie jar. */
export class TestClient {
  readonly cookies = new Map<string, string>();
  private csrf: string | null = null;

  constructor(readonly app: FastifyInstance, readonly ip = '10.0.0.1') {}

  private remember(response: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of response.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      const expired = c.value === '' || c.maxAge === 0 || (c.expires !== undefined && c.expires.getTime() < Date.now());
      // A token belongs to the session it was made for: a new session needs a new one.
      if (c.name.endsWith('bindery_session')) this.csrf = null;
      if (expired) this.cookies.delete(c.name); else this.cookies.set(c.name, c.value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (token !== undefined) this.csrf = token;
    return response;
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** GET a path. */
  async get(url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    return this.remember(await this.app.inject({ method: 'GET', url, remoteAddress: this.ip, headers: { cookie: this.cookieHeader(), ...headers } }));
  }

  /** This visitor's form token, as the dispenser gives it, when no page seen since the last log-in carried one. */
  private async fetchToken(): Promise<void> {
    const response = await this.get('/token_dispenser.json');
    this.csrf = (JSON.parse(response.body) as { token: string }).token;
  }

  /** POST a form with the CSRF token of the last page seen (fetching one first if none was). */
  async post(url: string, fields: Fields = {}, { csrf = true }: { csrf?: boolean } = {}): Promise<LightMyRequestResponse> {
    if (csrf && this.csrf === null) await this.fetchToken();
    const body = encodeForm(csrf ? { _csrf: this.csrf ?? '', ...fields } : fields);
    return this.remember(await this.app.inject({
      method: 'POST', url, remoteAddress: this.ip, payload: body,
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
    }));
  }

  /** POST a multipart form (a file upload) with the CSRF token of the last page seen. */
  async postMultipart(url: string, fields: Fields = {}, files: FilePart[] = []): Promise<LightMyRequestResponse> {
    if (this.csrf === null) await this.fetchToken();
    const { body, contentType } = encodeMultipart({ _csrf: this.csrf ?? '', ...fields }, files);
    return this.remember(await this.app.inject({
      method: 'POST', url, remoteAddress: this.ip, payload: body,
      headers: { cookie: this.cookieHeader(), 'content-type': contentType },
    }));
  }

  /** POST raw bytes as a form (for invalid UTF-8 tests). */
  async postRaw(url: string, payload: Buffer): Promise<LightMyRequestResponse> {
    if (this.csrf === null) await this.fetchToken();
    return this.remember(await this.app.inject({
      method: 'POST', url, remoteAddress: this.ip, payload: Buffer.concat([Buffer.from(`_csrf=${this.csrf ?? ''}&`), payload]),
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
    }));
  }
}
