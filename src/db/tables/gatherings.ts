// Table types of works gathered: series, collections, prompt memes, gift exchanges and contests.
// Booleans are 0/1 integers, times ISO-8601 UTC strings (docs/decisions/003-portable-column-types.md).
import type { ColumnType } from 'kysely';
import type { Flag, Id } from './columns.js';

/** Works gathered in order under one title. */
export interface SeriesTable {
  id: Id;
  title: string;
  summary: ColumnType<string, string | undefined, string>;
  notes: ColumnType<string, string | undefined, string>;
  complete: ColumnType<Flag, Flag | undefined, Flag>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** A work's place in a series (1 is the first part). */
export interface SeriesWorkTable {
  series_id: number;
  work_id: number;
  position: number;
}

export type CollectionRole = 'owner' | 'moderator' | 'member';

/** Works gathered by a community under one name (its address). */
export interface CollectionTable {
  id: Id;
  name: string;
  /** The name folded: two collections never differ only by case. */
  name_key: string;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  rules: ColumnType<string, string | undefined, string>;
  closed: ColumnType<Flag, Flag | undefined, Flag>;
  moderated: ColumnType<Flag, Flag | undefined, Flag>;
  anonymous: ColumnType<Flag, Flag | undefined, Flag>;
  unrevealed: ColumnType<Flag, Flag | undefined, Flag>;
  reveal_works_at: string | null;
  reveal_creators_at: string | null;
  works_revealed: ColumnType<Flag, Flag | undefined, Flag>;
  creators_revealed: ColumnType<Flag, Flag | undefined, Flag>;
  /** The challenge it runs, if any. */
  challenge: ColumnType<ChallengeKind | null, ChallengeKind | null | undefined, ChallengeKind | null>;
  created_at: string;
  updated_at: string;
}

export type ChallengeKind = 'prompt_meme' | 'gift_exchange' | 'contest';

/** A request in a prompt meme. */
export interface PromptTable {
  id: Id;
  collection_id: number;
  user_id: number | null;
  /** The prompter is shown as Anonymous to all but themselves and the maintainers. */
  anonymous: ColumnType<Flag, Flag | undefined, Flag>;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  filled: ColumnType<Flag, Flag | undefined, Flag>;
  created_at: string;
}

export interface PromptTagTable { prompt_id: number; name: string; name_key: string }
export interface PromptClaimTable { prompt_id: number; user_id: number; created_at: string }
export interface PromptFillTable { prompt_id: number; work_id: number; created_at: string }

/** A gift exchange's window, matching rules and progress. */
export interface ExchangeSettingTable {
  collection_id: number;
  signups_open_at: string | null;
  signups_close_at: string | null;
  due_at: string | null;
  fandoms_max: ColumnType<number, number | undefined, number>;
  match_types: ColumnType<string, string | undefined, string>;
  match_count: ColumnType<number, number | undefined, number>;
  assignments_sent: ColumnType<Flag, Flag | undefined, Flag>;
}
/** A contest's windows and categories. */
export interface ContestSettingTable {
  collection_id: number;
  submissions_close_at: string | null;
  voting_closes_at: string | null;
  categories: ColumnType<string, string | undefined, string>;
}
export interface ContestVoteTable { collection_id: number; category: string; user_id: number; work_id: number; created_at: string }
/** A member's pseud invited to be a co-creator of a work; a creator once they accept. */
export interface CreatorInvitationTable { work_id: number; pseud_id: number; invited_by: number | null; created_at: string }
/** A work inspired by, or translating, another (here: parent_id; elsewhere: its address, title and creator). */
export interface WorkRelationTable {
  id: Id; work_id: number; parent_id: number | null; parent_url: string | null; parent_title: string | null; parent_creator: string | null;
  translation: ColumnType<Flag, Flag | undefined, Flag>;
  approved: ColumnType<Flag, Flag | undefined, Flag>;
  created_at: string;
}
export interface ExchangeSignupTable { id: Id; collection_id: number; user_id: number; request_notes: ColumnType<string, string | undefined, string>; created_at: string }
export type ExchangeSide = 'request' | 'offer';
export interface ExchangeTagTable { signup_id: number; side: ExchangeSide; type: string; name: string; name_key: string }
export interface ExchangeAssignmentTable {
  id: Id; collection_id: number; giver_id: number; recipient_id: number; writer_user_id: number;
  work_id: number | null;
  defaulted: ColumnType<Flag, Flag | undefined, Flag>;
  pinch_hit: ColumnType<Flag, Flag | undefined, Flag>;
}

/** A member's part in a collection: owners and moderators maintain it. */
export interface CollectionParticipantTable {
  collection_id: number;
  user_id: number;
  role: CollectionRole;
}

/** A work in a collection; waits unapproved in a moderated one. */
export interface CollectionItemTable {
  id: Id;
  collection_id: number;
  work_id: number;
  approved: ColumnType<Flag, Flag | undefined, Flag>;
  created_at: string;
}
