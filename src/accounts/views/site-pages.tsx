// What the archive says to everyone: the terms of service and privacy policy, accepting changed
// terms, the contact form; and the admin pages for the announcement, the two pages and the messages.
import type { PageContext } from '../../http/context.js';
import type { FieldErrors } from '../../http/errors.js';
import { ErrorSummary, Form, PostButton, TextArea, TextField } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import type { ContactRow, SitePageRow } from '../site.repository.js';
import { CONTACT_MAX } from '../site.service.js';

const day = (iso: string): string => iso.slice(0, 10);

/** The terms or the privacy policy as they stand. */
export function SitePage({ ctx, title, page, editHref }: { ctx: PageContext; title: string; page: SitePageRow | null; editHref: string | null }) {
  return (
    <Layout ctx={ctx} title={title} mainClass="narrow site-page">
      <h2 class="heading">{title}</h2>
      {page === null ? <p>{ctx.archiveName} has not published its {title.toLowerCase()} yet.</p> : (
        <>
          <p class="hint">Version {page.version}, {day(page.created_at)}.</p>
          <div class="userstuff" dangerouslySetInnerHTML={{ __html: page.content }} />
        </>
      )}
      {editHref !== null && <p><a href={editHref}>Edit the {title.toLowerCase()}</a></p>}
    </Layout>
  );
}

/** Asks a member to accept terms that changed since they last did. */
export function AcceptTermsPage({ ctx, terms, returnTo, errors }: { ctx: PageContext; terms: SitePageRow | null; returnTo: string; errors: FieldErrors }) {
  return (
    <Layout ctx={ctx} title="Our terms have changed" mainClass="narrow site-page">
      <h2 class="heading">Our terms have changed</h2>
      <p>{ctx.archiveName}'s Terms of Service changed{terms === null ? '' : ` on ${day(terms.created_at)}`}. Please read them and accept them to go on using your account; you can also read the <a href="/privacy">Privacy Policy</a>.</p>
      {terms !== null && <div class="userstuff terms-text" dangerouslySetInnerHTML={{ __html: terms.content }} />}
      <ErrorSummary errors={errors} labels={{ accept: 'Accept' }} />
      <Form ctx={ctx} action="/terms/accept">
        <input type="hidden" name="return_to" value={returnTo} />
        <input type="hidden" name="version" value={String(terms?.version ?? 0)} />
        <div class={errors.accept !== undefined ? 'field has-error' : 'field'}>
          {errors.accept !== undefined && <p class="field-error" id="field-accept-error">{errors.accept}</p>}
          <label class="choice"><input type="checkbox" id="field-accept" name="accept" value="1" /> I have read and accept the Terms of Service and the Privacy Policy</label>
        </div>
        <p><button type="submit" class="primary">Accept and go on</button> <a href="/users/logout">Log out instead</a></p>
      </Form>
    </Layout>
  );
}

export type ContactValues = { name: string; email: string; subject: string; message: string };

/** The contact form: a guest gives a name and an address to answer; a member is answered at theirs. */
export function ContactPage({ ctx, values, errors, sent }: { ctx: PageContext; values: ContactValues; errors: FieldErrors; sent: boolean }) {
  return (
    <Layout ctx={ctx} title="Contact us" mainClass="narrow">
      <h2 class="heading">Contact us</h2>
      {sent ? <p class="flash notice" role="status">Thank you: your message reached {ctx.archiveName}'s support volunteers, who will answer by email.</p> : (
        <>
          <p>Questions about your account, a technical problem, a suggestion: write to {ctx.archiveName}'s support volunteers. To report a work, comment or member, use the Report link beside it instead.</p>
          <ErrorSummary errors={errors} />
          <Form ctx={ctx} action="/contact" class="account-form">
            {ctx.viewer.user === null ? (
              <>
                <TextField name="name" label="Your name" value={values.name} errors={errors} required />
                <TextField name="email" label="Your email address" type="email" value={values.email} errors={errors} required autocomplete="email" hint="We answer you here; it is never shown to anyone else." />
              </>
            ) : <p class="hint">We will answer at the address of your account, {ctx.viewer.user.login}.</p>}
            <TextField name="subject" label="Subject" value={values.subject} errors={errors} required maxLength={200} />
            <TextArea name="message" label="Message" value={values.message} errors={errors} required rows={8} hint={`Up to ${CONTACT_MAX.toLocaleString('en-US')} characters.`} />
            <p class="visually-hidden" aria-hidden="true"><label>Website <input type="text" name="website" value="" tabIndex={-1} autoComplete="off" /></label></p>
            <p><button type="submit" class="primary">Send</button></p>
          </Form>
        </>
      )}
    </Layout>
  );
}

type AnnouncementItem = { id: number; content: string; created_at: string; ended_at: string | null };

/** The announcement banner: write a new one (it replaces the one shown), end it, see the past ones. */
export function AnnouncementsAdminPage({ ctx, items, content, errors }: { ctx: PageContext; items: AnnouncementItem[]; content: string; errors: FieldErrors }) {
  return (
    <Layout ctx={ctx} title="Announcements" mainClass="narrow">
      <h2 class="heading">Announcements</h2>
      <p>An announcement shows at the top of every page until you end it or a reader hides it. A new one replaces the one shown, and readers who hid the old one see the new one.</p>
      <ErrorSummary errors={errors} />
      <Form ctx={ctx} action="/admin/announcements">
        <TextArea name="content" label="New announcement" value={content} errors={errors} rows={4} hint="Story-text HTML is allowed (links, emphasis)." />
        <p><button type="submit" class="primary">Show it to everyone</button></p>
      </Form>
      <h3 class="heading">Announcements so far</h3>
      {items.length === 0 ? <p>None yet.</p> : (
        <ol class="announcement-history">
          {items.map((item) => (
            <li>
              <div class="userstuff" dangerouslySetInnerHTML={{ __html: item.content }} />
              <p class="hint">{day(item.created_at)}{item.ended_at === null ? ' — shown now' : `, ended ${day(item.ended_at)}`}</p>
              {item.ended_at === null && <PostButton ctx={ctx} action={`/admin/announcements/${item.id}/end`} label="End it" />}
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}

/** Editing the terms or the privacy policy: saving makes a new version. */
export function SitePageEditPage({ ctx, slug, title, content, version, errors }: { ctx: PageContext; slug: string; title: string; content: string; version: number; errors: FieldErrors }) {
  return (
    <Layout ctx={ctx} title={`Edit the ${title}`} mainClass="narrow">
      <h2 class="heading">Edit the {title}</h2>
      <p>{version === 0 ? 'Nothing is published yet.' : `Version ${version} is published.`} Saving publishes a new version{slug === 'terms' ? ': every member is asked to accept it before they go on, and new members accept it when they sign up' : ''}.</p>
      <ErrorSummary errors={errors} />
      <Form ctx={ctx} action={`/admin/site_pages/${slug}`}>
        <TextArea name="content" label={title} value={content} errors={errors} rows={20} hint="Story-text HTML is allowed (headings, lists, links)." />
        <p><button type="submit" class="primary">Publish this version</button></p>
      </Form>
    </Layout>
  );
}

/** The support role's messages: open ones first. */
export function ContactAdminPage({ ctx, messages }: { ctx: PageContext; messages: Array<ContactRow & { member_email: string | null; member_login: string | null }> }) {
  return (
    <Layout ctx={ctx} title="Messages">
      <h2 class="heading">Messages from the contact form</h2>
      {messages.length === 0 ? <p>No messages.</p> : (
        <ol class="contact-messages">
          {messages.map((m) => (
            <li class={`contact-message ${m.status}`} id={`message_${m.id}`}>
              <h3 class="heading">{m.subject}</h3>
              <p class="hint">From {m.member_login !== null ? <a href={`/users/${m.member_login}/works`}>{m.member_login}</a> : m.name} &lt;{m.member_email ?? m.email}&gt;, {day(m.created_at)}{m.status === 'answered' ? ' — answered' : ''}</p>
              <blockquote class="contact-body">{m.body.split(/\n{2,}/).map((para) => <p>{para}</p>)}</blockquote>
              {m.status === 'open' && <PostButton ctx={ctx} action={`/admin/contact/${m.id}/answered`} label="Mark as answered" />}
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}
