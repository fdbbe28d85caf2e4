// Guests' work pages, kept rendered. A cached page is served only while the work's version is
// the one it was rendered from: this process drops a work the moment it changes it, and checks
// the database at most once a second per work for changes made by other app servers
// (docs/decisions/008-guest-page-cache.md). Anything that changes what a work page shows must
// go through changeWork() (or bump works.version), or cached pages would go stale.
import type { Db } from '../db/database.js';
import { PageCache } from '../http/page-cache.js';
import { afterCommit } from '../events/bus.js';
import { GUEST_SCOPE } from '../access/scope.js';
import { findVisibleVersion } from './work.repository.js';

const RECHECK_MS = 1000;
const MAX_TRACKED_WORKS = 50_000;

type KnownState = { version: number; guestVisible: boolean; checkedAt: number };

/** The cache of one app process. */
export class WorkPageCache {
  private readonly pages: PageCache;
  private readonly states = new Map<number, KnownState>();
  readonly stop: () => void;

  constructor(maxBytes: number) {
    this.pages = new PageCache(maxBytes);
    this.stop = afterCommit('work.saved', (event) => this.states.delete(event.workId));
  }

  private async state(db: Db, workId: number): Promise<KnownState> {
    const known = this.states.get(workId);
    const now = Date.now();
    if (known !== undefined && now - known.checkedAt < RECHECK_MS) return known;
    const row = await findVisibleVersion(db, GUEST_SCOPE, workId);
    const state = { version: row?.version ?? -1, guestVisible: row !== undefined, checkedAt: now };
    if (this.states.size >= MAX_TRACKED_WORKS) this.states.clear();
    this.states.set(workId, state);
    return state;
  }

  /** The cached page for this address, if the work is still guest-visible and unchanged. */
  async lookup(db: Db, workId: number, key: string): Promise<Buffer | undefined> {
    const page = this.pages.get(key);
    if (page === undefined) return undefined;
    const state = await this.state(db, workId);
    if (state.guestVisible && state.version === page.version) return page.body;
    this.pages.delete(key);
    return undefined;
  }

  /** Keeps a page rendered for a guest from the given version of the work. */
  store(key: string, workId: number, version: number, body: Buffer): void {
    this.pages.set(key, { body, version, workId });
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    workPages: WorkPageCache;
  }
}
