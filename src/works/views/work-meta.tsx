// The work's meta block (dl.work.meta.group) with AO3's class strings, which readers' tools match literally.
import type { TagType } from '../../db/database.js';
import { formatCount } from '../../lib/text.js';
import { tagWorksPath } from '../../tags/tag-url.js';
import { languageName } from '../languages.js';
import { chapterFraction, type WorkModel } from '../work.model.js';

const TAG_ROWS: ReadonlyArray<[TagType, string, string]> = [
  ['rating', 'rating tags', 'Rating:'], ['warning', 'warning tags', 'Archive Warning:'], ['category', 'category tags', 'Category:'],
  ['fandom', 'fandom tags', 'Fandom:'], ['relationship', 'relationship tags', 'Relationship:'], ['character', 'character tags', 'Characters:'],
  ['freeform', 'freeform tags', 'Additional Tags:'],
];

/** A list of tag links. */
export function TagLinks({ names }: { names: string[] }) {
  return (
    <ul class="commas">
      {names.map((name) => <li key={name}><a class="tag" href={tagWorksPath(name)}>{name}</a></li>)}
    </ul>
  );
}

/** The stats list: published, status, words, chapters. */
export function WorkStats({ work }: { work: WorkModel }) {
  // As on AO3: a chaptered work (not a one-shot) shows when it was last updated, or completed.
  const chaptered = work.chapterCount > 1 || work.expectedChapters !== 1;
  const status = work.complete ? 'Completed:' : 'Updated:';
  const showStatus = chaptered && work.updatedOn !== null;
  return (
    <dl class="stats">
      {work.publishedOn !== null && <><dt class="published">Published:</dt><dd class="published">{work.publishedOn}</dd></>}
      {showStatus && <><dt class="status">{status}</dt><dd class="status">{work.updatedOn}</dd></>}
      <dt class="words">Words:</dt><dd class="words">{formatCount(work.wordCount)}</dd>
      <dt class="chapters">Chapters:</dt><dd class="chapters">{chapterFraction(work)}</dd>
    </dl>
  );
}

/** The meta block: tags by type, language, stats. */
export function WorkMeta({ work }: { work: WorkModel }) {
  return (
    <div class="wrapper">
      <h3 class="landmark heading">Work Header</h3>
      <dl class="work meta group">
        {TAG_ROWS.filter(([type]) => work.tags[type].length > 0).map(([type, cls, label]) => (
          <>
            <dt class={cls}>{label}</dt>
            <dd class={cls}><TagLinks names={work.tags[type]} /></dd>
          </>
        ))}
        <dt class="language">Language:</dt>
        <dd class="language" lang={work.language}>{languageName(work.language)}</dd>
        <dt class="stats">Stats:</dt>
        <dd class="stats"><WorkStats work={work} /></dd>
      </dl>
    </div>
  );
}
