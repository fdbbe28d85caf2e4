// A work as one self-contained HTML file, laid out like AO3's HTML download (div#preface,
// div#chapters, div#afterword) so readers' tools that know that file read ours. Rendered with
// preact, which escapes every string; the only raw HTML is the sanitized user HTML.
import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import { rewriteExternalImages, type ImageRewrite } from '../lib/external-images.js';
import { languageDirection, languageName } from '../works/languages.js';
import {
  chapterHeading, statsEntries, tagRows, tagUrl, type DownloadChapter, type DownloadWork,
} from './download-model.js';

const CSS = `body { max-width: 40em; margin: 0 auto; padding: 0 1em; font: 1.05em/1.55 Georgia, serif; color: #222; background: #fff; }
@media (prefers-color-scheme: dark) { body { color: #ddd; background: #1b1b1b; } a { color: #8cb4ff; } }
#preface .meta, #afterword .meta { border-bottom: 1px solid #aaa; margin-bottom: 1.5em; }
dl.tags dt { font-weight: bold; float: left; clear: left; margin-right: 0.4em; }
dl.tags dd { margin: 0 0 0.3em; }
h1 { text-align: center; } .byline { text-align: center; }
.meta.group { margin-top: 2.5em; } blockquote.userstuff { margin: 0.5em 1.5em; }
.message { font-size: 0.9em; } table { border-collapse: collapse; } th, td { border: 1px solid #888; padding: 0.2em 0.5em; }`;

/** Sanitized user HTML, saved through sanitizeHtml: the one thing written without escaping. */
function UserHtml({ html, tag = 'div' }: { html: string; tag?: 'div' | 'blockquote' }) {
  const Tag = tag;
  return <Tag class="userstuff" dangerouslySetInnerHTML={{ __html: html }} />;
}

function Labelled({ label, html }: { label: string; html: string }) {
  if (html === '') return null;
  return <><p>{label}</p><UserHtml tag="blockquote" html={html} /></>;
}

function Joined({ children }: { children: ComponentChildren[] }) {
  return <>{children.map((child, i) => <>{i > 0 && ', '}{child}</>)}</>;
}

function TagList({ work }: { work: DownloadWork }) {
  return (
    <dl class="tags">
      {tagRows(work).map((row) => (
        <><dt>{row.label}</dt><dd><Joined>{row.names.map((name) => <a href={tagUrl(work, name)}>{name}</a>)}</Joined></dd></>
      ))}
      <dt>Language:</dt><dd>{languageName(work.language)}</dd>
      {work.series.length > 0 && <><dt>Series:</dt><dd><SeriesLinks work={work} /></dd></>}
      <dt>Stats:</dt>
      <dd>{statsEntries(work).map(([label, value], i) => <>{i > 0 && <br />}{label} {value}</>)}</dd>
    </dl>
  );
}

function SeriesLinks({ work }: { work: DownloadWork }) {
  return <>{work.series.map((series, i) => <>{i > 0 && <br />}Part {series.position} of <a href={series.url}>{series.title}</a></>)}</>;
}

function PostedAt({ work }: { work: DownloadWork }) {
  return <p class="message">Posted at <a href={work.archiveUrl}>{work.archiveName}</a>: <a href={work.url}>{work.url}</a></p>;
}

function Preface({ work }: { work: DownloadWork }) {
  const creators = work.creators.map((c) => (c.url === null ? c.name : <a rel="author" href={c.url}>{c.name}</a>));
  return (
    <div id="preface">
      <PostedAt work={work} />
      <div class="meta">
        <TagList work={work} />
        <h1>{work.title}</h1>
        {creators.length > 0 && <div class="byline">by <Joined>{creators}</Joined></div>}
        <Labelled label="Summary" html={work.summary} />
        <Labelled label="Notes" html={work.notes} />
      </div>
    </div>
  );
}

function Chapter({ work, chapter }: { work: DownloadWork; chapter: DownloadChapter }) {
  return (
    <>
      <div class="meta group">
        <h2 class="heading">{chapterHeading(work, chapter)}</h2>
        <Labelled label="Chapter Summary" html={chapter.summary} />
        <Labelled label="Chapter Notes" html={chapter.notes} />
      </div>
      <UserHtml html={chapter.html} />
      {chapter.endNotes !== '' && <div class="meta group"><Labelled label="Chapter End Notes" html={chapter.endNotes} /></div>}
    </>
  );
}

function Afterword({ work }: { work: DownloadWork }) {
  return (
    <div id="afterword">
      <div class="meta group">
        <p>Afterword</p>
        <Labelled label="End Notes" html={work.endNotes} />
        {work.series.length > 0 && <p class="series"><SeriesLinks work={work} /></p>}
      </div>
      <PostedAt work={work} />
    </div>
  );
}

/**
 * Builds the HTML download: one HTML5 file with inline CSS and no scripts. The file is opened
 * away from the archive's pages and their Content-Security-Policy, so its external images follow
 * the archive's mode by absolute address (`images`); without it they are left as written.
 */
export function buildHtmlDownload(work: DownloadWork, images?: ImageRewrite): string {
  const rtl = languageDirection(work.language) === 'rtl';
  const html = '<!DOCTYPE html>\n' + render(
    <html lang={work.language} dir={rtl ? 'rtl' : undefined}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{work.title}</title>
        <style dangerouslySetInnerHTML={{ __html: CSS }} />
      </head>
      <body>
        <Preface work={work} />
        <div id="chapters" class="userstuff">
          {work.chapters.map((chapter) => <Chapter work={work} chapter={chapter} />)}
        </div>
        <Afterword work={work} />
      </body>
    </html>,
  ) + '\n';
  return images === undefined ? html : rewriteExternalImages(html, images);
}
