import { openDatabase } from '/work/issue9/src/db/connect.js';
import { searchWorks } from '/work/issue9/src/search/search.service.js';
import { sql } from 'kysely';
import { guestViewer } from '/work/issue9/src/access/viewer.js';
const handle = openDatabase('postgres://root@localhost/bindery_corpus?host=/var/run/postgresql');
const db = handle.db;
const guest = guestViewer();
for (const q of process.argv.slice(2)) {
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const r = await searchWorks(db, guest, q, 1);
    console.log(q, r.page.total, (performance.now() - t).toFixed(1), 'ms');
  }
}
await sql`select 1`.execute(db);
await handle.close();
