// What the feedback domain gives the works pages: the kudos line and the comments area under a
// work (works/work-feedback.ts).
import type { Db } from '../db/database.js';
import { provideWorkFeedback, type WorkCommentsRequest } from '../works/work-feedback.js';
import { commentEntry } from './comment-entry.js';
import { threadsOf } from './comment-threads.service.js';
import { powersOf } from './comment.routes.js';
import { kudosLineGivers } from './kudos.service.js';
import { kudosLineHtml } from './views/kudos-line.js';
import { subscriptionTo } from './subscription.service.js';
import { readCounters } from './hits.js';
import { markedForLater, updatedSinceRead } from './reading.service.js';
import { nowIso } from '../lib/clock.js';
import { workCommentsHtml } from './views/work-comments.js';

async function commentsHtml({ db, viewer, ctx, reader, chapterId, pagePath, show }: WorkCommentsRequest): Promise<string> {
  const workId = reader.work.id;
  const morePath = chapterId === null ? `/works/${workId}/comments` : `/chapters/${chapterId}/comments`;
  const entry = await commentEntry(db, viewer, reader, { action: `/works/${workId}/comments`, heading: 'Post a comment', button: 'Comment', returnTo: pagePath, chapterId });
  const threads = show ? await threadsOf(db, viewer, reader, chapterId, 1) : null;
  const shown = threads === null ? null : { threads, powers: powersOf(viewer, reader), morePath };
  return workCommentsHtml({ ctx, pagePath, count: ctx.shared ? null : reader.work.counters.comments, shown, entry });
}

/** Called once by wiring.ts. */
export function provideFeedback(): void {
  provideWorkFeedback({
    kudosHtml: async (db: Db, workId: number) => kudosLineHtml(workId, await kudosLineGivers(db, workId)),
    commentsHtml,
    subscriptionId: subscriptionTo,
    markedForLater,
    updatedSinceRead,
    recordRead: (db, read) => {
      const counters = readCounters(db);
      counters?.hits.record(read);
      if (read.userId !== null && !read.isCreator) counters?.readings.record(read.userId, read.workId, nowIso());
    },
  });
}
