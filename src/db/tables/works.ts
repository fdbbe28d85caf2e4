// Table types of works and what they are made of: tags and their wrangling, works, their creators,
// chapters and counters, and the archive's settings.
// Booleans are 0/1 integers, times ISO-8601 UTC strings (docs/decisions/003-portable-column-types.md).
import type { ColumnType } from 'kysely';
import type { Flag, Id } from './columns.js';

export type TagType = 'rating' | 'warning' | 'category' | 'fandom' | 'relationship' | 'character' | 'freeform';

export interface TagTable {
  id: Id;
  type: TagType;
  name: string;
  name_key: string;
  canonical: Flag;
  merger_id: number | null;
  unwrangleable: ColumnType<Flag, Flag | undefined, Flag>;
  created_at: string;
}

export interface TagParentTable {
  parent_id: number;
  child_id: number;
}

export interface MetaTagTable {
  meta_id: number;
  sub_id: number;
}

export interface TagWordTable {
  word: string;
  tag_id: number;
}

export interface TagChangeTable {
  id: Id;
  tag_id: number | null;
  tag_name: string;
  user_id: number | null;
  action: string;
  detail: string;
  created_at: string;
}

export type CommentPermission = 'all' | 'registered' | 'none';

export interface WorkTable {
  id: Id;
  title: string;
  summary: string;
  notes: string;
  end_notes: string;
  language: string;
  restricted: Flag;
  comment_permission: CommentPermission;
  expected_chapters: number | null;
  posted: Flag;
  word_count: number;
  chapter_count: number;
  complete: Flag;
  backdated: Flag;
  published_on: string | null;
  revised_at: string | null;
  /** Moves whenever what the work says changes (text, metadata, creators, tags), never for counters. */
  content_version: ColumnType<number, number | undefined, number>;
  /** New comments wait for the creators' approval. */
  comments_moderated: ColumnType<Flag, Flag | undefined, Flag>;
  title_sort: string;
  creator_sort: string;
  crossover: ColumnType<Flag, Flag | undefined, Flag>;
  rating_id: ColumnType<number | null, number | null | undefined, number | null>;
  /** In a collection whose creators are not yet revealed: its creators show as "Anonymous" (collections/). */
  anonymous: ColumnType<Flag, Flag | undefined, Flag>;
  /** In a collection not yet revealed: only its creators and the collection's maintainers see it. */
  unrevealed: ColumnType<Flag, Flag | undefined, Flag>;
  /** Hidden by moderators: only its creators see it, with hidden_reason (access/visibility.ts). */
  hidden: ColumnType<Flag, Flag | undefined, Flag>;
  hidden_reason: ColumnType<string, string | undefined, string>;
  hidden_by_action: ColumnType<number | null, number | null | undefined, number | null>;
  created_at: string;
  updated_at: string;
}

export interface WorkCreatorTable {
  work_id: number;
  pseud_id: number;
  position: number;
}

export interface WorkTagTable {
  work_id: number;
  tag_id: number;
  position: number;
}

export interface ChapterTable {
  id: Id;
  work_id: number;
  position: number;
  title: string;
  summary: string;
  notes: string;
  end_notes: string;
  content: string;
  word_count: number;
  posted: Flag;
  published_on: string | null;
  created_at: string;
  updated_at: string;
}

/** Kudos, comments, bookmarks and hits: apart from the work's row, so they never move its content version. */
export interface WorkCounterTable {
  work_id: number;
  kudos: ColumnType<number, number | undefined, number>;
  comments: ColumnType<number, number | undefined, number>;
  bookmarks: ColumnType<number, number | undefined, number>;
  hits: ColumnType<number, number | undefined, number>;
}

/** A setting an administrator chose in the admin pages. */
export interface ArchiveSettingTable {
  key: string;
  value: string;
  updated_at: string;
}
