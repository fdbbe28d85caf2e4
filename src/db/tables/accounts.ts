// Table types of members and what the archive keeps about them: accounts, pseuds, sessions and
// tokens, invitations, mutes and blocks, reports and moderators' actions, announcements and site
// pages.
// Booleans are 0/1 integers, times ISO-8601 UTC strings (docs/decisions/003-portable-column-types.md).
import type { ColumnType } from 'kysely';
import type { Flag, Id } from './columns.js';

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
