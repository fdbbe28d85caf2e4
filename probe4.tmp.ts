import { openDatabase } from '/work/issue9/src/db/connect.js';
import { searchWorks } from '/work/issue9/src/search/search.service.js';
import { guestViewer } from '/work/issue9/src/access/viewer.js';
import { parseQuery } from '/work/issue9/src/search/query-parser.js';
import { typedPassages, textLeaves, chaptersOfWorks } from '/work/issue9/src/search/snippets.js';
const handle = openDatabase('postgres://root@localhost/bindery_corpus?host=/var/run/postgresql');
const db = handle.db;
for (const q of process.argv.slice(2)) {
  const r = await searchWorks(db, guestViewer(), q, 1);
  const ids = r.page.items.map((w) => w.id);
  const parsed = parseQuery(q);
  for (let i = 0; i < 3; i++) {
    let t = performance.now();
    const first = await chaptersOfWorks(db, ids, true);
    const tFirst = performance.now() - t;
    t = performance.now();
    const res = await typedPassages(db, textLeaves(parsed.text!), ids);
    const tAll = performance.now() - t;
    const bytes = [...first.values()].flat().reduce((n, c) => n + c.content.length, 0);
    console.log(q, 'first chapters', tFirst.toFixed(1), 'ms', bytes, 'bytes; typedPassages', tAll.toFixed(1), 'found', res.found.size, 'rest', res.rest.length, 'all-chapter works', res.chapters.size);
  }
}
await handle.close();
