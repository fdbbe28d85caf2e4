// The work page (one chapter, the entire work, or an unsaved preview) with AO3's structure and class strings.
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../../http/context.js';
import { Layout } from '../../views/layout.js';
import { HELD_NOTICE, type ChapterHead, type ChapterModel, type WorkModel } from '../work.model.js';
import { Byline } from './byline.js';
import { ChapterSection } from './chapter-section.js';
import { CreatorActions, ReaderNavigation, BottomNavigation } from './work-navigation.js';
import type { DownloadLink } from '../download-links.js';
import { storedHtml, UserstuffModule } from './userstuff.js';
import { WorkMeta } from './work-meta.js';
import type { SeriesPlacement } from '../work-series.js';
import type { WorkCollection } from '../work-collections.js';
import type { GiftRecipient } from '../work-associations.js';
import type { RelatedLink } from '../related.service.js';
import { languageDirection } from '../languages.js';
import { RestrictedMarker } from './restricted-marker.js';
import { WorkFeedback, type FeedbackView } from './work-feedback.js';

export type WorkPageProps = {
  ctx: PageContext;
  work: WorkModel;
  /** The chapters shown on this page: one, or all of them. */
  shown: ChapterModel[];
  /** Every chapter this reader may see, for navigation. */
  index: ChapterHead[];
  mode: 'chapter' | 'full' | 'preview';
  isCreator: boolean;
  /** Shown above the work: the draft or preview banner. */
  banner?: ComponentChildren;
  /** The Download menu (none on a preview). */
  downloads?: DownloadLink[];
  /** Kudos under the work (none on a preview). */
  feedback?: FeedbackView;
  /** The series the work is in, as this reader sees them. */
  series?: SeriesPlacement[];
  /** The collections the work is shown in, as this reader sees them. */
  collections?: WorkCollection[];
  /** Who the work was given to. */
  gifts?: GiftRecipient[];
  /** What it was inspired by, and the works inspired by it, as this reader may see them. */
  related?: { parents: RelatedLink[]; children: RelatedLink[] };
};

function RelatedName({ link }: { link: RelatedLink }) {
  // A link a member typed to elsewhere carries rel=nofollow, as links in user HTML do.
  return <><a href={link.url} rel={link.external ? 'nofollow noopener' : undefined}>{link.title}</a>{link.byline !== '' && <> by {link.byline}</>}</>;
}

/** "For Ines and Marisol." and "Inspired by ..." at the top of the notes, as AO3's ul.associations. */
function Associations({ gifts, parents }: { gifts: GiftRecipient[]; parents: RelatedLink[] }) {
  if (gifts.length === 0 && parents.length === 0) return null;
  return (
    <ul class="associations">
      {gifts.length > 0 && <li>For {gifts.map((gift, i) => (
        <>{i > 0 && (i === gifts.length - 1 ? ' and ' : ', ')}{gift.login === null ? gift.name : <a href={`/users/${encodeURIComponent(gift.login)}/gifts`}>{gift.name}</a>}</>
      ))}.</li>}
      {parents.map((link) => <li key={link.relationId}>{link.translation ? 'A translation of ' : 'Inspired by '}<RelatedName link={link} />.</li>)}
    </ul>
  );
}

/** The preface: title and byline, and (at the start of the work) its summary and notes, as on AO3. */
function Preface({ work, atStart, gifts, parents }: { work: WorkModel; atStart: boolean; gifts: GiftRecipient[]; parents: RelatedLink[] }) {
  return (
    <div class="preface group">
      <h2 class="title heading">{work.title}<RestrictedMarker restricted={work.restricted} /></h2>
      <h3 class="byline heading"><Byline creators={work.creators} /></h3>
      {atStart && <UserstuffModule cls="summary module" heading="Summary:" html={work.summary} language={work.language} />}
      {atStart && (gifts.length > 0 || parents.length > 0
        ? (
          <div class="notes module">
            <h3 class="heading">Notes:</h3>
            <Associations gifts={gifts} parents={parents} />
            {work.notes !== '' && <blockquote class="userstuff" lang={work.language} dir={languageDirection(work.language)} dangerouslySetInnerHTML={storedHtml(work.notes)} />}
          </div>
        )
        : <UserstuffModule cls="notes module" heading="Notes:" html={work.notes} language={work.language} />)}
    </div>
  );
}

/** The whole reading page. */
export function WorkPage(props: WorkPageProps) {
  const { ctx, work, shown, mode } = props;
  const paths = work.id === null ? null : { workId: work.id };
  const lastShown = shown[shown.length - 1];
  const atStart = mode !== 'chapter' || shown[0]?.id === props.index[0]?.id;
  const atEnd = mode !== 'chapter' || (lastShown !== undefined && lastShown.id === props.index[props.index.length - 1]?.id);
  // A one-shot: one chapter, and no more expected (a creator with a draft chapter sees two).
  const oneShot = work.expectedChapters === 1 && props.index.length <= 1;
  const chapterTitle = mode === 'chapter' && shown[0] !== undefined && props.index.length > 1 ? ` - Chapter ${shown[0].number}` : '';
  return (
    <Layout ctx={ctx} title={`${work.title}${chapterTitle}`} mainClass="works-show">
      {props.banner}
      {work.heldForReview && <p class="flash notice work-held" role="status">{HELD_NOTICE}</p>}
      {work.hiddenReason !== null && !work.heldForReview && (
        <p class="flash error work-hidden" role="status">The archive's moderators have hidden this work: only its creators can see it. Their reason: {work.hiddenReason}</p>
      )}
      {paths !== null && <ReaderNavigation {...props} workId={paths.workId} />}
      {paths !== null && props.isCreator && <CreatorActions {...props} workId={paths.workId} />}
      <WorkMeta work={work} shared={ctx.shared} reading={ctx.reading} series={props.series} collections={props.collections} />
      <div id="workskin">
        <Preface work={work} atStart={atStart} gifts={props.gifts ?? []} parents={props.related?.parents ?? []} />
        <div id="chapters" role="article">
          {shown.map((chapter) => <ChapterSection key={chapter.number} chapter={chapter} paths={paths} language={work.language} oneShot={oneShot} />)}
        </div>
        {atEnd && (work.endNotes !== '' || (props.related?.children.length ?? 0) > 0) && (
          <div id="work_endnotes" class="afterword preface group">
            {work.endNotes !== '' && <UserstuffModule cls="end notes module" heading="Notes:" html={work.endNotes} language={work.language} />}
            {(props.related?.children.length ?? 0) > 0 && (
              <div id="children" class="children module">
                <h3 class="heading">Works inspired by this one:</h3>
                <ul>{props.related?.children.map((link) => <li key={link.relationId}>{link.translation ? 'A translation: ' : ''}<RelatedName link={link} /></li>)}</ul>
              </div>
            )}
          </div>
        )}
      </div>
      {paths !== null && <BottomNavigation {...props} workId={paths.workId} />}
      {/* A hidden work takes no comments or kudos until the moderators show it again. */}
      {paths !== null && props.feedback !== undefined && work.hiddenReason === null && <WorkFeedback ctx={ctx} workId={paths.workId} view={props.feedback} />}
      {paths !== null && !props.isCreator && mode !== 'preview' && <p class="report-link"><a href={`/reports/new?kind=work&id=${paths.workId}`} rel="nofollow">Report this work</a></p>}
    </Layout>
  );
}
