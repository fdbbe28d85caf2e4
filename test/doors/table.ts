// A door's expectations, written as a table a person can read: a header naming the viewers, then
// one row per subject (see world.ts), each cell the outcome that viewer must get.
import { SUBJECTS, VIEWERS, type Subject, type ViewerName } from './world.js';

/** What each viewer must get of each subject; "-" where the door does not show that subject. */
export type Expectations = ReadonlyMap<string, ReadonlyMap<ViewerName, string>>;

function cellsOf(line: string): string[] {
  return line.split('|').map((cell) => cell.trim());
}

function sameSet(found: readonly string[], wanted: readonly string[]): boolean {
  return found.length === wanted.length && wanted.every((w) => found.includes(w));
}

/**
 * Reads a table such as
 *   subject | guest | member | creator | admin
 *   draft   | 404   | 404    | seen    | 404
 * and refuses one that misses or repeats a subject or a viewer, so adding either to world.ts
 * points at every table that must say what it means there.
 */
export function table(strings: TemplateStringsArray): Expectations {
  const [header, ...rows] = strings.join('').split('\n').map((l) => l.trim()).filter((l) => l !== '').map(cellsOf);
  const viewers = header?.slice(1) ?? [];
  if (!sameSet(viewers, VIEWERS)) throw new Error(`a door's table has the columns [${viewers.join(', ')}], not the viewers [${VIEWERS.join(', ')}]`);
  const names = rows.map((r) => r[0] ?? '');
  const subjects = SUBJECTS.map((s) => s.name);
  if (!sameSet(names, subjects)) throw new Error(`a door's table has the rows [${names.join(', ')}], not the subjects [${subjects.join(', ')}]`);
  return new Map(rows.map((row) => {
    if (row.length !== viewers.length + 1) throw new Error(`the row "${row.join(' | ')}" has ${row.length - 1} cells for ${viewers.length} viewers`);
    return [row[0] ?? '', new Map(viewers.map((v, i) => [v as ViewerName, row[i + 1] ?? '']))];
  }));
}

/** The cells of a table that say something: subject, viewer and the outcome expected. */
export function expectedCells(expectations: Expectations): Array<{ subject: Subject; viewer: ViewerName; expected: string }> {
  return SUBJECTS.flatMap((subject) => VIEWERS.flatMap((viewer) => {
    const expected = expectations.get(subject.name)?.get(viewer) ?? '-';
    return expected === '-' ? [] : [{ subject, viewer, expected }];
  }));
}
