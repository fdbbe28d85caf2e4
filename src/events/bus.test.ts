import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/helpers.js';
import { afterCommit, emit, inTransaction, onWrite, reportEventFailuresTo } from './bus.js';

const unsubscribes: Array<() => void> = [];
afterEach(() => { for (const stop of unsubscribes.splice(0)) stop(); });

describeEachDatabase('write events', (ctx) => {
  it('runs write subscribers inside the transaction and tells the others only after it commits', async () => {
    const { db } = ctx().database;
    const told: number[] = [];
    let toldDuringWrite = -1;
    unsubscribes.push(
      onWrite('work.counted', async (trx, event) => { await sql`insert into rate_limits (key, window_start, hits) values (${`bus-${event.workId}`}, 0, 1)`.execute(trx); }),
      afterCommit('work.counted', (event) => told.push(event.workId)),
    );
    await inTransaction(db, async (trx) => {
      await emit(trx, { type: 'work.counted', workId: 101 });
      toldDuringWrite = told.length;
    });
    expect(toldDuringWrite).toBe(0);
    expect(told).toEqual([101]);
    const row = await db.selectFrom('rate_limits').select('hits').where('key', '=', 'bus-101').executeTakeFirst();
    expect(row?.hits).toBe(1);
  });

  it('rolls back what write subscribers did, and tells no one, when the write fails', async () => {
    const { db } = ctx().database;
    const told: number[] = [];
    unsubscribes.push(
      onWrite('work.counted', async (trx, event) => { await sql`insert into rate_limits (key, window_start, hits) values (${`bus-${event.workId}`}, 0, 1)`.execute(trx); }),
      afterCommit('work.counted', (event) => told.push(event.workId)),
    );
    await expect(inTransaction(db, async (trx) => {
      await emit(trx, { type: 'work.counted', workId: 202 });
      throw new Error('the write failed');
    })).rejects.toThrow('the write failed');
    expect(told).toEqual([]);
    expect(await db.selectFrom('rate_limits').select('hits').where('key', '=', 'bus-202').executeTakeFirst()).toBeUndefined();
  });

  it('refuses an event announced outside a transaction it can follow to its commit', async () => {
    const { db } = ctx().database;
    await expect(db.transaction().execute((trx) => emit(trx, { type: 'work.counted', workId: 303 }))).rejects.toThrow('inTransaction');
    await expect(emit(db, { type: 'work.counted', workId: 304 })).rejects.toThrow('inTransaction');
  });

  it('reports a failing after-commit subscriber without failing the saved write or skipping the others', async () => {
    const { db } = ctx().database;
    const reported: string[] = [];
    const told: number[] = [];
    reportEventFailuresTo((error) => reported.push(String(error)));
    unsubscribes.push(
      afterCommit('work.counted', () => { throw new Error('a cache fell over'); }),
      afterCommit('work.counted', (event) => told.push(event.workId)),
    );
    await inTransaction(db, (trx) => emit(trx, { type: 'work.counted', workId: 405 }));
    expect(reported).toEqual(['Error: a cache fell over']);
    expect(told).toEqual([405]);
  });
});
