// The admin pages: an index of what administrators can do, and the archive's settings.
import type { PageContext } from '../../http/context.js';
import { Form } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import type { ArchiveSettings } from '../settings.service.js';

/** What an administrator can do here. */
export function AdminIndexPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="Administration" mainClass="narrow">
      <h2 class="heading">Administration</h2>
      <ul class="admin-index">
        <li><a href="/admin/settings">Archive settings</a>: how new tags start out.</li>
        <li><a href="/admin/wranglers">Tag wranglers</a>: who may make tags canonical, join synonyms and sort tags into fandoms.</li>
        <li><a href="/admin/mail">Outgoing email</a>: what the archive sent, and what it is still trying to send.</li>
      </ul>
    </Layout>
  );
}

/** The archive's settings, as a form. */
export function SettingsPage({ ctx, settings }: { ctx: PageContext; settings: ArchiveSettings }) {
  return (
    <Layout ctx={ctx} title="Archive settings" mainClass="narrow">
      <h2 class="heading">Archive settings</h2>
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
        <p><button type="submit" class="primary">Save settings</button></p>
      </Form>
    </Layout>
  );
}
