// Table types for Kysely. Booleans are 0/1 integers and times are ISO-8601 UTC strings
// on both databases (docs/decisions/003-portable-column-types.md).
import type { ColumnType, Generated, Kysely, Selectable, Transaction } from 'kysely';

type Flag = 0 | 1;
type Id = Generated<number>;

export interface UserTable {
  id: Id;
  login: string;
  login_key: string;
  email: string;
  email_key: string;
  password_hash: string;
  is_admin: Flag;
  is_wrangler: ColumnType<Flag, Flag | undefined, Flag>;
  created_at: string;
  /** When the member followed the link sent to their address; null until then. */
  email_confirmed_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** The base32 key of their authenticator app: set while enrolling, in use once totp_enabled_at is. */
  totp_secret: ColumnType<string | null, string | null | undefined, string | null>;
  totp_enabled_at: ColumnType<string | null, string | null | undefined, string | null>;
  totp_last_step: ColumnType<number | null, number | null | undefined, number | null>;
  /** Roles besides an administrator's (who has them all), comma-separated (moderation/roles.ts). */
  admin_roles: ColumnType<string, string | undefined, string>;
  standing: ColumnType<UserStanding, UserStanding | undefined, UserStanding>;
  suspended_until: ColumnType<string | null, string | null | undefined, string | null>;
  /** When moderators approved something the member wrote (their works and comments are then never held for being new); null until then. */
  trusted_at: ColumnType<string | null, string | null | undefined, string | null>;
  /** The version of the terms of service the member last accepted; 0 for none. */
  terms_version: ColumnType<number, number | undefined, number>;
}

/** A work or comment held for the moderators' review before anyone else sees it. */
export interface HeldItemTable {
  id: Id;
  kind: 'work' | 'comment';
  target_id: number;
  user_id: number | null;
  reason: string;
  created_at: string;
}

/** A message shown at the top of every page until readers dismiss it or it is ended. */
export interface AnnouncementTable {
  id: Id;
  content: string;
  created_by: number | null;
  created_at: string;
  ended_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** One version of the terms of service or the privacy policy. */
export interface SitePageTable {
  id: Id;
  slug: SitePageSlug;
  version: number;
  content: string;
  created_by: number | null;
  created_at: string;
}
export type SitePageSlug = 'terms' | 'privacy';

/** A message sent through the contact form, for the support role. */
export interface ContactMessageTable {
  id: Id;
  user_id: number | null;
  name: string;
  email: string;
  subject: string;
  body: string;
  address: string;
  status: ColumnType<'open' | 'answered', 'open' | 'answered' | undefined, 'open' | 'answered'>;
  created_at: string;
  closed_by: ColumnType<number | null, number | null | undefined, number | null>;
  closed_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** A creator (kind user) or a tag (kind tag) a member muted. */
export interface MuteTable {
  user_id: number;
  kind: 'user' | 'tag';
  target_id: number;
  created_at: string;
}

/** A code that lets one person sign up while registration is by invitation. */
export interface InvitationTable {
  id: Id;
  code: string;
  owner_id: number | null;
  email: string | null;
  created_at: string;
  used_by: ColumnType<number | null, number | null | undefined, number | null>;
  used_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** An address waiting in the queue for an invitation. */
export interface InviteRequestTable {
  id: Id;
  email: string;
  email_key: string;
  created_at: string;
  invitation_id: ColumnType<number | null, number | null | undefined, number | null>;
}

/** A member (blocker) keeping another (blocked) away from them and their works. */
export interface BlockTable {
  blocker_id: number;
  blocked_id: number;
  created_at: string;
}

export type UserStanding = 'active' | 'spam' | 'suspended' | 'banned';

export type ReportTargetKind = 'work' | 'chapter' | 'comment' | 'bookmark' | 'user';

/** A reader's report of something on the archive, waiting in the moderation queue. */
export interface ReportTable {
  id: Id;
  target_kind: ReportTargetKind;
  target_id: number;
  category: string;
  details: string;
  reporter_id: number | null;
  reporter_email: string | null;
  reporter_address: string;
  status: ColumnType<'open' | 'resolved' | 'dismissed', 'open' | 'resolved' | 'dismissed' | undefined, 'open' | 'resolved' | 'dismissed'>;
  created_at: string;
  closed_at: ColumnType<string | null, string | null | undefined, string | null>;
  closed_by: ColumnType<number | null, number | null | undefined, number | null>;
}

/** One moderator's action, kept forever: who, what, whom, why, when, and when it was undone. */
export interface ModerationActionTable {
  id: Id;
  actor_id: number | null;
  action: string;
  target_kind: string;
  target_id: number;
  subject_id: number | null;
  reason: string;
  detail: ColumnType<string, string | undefined, string>;
  report_id: number | null;
  created_at: string;
  undone_at: ColumnType<string | null, string | null | undefined, string | null>;
  undone_by: ColumnType<number | null, number | null | undefined, number | null>;
}

/** A one-time token sent by email (or held between a password and a second factor); only its hash is kept. */
export interface AccountTokenTable {
  token_hash: string;
  user_id: number;
  purpose: 'confirm_email' | 'reset_password' | 'change_email' | 'sign_in';
  data: ColumnType<string, string | undefined, string>;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface RecoveryCodeTable {
  user_id: number;
  code_hash: string;
  used_at: string | null;
}

export interface LoginFailureTable {
  key: string;
  failures: number;
  last_failure_ms: number;
  locked_until_ms: number;
}

/** A login name given up for another, leading to its member for a while. */
export interface LoginRenameTable {
  old_login_key: string;
  user_id: number;
  until: string;
}

export interface PseudTable {
  id: Id;
  user_id: number;
  name: string;
  name_key: string;
  is_default: Flag;
  description: string;
  created_at: string;
}

export interface SessionTable {
  id: string;
  user_id: number;
  remember: Flag;
  created_at: string;
  seen_at: string;
  expires_at: string;
}

export interface ApiTokenTable {
  id: Id;
  user_id: number;
  token_hash: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

export interface RateLimitTable {
  key: string;
  window_start: number;
  hits: number;
}

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

/** One kudos: from an account, or from a guest's address (a keyed hash of it). */
export interface KudosTable {
  id: Id;
  work_id: number;
  user_id: number | null;
  guest_key: string | null;
  created_at: string;
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

/** Email held for a member's next daily digest. */
export interface MailDigestItemTable {
  id: Id;
  user_id: number;
  headline: string;
  text_body: string;
  html_body: string;
  created_at: string;
}

export type MailStatus = 'pending' | 'sent' | 'logged' | 'failed';

/** An email: written with the write that caused it, sent by the mail queue. */
/** A job of the queue (src/jobs/): waiting, being run under a worker's lease, or finished. */
export interface JobTable {
  id: Id;
  kind: string;
  /** JSON */
  payload: string;
  state: ColumnType<JobState, JobState | undefined, JobState>;
  run_at: string;
  attempts: ColumnType<number, number | undefined, number>;
  max_attempts: ColumnType<number, number | undefined, number>;
  /** Held only while queued or running: a second job with the key is not queued meanwhile. */
  unique_key: ColumnType<string | null, string | null | undefined, string | null>;
  lease_owner: ColumnType<string | null, string | null | undefined, string | null>;
  lease_expires_at: ColumnType<string | null, string | null | undefined, string | null>;
  last_error: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  started_at: ColumnType<string | null, string | null | undefined, string | null>;
  finished_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export type JobState = 'queued' | 'running' | 'done' | 'failed';

/** One run of the queue's self-test job: which job, which process, when it finished. */
export interface JobProbeTable {
  id: Id;
  job_id: number;
  pid: number;
  finished_at: string;
}

export interface MailOutboxTable {
  id: Id;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  status: ColumnType<MailStatus, MailStatus | undefined, MailStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  next_attempt_at: string;
  created_at: string;
  sent_at: string | null;
}

/** A member following a work (its new chapters) or a creator (their new works). */
export interface SubscriptionTable {
  id: Id;
  user_id: number;
  kind: 'work' | 'creator' | 'series';
  target_id: number;
  created_at: string;
}

/** A visitor already counted on a work on a day (hits are one per visitor per work per day). */
export interface WorkHitVisitorTable {
  work_id: number;
  day: string;
  visitor: string;
}

/** A work's hits on one day. */
export interface WorkHitDayTable {
  work_id: number;
  day: string;
  hits: number;
}

/** A work in a member's reading history (or marked for later). */
export interface ReadingTable {
  user_id: number;
  work_id: number;
  last_read_at: string;
  /** How many chapters were posted when last read: more now means "updated since you last read". */
  chapters_then: ColumnType<number, number | undefined, number>;
  visits: ColumnType<number, number | undefined, number>;
  later: ColumnType<Flag, Flag | undefined, Flag>;
}

export interface Database {
  users: UserTable;
  held_items: HeldItemTable;
  announcements: AnnouncementTable;
  site_pages: SitePageTable;
  contact_messages: ContactMessageTable;
  pseuds: PseudTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  rate_limits: RateLimitTable;
  account_tokens: AccountTokenTable;
  recovery_codes: RecoveryCodeTable;
  login_failures: LoginFailureTable;
  login_renames: LoginRenameTable;
  blocks: BlockTable;
  mutes: MuteTable;
  invitations: InvitationTable;
  invite_requests: InviteRequestTable;
  reports: ReportTable;
  moderation_actions: ModerationActionTable;
  tags: TagTable;
  tag_parents: TagParentTable;
  meta_tags: MetaTagTable;
  tag_words: TagWordTable;
  tag_changes: TagChangeTable;
  works: WorkTable;
  work_creators: WorkCreatorTable;
  work_tags: WorkTagTable;
  chapters: ChapterTable;
  work_counters: WorkCounterTable;
  archive_settings: ArchiveSettingTable;
  kudos: KudosTable;
  comments: CommentTable;
  external_works: ExternalWorkTable;
  bookmarks: BookmarkTable;
  bookmark_tags: BookmarkTagTable;
  inbox_items: InboxItemTable;
  user_preferences: UserPreferenceTable;
  mail_outbox: MailOutboxTable;
  mail_digest_items: MailDigestItemTable;
  series: SeriesTable;
  series_works: SeriesWorkTable;
  gifts: GiftTable;
  collections: CollectionTable;
  collection_participants: CollectionParticipantTable;
  collection_items: CollectionItemTable;
  prompts: PromptTable;
  prompt_tags: PromptTagTable;
  prompt_claims: PromptClaimTable;
  prompt_fills: PromptFillTable;
  exchange_settings: ExchangeSettingTable;
  exchange_signups: ExchangeSignupTable;
  exchange_tags: ExchangeTagTable;
  exchange_assignments: ExchangeAssignmentTable;
  contest_settings: ContestSettingTable;
  contest_votes: ContestVoteTable;
  creator_invitations: CreatorInvitationTable;
  work_relations: WorkRelationTable;
  subscriptions: SubscriptionTable;
  work_hit_visitors: WorkHitVisitorTable;
  work_hit_days: WorkHitDayTable;
  readings: ReadingTable;
  jobs: JobTable;
  job_probes: JobProbeTable;
}

/** The query builder every repository takes first: the whole database or a transaction. */
export type Db = Kysely<Database> | Transaction<Database>;
export type UserRow = Selectable<UserTable>;
export type PseudRow = Selectable<PseudTable>;
export type WorkRow = Selectable<WorkTable>;
export type ChapterRow = Selectable<ChapterTable>;
export type SeriesRow = Selectable<SeriesTable>;
export type CollectionRow = Selectable<CollectionTable>;
export type PromptRow = Selectable<PromptTable>;
export type CommentRow = Selectable<CommentTable>;
export type BookmarkRow = Selectable<BookmarkTable>;
export type ExternalWorkRow = Selectable<ExternalWorkTable>;
export type TagRow = Selectable<TagTable>;
