import { openDatabase } from '/work/issue9/src/db/connect.js';
import { searchWorks } from '/work/issue9/src/search/search.service.js';
import { guestViewer } from '/work/issue9/src/access/viewer.js';
const handle = openDatabase('postgres://root@localhost/bindery_corpus?host=/var/run/postgresql');
for (let i = 0; i < 3; i++) await searchWorks(handle.db, guestViewer(), process.argv[2] ?? '', 1);
await handle.close();
