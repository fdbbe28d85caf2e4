// What the archive says to everyone: one announcement at a time in a banner readers can dismiss,
// the terms of service and the privacy policy (each change a new version, which members accept at
// sign-up and again when the terms change), and the contact form that reaches the support role.
import type { Viewer } from '../access/viewer.js';
import { requireAdmin, requireRole } from '../access/permissions.js';
import type { Db, SitePageSlug } from '../db/database.js';
import { invalid, notFound, type FieldErrors } from '../http/errors.js';
import { enforceLimit, type Limit } from '../http/rate-limit.js';
import { nowIso } from '../lib/clock.js';
import { sanitizeHtml } from '../lib/sanitize.js';
import { charLength, cleanLine } from '../lib/text.js';
import { htmlToText } from '../lib/word-count.js';
import { emailProblem } from './account.validation.js';
import * as repo from './site.repository.js';

export const SITE_PAGES: ReadonlyArray<readonly [SitePageSlug, string]> = [['terms', 'Terms of Service'], ['privacy', 'Privacy Policy']];
export const ANNOUNCEMENT_MAX = 2000;
export const SITE_PAGE_MAX = 200_000;
export const CONTACT_MAX = 10_000;
export const CONTACT_LIMIT: Limit = { limit: 5, windowMs: 60 * 60_000 };

/** What every page needs: the announcement being shown (sanitized HTML) and the version of the terms members must have accepted (0: none published). */
export type SiteState = { announcement: { id: number; html: string } | null; termsVersion: number };

/**
 * How long this process trusts what it read: pages read the state on every request, so a change
 * made here is seen at once, one made on another app server within a second.
 */
const FRESH_MS = 1000;
const known = new WeakMap<Db, { at: number; state: SiteState }>();

async function readState(db: Db): Promise<SiteState> {
  const announcement = await repo.findCurrentAnnouncement(db);
  const terms = await repo.findSitePage(db, 'terms');
  return { announcement: announcement === undefined ? null : { id: announcement.id, html: announcement.content }, termsVersion: terms?.version ?? 0 };
}

/** The state if this process read it within the last second, without waiting (most requests). */
export function freshSiteState(db: Db): SiteState | null {
  const entry = known.get(db);
  return entry !== undefined && performance.now() - entry.at < FRESH_MS ? entry.state : null;
}

/** The state as it stands (at most a second old when changed on another app server). */
export async function siteState(db: Db): Promise<SiteState> {
  const fresh = freshSiteState(db);
  if (fresh !== null) return fresh;
  const state = await readState(db);
  known.set(db, { at: performance.now(), state });
  return state;
}

function forget(db: Db): void {
  known.delete(db);
}

/** Shows an announcement to everyone (ending the one before); the text is story-text HTML, sanitized. */
export async function postAnnouncement(db: Db, viewer: Viewer, raw: string): Promise<void> {
  const admin = requireAdmin(viewer);
  const html = sanitizeHtml(raw);
  if (htmlToText(html).trim() === '') throw invalid({ content: 'Write the announcement first.' });
  if (charLength(raw) > ANNOUNCEMENT_MAX) throw invalid({ content: `An announcement can be at most ${ANNOUNCEMENT_MAX.toLocaleString('en-US')} characters long.` });
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    await repo.endAnnouncements(trx, now);
    await repo.insertAnnouncement(trx, html, admin.id, now);
  });
  forget(db);
}

/** Takes the banner down. */
export async function endAnnouncement(db: Db, viewer: Viewer, id: number): Promise<void> {
  requireAdmin(viewer);
  await repo.endAnnouncements(db, nowIso(), id);
  forget(db);
}

/** Past and present announcements, for the admin page. */
export function announcementHistory(db: Db, viewer: Viewer) {
  requireAdmin(viewer);
  return repo.listAnnouncements(db, 50);
}

function slugOf(value: string): SitePageSlug {
  const found = SITE_PAGES.find(([slug]) => slug === value);
  if (found === undefined) throw notFound();
  return found[0];
}

/** The current version of the terms or the privacy policy (null until an administrator writes it). */
export async function sitePage(db: Db, value: string): Promise<{ slug: SitePageSlug; title: string; page: repo.SitePageRow | null }> {
  const slug = slugOf(value);
  return { slug, title: SITE_PAGES.find(([s]) => s === slug)?.[1] ?? slug, page: (await repo.findSitePage(db, slug)) ?? null };
}

/** Saves a new version; a new version of the terms asks every member to accept them again. */
export async function saveSitePage(db: Db, viewer: Viewer, value: string, raw: string): Promise<void> {
  const admin = requireAdmin(viewer);
  const slug = slugOf(value);
  const html = sanitizeHtml(raw);
  if (htmlToText(html).trim() === '') throw invalid({ content: 'Write the page first.' });
  if (charLength(raw) > SITE_PAGE_MAX) throw invalid({ content: `A page can be at most ${SITE_PAGE_MAX.toLocaleString('en-US')} characters long.` });
  await db.transaction().execute(async (trx) => {
    const version = ((await repo.findSitePage(trx, slug))?.version ?? 0) + 1;
    await repo.insertSitePage(trx, { slug, version, content: html, created_by: admin.id, created_at: nowIso() });
    // Whoever wrote the terms has read them.
    if (slug === 'terms') await repo.setTermsVersion(trx, admin.id, version);
  });
  forget(db);
}

/** Records that a member accepted the terms as they stand. */
export async function acceptTerms(db: Db, userId: number): Promise<void> {
  await repo.setTermsVersion(db, userId, (await siteState(db)).termsVersion);
}

/** The problem with a sign-up's acceptance of the terms, or null (nothing to accept while none are published). */
export async function termsProblem(db: Db, accepted: boolean): Promise<string | null> {
  if (accepted || (await siteState(db)).termsVersion === 0) return null;
  return 'Read and accept the Terms of Service and the Privacy Policy to make an account.';
}

export type ContactInput = { name: string; email: string; subject: string; message: string; honeypot: string };

/** Sends a message to the support role; guests give a name and an address to answer. */
export async function sendContact(db: Db, viewer: Viewer, input: ContactInput, address: string): Promise<void> {
  const user = viewer.user;
  const fields: FieldErrors = {};
  const name = user?.login ?? cleanLine(input.name);
  const email = input.email.trim();
  const subject = cleanLine(input.subject);
  if (user === null && name === '') fields.name = 'Tell us what to call you.';
  if (user === null) {
    const problem = email === '' ? 'Give an address we can answer you at.' : emailProblem(email);
    if (problem !== null) fields.email = problem;
  }
  if (subject === '') fields.subject = 'Give your message a subject.';
  else if (charLength(subject) > 200) fields.subject = 'A subject can be at most 200 characters long.';
  if (input.message.trim() === '') fields.message = 'Write your message.';
  else if (charLength(input.message) > CONTACT_MAX) fields.message = `A message can be at most ${CONTACT_MAX.toLocaleString('en-US')} characters long.`;
  if (input.honeypot.trim() !== '') fields.message = 'This message could not be sent. If you are a person, leave the hidden “website” field empty.';
  if (Object.keys(fields).length > 0) throw invalid(fields);
  await enforceLimit(db, [`contact:address:${address}`], CONTACT_LIMIT);
  await repo.insertContact(db, { user_id: user?.id ?? null, name, email: user === null ? email : '', subject, body: input.message, address, created_at: nowIso() });
}

/** The support role's queue of messages (a member's address is read from their account). */
export function contactMessages(db: Db, viewer: Viewer) {
  requireRole(viewer, 'support');
  return repo.listContacts(db, 200);
}

/** Marks a message as answered. */
export async function answerContact(db: Db, viewer: Viewer, id: number): Promise<void> {
  const volunteer = requireRole(viewer, 'support');
  await repo.markContactAnswered(db, id, volunteer.id, nowIso());
}
