// Tags a member chose to keep folded until clicked (their preferences: archive warnings, additional
// tags), as a details element: no script, and the tags stay in the page for readers' tools.
import type { ComponentChildren } from 'preact';
import type { ReadingChoices } from '../../access/viewer.js';

/** What the fold calls its tags, when the reader folds this kind; null when it shows them. */
export function foldOf(kind: string, reading: ReadingChoices): string | null {
  if (kind === 'warning' && reading.hideWarnings) return 'warnings';
  if (kind === 'freeform' && reading.hideFreeforms) return 'additional tags';
  return null;
}

/** The tags behind "Show warnings" (or "Show additional tags"); the summary says "Hide ..." once open. */
export function Folded({ what, children }: { what: string; children: ComponentChildren }) {
  return (
    <details class="folded-tags">
      <summary><span class="when-closed">Show {what}</span><span class="when-open">Hide {what}</span></summary>
      {children}
    </details>
  );
}
