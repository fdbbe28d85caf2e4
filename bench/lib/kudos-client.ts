// How one giver leaves kudos, over node:http with keep-alive: a member through the JSON API
// with a bearer token; a guest as the page's form does, from an address of their own (sent in
// X-Forwarded-For, which the app trusts with TRUST_PROXY), after taking a form token and cookie.
import { Agent, request } from 'node:http';
import { PLAIN_COOKIE_NAMES } from '../../src/http/cookies.js';

const FLASH_COOKIE = PLAIN_COOKIE_NAMES.flash;
import { KUDOS_MESSAGES } from '../../src/feedback/kudos.service.js';

/** One HTTP exchange: the status (0 when no answer came) and how long it took, in milliseconds. */
export type Exchange = { status: number; ms: number; error?: string };

/** What a giver saw: their kudos request, and for a guest the token request before it. */
export type GiverResult = {
  member: boolean; kudos: Exchange; token?: Exchange;
  /** 'left' or 'already' as the answer said (a 201/200, or the form's flash); 'other' for anything else. */
  outcome: 'left' | 'already' | 'other';
};

type Answer = Exchange & { headers: Record<string, string | string[] | undefined>; body: string };

const TIMEOUT_MS = 10_000;

/** The error of a guest's kudos that was never sent, because the token request before it failed. */
export const NOT_SENT = 'not sent: no form token or cookie';

/** Sends requests to the app on a bounded pool of keep-alive sockets. */
export class KudosClient {
  private readonly agent: Agent;

  constructor(private readonly port: number, sockets: number) {
    this.agent = new Agent({ keepAlive: true, maxSockets: sockets });
  }

  private send(method: string, path: string, headers: Record<string, string>, body = ''): Promise<Answer> {
    const started = performance.now();
    return new Promise((resolve) => {
      const failed = (error: Error) => resolve({ status: 0, ms: performance.now() - started, error: error.message, headers: {}, body: '' });
      const req = request({ host: '127.0.0.1', port: this.port, method, path, agent: this.agent, timeout: TIMEOUT_MS,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('error', failed);
        res.on('end', () => resolve({
          status: res.statusCode ?? 0, ms: performance.now() - started, headers: res.headers, body: Buffer.concat(parts).toString('utf8'),
        }));
      });
      req.on('timeout', () => req.destroy(new Error(`no answer in ${TIMEOUT_MS} ms`)));
      req.on('error', failed);
      req.end(body);
    });
  }

  /** A member leaves kudos through the API: 201 when left, 200 when they already had. */
  async member(workId: number, token: string): Promise<GiverResult> {
    const answer = await this.send('POST', `/api/v1/works/${workId}/kudos`, { authorization: `Bearer ${token}`, accept: 'application/json' });
    const outcome = answer.status === 201 ? 'left' : answer.status === 200 ? 'already' : 'other';
    return { member: true, kudos: exchange(answer), outcome };
  }

  /** A guest at `address` takes a form token (and its cookie), then presses Kudos: 303 back to the work, with a flash. */
  async guest(workId: number, address: string): Promise<GiverResult> {
    const asked = await this.send('GET', '/token_dispenser.json', { 'x-forwarded-for': address, accept: 'application/json' });
    const cookie = cookiesOf(asked.headers['set-cookie']);
    const token = asked.status === 200 ? (JSON.parse(asked.body) as { token?: unknown }).token : undefined;
    if (typeof token !== 'string' || cookie === '') {
      return { member: false, token: exchange(asked), kudos: { status: 0, ms: 0, error: NOT_SENT }, outcome: 'other' };
    }
    const answer = await this.send('POST', `/works/${workId}/kudos`, {
      'x-forwarded-for': address, cookie, 'content-type': 'application/x-www-form-urlencoded', referer: `/works/${workId}`,
    }, new URLSearchParams({ _csrf: token }).toString());
    return { member: false, token: exchange(asked), kudos: exchange(answer), outcome: answer.status === 303 ? flashOutcome(answer) : 'other' };
  }

  /**
   * Opens the pool's sockets before the flood, as a proxy in front of the app holds its connections
   * open: the app answers a new connection's first request late when it is busy, which would
   * otherwise count against the first few hundred kudos. Asks for form tokens, which leave no kudos.
   */
  async open(sockets: number): Promise<void> {
    const answers = await Promise.all(Array.from({ length: sockets }, () => this.send('GET', '/token_dispenser.json', { accept: 'application/json' })));
    const failed = answers.find((a) => a.status !== 200);
    if (failed !== undefined) throw new Error(`GET /token_dispenser.json answered ${failed.status} ${failed.error ?? failed.body.slice(0, 200)}`);
  }

  /** Closes the idle sockets. */
  close(): void {
    this.agent.destroy();
  }
}

function exchange(answer: Answer): Exchange {
  return answer.error === undefined ? { status: answer.status, ms: answer.ms } : { status: answer.status, ms: answer.ms, error: answer.error };
}

/** The name=value pairs of Set-Cookie headers, as a Cookie header sends them back. */
function cookiesOf(setCookie: string | string[] | undefined): string {
  const all = setCookie === undefined ? [] : Array.isArray(setCookie) ? setCookie : [setCookie];
  return all.map((c) => c.split(';')[0] ?? '').filter((c) => c !== '').join('; ');
}

/** The form always answers 303; only the flash it sets says whether this kudos was new. */
function flashOutcome(answer: Answer): GiverResult['outcome'] {
  const flash = cookiesOf(answer.headers['set-cookie']).split('; ').find((c) => c.startsWith(`${FLASH_COOKIE}=`));
  // Encoded twice, as the app reads it back: once by the cookie plugin, once by setFlash itself.
  const message = decodeURIComponent(decodeURIComponent(flash?.slice(FLASH_COOKIE.length + 1) ?? ''));
  return message === KUDOS_MESSAGES.left ? 'left' : message === KUDOS_MESSAGES.already ? 'already' : 'other';
}

/** The address of guest number `n` (from 0): 10.x.y.z, one per guest, never ending in .0. */
export function guestAddress(n: number): string {
  const host = n + 1 + Math.floor(n / 255);
  return `10.${(host >> 16) & 255}.${(host >> 8) & 255}.${host & 255}`;
}
