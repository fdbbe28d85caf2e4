// The page shown for any error a reader can meet: not found, not allowed, too many attempts.
import type { PageContext } from '../http/context.js';
import { escapeHtml } from '../lib/escape.js';
import { Layout } from './layout.js';

const TITLES: Record<number, string> = {
  400: 'Something is wrong with that request', 401: 'Please log in', 403: 'Not allowed', 404: 'Not found',
413: 'Too large', 415: 'Not understood', 422: 'That did not work', 429: 'Too many attempts', 500: 'Something went wrong',
};

/** An error page; the message is escaped Rails-style because tools match messages such as "couldn&#x27;t" literally. */
export function ErrorPage({ ctx, status, message }: { ctx: PageContext; status: number; message: string }) {
  const title = TITLES[status] ?? 'Error';
  return (
    <Layout ctx={ctx} title={title} mainClass="error-page">
      <h2 class="heading">{title}</h2>
      <div class="flash error" dangerouslySetInnerHTML={{ __html: escapeHtml(message) }} />
      <p><a href="/">Go to the front page</a>{ctx.viewer.user === null && status !== 429 ? <> or <a href={`/login?return_to=${encodeURIComponent(ctx.path)}`}>log in</a></> : null}.</p>
    </Layout>
  );
}
