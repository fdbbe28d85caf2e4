// What a write announces. A write emits its event inside its own transaction (bus.ts); the
// domains that keep something in step with it (the search index, caches, derived flags)
// subscribe, so the writer never needs to know them. docs/decisions/022-write-events.md.

export type DomainEvent =
  /** A work's text, metadata, creators, tags or visibility changed; it was created, posted or deleted. */
  | { type: 'work.saved'; workId: number }
  /** Something these works' pages show changed elsewhere (a series they are in): their content versions moved. */
  | { type: 'works.refreshed'; workIds: number[] }
  /** Only a work's counters changed (kudos, hits, comments, bookmarks): nothing its content version keys. */
  | { type: 'work.counted'; workId: number }
  /** A tag's name changed (case or accents), so every work carrying it reads differently. */
  | { type: 'tag.renamed'; tagId: number }
  /** Wrangling changed which fandoms belong together (synonyms, metatags): crossovers may change. */
  | { type: 'fandoms.regrouped'; tagIds: number[] }
  /** Tags were created, or a wrangler changed one (canonical, synonym, parents, metatags, name): indexes of tags are out of date. */
  | { type: 'tags.changed'; tagIds: number[] }
  /** A work was posted for readers (created as posted, or a draft posted): its creators' subscribers are told. */
  | { type: 'work.posted'; workId: number }
  /** A posted work's collection was revealed: those who could not be told of it before (gift recipients, prompters, subscribers) are told now. */
  | { type: 'work.revealed'; workId: number }
  /** A work was added to a series: if it is posted, the series' subscribers are told of a new part. */
  | { type: 'series.extended'; seriesId: number; workId: number }
  /** A new chapter of a posted work was posted: the work's subscribers are told. */
  | { type: 'chapter.posted'; workId: number; chapterId: number }
  /** A comment became visible to readers (posted on an unmoderated work, or approved): its readers-to-be are told. */
  | { type: 'comment.published'; commentId: number }
  /** A work or comment was held for the moderators' review (spam checks): the review queue lists it. */
  | { type: 'content.held'; kind: 'work' | 'comment'; id: number; userId: number | null; reason: string }
  /** An administrator changed the archive's settings (admin pages): pages that depend on them are out of date. */
  | { type: 'settings.changed' };

export type EventType = DomainEvent['type'];
export type EventOf<T extends EventType> = Extract<DomainEvent, { type: T }>;

/** Events whose subscribers keep stored data right: emitting one that nobody handles is a wiring mistake. */
export const MUST_BE_HANDLED: readonly EventType[] = ['work.saved', 'tag.renamed', 'fandoms.regrouped', 'content.held'];
