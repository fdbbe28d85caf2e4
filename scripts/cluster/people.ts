// Accounts made the way a person makes them, over HTTP: the sign-up form, then the confirmation
// link from the outbox (read from the database, as the mail would bring it).
import type pg from 'pg';
import { Visitor, type VisitorOptions } from './visitor.js';

export const PASSWORD = 'lantern orchard biscuit';

/** Signs up `login` at `base` and follows the confirmation link; returns the logged-in visitor. */
export async function signUpOver(base: string, pool: pg.Pool, login: string, options: VisitorOptions = {}): Promise<Visitor> {
  const visitor = new Visitor(base, options);
  await visitor.get('/signup');
  const email = `${login}@example.org`;
  const made = await visitor.post('/signup', { login, email, password: PASSWORD, passwordConfirmation: PASSWORD, terms: '1' });
  if (made.status !== 303) throw new Error(`signing up ${login} answered ${made.status} ${made.error ?? made.body.slice(0, 300)}`);
  const mail = await pool.query<{ text_body: string }>("select text_body from mail_outbox where to_address = $1 and subject like '%Confirm your%' order by id desc limit 1", [email]);
  const link = /\/confirm\/[A-Za-z0-9_-]+/.exec(mail.rows[0]?.text_body ?? '')?.[0];
  // The archive's first account needs no confirmation.
  if (link === undefined) return visitor;
  await visitor.get(link);
  const confirmed = await visitor.post(link);
  if (confirmed.status !== 303) throw new Error(`confirming ${login} answered ${confirmed.status} ${confirmed.body.slice(0, 300)}`);
  return visitor;
}

/** The id in a redirect to /works/:id. */
export function workIdOf(answer: { status: number; headers: Record<string, string | string[] | undefined>; body: string }): number {
  const match = /^\/works\/(\d+)$/.exec(String(answer.headers.location));
  if (answer.status !== 303 || match?.[1] === undefined) throw new Error(`expected a redirect to a work, got ${answer.status} ${String(answer.headers.location)} ${answer.body.slice(0, 300)}`);
  return Number(match[1]);
}
