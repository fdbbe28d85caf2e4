// Losing nothing (issue 14): the archive runs as its own process on a real port; members post works
// and chapters, comment, leave kudos and bookmark all at once; the process is killed with SIGKILL in
// the middle of it and started again on the same database. Every write it acknowledged must be there,
// whole, with counters that agree with their rows. docs/decisions/043-crash-safety-and-migration-lock.md.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../src/db/connect.js';
import { ownDatabase, startApp, type AppProcess, type OwnDatabase } from './app-process.js';
import { DIALECTS } from './databases.js';
import { PASSWORD, workFields } from './helpers.js';
import { parsePage, textOf } from './html.js';
import { insertKudos } from '../src/feedback/kudos.repository.js';
import { HttpVisitor } from './http-visitor.js';
import { auditWrites, noneAcknowledged, type Acknowledged } from './write-audit.js';

const root = mkdtempSync(join(tmpdir(), 'bindery-kill-nine-'));
const dropped: OwnDatabase[] = [];
afterAll(async () => {
  for (const database of dropped) await database.drop();
  rmSync(root, { recursive: true, force: true });
});

type Member = { login: string; visitor: HttpVisitor };

async function signUpOver(app: AppProcess, handle: DatabaseHandle, login: string): Promise<Member> {
  const visitor = new HttpVisitor(app.baseUrl);
  await visitor.get('/signup');
  const email = `${login}@example.org`;
  const made = await visitor.post('/signup', { login, email, password: PASSWORD, passwordConfirmation: PASSWORD, terms: '1' });
  if (made.status !== 303) throw new Error(`sign-up failed: ${made.status} ${made.body.slice(0, 300)}`);
  const mail = await handle.db.selectFrom('mail_outbox').select('text_body').where('to_address', '=', email).executeTakeFirst();
  const path = /\/confirm\/[A-Za-z0-9_-]+/.exec(mail?.text_body ?? '')?.[0];
  if (path !== undefined) {
    await visitor.get(path);
    expect((await visitor.post(path)).status).toBe(303);
  }
  return { login, visitor };
}

const TEXT = 'The ferry left at dawn, and nobody on the quay said what they all knew.\n\nThe gulls said it for them.';

function pick<T>(items: readonly T[]): T | undefined {
  return items[Math.floor(Math.random() * items.length)];
}

/** One member's share of the burst: a write at a time until the archive stops answering. */
async function writeUntilGone(member: Member, members: readonly Member[], acked: Acknowledged, owners: Map<number, string>, n: number): Promise<void> {
  const { visitor } = member;
  for (let i = 0; ; i++) {
    const works = [...owners.keys()];
    const other = works.filter((id) => owners.get(id) !== member.login);
    const mine = works.filter((id) => owners.get(id) === member.login);
    const choice = i % 5;
    try {
      if (choice === 0 || works.length < members.length) {
        const answer = await visitor.post('/works', workFields({ title: `Crossing ${n}.${i}`, expectedChapters: '?', 'chapter.text': TEXT }));
        const id = /^\/works\/(\d+)$/.exec(answer.location)?.[1];
        if (answer.status === 303 && id !== undefined) { acked.works.push(Number(id)); owners.set(Number(id), member.login); }
      } else if (choice === 1 && mine.length > 0) {
        const workId = pick(mine) ?? 0;
        const answer = await visitor.post(`/works/${workId}/chapters`, { title: `Leg ${i}`, text: TEXT, action: 'post' });
        const id = /\/chapters\/(\d+)$/.exec(answer.location)?.[1];
        if (answer.status === 303 && id !== undefined) acked.chapters.push({ workId, chapterId: Number(id) });
      } else if (choice === 2) {
        const answer = await visitor.post(`/works/${pick(works) ?? 0}/comments`, { comment: `Comment ${n}.${i}: the gulls line got me.` });
        const id = /#comment_(\d+)$/.exec(answer.location)?.[1];
        if (answer.status === 303 && id !== undefined) acked.comments.push(Number(id));
      } else if (choice === 3 && other.length > 0) {
        const workId = pick(other) ?? 0;
        const answer = await visitor.post(`/works/${workId}/kudos`);
        if (answer.status === 303) acked.kudos.push({ workId, login: member.login });
      } else if (other.length > 0) {
        const answer = await visitor.post(`/works/${pick(other) ?? 0}/bookmarks`, { notes: `Bookmark ${n}.${i}`, tags: 'ferries' });
        const id = /^\/bookmarks\/(\d+)$/.exec(answer.location)?.[1];
        if (answer.status === 303 && id !== undefined) acked.bookmarks.push(Number(id));
      }
    } catch {
      return; // The connection broke: the process is gone; what it answered is all that was promised.
    }
  }
}

function countOf(acked: Acknowledged): number {
  return acked.works.length + acked.chapters.length + acked.comments.length + acked.kudos.length + acked.bookmarks.length;
}

for (const dialect of DIALECTS) {
  describe(`kill -9 in the middle of a burst of writes [${dialect}]`, () => {
    it('keeps every acknowledged write, whole, and leaves no counter or row out of step', async () => {
      const database = await ownDatabase(dialect, root);
      dropped.push(database);
      let app = await startApp(database);
      const handle = openDatabase(database.url);
      try {
        const members: Member[] = [];
        for (let m = 0; m < 4; m++) members.push(await signUpOver(app, handle, `ferry${m}${dialect}`));
        const acked = noneAcknowledged();
        const owners = new Map<number, string>();
        // Two writers per member, eight requests in flight at any moment.
        const burst = Promise.all([...members, ...members].map((member, n) => writeUntilGone(member, members, acked, owners, n)));
        const start = Date.now();
        while (countOf(acked) < 120 && Date.now() - start < 60_000) await new Promise((resolve) => setTimeout(resolve, 20));
        const killedAt = countOf(acked);
        expect(await app.stop('SIGKILL')).toBe('SIGKILL');
        await burst;
        // Writes of all five kinds were acknowledged before the kill.
        for (const kind of ['works', 'chapters', 'comments', 'kudos', 'bookmarks'] as const) expect(acked[kind].length, kind).toBeGreaterThan(0);
        expect(countOf(acked)).toBeGreaterThanOrEqual(killedAt);

        app = await startApp(database);
        expect(await auditWrites(handle.db, dialect, acked)).toEqual([]);
        // And a reader sees them through the restarted archive.
        const reader = new HttpVisitor(app.baseUrl);
        for (const id of acked.works.slice(-3)) expect((await reader.get(`/works/${id}`)).status).toBe(200);

        // The audit can fail: a write acknowledged before its commit (here, one that never was), and a work missing a piece.
        const never = { ...noneAcknowledged(), comments: [Math.max(...acked.comments) + 1000] };
        expect(await auditWrites(handle.db, dialect, never)).toEqual([`acknowledged comment ${never.comments[0] ?? 0} is missing`]);
        const victim = acked.works[0] ?? 0;
        await sql`delete from search_works where ${sql.raw(dialect === 'sqlite' ? 'rowid' : 'work_id')} = ${victim}`.execute(handle.db);
        await handle.db.updateTable('work_counters').set((eb) => ({ kudos: eb('kudos', '+', 1) })).where('work_id', '=', victim).execute();
        const damage = await auditWrites(handle.db, dialect, acked);
        expect(damage).toContain(`work ${victim} has 0 search rows`);
        expect(damage.some((line) => line.startsWith(`work ${victim} shows`) && line.includes('kudos'))).toBe(true);
      } finally {
        await app.stop('SIGKILL');
        await handle.close();
      }
    }, 240_000);
  });
}

for (const dialect of DIALECTS) {
  describe(`kudos a killed process stored but never counted [${dialect}]`, () => {
    it('are in the count from the restarted archive’s first answer, jobs or no jobs', async () => {
      const database = await ownDatabase(dialect, root);
      dropped.push(database);
      // No jobs in this process: only the start-up's own counting can count them (decision 051).
      let app = await startApp(database, { RUN_JOBS: 'false' });
      const handle = openDatabase(database.url);
      try {
        const writer = await signUpOver(app, handle, `lamp${dialect}`);
        const posted = await writer.visitor.post('/works', workFields({ title: 'The Tide Table' }));
        const workId = Number(/^\/works\/(\d+)$/.exec(posted.location)?.[1]);
        expect(posted.status).toBe(303);
        // Stored the way leaving kudos stores them, and the process killed before counting them.
        for (const guestKey of ['quay-1', 'quay-2']) expect(await insertKudos(handle.db, workId, { guestKey })).toBe(true);
        expect(await app.stop('SIGKILL')).toBe('SIGKILL');

        app = await startApp(database, { RUN_JOBS: 'false' });
        const page = await new HttpVisitor(app.baseUrl).get(`/works/${workId}`);
        expect(textOf(parsePage(page.body), 'dl.stats dd.kudos')).toBe('2');
        expect(await auditWrites(handle.db, dialect, noneAcknowledged())).toEqual([]);
      } finally {
        await app.stop('SIGKILL');
        await handle.close();
      }
    }, 120_000);
  });
}
