// Every door of the archive, each with its table: what each viewer must get of each subject.
// The tables are written out, never computed: they are the specification, checked against the app.
// Add a door by adding an entry; add a state or a viewer in world.ts, then a row or a column here.
//
// Outcomes: seen (shows the subject's words), absent (answers, without them), 404 (not found; for
// a work, its "couldn't find the work" page), login (the log-in page saying the work is for
// registered users, 200), 401 (that refusal as a 401), a number (a count), - (not shown here).
import { downloadSlug } from '../../src/lib/download-formats.js';
import { tagParam } from '../../src/tags/tag-url.js';
import {
  BOOKMARK_OUTCOMES, COMMENT_OUTCOMES, COUNT_OUTCOMES, INBOX_OUTCOMES, KUDOS_OUTCOMES, PAGE_OUTCOMES, postComment, pressKudos, readApi, readEmails, readAllPages, readAccountExport, readHeldQueue, readHistory, readInbox, readInvitations, readSeriesDownload, saveBookmark, saveSeriesBookmark, readApiSearch, readAutocomplete, readDownloads, readFandomsIndex, readFeed, readListingCount,
  readOpdsFandoms, readPage, readSearch, readTagNotice, readTagPage, readWorkPage, readWorkPageTwice, get, wordsOf, type Found,
} from './look.js';
import { table, type Expectations } from './table.js';
import { COLLECTIONS, SHARED, type BuiltWork, type Subject, type ViewerName, type World } from './world.js';

export type Door = {
  name: string;
  /** The outcomes this door can tell apart. */
  outcomes: string[];
  expect: Expectations;
  look: (world: World, subject: Subject, viewer: ViewerName) => Promise<Found>;
};

function workOf(world: World, subject: Subject): BuiltWork {
  const work = world.works.get(subject.state.name);
  if (work === undefined) throw new Error(`no work was built for ${subject.state.name}`);
  return work;
}

/** The subject's chapter: a work's first chapter, or the draft chapter itself (the last one). */
function chapterOf(world: World, subject: Subject): number {
  const ids = workOf(world, subject).chapterIds;
  return (subject.part === 'work' ? ids[0] : ids.at(-1)) ?? 0;
}

/** The word a search looks for: a work's text word, or a draft chapter's own word. */
function textWord(subject: Subject): string {
  return wordsOf(subject, 'text')[0] ?? '';
}

const fandomPath = (s: Subject) => `/tags/${tagParam(s.state.fandom)}`;
const tagPath = (s: Subject) => `/tags/${tagParam(s.state.words.tag)}`;
/** A listing narrowed to the subject's own fandom, so its "N Works" counts this work alone. */
const narrowed = (path: string, s: Subject) => `${path}?work_search[fandom_names]=${encodeURIComponent(s.state.fandom)}`;

async function listing(world: World, viewer: ViewerName, url: string, words: string[]): Promise<Found> {
  return readPage(await get(world, viewer, url), url, words);
}


/** A work's own pages: its creator sees a draft and its draft chapter; a guest is asked to log in for a registered-users-only work. */
const OWN_PAGE = table`
      subject               | guest   | member  | maintainer | creator | admin
      draft                 | 404     | 404     | 404        | seen    | 404
      hidden by moderators  | 404     | 404     | 404        | seen    | 404
      held for review       | 404     | 404     | 404        | seen    | 404
      by a spammer          | 404     | 404     | 404        | 404     | 404
      posted                | seen    | seen    | seen       | seen    | seen
      muted tag             | seen    | seen    | seen       | seen    | seen
      by a blocker          | seen    | seen    | seen       | seen    | seen
      restricted            | login   | seen    | seen       | seen    | seen
      draft chapter, work   | seen    | seen    | seen       | seen    | seen
      draft chapter, ch. 2  | absent  | absent  | absent     | seen    | absent
      anonymous             | seen    | seen    | seen       | seen    | seen
      unrevealed            | mystery | mystery | seen       | seen    | mystery
      awaiting approval     | seen    | seen    | seen       | seen    | seen
      refused gift          | seen    | seen    | seen       | seen    | seen
      unaccepted invitation | seen    | seen    | seen       | seen    | seen
    `;

/** General listings, search and catalogs: never a draft or a draft chapter; registered-users-only works for logged-in readers only. */
const GENERAL_LISTING = table`
      subject               | guest  | member | maintainer | creator | admin
      draft                 | absent | absent | absent     | absent  | absent
      hidden by moderators  | absent | absent | absent     | absent  | absent
      held for review       | absent | absent | absent     | absent  | absent
      by a spammer          | absent | absent | absent     | absent  | absent
      posted                | seen   | seen   | seen       | seen    | seen
      muted tag             | seen | absent | seen | seen | seen
      by a blocker          | seen   | seen   | seen       | seen    | seen
      restricted            | absent | seen   | seen       | seen    | seen
      draft chapter, work   | seen   | seen   | seen       | seen    | seen
      draft chapter, ch. 2  | absent | absent | absent     | absent  | absent
      anonymous             | seen   | seen   | seen       | seen    | seen
      unrevealed            | absent | absent | seen       | seen    | absent
      awaiting approval     | seen   | seen   | seen       | seen    | seen
      refused gift          | seen   | seen   | seen       | seen    | seen
      unaccepted invitation | seen   | seen   | seen       | seen    | seen
    `;

/** A series' own pages: seen by whoever may see its work; a draft's series by its creator alone (named, to edit it). */
const SERIES_PAGE = table`
      subject               | guest | member | maintainer | creator | admin
      draft                 | 404   | 404    | 404        | seen    | 404
      hidden by moderators  | 404   | 404    | 404        | seen    | 404
      held for review       | 404   | 404    | 404        | seen    | 404
      by a spammer          | 404   | 404    | 404        | 404     | 404
      posted                | seen  | seen   | seen       | seen    | seen
      muted tag             | seen  | seen   | seen       | seen    | seen
      by a blocker          | seen  | seen   | seen       | seen    | seen
      restricted            | 404   | seen   | seen       | seen    | seen
      draft chapter, work   | seen  | seen   | seen       | seen    | seen
      draft chapter, ch. 2  | -     | -      | -          | -       | -
      anonymous             | seen  | seen   | seen       | seen    | seen
      unrevealed            | 404   | 404    | seen       | seen    | 404
      awaiting approval     | seen  | seen   | seen       | seen    | seen
      refused gift          | seen  | seen   | seen       | seen    | seen
      unaccepted invitation | seen  | seen   | seen       | seen    | seen
    `;

/** Counts in general listings and indexes: the works GENERAL_LISTING shows, one each. */
const GENERAL_COUNT = table`
      subject               | guest | member | maintainer | creator | admin
      draft                 | 0     | 0      | 0          | 0       | 0
      hidden by moderators  | 0     | 0      | 0          | 0       | 0
      held for review       | 0     | 0      | 0          | 0       | 0
      by a spammer          | 0     | 0      | 0          | 0       | 0
      posted                | 1     | 1      | 1          | 1       | 1
      muted tag             | 1 | 0 | 1 | 1 | 1
      by a blocker          | 1     | 1      | 1          | 1       | 1
      restricted            | 0     | 1      | 1          | 1       | 1
      draft chapter, work   | 1     | 1      | 1          | 1       | 1
      draft chapter, ch. 2  | -     | -      | -          | -       | -
      anonymous             | 1     | 1      | 1          | 1       | 1
      unrevealed            | 0     | 0      | 1          | 1       | 0
      awaiting approval     | 1     | 1      | 1          | 1       | 1
      refused gift          | 1     | 1      | 1          | 1       | 1
      unaccepted invitation | 1     | 1      | 1          | 1       | 1
    `;

/** The creator's own listings: their drafts too, for them alone. */
const CREATORS_LISTING = table`
      subject               | guest  | member | maintainer | creator | admin
      draft                 | absent | absent | absent     | seen    | absent
      hidden by moderators  | absent | absent | absent     | seen    | absent
      held for review       | absent | absent | absent     | seen    | absent
      by a spammer          | absent | absent | absent     | absent  | absent
      posted                | seen   | seen   | seen       | seen    | seen
      muted tag             | seen | absent | seen | seen | seen
      by a blocker          | absent  | absent  | absent     | absent  | absent
      restricted            | absent | seen   | seen       | seen    | seen
      draft chapter, work   | seen   | seen   | seen       | seen    | seen
      draft chapter, ch. 2  | absent | absent | absent     | absent  | absent
      anonymous             | absent | absent | seen       | seen    | absent
      unrevealed            | absent | absent | seen       | seen    | absent
      awaiting approval     | seen   | seen   | seen       | seen    | seen
      refused gift          | seen   | seen   | seen       | seen    | seen
      unaccepted invitation | seen   | seen   | seen       | seen    | seen
    `;

/** Counts in the creator's own listings. */
const CREATORS_COUNT = table`
      subject               | guest | member | maintainer | creator | admin
      draft                 | 0     | 0      | 0          | 1       | 0
      hidden by moderators  | 0     | 0      | 0          | 1       | 0
      held for review       | 0     | 0      | 0          | 1       | 0
      by a spammer          | 0     | 0      | 0          | 0       | 0
      posted                | 1     | 1      | 1          | 1       | 1
      muted tag             | 1 | 0 | 1 | 1 | 1
      by a blocker          | 0       | 0       | 0          | 0       | 0
      restricted            | 0     | 1      | 1          | 1       | 1
      draft chapter, work   | 1     | 1      | 1          | 1       | 1
      draft chapter, ch. 2  | -     | -      | -          | -       | -
      anonymous             | 0     | 0      | 1          | 1       | 0
      unrevealed            | 0     | 0      | 1          | 1       | 0
      awaiting approval     | 1     | 1      | 1          | 1       | 1
      refused gift          | 1     | 1      | 1          | 1       | 1
      unaccepted invitation | 1     | 1      | 1          | 1       | 1
    `;

/** A pseud's own listings: the states posted into collections carry pseuds of their own, so they are never here. */
const PSEUD_LISTING = table`
      subject               | guest  | member | maintainer | creator | admin
      draft                 | absent | absent | absent     | seen    | absent
      hidden by moderators  | absent | absent | absent     | seen    | absent
      held for review       | absent | absent | absent     | seen    | absent
      by a spammer          | absent | absent | absent     | absent  | absent
      posted                | seen   | seen   | seen       | seen    | seen
      muted tag             | seen | absent | seen | seen | seen
      by a blocker          | absent  | absent  | absent     | absent  | absent
      restricted            | absent | seen   | seen       | seen    | seen
      draft chapter, work   | seen   | seen   | seen       | seen    | seen
      draft chapter, ch. 2  | absent | absent | absent     | absent  | absent
      anonymous             | absent | absent | absent     | absent  | absent
      unrevealed            | absent | absent | absent     | absent  | absent
      awaiting approval     | absent | absent | absent     | absent  | absent
      refused gift          | seen   | seen   | seen       | seen    | seen
      unaccepted invitation | seen   | seen   | seen       | seen    | seen
    `;

/** Counts in a pseud's own listings. */
const PSEUD_COUNT = table`
      subject               | guest | member | maintainer | creator | admin
      draft                 | 0     | 0      | 0          | 1       | 0
      hidden by moderators  | 0     | 0      | 0          | 1       | 0
      held for review       | 0     | 0      | 0          | 1       | 0
      by a spammer          | 0     | 0      | 0          | 0       | 0
      posted                | 1     | 1      | 1          | 1       | 1
      muted tag             | 1 | 0 | 1 | 1 | 1
      by a blocker          | 0       | 0       | 0          | 0       | 0
      restricted            | 0     | 1      | 1          | 1       | 1
      draft chapter, work   | 1     | 1      | 1          | 1       | 1
      draft chapter, ch. 2  | -     | -      | -          | -       | -
      anonymous             | 0     | 0      | 0          | 0       | 0
      unrevealed            | 0     | 0      | 0          | 0       | 0
      awaiting approval     | 0     | 0      | 0          | 0       | 0
      refused gift          | 1     | 1      | 1          | 1       | 1
      unaccepted invitation | 1     | 1      | 1          | 1       | 1
    `;

/** The creator's series: a series whose works hide their creator is not listed under the creator for those kept from it. */
const CREATORS_SERIES = table`
      subject               | guest  | member | maintainer | creator | admin
      draft                 | absent | absent | absent     | absent  | absent
      hidden by moderators  | absent | absent | absent     | absent  | absent
      held for review       | absent | absent | absent     | absent  | absent
      by a spammer          | absent | absent | absent     | absent  | absent
      posted                | seen   | seen   | seen       | seen    | seen
      muted tag             | seen   | seen   | seen       | seen    | seen
      by a blocker          | absent  | absent  | absent     | absent  | absent
      restricted            | absent | seen   | seen       | seen    | seen
      draft chapter, work   | seen   | seen   | seen       | seen    | seen
      draft chapter, ch. 2  | absent | absent | absent     | absent  | absent
      anonymous             | absent | absent | seen       | seen    | absent
      unrevealed            | absent | absent | seen       | seen    | absent
      awaiting approval     | seen   | seen   | seen       | seen    | seen
      refused gift          | seen   | seen   | seen       | seen    | seen
      unaccepted invitation | seen   | seen   | seen       | seen    | seen
    `;

/** The unique freeform's pages: a 404 wherever its name must not be known, else its count. */
const UNIQUE_TAG_COUNT = table`
      subject               | guest | member | maintainer | creator | admin
      draft                 | 404   | 404    | 404        | 0       | 0
      hidden by moderators  | 404   | 404    | 404        | 0       | 0
      held for review       | 404   | 404    | 404        | 0       | 0
      by a spammer          | 404   | 404    | 404        | 404     | 0
      posted                | 1     | 1      | 1          | 1       | 1
      muted tag             | 1 | 0 | 1 | 1 | 1
      by a blocker          | 1     | 1      | 1          | 1       | 1
      restricted            | 404   | 1      | 1          | 1       | 1
      draft chapter, work   | 1     | 1      | 1          | 1       | 1
      draft chapter, ch. 2  | -     | -      | -          | -       | -
      anonymous             | 1     | 1      | 1          | 1       | 1
      unrevealed            | 404   | 404    | 1          | 1       | 0
      awaiting approval     | 1     | 1      | 1          | 1       | 1
      refused gift          | 1     | 1      | 1          | 1       | 1
      unaccepted invitation | 1     | 1      | 1          | 1       | 1
    `;

/** Tag names: seen wherever a work carrying the tag may be seen (a creator's own drafts included), and always by those who wrangle. */
const TAG_NAME = table`
      subject               | guest  | member | maintainer | creator | admin
      draft                 | absent | absent | absent     | seen    | seen
      hidden by moderators  | absent | absent | absent     | seen    | seen
      held for review       | absent | absent | absent     | seen    | seen
      by a spammer          | absent | absent | absent     | absent  | seen
      posted                | seen   | seen   | seen       | seen    | seen
      muted tag             | seen   | seen   | seen       | seen    | seen
      by a blocker          | seen   | seen   | seen       | seen    | seen
      restricted            | absent | seen   | seen       | seen    | seen
      draft chapter, work   | seen   | seen   | seen       | seen    | seen
      draft chapter, ch. 2  | -      | -      | -          | -       | -
      anonymous             | seen   | seen   | seen       | seen    | seen
      unrevealed            | absent | absent | seen       | seen    | seen
      awaiting approval     | seen   | seen   | seen       | seen    | seen
      refused gift          | seen   | seen   | seen       | seen    | seen
      unaccepted invitation | seen   | seen   | seen       | seen    | seen
    `;

export const DOORS: Door[] = [
  {
    name: 'kudos POST /works/:id/kudos (never on one\'s own work)',
    outcomes: KUDOS_OUTCOMES,
    look: (w, s, v) => pressKudos(w, v, workOf(w, s).id),
    expect: table`
      subject               | guest   | member  | maintainer | creator | admin
      draft                 | 404     | 404     | 404        | own     | 404
      hidden by moderators  | 404     | 404     | 404        | own     | 404
      held for review       | 404     | 404     | 404        | own     | 404
      by a spammer          | 404     | 404     | 404        | 404     | 404
      posted                | left    | left    | left       | own     | left
      muted tag             | left    | left    | left       | own     | left
      by a blocker          | left | blocked | left | left | left
      restricted            | login   | left    | left       | own     | left
      draft chapter, work   | left    | left    | left       | own     | left
      draft chapter, ch. 2  | -       | -       | -          | -       | -
      anonymous             | left    | left    | left       | own     | left
      unrevealed            | mystery | mystery | left       | own     | mystery
      awaiting approval     | left    | left    | left       | own     | left
      refused gift          | left    | left    | left       | own     | left
      unaccepted invitation | left    | left    | left       | own     | left
    `,
  },
  {
    name: 'post a comment POST /works/:id/comments (chapter_id: the subject\'s chapter)',
    outcomes: COMMENT_OUTCOMES,
    look: (w, s, v) => postComment(w, v, workOf(w, s).id, s.part === 'work' ? null : chapterOf(w, s)),
    expect: table`
      subject               | guest   | member  | maintainer | creator | admin
      draft                 | 404     | 404     | 404        | 404     | 404
      hidden by moderators  | 404     | 404     | 404        | 404     | 404
      held for review       | 404     | 404     | 404        | 404     | 404
      by a spammer          | 404     | 404     | 404        | 404     | 404
      posted                | posted  | posted  | posted     | posted  | posted
      muted tag             | posted  | posted  | posted     | posted  | posted
      by a blocker          | posted | blocked | posted | posted | posted
      restricted            | login   | posted  | posted     | posted  | posted
      draft chapter, work   | posted  | posted  | posted     | posted  | posted
      draft chapter, ch. 2  | 404     | 404     | 404        | 404     | 404
      anonymous             | posted  | posted  | posted     | posted  | posted
      unrevealed            | mystery | mystery | posted     | posted  | mystery
      awaiting approval     | posted  | posted  | posted     | posted  | posted
      refused gift          | posted  | posted  | posted     | posted  | posted
      unaccepted invitation | posted  | posted  | posted     | posted  | posted
    `,
  },
  {
    // The comments posted through the door above reach the creator's inbox, which only they may read.
    name: "the creator's inbox /users/:login/inbox",
    outcomes: INBOX_OUTCOMES,
    look: (w, s, v) => readInbox(w, v, wordsOf(s, 'title')),
    expect: table`
      subject               | guest   | member  | maintainer | creator | admin
      draft                 | refused | refused | refused    | absent  | refused
      hidden by moderators  | refused | refused | refused    | absent  | refused
      held for review       | refused | refused | refused    | absent  | refused
      by a spammer          | refused | refused | refused    | absent  | refused
      posted                | refused | refused | refused    | seen    | refused
      muted tag             | refused | refused | refused    | seen    | refused
      by a blocker          | refused | refused | refused | absent | refused
      restricted            | refused | refused | refused    | seen    | refused
      draft chapter, work   | refused | refused | refused    | seen    | refused
      draft chapter, ch. 2  | -       | -       | -          | -       | -
      anonymous             | refused | refused | refused    | seen    | refused
      unrevealed            | refused | refused | refused    | seen    | refused
      awaiting approval     | refused | refused | refused    | seen    | refused
      refused gift          | refused | refused | refused    | seen    | refused
      unaccepted invitation | refused | refused | refused    | seen    | refused
    `,
  },
  {
    // The review queue shows moderators what the spam checks held, and nothing else; nobody else may open it.
    name: 'held for review /admin/moderation/held',
    outcomes: INBOX_OUTCOMES,
    look: (w, s, v) => readHeldQueue(w, v, wordsOf(s, 'title')),
    expect: table`
      subject               | guest   | member  | maintainer | creator | admin
      draft                 | refused | refused | refused    | refused | absent
      hidden by moderators  | refused | refused | refused    | refused | absent
      held for review       | refused | refused | refused    | refused | seen
      by a spammer          | refused | refused | refused    | refused | absent
      posted                | refused | refused | refused    | refused | absent
      muted tag             | refused | refused | refused    | refused | absent
      by a blocker          | refused | refused | refused    | refused | absent
      restricted            | refused | refused | refused    | refused | absent
      draft chapter, work   | refused | refused | refused    | refused | absent
      draft chapter, ch. 2  | -       | -       | -          | -       | -
      anonymous             | refused | refused | refused    | refused | absent
      unrevealed            | refused | refused | refused    | refused | absent
      awaiting approval     | refused | refused | refused    | refused | absent
      refused gift          | refused | refused | refused    | refused | absent
      unaccepted invitation | refused | refused | refused    | refused | absent
    `,
  },
  {
    // Comments through the door above say who wrote them: each viewer's page shows their own (the title is in its heading).
    name: 'comment threads /works/:id/comments',
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => readWorkPage(w, v, s, `/works/${workOf(w, s).id}/comments`, wordsOf(s, 'title')),
    expect: table`
      subject               | guest   | member  | maintainer | creator | admin
      draft                 | 404     | 404     | 404        | 404     | 404
      hidden by moderators  | 404     | 404     | 404        | 404     | 404
      held for review       | 404     | 404     | 404        | 404     | 404
      by a spammer          | 404     | 404     | 404        | 404     | 404
      posted                | seen    | seen    | seen       | seen    | seen
      muted tag             | seen    | seen    | seen       | seen    | seen
      by a blocker          | seen    | seen    | seen       | seen    | seen
      restricted            | login   | seen    | seen       | seen    | seen
      draft chapter, work   | seen    | seen    | seen       | seen    | seen
      draft chapter, ch. 2  | -       | -       | -          | -       | -
      anonymous             | seen    | seen    | seen       | seen    | seen
      unrevealed            | mystery | mystery | seen       | seen    | mystery
      awaiting approval     | seen    | seen    | seen       | seen    | seen
      refused gift          | seen    | seen    | seen       | seen    | seen
      unaccepted invitation | seen    | seen    | seen       | seen    | seen
    `,
  },
  {
    // Outside /works/ a guest is asked to log in with a 401 (as downloads are).
    name: 'chapter comment threads /chapters/:id/comments',
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => readWorkPage(w, v, s, `/chapters/${chapterOf(w, s)}/comments`, wordsOf(s, 'title')),
    expect: table`
      subject               | guest   | member  | maintainer | creator | admin
      draft                 | 404     | 404     | 404        | 404     | 404
      hidden by moderators  | 404     | 404     | 404        | 404     | 404
      held for review       | 404     | 404     | 404        | 404     | 404
      by a spammer          | 404     | 404     | 404        | 404     | 404
      posted                | seen    | seen    | seen       | seen    | seen
      muted tag             | seen    | seen    | seen       | seen    | seen
      by a blocker          | seen    | seen    | seen       | seen    | seen
      restricted            | 401     | seen    | seen       | seen    | seen
      draft chapter, work   | seen    | seen    | seen       | seen    | seen
      draft chapter, ch. 2  | 404     | 404     | 404        | seen    | 404
      anonymous             | seen    | seen    | seen       | seen    | seen
      unrevealed            | mystery | mystery | seen       | seen    | mystery
      awaiting approval     | seen    | seen    | seen       | seen    | seen
      refused gift          | seen    | seen    | seen       | seen    | seen
      unaccepted invitation | seen    | seen    | seen       | seen    | seen
    `,
  },
  {
    name: 'bookmark a work POST /works/:id/bookmarks',
    outcomes: BOOKMARK_OUTCOMES,
    look: (w, s, v) => saveBookmark(w, v, workOf(w, s).id),
    expect: table`
      subject               | guest | member  | maintainer | creator | admin
      draft                 | 401   | 404     | 404        | 404     | 404
      hidden by moderators  | 401   | 404     | 404        | saved   | 404
      held for review       | 401   | 404     | 404        | saved   | 404
      by a spammer          | 401   | 404     | 404        | 404     | 404
      posted                | 401   | saved   | saved      | saved   | saved
      muted tag             | 401   | saved   | saved      | saved   | saved
      by a blocker          | 401   | saved   | saved      | saved   | saved
      restricted            | 401   | saved   | saved      | saved   | saved
      draft chapter, work   | 401   | saved   | saved      | saved   | saved
      draft chapter, ch. 2  | -     | -       | -          | -       | -
      anonymous             | 401   | saved   | saved      | saved   | saved
      unrevealed            | 401   | mystery | saved      | saved   | mystery
      awaiting approval     | 401   | saved   | saved      | saved   | saved
      refused gift          | 401   | saved   | saved      | saved   | saved
      unaccepted invitation | 401   | saved   | saved      | saved   | saved
    `,
  },
  {
    // The member bookmarked every work they could (the door above): who sees those bookmarks follows each work's rule.
    name: "a member's bookmarks /users/:login/bookmarks",
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => listing(w, v, '/users/doorsmember/bookmarks', wordsOf(s, 'title', 'tag')),
    expect: table`
      subject               | guest  | member | maintainer | creator | admin
      draft                 | absent | absent | absent     | absent  | absent
      hidden by moderators  | absent | absent | absent     | absent  | absent
      held for review       | absent | absent | absent     | absent  | absent
      by a spammer          | absent | absent | absent     | absent  | absent
      posted                | seen   | seen   | seen       | seen    | seen
      muted tag             | seen   | seen   | seen       | seen    | seen
      by a blocker          | seen   | seen   | seen       | seen    | seen
      restricted            | absent | seen   | seen       | seen    | seen
      draft chapter, work   | seen   | seen   | seen       | seen    | seen
      draft chapter, ch. 2  | absent | absent | absent     | absent  | absent
      anonymous             | seen   | seen   | seen       | seen    | seen
      unrevealed            | absent | absent | absent     | absent  | absent
      awaiting approval     | seen   | seen   | seen       | seen    | seen
      refused gift          | seen   | seen   | seen       | seen    | seen
      unaccepted invitation | seen   | seen   | seen       | seen    | seen
    `,
  },
  {
    name: "everyone's bookmarks /bookmarks",
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => readAllPages(w, v, '/bookmarks', wordsOf(s, 'title', 'tag')),
    expect: GENERAL_LISTING,
  },
  {
    // Filtering and sorting by the bookmarked work goes through the works' filter (its own visibility check).
    name: "a member's bookmarks filtered by the work's tag, sorted by its words /users/:login/bookmarks?work_search[other_tag_names]=<the tag>",
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => listing(w, v, `/users/doorsmember/bookmarks?bookmark_search[sort_column]=word_count&work_search[other_tag_names]=${encodeURIComponent(s.state.words.tag)}`, wordsOf(s, 'title')),
    expect: table`
      subject               | guest  | member | maintainer | creator | admin
      draft                 | absent | absent | absent     | absent  | absent
      hidden by moderators  | absent | absent | absent     | absent  | absent
      held for review       | absent | absent | absent     | absent  | absent
      by a spammer          | absent | absent | absent     | absent  | absent
      posted                | seen   | seen   | seen       | seen    | seen
      muted tag             | seen   | seen   | seen       | seen    | seen
      by a blocker          | seen   | seen   | seen       | seen    | seen
      restricted            | absent | seen   | seen       | seen    | seen
      draft chapter, work   | seen   | seen   | seen       | seen    | seen
      draft chapter, ch. 2  | absent | absent | absent     | absent  | absent
      anonymous             | seen   | seen   | seen       | seen    | seen
      unrevealed            | absent | absent | absent     | absent  | absent
      awaiting approval     | seen   | seen   | seen       | seen    | seen
      refused gift          | seen   | seen   | seen       | seen    | seen
      unaccepted invitation | seen   | seen   | seen       | seen    | seen
    `,
  },
  {
    name: "a work's bookmarks /works/:id/bookmarks",
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => readWorkPage(w, v, s, `/works/${workOf(w, s).id}/bookmarks`, wordsOf(s, 'title')),
    expect: table`
      subject               | guest   | member  | maintainer | creator | admin
      draft                 | 404     | 404     | 404        | seen    | 404
      hidden by moderators  | 404     | 404     | 404        | seen    | 404
      held for review       | 404     | 404     | 404        | seen    | 404
      by a spammer          | 404     | 404     | 404        | 404     | 404
      posted                | seen    | seen    | seen       | seen    | seen
      muted tag             | seen    | seen    | seen       | seen    | seen
      by a blocker          | seen    | seen    | seen       | seen    | seen
      restricted            | login   | seen    | seen       | seen    | seen
      draft chapter, work   | seen    | seen    | seen       | seen    | seen
      draft chapter, ch. 2  | absent  | absent  | absent     | absent  | absent
      anonymous             | seen    | seen    | seen       | seen    | seen
      unrevealed            | mystery | mystery | seen       | seen    | mystery
      awaiting approval     | seen    | seen    | seen       | seen    | seen
      refused gift          | seen    | seen    | seen       | seen    | seen
      unaccepted invitation | seen    | seen    | seen       | seen    | seen
    `,
  },
  {
    name: 'who left kudos /works/:id/kudos',
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => readWorkPage(w, v, s, `/works/${workOf(w, s).id}/kudos`, wordsOf(s, 'title')),
    expect: table`
      subject               | guest   | member  | maintainer | creator | admin
      draft                 | 404     | 404     | 404        | seen    | 404
      hidden by moderators  | 404     | 404     | 404        | seen    | 404
      held for review       | 404     | 404     | 404        | seen    | 404
      by a spammer          | 404     | 404     | 404        | 404     | 404
      posted                | seen    | seen    | seen       | seen    | seen
      muted tag             | seen    | seen    | seen       | seen    | seen
      by a blocker          | seen    | seen    | seen       | seen    | seen
      restricted            | login   | seen    | seen       | seen    | seen
      draft chapter, work   | seen    | seen    | seen       | seen    | seen
      draft chapter, ch. 2  | -       | -       | -          | -       | -
      anonymous             | seen    | seen    | seen       | seen    | seen
      unrevealed            | mystery | mystery | seen       | seen    | mystery
      awaiting approval     | seen    | seen    | seen       | seen    | seen
      refused gift          | seen    | seen    | seen       | seen    | seen
      unaccepted invitation | seen    | seen    | seen       | seen    | seen
    `,
  },
  {
    name: 'API who left kudos /api/v1/works/:id/kudos',
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => readApi(w, v, `/api/v1/works/${workOf(w, s).id}/kudos`, []),
    expect: table`
      subject               | guest   | member  | maintainer | creator | admin
      draft                 | 404     | 404     | 404        | seen    | 404
      hidden by moderators  | 404     | 404     | 404        | seen    | 404
      held for review       | 404     | 404     | 404        | seen    | 404
      by a spammer          | 404     | 404     | 404        | 404     | 404
      posted                | seen    | seen    | seen       | seen    | seen
      muted tag             | seen    | seen    | seen       | seen    | seen
      by a blocker          | seen    | seen    | seen       | seen    | seen
      restricted            | 401     | seen    | seen       | seen    | seen
      draft chapter, work   | seen    | seen    | seen       | seen    | seen
      draft chapter, ch. 2  | -       | -       | -          | -       | -
      anonymous             | seen    | seen    | seen       | seen    | seen
      unrevealed            | mystery | mystery | seen       | seen    | mystery
      awaiting approval     | seen    | seen    | seen       | seen    | seen
      refused gift          | seen    | seen    | seen       | seen    | seen
      unaccepted invitation | seen    | seen    | seen       | seen    | seen
    `,
  },
  {
    name: 'work page /works/:id',
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => readWorkPage(w, v, s, `/works/${workOf(w, s).id}`, wordsOf(s, 'title', 'text', 'tag')),
    expect: OWN_PAGE,
  },
  {
    // The report form names what is reported: only what the reader may see can be reported.
    name: 'report form /reports/new?kind=work&id=:id',
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => readWorkPage(w, v, s, `/reports/new?kind=work&id=${workOf(w, s).id}`, wordsOf(s, 'title')),
    // Outside /works/ a guest is asked to log in with a 401; the form names the work, never a chapter.
    expect: table`
      subject               | guest   | member  | maintainer | creator | admin
      draft                 | 404     | 404     | 404        | seen    | 404
      hidden by moderators  | 404     | 404     | 404        | seen    | 404
      held for review       | 404     | 404     | 404        | seen    | 404
      by a spammer          | 404     | 404     | 404        | 404     | 404
      posted                | seen    | seen    | seen       | seen    | seen
      muted tag             | seen    | seen    | seen       | seen    | seen
      by a blocker          | seen    | seen    | seen       | seen    | seen
      restricted            | 401     | seen    | seen       | seen    | seen
      draft chapter, work   | seen    | seen    | seen       | seen    | seen
      draft chapter, ch. 2  | -       | -       | -          | -       | -
      anonymous             | seen    | seen    | seen       | seen    | seen
      unrevealed            | mystery | mystery | seen       | seen    | mystery
      awaiting approval     | seen    | seen    | seen       | seen    | seen
      refused gift          | seen    | seen    | seen       | seen    | seen
      unaccepted invitation | seen    | seen    | seen       | seen    | seen
    `,
  },
  {
    name: 'work page again /works/:id, twice (a guest\'s second answer comes from the page cache)',
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => readWorkPageTwice(w, v, s, `/works/${workOf(w, s).id}`, wordsOf(s, 'title', 'text', 'tag')),
    expect: OWN_PAGE,
  },
  {
    name: 'chapter page /works/:id/chapters/:chapterId',
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => readWorkPage(w, v, s, `/works/${workOf(w, s).id}/chapters/${chapterOf(w, s)}`, wordsOf(s, 'title', 'text')),
    expect: table`
      subject               | guest   | member  | maintainer | creator | admin
      draft                 | 404     | 404     | 404        | seen    | 404
      hidden by moderators  | 404     | 404     | 404        | seen    | 404
      held for review       | 404     | 404     | 404        | seen    | 404
      by a spammer          | 404     | 404     | 404        | 404     | 404
      posted                | seen    | seen    | seen       | seen    | seen
      muted tag             | seen    | seen    | seen       | seen    | seen
      by a blocker          | seen    | seen    | seen       | seen    | seen
      restricted            | login   | seen    | seen       | seen    | seen
      draft chapter, work   | seen    | seen    | seen       | seen    | seen
      draft chapter, ch. 2  | 404     | 404     | 404        | seen    | 404
      anonymous             | seen    | seen    | seen       | seen    | seen
      unrevealed            | mystery | mystery | seen       | seen    | mystery
      awaiting approval     | seen    | seen    | seen       | seen    | seen
      refused gift          | seen    | seen    | seen       | seen    | seen
      unaccepted invitation | seen    | seen    | seen       | seen    | seen
    `,
  },
  {
    name: 'chapter index /works/:id/navigate',
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => readWorkPage(w, v, s, `/works/${workOf(w, s).id}/navigate`, wordsOf(s, 'title')),
    expect: OWN_PAGE,
  },
  {
    name: 'entire work /works/:id?view_full_work=true',
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => readWorkPage(w, v, s, `/works/${workOf(w, s).id}?view_full_work=true`, wordsOf(s, 'title', 'text', 'tag')),
    expect: OWN_PAGE,
  },
  {
    name: 'front page /',
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => listing(w, v, '/', wordsOf(s, 'title', 'tag')),
    expect: GENERAL_LISTING,
  },
  {
    name: 'front page / count',
    outcomes: COUNT_OUTCOMES,
    look: (w, s, v) => readListingCount(w, v, narrowed('/', s)),
    expect: GENERAL_COUNT,
  },
  {
    name: 'all works /works',
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => listing(w, v, '/works', wordsOf(s, 'title', 'tag')),
    expect: GENERAL_LISTING,
  },
  {
    name: 'all works /works count',
    outcomes: COUNT_OUTCOMES,
    look: (w, s, v) => readListingCount(w, v, narrowed('/works', s)),
    expect: GENERAL_COUNT,
  },
  {
    name: "creator's works /users/:login/works",
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => listing(w, v, `/users/${w.creator}/works`, wordsOf(s, 'title', 'tag')),
    expect: CREATORS_LISTING,
  },
  {
    name: "creator's works /users/:login/works count",
    outcomes: COUNT_OUTCOMES,
    look: (w, s, v) => readListingCount(w, v, narrowed(`/users/${w.creator}/works`, s)),
    expect: CREATORS_COUNT,
  },
  {
    name: "creator's pseud /users/:login/pseuds/:pseud",
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => listing(w, v, `/users/${w.creator}/pseuds/${w.creator}`, wordsOf(s, 'title', 'tag')),
    expect: PSEUD_LISTING,
  },
  {
    name: "creator's pseud /users/:login/pseuds/:pseud count",
    outcomes: COUNT_OUTCOMES,
    look: (w, s, v) => readListingCount(w, v, narrowed(`/users/${w.creator}/pseuds/${w.creator}`, s)),
    expect: PSEUD_COUNT,
  },
  {
    name: "fandom's works /tags/:fandom/works",
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => listing(w, v, `${fandomPath(s)}/works`, wordsOf(s, 'title', 'tag')),
    expect: GENERAL_LISTING,
  },
  {
    name: "fandom's works /tags/:fandom/works count",
    outcomes: COUNT_OUTCOMES,
    look: (w, s, v) => readListingCount(w, v, `${fandomPath(s)}/works`),
    expect: GENERAL_COUNT,
  },
  {
    // The tag's name is in the heading: whether the page exists is what says who may know the tag.
    name: "freeform tag's works /tags/:tag/works",
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => listing(w, v, `${tagPath(s)}/works`, wordsOf(s, 'title')),
    expect: table`
      subject               | guest  | member | maintainer | creator | admin
      draft                 | 404    | 404    | 404        | absent  | absent
      hidden by moderators  | 404    | 404    | 404        | absent  | absent
      held for review       | 404    | 404    | 404        | absent  | absent
      by a spammer          | 404    | 404    | 404        | 404     | absent
      posted                | seen   | seen   | seen       | seen    | seen
      muted tag             | seen | absent | seen | seen | seen
      by a blocker          | seen   | seen   | seen       | seen    | seen
      restricted            | 404    | seen   | seen       | seen    | seen
      draft chapter, work   | seen   | seen   | seen       | seen    | seen
      draft chapter, ch. 2  | absent | absent | absent     | absent  | absent
      anonymous             | seen   | seen   | seen       | seen    | seen
      unrevealed            | 404    | 404    | seen       | seen    | absent
      awaiting approval     | seen   | seen   | seen       | seen    | seen
      refused gift          | seen   | seen   | seen       | seen    | seen
      unaccepted invitation | seen   | seen   | seen       | seen    | seen
    `,
  },
  {
    name: "freeform tag's works /tags/:tag/works count",
    outcomes: COUNT_OUTCOMES,
    look: (w, s, v) => readListingCount(w, v, `${tagPath(s)}/works`),
    expect: UNIQUE_TAG_COUNT,
  },
  {
    name: "fandom's tag page /tags/:fandom (its count)",
    outcomes: COUNT_OUTCOMES,
    look: (w, s, v) => readTagPage(w, v, fandomPath(s)),
    expect: GENERAL_COUNT,
  },
  {
    name: "freeform tag's page /tags/:tag (404, or its count)",
    outcomes: COUNT_OUTCOMES,
    look: (w, s, v) => readTagPage(w, v, tagPath(s)),
    expect: UNIQUE_TAG_COUNT,
  },
  {
    name: "fandoms index /fandoms (the fandom's count)",
    outcomes: COUNT_OUTCOMES,
    look: (w, s, v) => readFandomsIndex(w, v, s.state.fandom),
    expect: table`
      subject               | guest | member | maintainer | creator | admin
      draft                 | 0     | 0      | 0          | 0       | 0
      hidden by moderators  | 0     | 0      | 0          | 0       | 0
      held for review       | 0     | 0      | 0          | 0       | 0
      by a spammer          | 0     | 0      | 0          | 0       | 0
      posted                | 1     | 1      | 1          | 1       | 1
      muted tag             | 1     | 1      | 1          | 1       | 1
      by a blocker          | 1     | 1      | 1          | 1       | 1
      restricted            | 0     | 1      | 1          | 1       | 1
      draft chapter, work   | 1     | 1      | 1          | 1       | 1
      draft chapter, ch. 2  | -     | -      | -          | -       | -
      anonymous             | 1     | 1      | 1          | 1       | 1
      unrevealed            | 0     | 0      | 0          | 0       | 0
      awaiting approval     | 1     | 1      | 1          | 1       | 1
      refused gift          | 1     | 1      | 1          | 1       | 1
      unaccepted invitation | 1     | 1      | 1          | 1       | 1
    `,
  },
  {
    name: 'search /works/search for the title word',
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => readSearch(w, v, s, s.state.words.title, false),
    expect: table`
      subject               | guest  | member | maintainer | creator | admin
      draft                 | absent | absent | absent     | absent  | absent
      hidden by moderators  | absent | absent | absent     | absent  | absent
      held for review       | absent | absent | absent     | absent  | absent
      by a spammer          | absent | absent | absent     | absent  | absent
      posted                | seen   | seen   | seen       | seen    | seen
      muted tag             | seen | absent | seen | seen | seen
      by a blocker          | seen   | seen   | seen       | seen    | seen
      restricted            | absent | seen   | seen       | seen    | seen
      draft chapter, work   | seen   | seen   | seen       | seen    | seen
      draft chapter, ch. 2  | -      | -      | -          | -       | -
      anonymous             | seen   | seen   | seen       | seen    | seen
      unrevealed            | absent | absent | absent     | absent  | absent
      awaiting approval     | seen   | seen   | seen       | seen    | seen
      refused gift          | seen   | seen   | seen       | seen    | seen
      unaccepted invitation | seen   | seen   | seen       | seen    | seen
    `,
  },
  {
    // A draft chapter's row searches for its own word: search never finds draft chapters.
    name: 'search /works/search for the text word (and its <mark>)',
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => readSearch(w, v, s, textWord(s), true),
    expect: table`
      subject               | guest  | member | maintainer | creator | admin
      draft                 | absent | absent | absent     | absent  | absent
      hidden by moderators  | absent | absent | absent     | absent  | absent
      held for review       | absent | absent | absent     | absent  | absent
      by a spammer          | absent | absent | absent     | absent  | absent
      posted                | seen   | seen   | seen       | seen    | seen
      muted tag             | seen | absent | seen | seen | seen
      by a blocker          | seen   | seen   | seen       | seen    | seen
      restricted            | absent | seen   | seen       | seen    | seen
      draft chapter, work   | seen   | seen   | seen       | seen    | seen
      draft chapter, ch. 2  | absent | absent | absent     | absent  | absent
      anonymous             | seen   | seen   | seen       | seen    | seen
      unrevealed            | absent | absent | absent     | absent  | absent
      awaiting approval     | seen   | seen   | seen       | seen    | seen
      refused gift          | seen   | seen   | seen       | seen    | seen
      unaccepted invitation | seen   | seen   | seen       | seen    | seen
    `,
  },
  {
    // The feed shows everyone what a guest sees.
    name: "fandom's Atom feed /tags/:fandom/feed.atom",
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => readFeed(w, v, `${fandomPath(s)}/feed.atom`, wordsOf(s, 'title', 'tag')),
    expect: table`
      subject               | guest  | member | maintainer | creator | admin
      draft                 | absent | absent | absent     | absent  | absent
      hidden by moderators  | absent | absent | absent     | absent  | absent
      held for review       | absent | absent | absent     | absent  | absent
      by a spammer          | absent | absent | absent     | absent  | absent
      posted                | seen   | seen   | seen       | seen    | seen
      muted tag             | seen   | seen   | seen       | seen    | seen
      by a blocker          | seen   | seen   | seen       | seen    | seen
      restricted            | absent | absent | absent     | absent  | absent
      draft chapter, work   | seen   | seen   | seen       | seen    | seen
      draft chapter, ch. 2  | absent | absent | absent     | absent  | absent
      anonymous             | seen   | seen   | seen       | seen    | seen
      unrevealed            | absent | absent | absent     | absent  | absent
      awaiting approval     | seen   | seen   | seen       | seen    | seen
      refused gift          | seen   | seen   | seen       | seen    | seen
      unaccepted invitation | seen   | seen   | seen       | seen    | seen
    `,
  },
  {
    name: 'OPDS recent /opds/recent',
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => readFeed(w, v, '/opds/recent', wordsOf(s, 'title', 'tag')),
    expect: GENERAL_LISTING,
  },
  {
    // A fandom with no work this viewer may see has no entry.
    name: "OPDS fandoms /opds/fandoms (the fandom's count)",
    outcomes: COUNT_OUTCOMES,
    look: (w, s, v) => readOpdsFandoms(w, v, s.state.fandom),
    expect: table`
      subject               | guest  | member | maintainer | creator | admin
      draft                 | absent | absent | absent     | absent  | absent
      hidden by moderators  | absent | absent | absent     | absent  | absent
      held for review       | absent | absent | absent     | absent  | absent
      by a spammer          | absent | absent | absent     | absent  | absent
      posted                | 1      | 1      | 1          | 1       | 1
      muted tag             | 1      | 1      | 1          | 1       | 1
      by a blocker          | 1      | 1      | 1          | 1       | 1
      restricted            | absent | 1      | 1          | 1       | 1
      draft chapter, work   | 1      | 1      | 1          | 1       | 1
      draft chapter, ch. 2  | -      | -      | -          | -       | -
      anonymous             | 1      | 1      | 1          | 1       | 1
      unrevealed            | absent | absent | absent     | absent  | absent
      awaiting approval     | 1      | 1      | 1          | 1       | 1
      refused gift          | 1      | 1      | 1          | 1       | 1
      unaccepted invitation | 1      | 1      | 1          | 1       | 1
    `,
  },
  {
    name: "OPDS fandom's works /opds/fandoms/:fandom (and totalResults)",
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => readFeed(w, v, `/opds/fandoms/${tagParam(s.state.fandom)}`, wordsOf(s, 'title', 'tag'), { total: s.part === 'work' }),
    expect: GENERAL_LISTING,
  },
  {
    name: 'OPDS search /opds/search?q=<text word> (and totalResults)',
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => readFeed(w, v, `/opds/search?q=${encodeURIComponent(textWord(s))}`, wordsOf(s, 'title', 'tag'), { total: true }),
    expect: table`
      subject               | guest  | member | maintainer | creator | admin
      draft                 | absent | absent | absent     | absent  | absent
      hidden by moderators  | absent | absent | absent     | absent  | absent
      held for review       | absent | absent | absent     | absent  | absent
      by a spammer          | absent | absent | absent     | absent  | absent
      posted                | seen   | seen   | seen       | seen    | seen
      muted tag             | seen | absent | seen | seen | seen
      by a blocker          | seen   | seen   | seen       | seen    | seen
      restricted            | absent | seen   | seen       | seen    | seen
      draft chapter, work   | seen   | seen   | seen       | seen    | seen
      draft chapter, ch. 2  | absent | absent | absent     | absent  | absent
      anonymous             | seen   | seen   | seen       | seen    | seen
      unrevealed            | absent | absent | absent     | absent  | absent
      awaiting approval     | seen   | seen   | seen       | seen    | seen
      refused gift          | seen   | seen   | seen       | seen    | seen
      unaccepted invitation | seen   | seen   | seen       | seen    | seen
    `,
  },
  {
    // .epub, .html and .txt, each fetched twice (the second from the download cache): all must agree.
    name: 'downloads /downloads/:id/:slug.(epub|html|txt), twice each',
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => {
      const work = workOf(w, s);
      return readDownloads(w, v, s, work.id, downloadSlug(s.state.words.title, work.id), wordsOf(s, 'title', 'text', 'tag'));
    },
    expect: table`
      subject               | guest   | member  | maintainer | creator | admin
      draft                 | 404     | 404     | 404        | seen    | 404
      hidden by moderators  | 404     | 404     | 404        | seen    | 404
      held for review       | 404     | 404     | 404        | seen    | 404
      by a spammer          | 404     | 404     | 404        | 404     | 404
      posted                | seen    | seen    | seen       | seen    | seen
      muted tag             | seen    | seen    | seen       | seen    | seen
      by a blocker          | seen    | seen    | seen       | seen    | seen
      restricted            | 401     | seen    | seen       | seen    | seen
      draft chapter, work   | seen    | seen    | seen       | seen    | seen
      draft chapter, ch. 2  | absent  | absent  | absent     | seen    | absent
      anonymous             | seen    | seen    | seen       | seen    | seen
      unrevealed            | mystery | mystery | seen       | seen    | mystery
      awaiting approval     | seen    | seen    | seen       | seen    | seen
      refused gift          | seen    | seen    | seen       | seen    | seen
      unaccepted invitation | seen    | seen    | seen       | seen    | seen
    `,
  },
  {
    name: 'API list /api/v1/works',
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => readApi(w, v, '/api/v1/works', wordsOf(s, 'title', 'tag')),
    expect: GENERAL_LISTING,
  },
  {
    name: 'API work /api/v1/works/:id (with its chapter list)',
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => readApi(w, v, `/api/v1/works/${workOf(w, s).id}`, wordsOf(s, 'title', 'tag')),
    expect: table`
      subject               | guest   | member  | maintainer | creator | admin
      draft                 | 404     | 404     | 404        | seen    | 404
      hidden by moderators  | 404     | 404     | 404        | seen    | 404
      held for review       | 404     | 404     | 404        | seen    | 404
      by a spammer          | 404     | 404     | 404        | 404     | 404
      posted                | seen    | seen    | seen       | seen    | seen
      muted tag             | seen    | seen    | seen       | seen    | seen
      by a blocker          | seen    | seen    | seen       | seen    | seen
      restricted            | 401     | seen    | seen       | seen    | seen
      draft chapter, work   | seen    | seen    | seen       | seen    | seen
      draft chapter, ch. 2  | absent  | absent  | absent     | seen    | absent
      anonymous             | seen    | seen    | seen       | seen    | seen
      unrevealed            | mystery | mystery | seen       | seen    | mystery
      awaiting approval     | seen    | seen    | seen       | seen    | seen
      refused gift          | seen    | seen    | seen       | seen    | seen
      unaccepted invitation | seen    | seen    | seen       | seen    | seen
    `,
  },
  {
    name: 'API chapter /api/v1/works/:id/chapters/:position',
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => readApi(w, v, `/api/v1/works/${workOf(w, s).id}/chapters/${s.part === 'work' ? 1 : 2}`, wordsOf(s, 'text')),
    expect: table`
      subject               | guest   | member  | maintainer | creator | admin
      draft                 | 404     | 404     | 404        | seen    | 404
      hidden by moderators  | 404     | 404     | 404        | seen    | 404
      held for review       | 404     | 404     | 404        | seen    | 404
      by a spammer          | 404     | 404     | 404        | 404     | 404
      posted                | seen    | seen    | seen       | seen    | seen
      muted tag             | seen    | seen    | seen       | seen    | seen
      by a blocker          | seen    | seen    | seen       | seen    | seen
      restricted            | 401     | seen    | seen       | seen    | seen
      draft chapter, work   | seen    | seen    | seen       | seen    | seen
      draft chapter, ch. 2  | 404     | 404     | 404        | seen    | 404
      anonymous             | seen    | seen    | seen       | seen    | seen
      unrevealed            | mystery | mystery | seen       | seen    | mystery
      awaiting approval     | seen    | seen    | seen       | seen    | seen
      refused gift          | seen    | seen    | seen       | seen    | seen
      unaccepted invitation | seen    | seen    | seen       | seen    | seen
    `,
  },
  {
    name: 'API search /api/v1/search?q=<text word> (and its <mark>)',
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => readApiSearch(w, v, s, textWord(s)),
    expect: table`
      subject               | guest  | member | maintainer | creator | admin
      draft                 | absent | absent | absent     | absent  | absent
      hidden by moderators  | absent | absent | absent     | absent  | absent
      held for review       | absent | absent | absent     | absent  | absent
      by a spammer          | absent | absent | absent     | absent  | absent
      posted                | seen   | seen   | seen       | seen    | seen
      muted tag             | seen | absent | seen | seen | seen
      by a blocker          | seen   | seen   | seen       | seen    | seen
      restricted            | absent | seen   | seen       | seen    | seen
      draft chapter, work   | seen   | seen   | seen       | seen    | seen
      draft chapter, ch. 2  | absent | absent | absent     | absent  | absent
      anonymous             | seen   | seen   | seen       | seen    | seen
      unrevealed            | absent | absent | absent     | absent  | absent
      awaiting approval     | seen   | seen   | seen       | seen    | seen
      refused gift          | seen   | seen   | seen       | seen    | seen
      unaccepted invitation | seen   | seen   | seen       | seen    | seen
    `,
  },
  {
    // A tag is known to whoever can see a work carrying it (its creator sees their drafts' tags),
    // and to those who wrangle tags (admins); canonical tags to everyone.
    name: 'tag autocomplete /api/v1/tags/autocomplete?term=<start of the tag>',
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => readAutocomplete(w, v, s.state.words.tag),
    expect: TAG_NAME,
  },
  {
    name: "shared fandom's page /tags/:fandom (the state's tag among its tags)",
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => listing(w, v, `/tags/${tagParam(SHARED.fandom)}`, [s.state.words.tag]),
    expect: TAG_NAME,
  },
  {
    name: "shared freeform's page /tags/:freeform (the state's synonym among its synonyms)",
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => listing(w, v, `/tags/${tagParam(SHARED.freeform)}`, [s.state.words.synonym]),
    expect: TAG_NAME,
  },
  {
    name: 'filter form /works?work_search[other_tag_names]=<the tag> (does it know the tag?)',
    outcomes: ['known', 'unknown'],
    look: (w, s, v) => readTagNotice(w, v, `/works?work_search[other_tag_names]=${encodeURIComponent(s.state.words.tag)}`, s.state.words.tag),
    expect: table`
      subject               | guest   | member  | maintainer | creator | admin
      draft                 | unknown | unknown | unknown    | known   | known
      hidden by moderators  | unknown | unknown | unknown    | known   | known
      held for review       | unknown | unknown | unknown    | known   | known
      by a spammer          | unknown | unknown | unknown    | unknown | known
      posted                | known   | known   | known      | known   | known
      muted tag             | known   | known   | known      | known   | known
      by a blocker          | known   | known   | known      | known   | known
      restricted            | unknown | known   | known      | known   | known
      draft chapter, work   | known   | known   | known      | known   | known
      draft chapter, ch. 2  | -       | -       | -          | -       | -
      anonymous             | known   | known   | known      | known   | known
      unrevealed            | unknown | unknown | known      | known   | known
      awaiting approval     | known   | known   | known      | known   | known
      refused gift          | known   | known   | known      | known   | known
      unaccepted invitation | known   | known   | known      | known   | known
    `,
  },
  {
    // The member read every subject's page through the doors above; their history lists what they may still see.
    name: "the member's reading history /users/:login/readings",
    outcomes: INBOX_OUTCOMES,
    look: (w, s, v) => readHistory(w, v, wordsOf(s, 'title')),
    expect: table`
      subject               | guest   | member | maintainer | creator | admin
      draft                 | refused | absent | refused    | refused | refused
      hidden by moderators  | refused | absent | refused    | refused | refused
      held for review       | refused | absent | refused    | refused | refused
      by a spammer          | refused | absent | refused    | refused | refused
      posted                | refused | seen   | refused    | refused | refused
      muted tag             | refused | seen   | refused    | refused | refused
      by a blocker          | refused | seen   | refused    | refused | refused
      restricted            | refused | seen   | refused    | refused | refused
      draft chapter, work   | refused | seen   | refused    | refused | refused
      draft chapter, ch. 2  | -       | -      | -          | -       | -
      anonymous             | refused | seen   | refused    | refused | refused
      unrevealed            | refused | absent | refused    | refused | refused
      awaiting approval     | refused | seen   | refused    | refused | refused
      refused gift          | refused | seen   | refused    | refused | refused
      unaccepted invitation | refused | seen   | refused    | refused | refused
    `,
  },
  {
    // Each subject is alone in a series named with its title's word; a draft's series is its creator's alone
    // (they see it, named, to edit it; the draft is not listed in it).
    name: 'series page /series/:id',
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => listing(w, v, `/series/${workOf(w, s).seriesId}`, wordsOf(s, 'title')),
    expect: SERIES_PAGE,
  },
  {
    // The series as an OPDS acquisition feed: named (its title holds the work's word) wherever its page is.
    name: 'OPDS series /opds/series/:id',
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => listing(w, v, `/opds/series/${workOf(w, s).seriesId}`, wordsOf(s, 'title')),
    expect: SERIES_PAGE,
  },
  {
    name: "creator's series /users/:login/series",
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => listing(w, v, `/users/${w.creator}/series`, wordsOf(s, 'title')),
    expect: CREATORS_SERIES,
  },
  {
    name: 'bookmark a series POST /series/:id/bookmarks',
    outcomes: BOOKMARK_OUTCOMES,
    look: (w, s, v) => saveSeriesBookmark(w, v, workOf(w, s).seriesId),
    expect: table`
      subject               | guest | member | maintainer | creator | admin
      draft                 | 401   | 404    | 404        | saved   | 404
      hidden by moderators  | 401   | 404    | 404        | saved   | 404
      held for review       | 401   | 404    | 404        | saved   | 404
      by a spammer          | 401   | 404    | 404        | 404     | 404
      posted                | 401   | saved  | saved      | saved   | saved
      muted tag             | 401   | saved  | saved      | saved   | saved
      by a blocker          | 401   | saved  | saved      | saved   | saved
      restricted            | 401   | saved  | saved      | saved   | saved
      draft chapter, work   | 401   | saved  | saved      | saved   | saved
      draft chapter, ch. 2  | -     | -      | -          | -       | -
      anonymous             | 401   | saved  | saved      | saved   | saved
      unrevealed            | 401   | 404    | saved      | saved   | 404
      awaiting approval     | 401   | saved  | saved      | saved   | saved
      refused gift          | 401   | saved  | saved      | saved   | saved
      unaccepted invitation | 401   | saved  | saved      | saved   | saved
    `,
  },
  {
    // The member bookmarked every series they could (the door above), each named with its work's title word
    // (asked with the default sort spelled out: the plain address was read, and kept, before those bookmarks).
    name: "a member's bookmarks of series /users/:login/bookmarks",
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => listing(w, v, '/users/doorsmember/bookmarks?bookmark_search[sort_column]=created_at', [`Tales of ${s.state.words.title}`]),
    expect: table`
      subject               | guest  | member | maintainer | creator | admin
      draft                 | absent | absent | absent     | absent  | absent
      hidden by moderators  | absent | absent | absent     | absent  | absent
      held for review       | absent | absent | absent     | absent  | absent
      by a spammer          | absent | absent | absent     | absent  | absent
      posted                | seen   | seen   | seen       | seen    | seen
      muted tag             | seen   | seen   | seen       | seen    | seen
      by a blocker          | seen   | seen   | seen       | seen    | seen
      restricted            | absent | seen   | seen       | seen    | seen
      draft chapter, work   | seen   | seen   | seen       | seen    | seen
      draft chapter, ch. 2  | -      | -      | -          | -       | -
      anonymous             | seen   | seen   | seen       | seen    | seen
      unrevealed            | absent | absent | absent     | absent  | absent
      awaiting approval     | seen   | seen   | seen       | seen    | seen
      refused gift          | seen   | seen   | seen       | seen    | seen
      unaccepted invitation | seen   | seen   | seen       | seen    | seen
    `,
  },
  {
    name: "a series' bookmarks /series/:id/bookmarks",
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => listing(w, v, `/series/${workOf(w, s).seriesId}/bookmarks`, wordsOf(s, 'title')),
    expect: SERIES_PAGE,
  },
  {
    // The series holds only its subject: its EPUB holds the work's title word where its reader may read the work.
    name: "a whole series' EPUB /downloads/series/:id/:slug.epub, twice",
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => readSeriesDownload(w, v, workOf(w, s).seriesId, downloadSlug(`Tales of ${s.state.words.title}`, workOf(w, s).seriesId), wordsOf(s, 'title', 'text')),
    expect: table`
      subject               | guest  | member | maintainer | creator | admin
      draft                 | 404    | 404    | 404        | 404     | 404
      hidden by moderators  | 404    | 404    | 404        | 404     | 404
      held for review       | 404    | 404    | 404        | 404     | 404
      by a spammer          | 404    | 404    | 404        | 404     | 404
      posted                | seen   | seen   | seen       | seen    | seen
      muted tag             | seen   | seen   | seen       | seen    | seen
      by a blocker          | seen   | seen   | seen       | seen    | seen
      restricted            | 404    | seen   | seen       | seen    | seen
      draft chapter, work   | seen   | seen   | seen       | seen    | seen
      draft chapter, ch. 2  | absent | absent | absent     | seen    | absent
      anonymous             | seen   | seen   | seen       | seen    | seen
      unrevealed            | 404    | 404    | seen       | seen    | 404
      awaiting approval     | seen   | seen   | seen       | seen    | seen
      refused gift          | seen   | seen   | seen       | seen    | seen
      unaccepted invitation | seen   | seen   | seen       | seen    | seen
    `,
  },
  {
    // Every subject is a gift to the member.
    name: "the member's gifts /users/:login/gifts",
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => listing(w, v, '/users/doorsmember/gifts', wordsOf(s, 'title')),
    expect: table`
      subject               | guest  | member | maintainer | creator | admin
      draft                 | absent | absent | absent     | absent  | absent
      hidden by moderators  | absent | absent | absent     | absent  | absent
      held for review       | absent | absent | absent     | absent  | absent
      by a spammer          | absent | absent | absent     | absent  | absent
      posted                | seen   | seen   | seen       | seen    | seen
      muted tag             | seen   | seen   | seen       | seen    | seen
      by a blocker          | seen   | seen   | seen       | seen    | seen
      restricted            | absent | seen   | seen       | seen    | seen
      draft chapter, work   | seen   | seen   | seen       | seen    | seen
      draft chapter, ch. 2  | -      | -      | -          | -       | -
      anonymous             | seen   | seen   | seen       | seen    | seen
      unrevealed            | absent | absent | seen       | seen    | absent
      awaiting approval     | seen   | seen   | seen       | seen    | seen
      refused gift          | absent | absent | absent     | absent  | absent
      unaccepted invitation | seen   | seen   | seen       | seen    | seen
    `,
  },
  {
    // The member writes nothing: an invitation to co-create, unanswered, makes no work theirs.
    name: "the member's works /users/:login/works",
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => listing(w, v, '/users/doorsmember/works', wordsOf(s, 'title')),
    expect: table`
      subject               | guest  | member | maintainer | creator | admin
      draft                 | absent | absent | absent     | absent  | absent
      hidden by moderators  | absent | absent | absent     | absent  | absent
      held for review       | absent | absent | absent     | absent  | absent
      by a spammer          | absent | absent | absent     | absent  | absent
      posted                | absent | absent | absent     | absent  | absent
      muted tag             | absent | absent | absent     | absent  | absent
      by a blocker          | absent | absent | absent     | absent  | absent
      restricted            | absent | absent | absent     | absent  | absent
      draft chapter, work   | absent | absent | absent     | absent  | absent
      draft chapter, ch. 2  | absent | absent | absent     | absent  | absent
      anonymous             | absent | absent | absent     | absent  | absent
      unrevealed            | absent | absent | absent     | absent  | absent
      awaiting approval     | absent | absent | absent     | absent  | absent
      refused gift          | absent | absent | absent     | absent  | absent
      unaccepted invitation | absent | absent | absent     | absent  | absent
    `,
  },
  {
    // Only the member reads their invitations; the one unanswered invitation names its work.
    name: "the member's co-creator invitations /users/:login/creator_invitations",
    outcomes: INBOX_OUTCOMES,
    look: (w, s, v) => readInvitations(w, v, wordsOf(s, 'title')),
    expect: table`
      subject               | guest   | member | maintainer | creator | admin
      draft                 | refused | absent | refused    | refused | refused
      hidden by moderators  | refused | absent | refused    | refused | refused
      held for review       | refused | absent | refused    | refused | refused
      by a spammer          | refused | absent | refused    | refused | refused
      posted                | refused | absent | refused    | refused | refused
      muted tag             | refused | absent | refused    | refused | refused
      by a blocker          | refused | absent | refused    | refused | refused
      restricted            | refused | absent | refused    | refused | refused
      draft chapter, work   | refused | absent | refused    | refused | refused
      draft chapter, ch. 2  | -       | -      | -          | -       | -
      anonymous             | refused | absent | refused    | refused | refused
      unrevealed            | refused | absent | refused    | refused | refused
      awaiting approval     | refused | absent | refused    | refused | refused
      refused gift          | refused | absent | refused    | refused | refused
      unaccepted invitation | refused | seen   | refused    | refused | refused
    `,
  },
  {
    // The states posted into collections, each in the maintainer's collection of its kind: listed once approved and revealed.
    name: "the subject's collection /collections/:name",
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => listing(w, v, `/collections/${COLLECTIONS[s.state.collection?.kind ?? 'anonymous'].name}`, wordsOf(s, 'title')),
    expect: table`
      subject               | guest  | member | maintainer | creator | admin
      draft                 | -      | -      | -          | -       | -
      hidden by moderators  | -      | -      | -          | -       | -
      held for review       | -      | -      | -          | -       | -
      by a spammer          | -      | -      | -          | -       | -
      posted                | -      | -      | -          | -       | -
      muted tag             | -      | -      | -          | -       | -
      by a blocker          | -      | -      | -          | -       | -
      restricted            | -      | -      | -          | -       | -
      draft chapter, work   | -      | -      | -          | -       | -
      draft chapter, ch. 2  | -      | -      | -          | -       | -
      anonymous             | seen   | seen   | seen       | seen    | seen
      unrevealed            | absent | absent | seen       | seen    | absent
      awaiting approval     | absent | absent | absent     | absent  | absent
      refused gift          | -      | -      | -          | -       | -
      unaccepted invitation | -      | -      | -          | -       | -
    `,
  },
  {
    // Bookmarks of the collection's approved works: every viewer bookmarked what they could (the door above); a reader
    // sees those of works they may see, an anonymous work's signed "Anonymous".
    name: "the subject's collection bookmarks /collections/:name/bookmarks",
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => readAllPages(w, v, `/collections/${COLLECTIONS[s.state.collection?.kind ?? 'anonymous'].name}/bookmarks`, wordsOf(s, 'title')),
    expect: table`
      subject               | guest  | member | maintainer | creator | admin
      draft                 | -      | -      | -          | -       | -
      hidden by moderators  | -      | -      | -          | -       | -
      held for review       | -      | -      | -          | -       | -
      by a spammer          | -      | -      | -          | -       | -
      posted                | -      | -      | -          | -       | -
      muted tag             | -      | -      | -          | -       | -
      by a blocker          | -      | -      | -          | -       | -
      restricted            | -      | -      | -          | -       | -
      draft chapter, work   | -      | -      | -          | -       | -
      draft chapter, ch. 2  | -      | -      | -          | -       | -
      anonymous             | seen   | seen   | seen       | seen    | seen
      unrevealed            | absent | absent | seen       | seen    | absent
      awaiting approval     | absent | absent | absent     | absent  | absent
      refused gift          | -      | -      | -          | -       | -
      unaccepted invitation | -      | -      | -          | -       | -
    `,
  },
  {
    // The feed shows everyone what a guest sees: an anonymous work signed "Anonymous", nothing unrevealed or unapproved.
    name: "the subject's collection feed /collections/:name/feed.atom",
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => readFeed(w, v, `/collections/${COLLECTIONS[s.state.collection?.kind ?? 'anonymous'].name}/feed.atom`, wordsOf(s, 'title', 'tag')),
    expect: table`
      subject               | guest  | member | maintainer | creator | admin
      draft                 | -      | -      | -          | -       | -
      hidden by moderators  | -      | -      | -          | -       | -
      held for review       | -      | -      | -          | -       | -
      by a spammer          | -      | -      | -          | -       | -
      posted                | -      | -      | -          | -       | -
      muted tag             | -      | -      | -          | -       | -
      by a blocker          | -      | -      | -          | -       | -
      restricted            | -      | -      | -          | -       | -
      draft chapter, work   | -      | -      | -          | -       | -
      draft chapter, ch. 2  | -      | -      | -          | -       | -
      anonymous             | seen   | seen   | seen       | seen    | seen
      unrevealed            | absent | absent | absent     | absent  | absent
      awaiting approval     | absent | absent | absent     | absent  | absent
      refused gift          | -      | -      | -          | -       | -
      unaccepted invitation | -      | -      | -          | -       | -
    `,
  },
  {
    // The series holds only its subject; the API names the work (its title word) only to a reader of it.
    name: 'API series /api/v1/series/:id',
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => readApi(w, v, `/api/v1/series/${workOf(w, s).seriesId}`, [`"title":"${s.state.words.title}`]),
    expect: table`
      subject               | guest | member | maintainer | creator | admin
      draft                 | 404   | 404    | 404        | absent  | 404
      hidden by moderators  | 404   | 404    | 404        | absent  | 404
      held for review       | 404   | 404    | 404        | absent  | 404
      by a spammer          | 404   | 404    | 404        | 404     | 404
      posted                | seen  | seen   | seen       | seen    | seen
      muted tag             | seen  | seen   | seen       | seen    | seen
      by a blocker          | seen  | seen   | seen       | seen    | seen
      restricted            | 404   | seen   | seen       | seen    | seen
      draft chapter, work   | seen  | seen   | seen       | seen    | seen
      draft chapter, ch. 2  | -     | -      | -          | -       | -
      anonymous             | seen  | seen   | seen       | seen    | seen
      unrevealed            | 404   | 404    | seen       | seen    | 404
      awaiting approval     | seen  | seen   | seen       | seen    | seen
      refused gift          | seen  | seen   | seen       | seen    | seen
      unaccepted invitation | seen  | seen   | seen       | seen    | seen
    `,
  },
  {
    // The creator's "download all my data": each of their works whole (drafts, draft chapters, hidden and held ones: they
    // are theirs), and what they read of others' as they may still see it; nobody else may have it.
    name: "the creator's data export /users/:login/account/export.zip",
    outcomes: INBOX_OUTCOMES,
    look: (w, s, v) => readAccountExport(w, v, w.creator, wordsOf(s, 'title')),
    expect: table`
      subject               | guest   | member  | maintainer | creator | admin
      draft                 | refused | refused | refused    | seen    | refused
      hidden by moderators  | refused | refused | refused    | seen    | refused
      held for review       | refused | refused | refused    | seen    | refused
      by a spammer          | refused | refused | refused    | absent  | refused
      posted                | refused | refused | refused    | seen    | refused
      muted tag             | refused | refused | refused    | seen    | refused
      by a blocker          | refused | refused | refused    | seen    | refused
      restricted            | refused | refused | refused    | seen    | refused
      draft chapter, work   | refused | refused | refused    | seen    | refused
      draft chapter, ch. 2  | refused | refused | refused    | seen    | refused
      anonymous             | refused | refused | refused    | seen    | refused
      unrevealed            | refused | refused | refused    | seen    | refused
      awaiting approval     | refused | refused | refused    | seen    | refused
      refused gift          | refused | refused | refused    | seen    | refused
      unaccepted invitation | refused | refused | refused    | seen    | refused
    `,
  },
  {
    // The member's "download all my data": their bookmarks, comments, kudos and history keep every entry, but name a
    // work only while the member may still see it; nobody else may have it.
    name: "the member's data export /users/:login/account/export.zip",
    outcomes: INBOX_OUTCOMES,
    look: (w, s, v) => readAccountExport(w, v, w.agents.get('member')?.login ?? '', wordsOf(s, 'title')),
    expect: table`
      subject               | guest   | member | maintainer | creator | admin
      draft                 | refused | absent | refused    | refused | refused
      hidden by moderators  | refused | absent | refused    | refused | refused
      held for review       | refused | absent | refused    | refused | refused
      by a spammer          | refused | absent | refused    | refused | refused
      posted                | refused | seen   | refused    | refused | refused
      muted tag             | refused | seen   | refused    | refused | refused
      by a blocker          | refused | seen   | refused    | refused | refused
      restricted            | refused | seen   | refused    | refused | refused
      draft chapter, work   | refused | seen   | refused    | refused | refused
      draft chapter, ch. 2  | refused | absent | refused    | refused | refused
      anonymous             | refused | seen   | refused    | refused | refused
      unrevealed            | refused | absent | refused    | refused | refused
      awaiting approval     | refused | seen   | refused    | refused | refused
      refused gift          | refused | seen   | refused    | refused | refused
      unaccepted invitation | refused | seen   | refused    | refused | refused
    `,
  },
  {
    // Email (the outbox, read last): the creator hears of others' comments on their works, the member of the gifts
    // to them. Nobody is told of a draft; a guest has no address. The member was told of the gift of the work the
    // moderators hid before they hid it; nobody hears of it after (it takes no comments). A work held for review is
    // news to nobody until it is approved, so its gift is not told of either.
    name: 'emails naming the subject (the outbox, to each viewer\'s address)',
    outcomes: PAGE_OUTCOMES,
    look: (w, s, v) => readEmails(w, v, wordsOf(s, 'title')),
    expect: table`
      subject               | guest | member | maintainer | creator | admin
      draft                 | -     | absent | absent     | absent  | absent
      hidden by moderators  | -     | seen   | absent     | absent  | absent
      held for review       | -     | absent | absent     | absent  | absent
      by a spammer          | -     | seen   | absent     | absent  | absent
      posted                | -     | seen   | absent     | seen    | absent
      muted tag             | -     | seen   | absent     | seen    | absent
      by a blocker          | -     | seen   | absent     | absent  | absent
      restricted            | -     | seen   | absent     | seen    | absent
      draft chapter, work   | -     | seen   | absent     | seen    | absent
      draft chapter, ch. 2  | -     | -      | -          | -       | -
      anonymous             | -     | seen   | absent     | seen    | absent
      unrevealed            | -     | absent | absent     | seen    | absent
      awaiting approval     | -     | seen   | absent     | seen    | absent
      refused gift          | -     | seen   | absent     | seen    | absent
      unaccepted invitation | -     | seen   | absent     | seen    | absent
    `,
  },
];
