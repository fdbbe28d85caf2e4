// One bookmark in a listing: what it keeps (AO3's work blurb, a work elsewhere, or a series), and the
// bookmarker's part: who, when, rec, their tags and notes (div.user.module).
import { storedHtml } from '../../works/views/userstuff.js';
import { WorkBlurb } from '../../works/views/work-blurb.js';
import { SeriesBlurb } from '../../series/views/series-blurb.js';
import type { BookmarkView } from '../bookmark.service.js';
import type { ReadingChoices } from '../../access/viewer.js';
import { dateIn } from '../../lib/time-zones.js';

function BookmarkerModule({ bookmark, reading }: { bookmark: BookmarkView; reading: ReadingChoices }) {
  return (
    <div class="user module group">
      <h5 class="byline heading">
        Bookmarked by <a href={`/users/${encodeURIComponent(bookmark.login)}/bookmarks`}>{bookmark.pseud}</a>
        {' '}<span class="datetime">{dateIn(bookmark.createdAt, reading.timeZone)}</span>
        {bookmark.rec && <span class="rec"> · Rec</span>}
        {bookmark.private && <span class="private"> · Private</span>}
      </h5>
      {bookmark.tags.length > 0 && (
        <ul class="meta tags commas">{bookmark.tags.map((t) => <li key={t}><a class="tag" href={`/users/${encodeURIComponent(bookmark.login)}/bookmarks?tag=${encodeURIComponent(t)}`}>{t}</a></li>)}</ul>
      )}
      {bookmark.notes !== '' && <blockquote class="userstuff notes" dangerouslySetInnerHTML={storedHtml(bookmark.notes)} />}
      <p class="bookmark-links"><a href={`/bookmarks/${bookmark.id}`}>Bookmark page</a>{bookmark.mine ? <> · <a href={`/bookmarks/${bookmark.id}/edit`}>Edit</a></> : <> · <a href={`/reports/new?kind=bookmark&id=${bookmark.id}`} rel="nofollow">Report</a></>}</p>
    </div>
  );
}

/** A bookmark's blurb, with the reader's choices (ctx.reading): folded tags, the zone of its date. */
export function BookmarkBlurb({ bookmark, reading }: { bookmark: BookmarkView; reading: ReadingChoices }) {
  const bookmarker = <BookmarkerModule bookmark={bookmark} reading={reading} />;
  if (bookmark.work !== null) return <WorkBlurb work={bookmark.work} reading={reading}>{bookmarker}</WorkBlurb>;
  if (bookmark.series !== null) return <SeriesBlurb series={bookmark.series} id={`bookmark_${bookmark.id}`}>{bookmarker}</SeriesBlurb>;
  const ext = bookmark.external;
  if (ext === null) return null;
  return (
    <li id={`bookmark_${bookmark.id}`} class="bookmark blurb group external" role="article">
      <div class="header module">
        <h4 class="heading"><a href={ext.url} rel="nofollow noopener">{ext.title}</a> by {ext.creator} <span class="external-mark">(External work)</span></h4>
        <h5 class="fandoms heading"><span class="landmark">Fandoms: </span>{ext.fandoms}</h5>
        <p class="rating">{ext.rating}</p>
      </div>
      {ext.summary !== '' && <blockquote class="userstuff summary" dangerouslySetInnerHTML={storedHtml(ext.summary)} />}
      {bookmarker}
    </li>
  );
}
