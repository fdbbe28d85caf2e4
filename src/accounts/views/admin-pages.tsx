// The admin pages: an index of what administrators can do, and the archive's settings.
import { ADMIN_ROLES, type AdminRole } from '../../access/viewer.js';
import type { PageContext } from '../../http/context.js';
import type { FieldErrors } from '../../http/errors.js';
import { ErrorSummary, Form, TextArea, TextField } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import type { ArchiveSettings } from '../settings.service.js';

/** What an administrator can do here. */
export function AdminIndexPage({ ctx }: { ctx: PageContext }) {
  const user = ctx.viewer.user;
  const has = (role: AdminRole): boolean => user !== null && (user.isAdmin || user.roles.includes(role));
  return (
    <Layout ctx={ctx} title="Administration" mainClass="narrow">
      <h2 class="heading">Administration</h2>
      <ul class="admin-index">
        {has('policy_abuse') && <li><a href="/admin/moderation">Moderation queue</a>: reports from readers, and the log of every action taken.</li>}
        {user?.isAdmin === true && <li><a href="/admin/settings">Archive settings</a>: how new tags start out.</li>}
        {user?.isAdmin === true && <li><a href="/admin/invitations">Invitations</a>: the queue for invitations, and codes for members to share.</li>}
        {user?.isAdmin === true && <li><a href="/admin/roles">Volunteer roles</a>: who moderates, who helps members, who manages wranglers.</li>}
        {user?.isAdmin === true && <li><a href="/admin/announcements">Announcements</a>: a message at the top of every page.</li>}
        {user?.isAdmin === true && <li><a href="/admin/site_pages/terms">Terms of Service</a> and <a href="/admin/site_pages/privacy">Privacy Policy</a>: members accept the terms at sign-up and again when they change.</li>}
        {has('support') && <li><a href="/admin/contact">Messages</a>: what people sent through the contact form.</li>}
        {has('tag_wrangling') && <li><a href="/admin/wranglers">Tag wranglers</a>: who may make tags canonical, join synonyms and sort tags into fandoms.</li>}
        {has('support') && <li><a href="/admin/mail">Outgoing email</a>: what the archive sent, and what it is still trying to send.</li>}
        {user?.isAdmin === true && <li><a href="/admin/jobs">Background jobs</a>: the queue of email, digests and reveals; jobs that failed, and retrying them.</li>}
      </ul>
    </Layout>
  );
}

const ROLE_LABELS: Record<AdminRole, string> = {
  policy_abuse: 'Policy and abuse: the moderation queue and its actions',
  support: 'Support: the outgoing email, to help members whose mail went astray',
  tag_wrangling: 'Tag wrangling: choosing the archive\'s tag wranglers',
};

/** Who holds which volunteer role, and the form that gives them. */
export function RolesPage({ ctx, holders, errors, login }: { ctx: PageContext; holders: Array<{ login: string; roles: readonly AdminRole[] }>; errors: FieldErrors; login: string }) {
  return (
    <Layout ctx={ctx} title="Volunteer roles" mainClass="narrow">
      <h2 class="heading">Volunteer roles</h2>
      <p>Administrators hold every role. Each role opens only its own pages, and needs two-factor sign-in.</p>
      {holders.length === 0 ? <p>Nobody holds a role yet.</p> : (
        <ul class="role-holders">{holders.map((h) => <li><strong>{h.login}</strong>: {h.roles.map((r) => ROLE_LABELS[r].split(':')[0]).join(', ')}</li>)}</ul>
      )}
      <ErrorSummary errors={errors} />
      <Form ctx={ctx} action="/admin/roles" class="account-form">
        <TextField name="login" label="User name" value={login} errors={errors} required />
        <fieldset class="choices"><legend>Roles (leave all unticked to take them away)</legend>
          {ADMIN_ROLES.map((role) => <label class="choice"><input type="checkbox" name="roles" value={role} /> {ROLE_LABELS[role]}</label>)}
        </fieldset>
        <p><button type="submit" class="primary">Save roles</button></p>
      </Form>
    </Layout>
  );
}

/** The archive's settings, as a form. */
export function SettingsPage({ ctx, settings, errors }: { ctx: PageContext; settings: ArchiveSettings; errors: FieldErrors }) {
  return (
    <Layout ctx={ctx} title="Archive settings" mainClass="narrow">
      <h2 class="heading">Archive settings</h2>
      <ErrorSummary errors={errors} labels={{ bannedWords: 'Banned words and domains' }} />
      <Form ctx={ctx} action="/admin/settings">
        <fieldset class="choices">
          <legend>New tags</legend>
          <label class="choice">
            <input type="checkbox" name="canonicalOnFirstUse" value="1" checked={settings.canonicalOnFirstUse} />
            {' '}New fandoms, characters and relationships are canonical when first used
          </label>
          <p class="hint">
            For an archive without tag wranglers: the fandoms index, tag filters and feeds list a fandom as soon as a
            work uses it. Tags that exist already are not changed; wranglers can still join spellings as synonyms later.
          </p>
        </fieldset>
        <fieldset class="choices">
          <legend>Guests</legend>
          <label class="choice">
            <input type="checkbox" name="guestKudos" value="1" checked={settings.guestKudos} />
            {' '}Guests can leave kudos
          </label>
          <p class="hint">One kudos per work from each address, as on AO3. Without it, only logged-in members can leave kudos.</p>
        </fieldset>
        <fieldset class="choices">
          <legend>Who may join</legend>
          {([['open', 'Anyone may make an account'], ['invitation', 'Only someone with an invitation (from the queue, or from a member)'], ['closed', 'Nobody: sign-up is closed']] as const).map(([value, label]) => (
            <label class="choice"><input type="radio" name="registration" value={value} checked={settings.registration === value} /> {label}</label>
          ))}
          <label class="field-label" for="field-invitationsPerDay">Invitations sent from the queue each day</label>
          <input id="field-invitationsPerDay" type="number" name="invitationsPerDay" min="0" max="10000" value={String(settings.invitationsPerDay)} />
          <p class="hint">0 sends them only by hand, from <a href="/admin/invitations">Invitations</a>.</p>
        </fieldset>
        <fieldset class="choices">
          <legend>Spam</legend>
          <label class="choice">
            <input type="checkbox" name="holdNewAccounts" value="1" checked={settings.holdNewAccounts} />
            {' '}Hold new members' works and comments for review
          </label>
          <p class="hint">
            Until a moderator approves something a new member wrote, their works and comments wait in the
            <a href="/admin/moderation/held"> review queue</a>, seen only by them. Members who joined before this was turned on are not held.
          </p>
          <TextArea name="bannedWords" label="Banned words and domains" value={settings.bannedWords} rows={6} errors={errors}
            hint="One per line. A work or comment holding one waits for review instead of showing. A line like example.com is a domain and also matches its subdomains; lines starting with # are notes." />
          <p class="hint">Guests' comments with more than two links also wait for review.</p>
        </fieldset>
        <p><button type="submit" class="primary">Save settings</button></p>
      </Form>
    </Layout>
  );
}
