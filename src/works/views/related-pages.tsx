// A work's related works page, for its creators: what it was inspired by (add or remove), and the
// works that say they were inspired by it (approve or remove).
import type { PageContext } from '../../http/context.js';
import type { FieldErrors } from '../../http/errors.js';
import { ErrorSummary, Form, PostButton, TextField } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import type { RelatedInput, RelatedLink } from '../related.service.js';

function Link({ link }: { link: RelatedLink }) {
  return <>{link.translation ? 'A translation of ' : ''}<a href={link.url} rel={link.external ? 'nofollow noopener' : undefined}>{link.title}</a>{link.byline !== '' && <> by {link.byline}</>}</>;
}

export function RelatedPage({ ctx, workId, title, parents, children, values, errors }: {
  ctx: PageContext; workId: number; title: string; parents: RelatedLink[]; children: RelatedLink[]; values: RelatedInput; errors: FieldErrors;
}) {
  const remove = (link: RelatedLink) => <PostButton ctx={ctx} action={`/works/${workId}/related/${link.relationId}/delete`} label="Remove" />;
  return (
    <Layout ctx={ctx} title={`Related works: ${title}`} mainClass="narrow">
      <h2 class="heading">Related works of <a href={`/works/${workId}`}>{title}</a></h2>
      <h3 class="heading">This work was inspired by</h3>
      {parents.length === 0 ? <p class="empty">Nothing yet.</p> : <ul class="related parents">{parents.map((l) => <li key={l.relationId}><Link link={l} /> {remove(l)}</li>)}</ul>}
      <ErrorSummary errors={errors} />
      <Form ctx={ctx} action={`/works/${workId}/related`}>
        <TextField name="parent" label="Inspired by" required value={values.parent} errors={errors} hint="The address of a work here (…/works/123), or a web address of one elsewhere. A work here lists yours once its creators approve." />
        <TextField name="title" label="Its title (for a work elsewhere)" value={values.title} errors={errors} />
        <TextField name="creator" label="Its creator (for a work elsewhere)" value={values.creator} errors={errors} />
        <label class="choice"><input type="checkbox" name="translation" value="1" checked={values.translation} /> My work is a translation of it</label>
        <p class="form-actions"><button type="submit" class="primary">Add</button></p>
      </Form>
      <h3 class="heading">Works inspired by this one</h3>
      {children.length === 0 ? <p class="empty">None yet.</p> : (
        <ul class="related children">
          {children.map((l) => (
            <li key={l.relationId}>
              <Link link={l} /> {!l.approved && <><span class="status">waiting for your approval</span> <PostButton ctx={ctx} action={`/works/${workId}/related/${l.relationId}/approve`} label="Approve" class="primary" /></>} {remove(l)}
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}
