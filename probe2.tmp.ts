import { openDatabase } from '/work/issue9/src/db/connect.js';
import { searchWorks, rawSearch } from '/work/issue9/src/search/search.service.js';
import { guestViewer } from '/work/issue9/src/access/viewer.js';
import { parseQuery } from '/work/issue9/src/search/query-parser.js';
import { backendFor } from '/work/issue9/src/search/search-index.service.js';
const handle = openDatabase(process.env.DB ?? 'postgres://root@localhost/bindery_corpus?host=/var/run/postgresql');
const db = handle.db;
const guest = guestViewer();
const time = async (f: () => Promise<unknown>) => { const t = performance.now(); await f(); return performance.now() - t; };
for (const q of process.argv.slice(2)) {
  const rows: string[] = [];
  for (let i = 0; i < 4; i++) {
    let ids: number[] = [];
    const full = await time(async () => { const r = await searchWorks(db, guest, q, 1); ids = r.page.items.map((w) => w.id); });
    const raw = await time(() => rawSearch(db, q));
    const parsed = parseQuery(q);
    const snip = parsed.text === null ? 0 : await time(() => backendFor(db).snippets(db, parsed.text!, ids));
    rows.push(`full ${full.toFixed(0)} raw ${raw.toFixed(0)} snippets ${snip.toFixed(0)}`);
  }
  console.log(q, '|', rows.slice(1).join(' | '));
}
await handle.close();
