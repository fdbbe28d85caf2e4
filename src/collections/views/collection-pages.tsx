// Collection pages at AO3's addresses: the index of collections, a collection's profile above its
// works (/collections/:name), its settings, its participants, and the items waiting for approval.
import type { ComponentChildren } from 'preact';
import type { CollectionRole, CollectionRow } from '../../db/database.js';
import type { PageContext } from '../../http/context.js';
import type { FieldErrors } from '../../http/errors.js';
import { formatCount } from '../../lib/text.js';
import { ErrorSummary, Form, PostButton, SelectField, TextArea, TextField } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import { Pagination } from '../../views/pagination.js';
import { storedHtml } from '../../works/views/userstuff.js';
import { WorkBlurb } from '../../works/views/work-blurb.js';
import type { ShownWork } from '../../works/work.model.js';
import { CHALLENGES, COLLECTION_LIMITS, type CollectionInput } from '../collection.validation.js';
import type { CollectionView } from '../collection.service.js';

const path = (name: string) => `/collections/${encodeURIComponent(name)}`;

/** When a reveal is set, as a reader reads it: "2027-01-05 18:00 UTC". */
function when(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** What the collection's settings mean for someone posting to it or reading it, in plain words. */
function Settings({ row }: { row: CollectionRow }) {
  const lines: string[] = [row.closed === 1 ? 'Closed to new works.' : 'Open to new works.'];
  if (row.moderated === 1) lines.push('Moderated: works by non-members wait for a maintainer’s approval.');
  if (row.unrevealed === 1) {
    lines.push(row.works_revealed === 1 ? 'Its works have been revealed.' : `Its works are hidden as Mystery Works until they are revealed${row.reveal_works_at === null ? '' : ` on ${when(row.reveal_works_at)}`}.`);
  }
  if (row.anonymous === 1) {
    lines.push(row.creators_revealed === 1 ? 'Its creators have been revealed.' : `Its creators are shown as Anonymous until they are revealed${row.reveal_creators_at === null ? '' : ` on ${when(row.reveal_creators_at)}`}.`);
  }
  return <ul class="collection-settings">{lines.map((l) => <li key={l}>{l}</li>)}</ul>;
}

/** The profile above a collection's works: title, description, rules, settings, who runs it, and the maintainers' links. */
export function CollectionProfile({ ctx, view, maintainers, mysteries }: { ctx: PageContext; view: CollectionView; maintainers: string[]; mysteries: number }) {
  const { row } = view;
  return (
    <div class="collection profile">
      {row.description !== '' && <blockquote class="userstuff summary" dangerouslySetInnerHTML={storedHtml(row.description)} />}
      <Settings row={row} />
      {mysteries > 0 && <p class="mystery-count">{mysteries === 1 ? '1 Mystery Work is' : `${formatCount(mysteries)} Mystery Works are`} waiting to be revealed.</p>}
      {row.rules !== '' && <details class="rules"><summary>Rules</summary><div class="userstuff" dangerouslySetInnerHTML={storedHtml(row.rules)} /></details>}
      <p class="maintainers">Maintained by {maintainers.join(', ')}.</p>
      <ul class="navigation actions">
        {ctx.viewer.user !== null && row.closed === 0 && <li><a href={`/works/new?collection=${encodeURIComponent(row.name)}`}>Post to this collection</a></li>}
        <li><a href={`${path(row.name)}/bookmarks`}>Bookmarks</a></li>
        {row.challenge === 'prompt_meme' && <li><a href={`${path(row.name)}/prompts`}>Prompts</a></li>}
        {row.challenge === 'prompt_meme' && ctx.viewer.user !== null && row.closed === 0 && <li><a href={`${path(row.name)}/prompts/new`}>Post a prompt</a></li>}
        {row.challenge === 'gift_exchange' && ctx.viewer.user !== null && <li><a href={`${path(row.name)}/signups/new`}>Sign up</a></li>}
        {row.challenge === 'gift_exchange' && ctx.viewer.user !== null && <li><a href={`${path(row.name)}/assignments`}>Assignments</a></li>}
        {row.challenge === 'gift_exchange' && view.maintainer && <li><a href={`${path(row.name)}/exchange`}>Exchange settings</a></li>}
        {row.challenge === 'contest' && <li><a href={`${path(row.name)}/vote`}>Vote</a></li>}
        {row.challenge === 'contest' && <li><a href={`${path(row.name)}/results`}>Results</a></li>}
        {row.challenge === 'contest' && view.maintainer && <li><a href={`${path(row.name)}/contest`}>Contest settings</a></li>}
        {ctx.viewer.user !== null && <li><a href={`${path(row.name)}/items`}>{view.maintainer ? 'Manage items' : 'My works here'}</a></li>}
        {view.owner && <li><a href={`${path(row.name)}/edit`}>Settings</a></li>}
        {view.owner && <li><a href={`${path(row.name)}/participants`}>Participants</a></li>}
        {view.maintainer && row.unrevealed === 1 && row.works_revealed === 0 && <li><PostButton ctx={ctx} action={`${path(row.name)}/reveal`} label="Reveal works now" confirm="Reveal every work of this collection now?" /></li>}
        {view.maintainer && row.anonymous === 1 && row.creators_revealed === 0 && <li><PostButton ctx={ctx} action={`${path(row.name)}/reveal_creators`} label="Reveal creators now" confirm="Reveal every creator of this collection now?" /></li>}
      </ul>
    </div>
  );
}

/** Every collection, newest first. */
export function CollectionsIndexPage({ ctx, collections, page, pages }: { ctx: PageContext; collections: Array<CollectionRow & { works: number }>; page: number; pages: number }) {
  return (
    <Layout ctx={ctx} title="Collections" mainClass="collections-index">
      <h2 class="heading">Collections</h2>
      {ctx.viewer.user !== null && <ul class="navigation actions"><li><a href="/collections/new">Open a new collection</a></li></ul>}
      {collections.length === 0 ? <p class="empty">No collections yet.</p> : (
        <ul class="collection index group">
          {collections.map((c) => (
            <li key={c.id} class="collection blurb group">
              <h4 class="heading"><a href={path(c.name)}>{c.title}</a> <span class="name">({c.name})</span></h4>
              {c.description !== '' && <blockquote class="userstuff summary" dangerouslySetInnerHTML={storedHtml(c.description)} />}
              <p class="stats">{c.works === 1 ? '1 work' : `${formatCount(c.works)} works`}{c.closed === 1 ? ' · closed' : ''}{c.moderated === 1 ? ' · moderated' : ''}{c.anonymous === 1 ? ' · anonymous' : ''}{c.unrevealed === 1 ? ' · unrevealed' : ''}</p>
            </li>
          ))}
        </ul>
      )}
      <Pagination page={page} pages={pages} basePath="/collections" />
    </Layout>
  );
}

/** The collection form, new or edit (the name is its address, chosen once). */
export function CollectionFormPage({ ctx, values, errors, name }: { ctx: PageContext; values: CollectionInput; errors: FieldErrors; name: string | null }) {
  const check = (field: 'closed' | 'moderated' | 'anonymous' | 'unrevealed', label: string) => (
    <label class="choice"><input type="checkbox" name={field} value="1" checked={values[field]} /> {label}</label>
  );
  return (
    <Layout ctx={ctx} title={name === null ? 'New collection' : 'Collection settings'} mainClass="narrow">
      <h2 class="heading">{name === null ? 'Open a new collection' : <>Settings of <a href={path(name)}>{values.title}</a></>}</h2>
      <ErrorSummary errors={errors} />
      <Form ctx={ctx} action={name === null ? '/collections' : `${path(name)}/edit`}>
        {name === null && <TextField name="name" label="Name" required value={values.name} errors={errors} maxLength={COLLECTION_LIMITS.name}
          hint="Its address, /collections/name: letters, numbers and underscores. It cannot be changed later." />}
        <TextField name="title" label="Title" required value={values.title} errors={errors} maxLength={COLLECTION_LIMITS.title} />
        <TextArea name="description" label="Description" rows={4} value={values.description} errors={errors} hint={`Up to ${formatCount(COLLECTION_LIMITS.description)} characters; the same HTML as in works is allowed.`} />
        <TextArea name="rules" label="Rules" rows={4} value={values.rules} errors={errors} hint={`What may be posted here, up to ${formatCount(COLLECTION_LIMITS.rules)} characters.`} />
        <SelectField name="challenge" label="Challenge" value={values.challenge} errors={errors} options={CHALLENGES}
          hint="A prompt meme takes prompts that members claim and fill; a gift exchange matches participants' requests and offers; a contest has entries and votes." />
        <fieldset class="form-section">
          <legend>Settings</legend>
          {check('closed', 'Closed: no new works can be added')}
          {check('moderated', 'Moderated: works by non-members wait for approval')}
          {check('anonymous', 'Anonymous: creators show as “Anonymous” until revealed')}
          {check('unrevealed', 'Unrevealed: works show as Mystery Works until revealed')}
          <TextField name="revealWorksAt" label="Reveal works on (optional)" type="datetime-local" value={values.revealWorksAt} errors={errors}
            hint="YYYY-MM-DD HH:MM, in UTC. Leave it empty to reveal by hand from the collection’s page." />
          <TextField name="revealCreatorsAt" label="Reveal creators on (optional)" type="datetime-local" value={values.revealCreatorsAt} errors={errors}
            hint="YYYY-MM-DD HH:MM, in UTC. Leave it empty to reveal by hand." />
        </fieldset>
        <p class="form-actions"><button type="submit" class="primary">{name === null ? 'Open collection' : 'Save settings'}</button></p>
      </Form>
    </Layout>
  );
}

const ROLE_OPTIONS: ReadonlyArray<readonly [CollectionRole, string]> = [['member', 'Member'], ['moderator', 'Moderator'], ['owner', 'Owner']];

/** Who takes part (the owners): add a member by login, change a role, remove someone. */
export function ParticipantsPage({ ctx, row, people, values, errors }: {
  ctx: PageContext; row: CollectionRow; people: Array<{ user_id: number; login: string; role: CollectionRole }>; values: { login: string; role: string }; errors: FieldErrors;
}) {
  return (
    <Layout ctx={ctx} title={`Participants: ${row.title}`} mainClass="narrow">
      <h2 class="heading">Participants of <a href={path(row.name)}>{row.title}</a></h2>
      <table class="participants">
        <thead><tr><th scope="col">Member</th><th scope="col">Role</th><th scope="col"><span class="landmark">Actions</span></th></tr></thead>
        <tbody>
          {people.map((p) => (
            <tr key={p.user_id}><td><a href={`/users/${encodeURIComponent(p.login)}`}>{p.login}</a></td><td>{p.role}</td>
              <td><PostButton ctx={ctx} action={`${path(row.name)}/participants/${p.user_id}/delete`} label="Remove" /></td></tr>
          ))}
        </tbody>
      </table>
      <ErrorSummary errors={errors} />
      <Form ctx={ctx} action={`${path(row.name)}/participants`}>
        <TextField name="login" label="Member’s login" required value={values.login} errors={errors} />
        <SelectField name="role" label="Role" value={values.role} errors={errors} options={ROLE_OPTIONS} />
        <p class="form-actions"><button type="submit" class="primary">Add or change</button></p>
      </Form>
    </Layout>
  );
}

export type ItemEntry = { id: number; work: ShownWork; approved: boolean };

function ItemList({ ctx, items, maintainer, empty }: { ctx: PageContext; items: ItemEntry[]; maintainer: boolean; empty: string }) {
  if (items.length === 0) return <p class="empty">{empty}</p>;
  return (
    <ol class="work index group">
      {items.map((item) => (
        <WorkBlurb key={item.id} work={item.work} reading={ctx.reading}>
          <ul class="actions item-actions">
            {!item.approved && <li class="status">Waiting for approval</li>}
            {maintainer && !item.approved && <li><PostButton ctx={ctx} action={`/collection_items/${item.id}/approve`} label="Approve" /></li>}
            <li><PostButton ctx={ctx} action={`/collection_items/${item.id}/delete`} label={maintainer && !item.approved ? 'Refuse' : 'Remove from collection'} /></li>
          </ul>
        </WorkBlurb>
      ))}
    </ol>
  );
}

/** The maintainers' queue of works waiting for approval, and the viewer's own works in the collection. */
export function ItemsPage({ ctx, view, pending, own }: { ctx: PageContext; view: CollectionView; pending: ItemEntry[]; own: ItemEntry[] }) {
  const { row } = view;
  return (
    <Layout ctx={ctx} title={`Items: ${row.title}`} mainClass="works-index collection-items">
      <h2 class="heading">Items of <a href={path(row.name)}>{row.title}</a></h2>
      {view.maintainer && <><h3 class="heading">Waiting for approval</h3><ItemList ctx={ctx} items={pending} maintainer empty="No works are waiting." /></>}
      <h3 class="heading">My works in this collection</h3>
      <ItemList ctx={ctx} items={own} maintainer={false} empty="None of your works are in this collection." />
    </Layout>
  );
}

/** Adding an existing work of one's own to a collection. */
export function AddToCollectionPage({ ctx, workId, workTitle, value, errors, children }: {
  ctx: PageContext; workId: number; workTitle: string; value: string; errors: FieldErrors; children?: ComponentChildren;
}) {
  return (
    <Layout ctx={ctx} title="Add to collection" mainClass="narrow">
      <h2 class="heading">Add <a href={`/works/${workId}`}>{workTitle}</a> to a collection</h2>
      {children}
      <ErrorSummary errors={errors} />
      <Form ctx={ctx} action={`/works/${workId}/collections`}>
        <TextField name="collections" label="Collection name" required value={value} errors={errors}
          hint="The name in the collection’s address, /collections/name. In a moderated collection the work waits for approval." />
        <p class="form-actions"><button type="submit" class="primary">Add to collection</button></p>
      </Form>
    </Layout>
  );
}
