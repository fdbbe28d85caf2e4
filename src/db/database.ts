// The database for Kysely: every table by name, from the table types in ./tables/ by part of the
// archive. Booleans are 0/1 integers and times are ISO-8601 UTC strings on both databases
// (docs/decisions/003-portable-column-types.md).
import type { Kysely, Selectable, Transaction } from 'kysely';
import type {
  UserTable, HeldItemTable, AnnouncementTable, SitePageTable, ContactMessageTable, MuteTable, InvitationTable, InviteRequestTable, BlockTable, ReportTable, ModerationActionTable, AccountTokenTable, RecoveryCodeTable, LoginFailureTable, LoginRenameTable, PseudTable, SessionTable, ApiTokenTable, RateLimitTable,
} from './tables/accounts.js';
import type {
  TagTable, TagParentTable, MetaTagTable, TagWordTable, TagChangeTable, WorkTable, WorkCreatorTable, WorkTagTable, ChapterTable, WorkCounterTable, ArchiveSettingTable,
} from './tables/works.js';
import type {
  KudosTable, CommentTable, ExternalWorkTable, BookmarkTable, BookmarkTagTable, InboxItemTable, UserPreferenceTable, GiftTable,
} from './tables/feedback.js';
import type {
  SeriesTable, SeriesWorkTable, CollectionTable, PromptTable, PromptTagTable, PromptClaimTable, PromptFillTable, ExchangeSettingTable, ContestSettingTable, ContestVoteTable, CreatorInvitationTable, WorkRelationTable, ExchangeSignupTable, ExchangeTagTable, ExchangeAssignmentTable, CollectionParticipantTable, CollectionItemTable,
} from './tables/gatherings.js';
import type {
  MailDigestItemTable, JobTable, JobProbeTable, MailOutboxTable, SubscriptionTable, WorkHitVisitorTable, WorkHitDayTable, ReadingTable,
} from './tables/queue.js';

export type * from './tables/accounts.js';
export type * from './tables/works.js';
export type * from './tables/feedback.js';
export type * from './tables/gatherings.js';
export type * from './tables/queue.js';

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
