// In-process notice that a work changed, so caches in this process drop it at once.
// (Other app servers notice through the version check in work-page-cache.ts.)

/** Called with a work's id, or with null when any number of works changed. */
type Listener = (workId: number | null) => void;
const listeners = new Set<Listener>();

/** Calls `listener` with the id of every work changed by this process. */
export function onWorkChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells the listeners that a work's stored data changed (after the change committed). */
export function workChanged(workId: number): void {
  for (const listener of listeners) listener(workId);
}

/** Tells the listeners that many works may have changed at once (a tag renamed, say). */
export function manyWorksChanged(): void {
  for (const listener of listeners) listener(null);
}
