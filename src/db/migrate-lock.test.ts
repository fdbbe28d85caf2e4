// Two app servers starting at once on a new database (an upgrade on several servers): both migrate
// on start, one runs the migrations while the other waits, and both come up on the same schema.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { ownDatabase, startApp, type OwnDatabase } from '../../test/app-process.js';
import { DIALECTS } from '../../test/databases.js';
import { openDatabase } from './connect.js';
import { migrateToLatest } from './migrate.js';
import { migrations } from './migrations/index.js';

const root = mkdtempSync(join(tmpdir(), 'bindery-migrate-lock-'));
const dropped: OwnDatabase[] = [];
afterAll(async () => {
  for (const database of dropped) await database.drop();
  rmSync(root, { recursive: true, force: true });
});

for (const dialect of DIALECTS) {
  describe(`migrations on two servers starting at once [${dialect}]`, () => {
    it('runs each migration once while the other server waits, and both answer', async () => {
      const database = await ownDatabase(dialect, root);
      dropped.push(database);
      const [first, second] = await Promise.all([startApp(database), startApp(database)]);
      try {
        for (const app of [first, second]) {
          const ready = await fetch(`${app.baseUrl}/readyz`);
          expect(ready.status, app.output()).toBe(200);
          expect(app.output()).not.toMatch(/error|already exists/i);
        }
      } finally {
        await Promise.all([first.stop(), second.stop()]);
      }
      const handle = openDatabase(database.url);
      try {
        const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(handle.db);
        expect(rows.map((row) => row.name)).toEqual(Object.keys(migrations).sort());
        expect(await handle.db.selectFrom('users').select('id').execute()).toEqual([]);
      } finally {
        await handle.close();
      }
    }, 120_000);

    it('lets one of two connections racing on the same new database run the migrations, the other finding none left', async () => {
      // Processes start seconds apart (tsx compiles first); two connections in one process race query by query.
      const database = await ownDatabase(dialect, root);
      dropped.push(database);
      const [one, other] = [openDatabase(database.url), openDatabase(database.url)];
      const handles = [one, other];
      try {
        const applied = await Promise.all(handles.map((handle) => migrateToLatest(handle.db)));
        expect(applied.map((names) => names.length).sort((a, b) => a - b)).toEqual([0, Object.keys(migrations).length]);
        const { rows } = await sql<{ n: number }>`select count(*) as n from kysely_migration`.execute(one.db);
        expect(Number(rows[0]?.n)).toBe(Object.keys(migrations).length);
      } finally {
        for (const handle of handles) await handle.close();
      }
    });
  });
}
