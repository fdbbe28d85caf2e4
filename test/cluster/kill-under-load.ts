// kill -9 of one app server while members and guests read and write through nginx: a bounded
// load (16 visitors on one connection each), the kill once both servers are serving, the load on
// until enough came after it, and then every acknowledged comment and kudos looked up in the database.
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { Cluster } from '../../scripts/cluster/cluster.js';
import { runLoad, type Outcome, type Step } from '../../scripts/cluster/load.js';
import { signUpOver, workIdOf } from '../../scripts/cluster/people.js';
import type { Visitor } from '../../scripts/cluster/visitor.js';
import { workFields } from '../helpers.js';

const MEMBERS = 8;
const GUESTS = 8;
const WORKS = 12;
/** Under the comment limit of 8 a minute a member. */
const COMMENTS_EACH = 6;
/** The kill comes once this many requests were answered (both servers warm and serving). */
const KILL_AFTER = 80;
/** The load ends once so many GETs and acknowledged POSTs came after the kill (or after a minute, however slow the machine). */
const GETS_AFTER = 150;
const POSTS_AFTER = 10;
const MAX_MS = 60_000;

export type KillReport = {
  gets: number; getsAfterKill: number; failedGets: Outcome[];
  acknowledgedPosts: number; acknowledgedPostsAfterKill: number; missingPosts: string[];
};

/** Posts a work through the form as this visitor; returns its id. */
export async function postWorkOn(visitor: Visitor, title: string): Promise<number> {
  await visitor.get('/works/new');
  return workIdOf(await visitor.post('/works', workFields({ title })));
}

type Written = { kind: 'comment'; login: string; text: string } | { kind: 'kudos'; login: string; workId: number };

/** Runs the load, kills the first app server during it, and reports what failed and what went missing. */
export async function killUnderLoad(cluster: Cluster, pool: pg.Pool, author: Visitor): Promise<KillReport> {
  const works: number[] = [];
  for (let i = 0; i < WORKS; i += 1) works.push(await postWorkOn(author, `Load ${i} ${randomBytes(3).toString('hex')}`));
  const survivor = cluster.apps[1]?.url ?? '';
  const logins = Array.from({ length: MEMBERS }, (_, i) => `loadreader${i}${randomBytes(3).toString('hex')}`);
  const members = await Promise.all(logins.map((login) => signUpOver(survivor, pool, login)));
  const visitors = [
    ...members.map((m, i) => m.at(cluster.url, { localAddress: `127.0.7.${i + 1}` })),
    ...Array.from({ length: GUESTS }, (_, i) => author.at(cluster.url, { localAddress: `127.0.8.${i + 1}` })),
  ];
  // Guests carry no cookies.
  for (const guest of visitors.slice(MEMBERS)) { guest.cookies.clear(); guest.csrf = null; }
  const written = new Map<number, Written>();
  const plan = planFor(visitors, logins, works, written);
  let killedAt = Infinity;
  const after = (outcomes: readonly Outcome[], method: string) => outcomes.filter((o) => o.method === method && o.ok && o.at > killedAt).length;
  const { outcomes } = await runLoad({
    visitors, durationMs: MAX_MS, next: plan,
    event: { when: (so) => so.length >= KILL_AFTER, run: (atMs) => { killedAt = atMs; cluster.apps[0]?.kill('SIGKILL'); } },
    enough: (so) => after(so, 'GET') >= GETS_AFTER && after(so, 'POST') >= POSTS_AFTER,
  });
  for (const visitor of [...visitors, ...members]) visitor.close();
  const posts = outcomes.filter((o) => o.method === 'POST' && o.ok);
  const gets = outcomes.filter((o) => o.method === 'GET');
  return {
    gets: gets.length, getsAfterKill: gets.filter((o) => o.at > killedAt).length, failedGets: gets.filter((o) => !o.ok),
    acknowledgedPosts: posts.length, acknowledgedPostsAfterKill: after(outcomes, 'POST'),
    missingPosts: await missing(pool, posts.map((o) => written.get(Number(o.note))).filter((w) => w !== undefined)),
  };
}

function planFor(visitors: Visitor[], logins: string[], works: number[], written: Map<number, Written>): (visitor: number, n: number) => Step {
  const comments = logins.map(() => 0);
  const kudos = logins.map(() => 0);
  let writes = 0;
  const pick = () => works[Math.floor(Math.random() * works.length)] ?? 0;
  return (i, n) => {
    const visitor = visitors[i] as Visitor;
    const login = logins[i];
    const get = (kind: string, path: string): Step => ({ kind, method: 'GET', send: () => visitor.get(path), ok: (a) => a.status === 200 });
    if (login !== undefined && n % 6 === 5) {
      const note = String(writes += 1);
      const post = (path: string, fields: Record<string, string>, what: Written): Step => {
        written.set(writes, what);
        return { kind: what.kind, method: 'POST', note, send: () => visitor.post(path, fields), ok: (a) => a.status === 303 };
      };
      const commented = comments[i] ?? 0;
      if (commented < COMMENTS_EACH && (n % 12 === 5 || (kudos[i] ?? 0) >= works.length)) {
        comments[i] = commented + 1;
        const text = `Read under load ${login} ${commented}`;
        return post(`/works/${pick()}/comments`, { comment: text }, { kind: 'comment', login, text });
      }
      const given = kudos[i] ?? 0;
      if (given < works.length) {
        kudos[i] = given + 1;
        const workId = works[given] ?? 0;
        return post(`/works/${workId}/kudos`, {}, { kind: 'kudos', login, workId });
      }
    }
    const roll = n % 10;
    if (roll === 7) return get('listing', '/works');
    if (roll === 9) return get('tag', '/tags/Fluff/works');
    return get('work', `/works/${pick()}`);
  };
}

async function missing(pool: pg.Pool, acknowledged: Written[]): Promise<string[]> {
  const lost: string[] = [];
  for (const w of acknowledged) {
    const found = w.kind === 'comment'
      ? await pool.query('select 1 from comments c join users u on u.id = c.user_id where u.login = $1 and position($2 in c.content) > 0', [w.login, w.text])
      : await pool.query('select 1 from kudos k join users u on u.id = k.user_id where u.login = $1 and k.work_id = $2', [w.login, w.workId]);
    if (found.rowCount === 0) lost.push(JSON.stringify(w));
  }
  return lost;
}
