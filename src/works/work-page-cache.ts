// Guests' work pages, rendered once and served to every guest. A cached page holds nothing of
// any visitor: its slots (page-slots.ts) get each request's form token, the work's current
// counters and its kudos line (read again only when the kudos count moved). It is served only while the work's content version is the one it was rendered from:
// this process forgets a work the moment its own write commits (work.saved, works.refreshed, tag.renamed), and
// checks the database at most once a second per work for other app servers' writes and for
// counters, which may be a second behind.
// docs/decisions/008-guest-page-cache.md and 024-caches-that-cannot-mix-visitors.md.
import { GUEST_SCOPE } from '../access/scope.js';
import type { Db } from '../db/database.js';
import { afterCommit } from '../events/bus.js';
import { PageCache } from '../http/page-cache.js';
import { FillBuffers, fillSlots, splitAtSlots, type FilledPage, type SlotName, type SlottedPage } from '../http/page-slots.js';
import { formatCount } from '../lib/text.js';
import { findVisibleState } from './work.repository.js';
import { counterStatsHtml } from './views/work-meta.js';
import { workKudosHtml } from './work-feedback.js';
import { guestKudosAllowed } from '../accounts/settings.service.js';

const RECHECK_MS = 1000;
const MAX_TRACKED_WORKS = 50_000;

/** A page as rendered: the content version and whether guests could leave kudos then (it shows the button). */
type CachedPage = SlottedPage & { version: number; guestKudos: boolean };
type KnownState = { version: number; guestVisible: boolean; guestKudos: boolean; countersHtml: Buffer; kudos: number; kudosHtml: Buffer; commentCount: Buffer; checkedAt: number };

/** What one request puts in a shared page's slots besides the work's counters. */
/** This visitor's own values for a shared page's slots: their form token, and the banner (empty once they dismissed it). */
export type VisitorValues = { csrf: () => string; announcement: () => Buffer };

/** The cache of one app process. */
export class WorkPageCache {
  private readonly pages: PageCache<CachedPage>;
  private readonly states = new Map<number, KnownState>();
  private readonly buffers = new FillBuffers();
  /** Moves with every forgetting: a state read that began before it is used once, never kept. */
  private epoch = 0;
  private readonly unsubscribes: Array<() => void>;
  /** Requests answered from the cache, and pages rendered and kept, since start. */
  /** For /metrics: answers from the cache, guests' requests it could not answer, pages kept. */
  readonly counts = { hits: 0, misses: 0, stored: 0 };

  constructor(maxBytes: number) {
    this.pages = new PageCache<CachedPage>(maxBytes, (page) => page.bytes);
    const forget = (workId: number | null) => {
      this.epoch += 1;
      if (workId === null) this.states.clear(); else this.states.delete(workId);
    };
    this.unsubscribes = [
      afterCommit('work.saved', (event) => forget(event.workId)), afterCommit('tag.renamed', () => forget(null)),
      afterCommit('settings.changed', () => forget(null)),
      afterCommit('works.refreshed', (event) => { for (const id of event.workIds) forget(id); }),
    ];
  }

  /** Stops listening to this process's writes (the app is closing). */
  stop(): void {
    for (const unsubscribe of this.unsubscribes) unsubscribe();
  }

  private async state(db: Db, workId: number): Promise<KnownState> {
    const known = this.states.get(workId);
    const now = Date.now();
    if (known !== undefined && now - known.checkedAt < RECHECK_MS) return known;
    const epoch = this.epoch;
    const row = await findVisibleState(db, GUEST_SCOPE, workId);
    const counters = { comments: row?.comments ?? 0, kudos: row?.kudos ?? 0, bookmarks: row?.bookmarks ?? 0, hits: row?.hits ?? 0 };
    const kudosHtml = known !== undefined && known.kudos === counters.kudos ? known.kudosHtml : Buffer.from(await workKudosHtml(db, workId));
    const state = {
      version: row?.content_version ?? -1, guestVisible: row !== undefined, guestKudos: await guestKudosAllowed(db), countersHtml: Buffer.from(counterStatsHtml(counters, workId)),
      kudos: counters.kudos, kudosHtml, commentCount: Buffer.from(formatCount(counters.comments)), checkedAt: now,
    };
    // A write committed while this was read: the answer may be older than the write, so it is not kept.
    if (epoch !== this.epoch) return state;
    if (this.states.size >= MAX_TRACKED_WORKS) this.states.clear();
    this.states.set(workId, state);
    return state;
  }

  private fill(page: SlottedPage, state: KnownState, visitor: VisitorValues): FilledPage {
    const shared: Record<Exclude<SlotName, 'csrf' | 'announcement'>, Buffer> = { counters: state.countersHtml, kudos: state.kudosHtml, comments: state.commentCount };
    return fillSlots(page, (slot) => (slot === 'csrf' ? Buffer.from(visitor.csrf()) : slot === 'announcement' ? visitor.announcement() : shared[slot]), this.buffers);
  }

  /**
   * The cached page at this address for this guest, if the work is still guest-visible and
   * unchanged; call its `sent` once the response is sent, so its buffer serves another.
   */
  async serve(db: Db, workId: number, key: string, visitor: VisitorValues): Promise<FilledPage | undefined> {
    const page = this.pages.get(key);
    if (page === undefined) {
      this.counts.misses += 1;
      return undefined;
    }
    const state = await this.state(db, workId);
    // Another app server may have changed the setting: its pages are checked like content.
    if (!state.guestVisible || state.version !== page.version || state.guestKudos !== page.guestKudos) {
      this.counts.misses += 1;
      this.pages.delete(key);
      return undefined;
    }
    this.counts.hits += 1;
    return this.fill(page, state, visitor);
  }

  /** Keeps a page rendered for every guest from the given content version and kudos setting, and returns it filled for this guest. */
  async keep(db: Db, key: string, workId: number, rendered: { version: number; guestKudos: boolean }, html: Buffer, visitor: VisitorValues): Promise<FilledPage> {
    const { version } = rendered;
    const page = { ...splitAtSlots(html), ...rendered };
    if (this.pages.set(key, page)) this.counts.stored += 1;
    // Rendered from a newer version than this process last checked: read the state afresh.
    if (this.states.get(workId)?.version !== version) this.states.delete(workId);
    return this.fill(page, await this.state(db, workId), visitor);
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    workPages: WorkPageCache;
  }
}
