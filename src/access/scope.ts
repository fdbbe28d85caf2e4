// A viewer reduced to what visibility depends on. Every rule in visibility.ts takes a Scope, so
// "who is this" is worked out once per request and never again inside a door.
import type { Viewer } from './viewer.js';

export type Scope = Readonly<{
  /** Logged in: registered-users-only works are open. */
  member: boolean;
  /** The account asking (null for a guest, and for MEMBER_SCOPE, which stands for no one in particular). */
  userId: number | null;
  /** May wrangle tags (wranglers and admins): every tag name is theirs to see. */
  wrangler: boolean;
  admin: boolean;
}>;

/** Anyone without an account. */
export const GUEST_SCOPE: Scope = Object.freeze({ member: false, userId: null, wrangler: false, admin: false });

/**
 * Any logged-in reader who created nothing and moderates nothing: what every member sees. The
 * search index holds works in this shape, and a guest turned away is told to log in when this
 * scope would see the work.
 */
export const MEMBER_SCOPE: Scope = Object.freeze({ member: true, userId: null, wrangler: false, admin: false });

/** The scope of a viewer. */
export function scopeOf(viewer: Viewer): Scope {
  const user = viewer.user;
  if (user === null) return GUEST_SCOPE;
  return { member: true, userId: user.id, wrangler: user.isWrangler || user.isAdmin || user.roles.includes('tag_wrangling'), admin: user.isAdmin };
}
