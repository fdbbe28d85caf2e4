// Where a reader can write a new comment: the form (a member's pseuds, or a guest's name and
// email), or why there is none here (the work's setting).
import { listPseudsOf } from '../accounts/user.service.js';
import type { Viewer } from '../access/viewer.js';
import type { Db } from '../db/database.js';
import type { FieldErrors } from '../http/errors.js';
import type { ReaderWork } from '../works/reading.service.js';
import { COMMENT_MESSAGES } from './comment.service.js';
import { EMPTY_COMMENT, type CommentFormValues } from './views/comment-form.js';
import type { CommentEntry } from './views/comment-pages.js';

/** A refused comment: what was typed, the messages, and the status to answer with. */
export type Refusal = { values: CommentFormValues; errors: FieldErrors; status: number };

export type EntryPlace = { action: string; heading: string; button: string; returnTo: string; chapterId?: number | null };

/** The form, or why this viewer cannot comment here. */
export async function commentEntry(db: Db, viewer: Viewer, reader: ReaderWork, place: EntryPlace, refusal?: Refusal): Promise<CommentEntry> {
  const permission = reader.work.commentPermission;
  if (permission === 'none') return { kind: 'closed', message: COMMENT_MESSAGES.off };
  if (permission === 'registered' && viewer.user === null) return { kind: 'closed', message: COMMENT_MESSAGES.registered, login: place.returnTo };
  const pseuds = viewer.user === null ? null : (await listPseudsOf(db, viewer.user.id)).map((p) => [String(p.id), p.name] as const);
  const values = refusal?.values ?? { ...EMPTY_COMMENT, chapterId: place.chapterId == null ? '' : String(place.chapterId) };
  return { kind: 'form', form: { action: place.action, heading: place.heading, button: place.button, pseuds, values, errors: refusal?.errors ?? {} } };
}
