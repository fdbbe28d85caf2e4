// Who is asking: every service call that reads or writes takes a Viewer.

export type ViewerUser = Readonly<{ id: number; login: string; isAdmin: boolean; isWrangler: boolean }>;

export type Viewer = Readonly<{
  user: ViewerUser | null;
  /** The raw session token when logged in through the browser; seeds the CSRF token. */
  sessionToken: string | null;
  ip: string;
}>;

/** A guest at an address. */
export function guestViewer(ip = '127.0.0.1'): Viewer {
  return { user: null, sessionToken: null, ip };
}
