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
  /** How the member chose to read (their preferences), loaded with their session. */
  reading: ReadingChoices;
}>;

/** A reader's choices about what pages show them; guests read with READING_DEFAULTS. */
export type ReadingChoices = Readonly<{
  /** Adult works open without the notice. */
  showAdult: boolean;
  /** Archive warnings, and additional tags, stay folded until the reader opens them. */
  hideWarnings: boolean;
  hideFreeforms: boolean;
  /** /works/:id shows every chapter unless a chapter is asked for. */
  fullWork: boolean;
  /** The IANA time zone dates and times are shown in. */
  timeZone: string;
}>;

export const READING_DEFAULTS: ReadingChoices = { showAdult: false, hideWarnings: false, hideFreeforms: false, fullWork: false, timeZone: 'UTC' };

/** The reading choices of whoever is asking. */
export function readingOf(viewer: Viewer): ReadingChoices {
  return viewer.user?.reading ?? READING_DEFAULTS;
}

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
