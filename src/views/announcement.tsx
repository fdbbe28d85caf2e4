// The archive's announcement at the top of every page, with a button that hides it for this
// visitor (a cookie; no script needed). On a page shared by every guest it is a slot.
import { render } from 'preact-render-to-string';
import type { PageContext } from '../http/context.js';
import { SLOTS } from '../http/page-slots.js';
import { imageRewrite } from '../http/render.js';
import type { Config } from '../config.js';
import { rewriteExternalImages } from '../lib/external-images.js';
import { Form } from './forms.js';

const EMPTY = Buffer.alloc(0);

/** The banner, or on a shared page the slot each visitor's banner fills. */
export function AnnouncementBanner({ ctx }: { ctx: PageContext }) {
  if (ctx.shared) return <div class="announcement-slot" dangerouslySetInnerHTML={{ __html: SLOTS.announcement }} />;
  const announcement = ctx.announcement;
  if (announcement === null) return null;
  return (
    <aside class="announcement" aria-label="Announcement">
      <div class="userstuff" dangerouslySetInnerHTML={{ __html: announcement.html }} />
      <Form ctx={ctx} action={`/announcements/${announcement.id}/dismiss`} class="announcement-dismiss">
        <input type="hidden" name="return_to" value={ctx.path} />
        <button type="submit">Hide this announcement</button>
      </Form>
    </aside>
  );
}

/** This visitor's banner for a shared page's slot (its images rewritten as every page's are): empty when there is none to show them. */
export function announcementBytes(ctx: PageContext, config: Pick<Config, 'externalImages' | 'sessionSecret'>): Buffer {
  return ctx.announcement === null ? EMPTY : Buffer.from(rewriteExternalImages(render(<AnnouncementBanner ctx={ctx} />), imageRewrite(config)));
}
