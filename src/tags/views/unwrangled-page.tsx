// A fandom's unwrangled tags, by type, with mass actions for wranglers.
import type { TagRow, TagType } from '../../db/database.js';
import type { PageContext } from '../../http/context.js';
import type { FieldErrors } from '../../http/errors.js';
import { ErrorSummary, Form, TextField } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import { tagParam } from '../tag-url.js';
import { TYPE_LABELS } from './tag-page.js';

type Props = { ctx: PageContext; fandom: TagRow; type: TagType; tags: Array<TagRow & { uses: number }>; errors: FieldErrors; synonym: string };

const TABS: TagType[] = ['character', 'relationship', 'freeform'];

/** Unwrangled characters, relationships or additional tags used in a fandom's works. */
export function UnwrangledPage({ ctx, fandom, type, tags, errors, synonym }: Props) {
  const base = `/tags/${tagParam(fandom.name)}/wrangle`;
  return (
    <Layout ctx={ctx} title={`Unwrangled tags in ${fandom.name}`} mainClass="wrangle-index">
      <h2 class="heading">Unwrangled tags in <a href={`/tags/${tagParam(fandom.name)}`}>{fandom.name}</a></h2>
      <nav aria-label="Tag types"><ul class="tabs">{TABS.map((t) => <li key={t}>{t === type ? <span aria-current="page">{TYPE_LABELS[t]}</span> : <a href={`${base}?type=${t}`}>{TYPE_LABELS[t]}</a>}</li>)}</ul></nav>
      <ErrorSummary errors={errors} />
      {tags.length === 0 ? <p>Nothing left to wrangle here. Well done!</p> : (
        <Form ctx={ctx} action={`${base}?type=${type}`} id="field-tags">
          <table class="unwrangled">
            <thead><tr><th scope="col">Choose</th><th scope="col">Tag</th><th scope="col">Works</th></tr></thead>
            <tbody>
              {tags.map((t) => (
                <tr key={t.id}>
                  <td><input type="checkbox" name="tags" value={String(t.id)} id={`tag-${t.id}`} aria-label={`Choose ${t.name}`} /></td>
                  <td><label for={`tag-${t.id}`}><a href={`/tags/${tagParam(t.name)}`}>{t.name}</a></label></td>
                  <td>{t.uses}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <fieldset class="choices">
            <legend>With the chosen tags</legend>
            <label class="choice"><input type="radio" name="do" value="canonical" checked /> Make canonical and add to {fandom.name}</label>
            <label class="choice"><input type="radio" name="do" value="attach" /> Add to {fandom.name} (without making canonical)</label>
            <label class="choice"><input type="radio" name="do" value="synonym" /> Make synonyms of the tag below</label>
            <label class="choice"><input type="radio" name="do" value="unwrangleable" /> Mark unwrangleable</label>
          </fieldset>
          <TextField name="synonym" label="Canonical tag (for synonyms)" value={synonym} errors={errors} suggest={type} />
          <p><button type="submit" class="primary">Wrangle</button></p>
        </Form>
      )}
    </Layout>
  );
}
