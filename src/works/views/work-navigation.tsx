// Chapter navigation for readers (entire work, previous/next, chapter menu, index) and the creator's actions.
import type { DownloadLink } from '../download-links.js';
import { PostButton } from '../../views/forms.js';
import { chapterPath, fullWorkPath, workPath } from '../work-paths.js';
import type { WorkPageProps } from './work-page.js';

type NavProps = WorkPageProps & { workId: number };

function neighbours({ index, shown, mode }: NavProps) {
  const current = mode === 'chapter' ? shown[0] : undefined;
  const at = current === undefined ? -1 : index.findIndex((c) => c.id === current.id);
  return { previous: at > 0 ? index[at - 1] : undefined, next: at >= 0 ? index[at + 1] : undefined, current };
}

function ChapterMenu({ workId, index, current }: { workId: number; index: NavProps['index']; current: number | null }) {
  return (
    <form class="chapter-menu" method="get" action={`/works/${workId}/chapters/go`}>
      <label for="selected_id">Chapter</label>
      <select id="selected_id" name="selected_id">
        {index.map((c) => <option key={c.id} value={String(c.id)} selected={c.id === current}>{c.number}. {c.title !== '' ? c.title : `Chapter ${c.number}`}</option>)}
      </select>
      <button type="submit">Go</button>
    </form>
  );
}

/** The reader's navigation above the work. */
export function ReaderNavigation(props: NavProps) {
  const { workId, index, mode, downloads } = props;
  if (index.length <= 1) {
    return downloads === undefined || downloads.length === 0 ? null : <nav aria-label="Work"><ul class="work navigation actions"><DownloadItem links={downloads} /></ul></nav>;
  }
  const { previous, next, current } = neighbours(props);
  const first = index[0];
  return (
    <nav aria-label="Chapters">
      <ul class="work navigation actions">
        {mode === 'full'
          ? first?.id != null && <li class="chapter bychapter"><a href={chapterPath(workId, first.id)}>Chapter by Chapter</a></li>
          : <li class="chapter entire"><a href={fullWorkPath(workId)}>Entire Work</a></li>}
        {previous?.id != null && <li class="chapter previous"><a href={chapterPath(workId, previous.id)}>← Previous Chapter</a></li>}
        {next?.id != null && <li class="chapter next"><a href={chapterPath(workId, next.id)}>Next Chapter →</a></li>}
        <li class="chapter"><ChapterMenu workId={workId} index={index} current={current?.id ?? null} /></li>
        <li class="chapter index"><a href={`/works/${workId}/navigate`}>Chapter Index</a></li>
        <DownloadItem links={downloads} />
      </ul>
    </nav>
  );
}

/** AO3's Download menu (`li.download` with `ul.expandable.secondary`), opened without scripts by a details element. */
function DownloadItem({ links }: { links: DownloadLink[] | undefined }) {
  if (links === undefined || links.length === 0) return null;
  return (
    <li class="download">
      <details>
        <summary>Download</summary>
        <ul class="expandable secondary">
          {links.map((link) => <li key={link.label}><a href={link.href}>{link.label}</a></li>)}
        </ul>
      </details>
    </li>
  );
}

/** Previous/next again after the text, where a reader finishes a chapter. */
export function BottomNavigation(props: NavProps) {
  const { workId, index } = props;
  if (index.length <= 1) return null;
  const { previous, next } = neighbours(props);
  return (
    <nav aria-label="More chapters">
      <ul class="work navigation actions bottom">
        {previous?.id != null && <li class="chapter previous"><a href={chapterPath(workId, previous.id)}>← Previous Chapter</a></li>}
        <li><a href="#main">↑ Top</a></li>
        {next?.id != null && <li class="chapter next"><a href={chapterPath(workId, next.id)}>Next Chapter →</a></li>}
      </ul>
    </nav>
  );
}

/** Edit, add chapter, manage chapters, delete: only for the work's creators. */
export function CreatorActions(props: NavProps) {
  const { ctx, workId, shown, mode, work } = props;
  const current = mode === 'chapter' ? shown[0] : undefined;
  return (
    <nav aria-label="Your work">
      <ul class="work navigation actions creator">
        <li><a href={`${workPath(workId)}/edit`}>Edit work</a></li>
        {current?.id != null && <li><a href={`${chapterPath(workId, current.id)}/edit`}>Edit chapter</a></li>}
        {current?.id != null && !current.posted && work.posted && <li><PostButton ctx={ctx} action={`${chapterPath(workId, current.id)}/post`} label="Post chapter" /></li>}
        <li><a href={`${workPath(workId)}/chapters/new`}>Add chapter</a></li>
        <li><a href={`${workPath(workId)}/chapters/manage`}>Manage chapters</a></li>
        <li><a href={`${workPath(workId)}/series/new`}>Add to series</a></li>
        <li><a href={`${workPath(workId)}/gifts/new`}>Gifts</a></li>
        <li><a href={`${workPath(workId)}/collections/new`}>Add to collection</a></li>
        <li><a href={`${workPath(workId)}/creators`}>Co-creators</a></li>
        <li><a href={`${workPath(workId)}/related`}>Related works</a></li>
        <li><a href={`${workPath(workId)}/orphan`}>Orphan work</a></li>
        <li><a href={`${workPath(workId)}/confirm_delete`}>Delete work</a></li>
      </ul>
    </nav>
  );
}
