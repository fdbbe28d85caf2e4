// The page a reader sees while Calibre makes an AZW3, MOBI or PDF file: it asks again by itself.
import type { PageContext } from '../../http/context.js';
import { Layout } from '../../views/layout.js';

/** "Your file is being made", refreshing every few seconds (the Refresh header: no script needed). */
export function PreparingPage({ ctx, title, format, seconds }: { ctx: PageContext; title: string; format: string; seconds: number }) {
  return (
    <Layout ctx={ctx} title={`Preparing ${format}`} mainClass="download-preparing">
      <h2 class="heading">Preparing your {format} download</h2>
      <p>The {format} file of <cite>{title}</cite> is being made. This page checks again every {seconds} seconds and the download starts when it is ready.</p>
      <p><a href={ctx.path}>Check now</a></p>
    </Layout>
  );
}
