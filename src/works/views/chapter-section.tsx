// One chapter on the work page: preface (title, summary, notes), text, end notes.
import { chapterPath, type WorkPaths } from '../work-paths.js';
import type { ChapterModel } from '../work.model.js';
import { languageDirection } from '../languages.js';
import { storedHtml, UserstuffModule } from './userstuff.js';

const LANDMARK = '<h3 class="landmark heading" id="work">Chapter Text</h3>';

function ChapterTitle({ chapter, paths }: { chapter: ChapterModel; paths: WorkPaths | null }) {
  const label = `Chapter ${chapter.number}`;
  const link = paths !== null && chapter.id !== null ? <a href={chapterPath(paths.workId, chapter.id)}>{label}</a> : label;
  return <h3 class="title">{link}{chapter.title !== '' && `: ${chapter.title}`}</h3>;
}

/**
 * A chapter with AO3's structure: div.chapter#chapter-N > preface, userstuff text, end notes. A
 * one-shot has no "Chapter 1" heading, as on AO3.
 */
export function ChapterSection({ chapter, paths, language, oneShot }: { chapter: ChapterModel; paths: WorkPaths | null; language: string; oneShot: boolean }) {
  return (
    <div class="chapter" id={`chapter-${chapter.number}`}>
      <div class="chapter preface group" role="complementary">
        {!oneShot && <ChapterTitle chapter={chapter} paths={paths} />}
        {!chapter.posted && <p class="draft-badge">Draft chapter: only you can see it.</p>}
        <UserstuffModule cls="summary module" id="summary" heading="Summary:" html={chapter.summary} language={language} />
        <UserstuffModule cls="notes module" id="notes" heading="Notes:" html={chapter.notes} language={language} />
      </div>
      <div class="userstuff module" role="article" lang={language} dir={languageDirection(language)}
        dangerouslySetInnerHTML={storedHtml(LANDMARK + chapter.content)} />
      {chapter.endNotes !== '' && (
        <div class="chapter preface group" role="complementary">
          <UserstuffModule cls="end notes module" id={`chapter_${chapter.number}_endnotes`} heading="Notes:" html={chapter.endNotes} language={language} />
        </div>
      )}
    </div>
  );
}
