// The wrangler's forms on a tag page, and the tag's history.
import type { PageContext } from '../../http/context.js';
import type { FieldErrors } from '../../http/errors.js';
import { Form, TextField } from '../../views/forms.js';
import type { TagPageData } from '../tag-page.service.js';
import { tagParam } from '../tag-url.js';

type Props = { ctx: PageContext; data: TagPageData; errors: FieldErrors; values: Record<string, string> };

function Action({ ctx, action, doing, label, children, extra }: { ctx: PageContext; action: string; doing: string; label: string; children?: preact.ComponentChildren; extra?: Record<string, string> }) {
  return (
    <Form ctx={ctx} action={action} class="wrangle-form">
      <input type="hidden" name="do" value={doing} />
      {Object.entries(extra ?? {}).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
      {children}
      <button type="submit">{label}</button>
    </Form>
  );
}

function Links({ ctx, action, kind, tags }: { ctx: PageContext; action: string; kind: 'parent' | 'meta'; tags: TagPageData['parents'] }) {
  return (
    <ul class="wrangle-links">
      {tags.map((t) => (
        <li key={t.id}>{t.name} <Action ctx={ctx} action={action} doing={`remove_${kind}`} label="Remove" extra={{ id: String(t.id) }} /></li>
      ))}
    </ul>
  );
}

/** Every wrangling action that applies to this tag. */
export function WranglingForms({ ctx, data, errors, values }: Props) {
  const { tag } = data;
  const action = `/tags/${tagParam(tag.name)}/wrangle`;
  const canonical = tag.canonical === 1;
  const synonym = data.mergedInto !== null;
  return (
    <div class="wrangling-forms">
      {!synonym && <Action ctx={ctx} action={action} doing={canonical ? 'canonical_off' : 'canonical_on'} label={canonical ? 'Make not canonical' : 'Make canonical'} />}
      {!canonical && (
        <Action ctx={ctx} action={action} doing="synonym" label={synonym ? 'Change synonym' : 'Make synonym'}>
          <TextField name="synonym" label="Synonym of (a canonical tag)" value={values.synonym ?? data.mergedInto?.name ?? ''} errors={errors} suggest={tag.type} />
        </Action>
      )}
      {synonym && <Action ctx={ctx} action={action} doing="unsynonym" label="Remove synonym link" />}
      {canonical && (
        <Action ctx={ctx} action={action} doing="rename" label="Rename">
          <TextField name="name" label="Name (only case and accents can change)" value={values.name ?? tag.name} errors={errors} />
        </Action>
      )}
      {['character', 'relationship', 'freeform'].includes(tag.type) && (
        <div class="wrangle-group">
          <h4>Fandoms</h4>
          <Links ctx={ctx} action={action} kind="parent" tags={data.parents} />
          <Action ctx={ctx} action={action} doing="add_parent" label="Add to fandom">
            <TextField name="fandom" label="Fandom" value={values.fandom ?? ''} errors={errors} suggest="fandom" />
          </Action>
        </div>
      )}
      {canonical && (
        <div class="wrangle-group">
          <h4>Metatags</h4>
          <Links ctx={ctx} action={action} kind="meta" tags={data.metas} />
          <Action ctx={ctx} action={action} doing="add_meta" label="Add metatag">
            <TextField name="meta" label="Metatag (a more general canonical tag)" value={values.meta ?? ''} errors={errors} suggest={tag.type} />
          </Action>
        </div>
      )}
      {!canonical && !synonym && (
        <Action ctx={ctx} action={action} doing={tag.unwrangleable === 1 ? 'unwrangleable_off' : 'unwrangleable_on'} label={tag.unwrangleable === 1 ? 'Mark wrangleable' : 'Mark unwrangleable'} />
      )}
      {tag.type === 'fandom' && canonical && <p><a href={`${action}?type=character`}>Unwrangled tags in this fandom</a></p>}
      <h4>History</h4>
      {data.changes === null || data.changes.length === 0 ? <p class="hint">No changes yet.</p> : (
        <table class="tag-history">
          <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th></tr></thead>
          <tbody>{data.changes.map((c, i) => <tr key={i}><td>{c.created_at.slice(0, 16).replace('T', ' ')}</td><td>{c.login ?? '(deleted account)'}</td><td>{c.action}{c.detail !== '' && `: ${c.detail}`}</td></tr>)}</tbody>
        </table>
      )}
    </div>
  );
}
