// A member's inbox: comments on their works and replies to their comments, unread first, each with
// a link to reply, and buttons to mark read or delete (plain forms, no script needed).
import type { FormPreferences } from '../../accounts/preferences.service.js';
import type { PageContext } from '../../http/context.js';
import type { FieldErrors } from '../../http/errors.js';
import { dateIn, timeZones } from '../../lib/time-zones.js';
import { ErrorSummary, Form, PostButton, SelectField } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import { Pagination } from '../../views/pagination.js';
import type { InboxEntry } from '../inbox.service.js';

function Entry({ ctx, entry, base }: { ctx: PageContext; entry: InboxEntry; base: string }) {
  const c = entry.comment;
  const who = c === null ? 'A comment' : c.author.kind === 'member' ? c.author.pseud : c.author.kind === 'guest' ? `${c.author.name} (Guest)` : 'Someone';
  return (
    <li class={entry.read ? 'inbox-item read' : 'inbox-item unread'} id={`inbox_${entry.id}`}>
      <h4 class="heading">
        {!entry.read && <span class="unread-mark">New · </span>}
        {who} {entry.kind === 'reply' ? 'replied to your comment on' : 'commented on'} {c === null ? 'a work you can no longer see' : <a href={`/works/${entry.workId}`}>{entry.workTitle}</a>}
        <span class="datetime"> {dateIn(entry.createdAt, ctx.reading.timeZone)}</span>
      </h4>
      {c !== null && c.html !== '' && <blockquote class="userstuff" dangerouslySetInnerHTML={{ __html: c.html }} />}
      <ul class="actions comment-actions">
        {c !== null && <li><a href={`/comments/${c.id}#add_comment`}>Reply</a></li>}
        {!entry.read && <li><PostButton ctx={ctx} action={`${base}/${entry.id}/read`} label="Mark read" /></li>}
        <li><PostButton ctx={ctx} action={`${base}/${entry.id}/delete`} label="Delete" /></li>
      </ul>
    </li>
  );
}

export function InboxPage({ ctx, login, items, unread, page, pages }: { ctx: PageContext; login: string; items: InboxEntry[]; unread: number; page: number; pages: number }) {
  const base = `/users/${encodeURIComponent(login)}/inbox`;
  return (
    <Layout ctx={ctx} title="Inbox" mainClass="inbox">
      <h2 class="heading">Inbox</h2>
      <p>{unread === 0 ? 'Nothing unread.' : `${unread} unread.`} <a href={`/users/${encodeURIComponent(login)}/preferences`}>Preferences</a> · <a href={`/users/${encodeURIComponent(login)}/creator_invitations`}>Co-creator invitations</a> · <a href={`/users/${encodeURIComponent(login)}/gifts`}>Gifts</a></p>
      {unread > 0 && <Form ctx={ctx} action={`${base}/read`} class="inline-form"><button type="submit">Mark all read</button></Form>}
      {items.length === 0 ? <p class="empty">Comments on your works and replies to your comments will show here.</p>
        : <ol class="inbox-items">{items.map((entry) => <Entry key={entry.id} ctx={ctx} entry={entry} base={base} />)}</ol>}
      <Pagination page={page} pages={pages} basePath={base} />
    </Layout>
  );
}

/** The time zones to choose from, spaces in place of the underscores of their names. */
function zoneOptions(typed: string): Array<readonly [string, string]> {
  const options = timeZones().map((zone) => [zone, zone.replace(/_/g, ' ')] as const);
  // A zone sent that is not on the list stays selected beside its error, as it was sent.
  return options.some(([zone]) => zone === typed) ? options : [[typed, typed], ...options];
}

/** Email, gifts and reading choices, in one form. */
export function PreferencesPage({ ctx, login, values, errors = {} }: { ctx: PageContext; login: string; values: FormPreferences; errors?: FieldErrors }) {
  return (
    <Layout ctx={ctx} title="Preferences" mainClass="narrow">
      <h2 class="heading">Preferences</h2>
      <ErrorSummary errors={errors} />
      <Form ctx={ctx} action={`/users/${encodeURIComponent(login)}/preferences`}>
        <fieldset class="choices">
          <legend>Reading</legend>
          <label class="choice"><input type="checkbox" name="view_adult" value="1" checked={values.showAdult} /> Show me adult works without the notice first</label>
          <label class="choice"><input type="checkbox" name="hide_warnings" value="1" checked={values.hideWarnings} /> Fold archive warnings until I open them</label>
          <label class="choice"><input type="checkbox" name="hide_freeforms" value="1" checked={values.hideFreeforms} /> Fold additional tags until I open them</label>
          <label class="choice"><input type="checkbox" name="view_full_work" value="1" checked={values.fullWork} /> Show the entire work at once, not one chapter at a time</label>
          <p class="hint">Folded tags show as a “Show warnings” or “Show additional tags” button on works and in listings. With the entire work shown, “Chapter by Chapter” still reads one chapter at a time.</p>
        </fieldset>
        <SelectField name="time_zone" label="Time zone" value={values.timeZone} options={zoneOptions(values.timeZone)} errors={errors}
          hint="The dates and times of comments, your inbox, bookmarks and history are shown in this zone." />
        <fieldset class="choices">
          <legend>Email</legend>
          <label class="choice"><input type="checkbox" name="email_comments" value="1" checked={values.emailComments} /> Email me comments on my works and replies to my comments</label>
          <p class="hint">They are always in your inbox; no email is sent for your own comments.</p>
        </fieldset>
        <fieldset class="choices">
          <legend>How often</legend>
          <label class="choice"><input type="radio" name="email_digest" value="0" checked={!values.emailDigest} /> One email for each comment and each update</label>
          <label class="choice"><input type="radio" name="email_digest" value="1" checked={values.emailDigest} /> One email a day at most, gathering everything (a daily digest)</label>
          <p class="hint">This covers comments and your subscriptions. A digest goes out a day after the first thing it gathers.</p>
        </fieldset>
        <fieldset class="choices">
          <legend>Gifts</legend>
          <label class="choice"><input type="checkbox" name="accept_gifts" value="1" checked={values.acceptGifts} /> Others may give me works as gifts</label>
          <p class="hint">You can refuse any one gift from your gifts page.</p>
        </fieldset>
        <p><button type="submit" class="primary">Save</button></p>
      </Form>
    </Layout>
  );
}

/** The page an email's "stop these emails" link opens: one button, so no link scanner turns email off by itself. */
export function UnsubscribePage({ ctx, action, heading = 'Stop emails about comments?', button = 'Stop these emails',
  text = 'You will no longer get an email for comments on your works and replies to your comments. They will still be in your inbox.' }: {
  ctx: PageContext; action: string; heading?: string; text?: string; button?: string;
}) {
  return (
    <Layout ctx={ctx} title={heading} mainClass="narrow">
      <h2 class="heading">{heading}</h2>
      <p>{text}</p>
      <Form ctx={ctx} action={action}><button type="submit" class="primary">{button}</button></Form>
    </Layout>
  );
}
