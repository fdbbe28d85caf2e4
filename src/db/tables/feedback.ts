// Table types of what readers give back and keep: kudos, comments, bookmarks, the inbox,
// preferences and gifts.
// Booleans are 0/1 integers, times ISO-8601 UTC strings (docs/decisions/003-portable-column-types.md).
import type { ColumnType } from 'kysely';
import type { Flag, Id } from './columns.js';

/** One kudos: from an account, or from a guest's address (a keyed hash of it). */
export interface KudosTable {
  id: Id;
  work_id: number;
  user_id: number | null;
  guest_key: string | null;
  created_at: string;
  /** 1 once the work's kudos count includes this one (stored at 0, counted after it commits). */
  counted: Flag;
}

/** pending: waits for the work's creators; held: waits for the archive's moderators (spam checks). */
export type CommentState = 'published' | 'pending' | 'held' | 'hidden' | 'deleted';

/** A comment on a chapter (or, chapter_id null, on the whole work), a reply when parent_id is set. */
export interface CommentTable {
  id: Id;
  work_id: number;
  chapter_id: number | null;
  parent_id: number | null;
  /** The first comment of its thread (itself for a first comment), set just after insert. */
  thread_id: number | null;
  depth: ColumnType<number, number | undefined, number>;
  user_id: number | null;
  pseud_id: number | null;
  guest_name: string | null;
  guest_email: string | null;
  content: string;
  state: ColumnType<CommentState, CommentState | undefined, CommentState>;
  frozen: ColumnType<Flag, Flag | undefined, Flag>;
  created_at: string;
  edited_at: string | null;
  /** The moderation action that removed it (state 'hidden' by a moderator), null otherwise. */
  removed_by_action: ColumnType<number | null, number | null | undefined, number | null>;
}

/** A work elsewhere that a member bookmarked: what they wrote down about it. */
export interface ExternalWorkTable {
  id: Id;
  url: string;
  title: string;
  creator: string;
  fandoms: string;
  rating: string;
  summary: string;
  created_at: string;
}

/** A member's bookmark of a work here (work_id) or elsewhere (external_work_id). */
export interface BookmarkTable {
  id: Id;
  user_id: number;
  pseud_id: number | null;
  work_id: number | null;
  external_work_id: number | null;
  /** A bookmark of a series (work_id and external_work_id are then null). */
  series_id: ColumnType<number | null, number | null | undefined, number | null>;
  notes: string;
  rec: ColumnType<Flag, Flag | undefined, Flag>;
  private: ColumnType<Flag, Flag | undefined, Flag>;
  created_at: string;
  updated_at: string;
}

/** The bookmarker's own tags on a bookmark, in order. */
export interface BookmarkTagTable {
  bookmark_id: number;
  name: string;
  name_key: string;
  position: number;
}

/** Something for a member to read: a comment on their work, or a reply to their comment. */
export interface InboxItemTable {
  id: Id;
  user_id: number;
  comment_id: number;
  kind: 'comment' | 'reply';
  read: ColumnType<Flag, Flag | undefined, Flag>;
  created_at: string;
}

/** A member's choices: email, history, gifts, and how they read. */
export interface UserPreferenceTable {
  user_id: number;
  email_comments: ColumnType<Flag, Flag | undefined, Flag>;
  /** Keep a reading history. */
  history: ColumnType<Flag, Flag | undefined, Flag>;
  /** Gather email into one a day instead of one per event. */
  email_digest: ColumnType<Flag, Flag | undefined, Flag>;
  /** Others may give this member works as gifts. */
  accept_gifts: ColumnType<Flag, Flag | undefined, Flag>;
  /** Open adult works without the notice. */
  view_adult: ColumnType<Flag, Flag | undefined, Flag>;
  /** Fold archive warnings, and additional tags, until the reader opens them. */
  hide_warnings: ColumnType<Flag, Flag | undefined, Flag>;
  hide_freeforms: ColumnType<Flag, Flag | undefined, Flag>;
  /** A work's page shows every chapter unless a chapter is asked for. */
  view_full_work: ColumnType<Flag, Flag | undefined, Flag>;
  /** The IANA time zone dates and times are shown in; null for UTC. */
  time_zone: ColumnType<string | null, string | null | undefined, string | null>;
  updated_at: string;
}

/** A work given to a member, or to a name without an account here. */
export interface GiftTable {
  id: Id;
  work_id: number;
  recipient_id: number | null;
  recipient_name: string;
  /** The name folded (foldKey): one gift per recipient per work. */
  recipient_key: string;
  /** The member refused it: it no longer shows. */
  refused: ColumnType<Flag, Flag | undefined, Flag>;
  created_at: string;
}
