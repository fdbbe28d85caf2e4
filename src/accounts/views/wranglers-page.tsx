// The admin's page for choosing tag wranglers.
import type { PageContext } from '../../http/context.js';
import type { FieldErrors } from '../../http/errors.js';
import { ErrorSummary, Form, PostButton, TextField } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import type { ViewerUser } from '../../access/viewer.js';

/** Who wrangles tags, and a form to add someone. */
export function WranglersPage({ ctx, wranglers, errors, login }: { ctx: PageContext; wranglers: ViewerUser[]; errors: FieldErrors; login: string }) {
  return (
    <Layout ctx={ctx} title="Tag wranglers" mainClass="narrow">
      <h2 class="heading">Tag wranglers</h2>
      <p class="hint">Wranglers make tags canonical, join synonyms, attach tags to fandoms and build metatags. Every change they make is recorded on the tag's page.</p>
      {wranglers.length === 0 ? <p>No one wrangles tags yet.</p> : (
        <ul class="wranglers">
          {wranglers.map((w) => (
            <li key={w.id}>{w.login} <PostButton ctx={ctx} action={`/admin/wranglers/${encodeURIComponent(w.login)}/revoke`} label="Stop wrangling" /></li>
          ))}
        </ul>
      )}
      <h3 class="heading">Add a wrangler</h3>
      <ErrorSummary errors={errors} />
      <Form ctx={ctx} action="/admin/wranglers">
        <TextField name="login" label="User name" value={login} errors={errors} required />
        <p><button type="submit" class="primary">Make wrangler</button></p>
      </Form>
    </Layout>
  );
}
