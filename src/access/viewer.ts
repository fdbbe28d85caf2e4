// Who is asking: every service call that reads or writes takes a Viewer.

/** A member; `confirmed` once they followed the link sent to their email address (until then they may not post or comment). */
export type ViewerUser = Readonly<{
  id: number; login: string; isAdmin: boolean; isWrangler: boolean; confirmed: boolean;
  /** Signs in with an authenticator app's code after the password (required of administrators). */
  twoFactor: boolean;
  /** The volunteer roles the member holds besides an administrator's (who holds them all). */
  roles: readonly AdminRole[];
  /** Until when the member may not post or comment (suspended, or marked as spam: far in the future); null when they may. */
  silencedUntil: string | null;
  /** Never held for review for being new: moderators approved something they wrote, or they were here before holds began. */
  trusted: boolean;
  /** The version of the terms of service they last accepted (asked again when it is older than the archive's). */
  termsVersion: number;
}>;

/** The archive's volunteer roles: each opens its own admin pages. */
export const ADMIN_ROLES = ['policy_abuse', 'support', 'tag_wrangling'] as const;
export type AdminRole = (typeof ADMIN_ROLES)[number];

/**
 * How the request proved who it is: nothing (a guest), a browser session cookie, an API
 * token, or the operator's own command line on the server.
 */
export type ViewerVia = 'guest' | 'session' | 'token' | 'local';

export type Viewer = Readonly<{
  user: ViewerUser | null;
  /** The raw session token when logged in through the browser; seeds the CSRF token. */
  sessionToken: string | null;
  ip: string;
  via: ViewerVia;
}>;

/** A guest at an address. */
export function guestViewer(ip = '127.0.0.1'): Viewer {
  return { user: null, sessionToken: null, ip, via: 'guest' };
}

/** A user acting through the server's own command line (the CLI, benchmarks' seeding). */
export function localViewer(user: ViewerUser): Viewer {
  return { user, sessionToken: null, ip: '127.0.0.1', via: 'local' };
}
