// Browser sessions live in the database (any app server can serve any request); API tokens too.
import type { Db } from '../db/database.js';
import { isoFromNow, nowIso } from '../lib/clock.js';
import { randomToken, sha256Hex } from '../lib/secrets.js';
import * as sessions from './session.repository.js';
import { findUserByLoginKey } from './user.repository.js';
import { toViewerUser } from './user.service.js';
import { readingChoices } from './preferences.service.js';
import type { ViewerUser } from '../access/viewer.js';
import { AppError } from '../http/errors.js';

const HOUR = 60 * 60 * 1000;
/** How long a session lasts without "remember me", and with it. */
export const SESSION_TTL_MS = { short: 24 * HOUR, remembered: 30 * 24 * HOUR };
const TOUCH_AFTER_MS = 10 * 60 * 1000;

/** Starts a session for a user who just logged in; returns the token for the cookie. */
export async function startSession(db: Db, userId: number, remember: boolean): Promise<string> {
  const token = randomToken();
  const ttl = remember ? SESSION_TTL_MS.remembered : SESSION_TTL_MS.short;
  await sessions.insertSession(db, { id: sha256Hex(token), userId, remember, now: nowIso(), expiresAt: isoFromNow(ttl) });
  return token;
}

/** The user behind a session token, sliding its expiry forward at most every ten minutes. */
export async function resumeSession(db: Db, token: string): Promise<ViewerUser | null> {
  const id = sha256Hex(token);
  const now = nowIso();
  const found = await sessions.findLiveSession(db, id, now);
  if (!found || found.user.standing === 'banned') return null;
  if (Date.parse(now) - Date.parse(found.seenAt) > TOUCH_AFTER_MS) {
    const ttl = found.remember === 1 ? SESSION_TTL_MS.remembered : SESSION_TTL_MS.short;
    await sessions.touchSession(db, id, now, isoFromNow(ttl));
  }
  return toViewerUser(found.user, readingChoices(found.reading));
}

/** Ends a session on the server, so the cookie is worthless even if kept. */
export async function endSession(db: Db, token: string): Promise<void> {
  await sessions.deleteSession(db, sha256Hex(token));
}

/** Ends every session of a user (after a password change). */
export async function endAllSessions(db: Db, userId: number): Promise<void> {
  await sessions.deleteSessionsOfUser(db, userId);
}

/** Removes expired sessions; returns how many. */
export function pruneSessions(db: Db): Promise<number> {
  return sessions.deleteExpiredSessions(db, nowIso());
}

/** Creates an API token for a login; the token is returned once and only its hash is kept. */
export async function createApiToken(db: Db, login: string, name = 'cli'): Promise<string> {
  const user = await findUserByLoginKey(db, login.toLowerCase());
  if (!user) throw new AppError('not_found', `There is no user "${login}".`);
  const token = `bnd_${randomToken()}`;
  await sessions.insertApiToken(db, user.id, sha256Hex(token), name, nowIso());
  return token;
}

/** How stale a token's "last used" may get: writing it on every request would double an API client's queries. */
const TOKEN_USE_NOTED_EVERY_MS = 10 * 60_000;

/** The user an API token belongs to, or null. */
export async function userForApiToken(db: Db, token: string): Promise<ViewerUser | null> {
  const hash = sha256Hex(token);
  const found = await sessions.findUserByTokenHash(db, hash);
  if (!found) return null;
  const now = nowIso();
  if (found.lastUsedAt === null || Date.parse(now) - Date.parse(found.lastUsedAt) >= TOKEN_USE_NOTED_EVERY_MS) await sessions.markTokenUsed(db, hash, now);
  return toViewerUser(found.user);
}
