// The synthetic archive's tags as they are made: ids handed out in order, one tag per folded
// name (as on the archive, a name is one tag whatever type it was typed as), the fixed tags found.
import type { TagType } from '../../src/db/database.js';
import { CATEGORIES, RATINGS, WARNINGS } from '../../src/tags/fixed-tags.js';
import { foldKey } from '../../src/lib/text.js';

export type TagSpec = {
  id: number; type: TagType; name: string; key: string;
  canonical: 0 | 1; mergerId: number | null; unwrangleable: 0 | 1;
};

/** The ratings, warnings and categories every archive starts with, by name. */
export type FixedTags = { ratings: Map<string, number>; warnings: Map<string, number>; categories: Map<string, number> };

type FixedRow = { id: number; type: string; name: string };

/** Finds the seeded fixed tags by type and name; throws when one is missing (we never create them). */
export function fixedTagsFrom(rows: FixedRow[]): FixedTags {
  const byType = (type: string, names: readonly string[]) => new Map(names.map((name) => {
    const row = rows.find((r) => r.type === type && r.name === name);
    if (row === undefined) throw new Error(`the database has no ${type} tag "${name}"; was it migrated?`);
    return [name, row.id] as const;
  }));
  return { ratings: byType('rating', RATINGS), warnings: byType('warning', WARNINGS), categories: byType('category', CATEGORIES) };
}

/** Every tag made so far, and which are new since the last `drain()`. */
export class TagRegistry {
  readonly #ids = new Map<string, number>();
  readonly #all: TagSpec[] = [];
  #drained = 0;
  readonly #firstId: number;
  #nextId: number;

  /** `taken` are the names already in the database (the fixed tags), `firstId` the next free id. */
  constructor(taken: Array<{ id: number; name: string }>, firstId: number) {
    for (const tag of taken) this.#ids.set(foldKey(tag.name), tag.id);
    this.#firstId = firstId;
    this.#nextId = firstId;
  }

  /** A tag made here, by id. */
  get(id: number): TagSpec | undefined {
    return this.#all[id - this.#firstId];
  }

  /** The id of the tag with this name (folded), if any. */
  idOf(name: string): number | undefined {
    return this.#ids.get(foldKey(name));
  }

  /** Makes a tag; undefined when its folded name is taken. */
  add(type: TagType, name: string, options: { canonical?: boolean; mergerId?: number } = {}): number | undefined {
    return this.#ids.has(foldKey(name)) ? undefined : this.#create(type, name, options.canonical !== false, options.mergerId ?? null);
  }

  /** The tag named, made (not canonical, as a writer's new tag is) when it does not exist yet. */
  findOrAdd(type: TagType, name: string): number {
    return this.idOf(name) ?? this.#create(type, name, false, null);
  }

  #create(type: TagType, name: string, canonical: boolean, mergerId: number | null): number {
    const id = this.#nextId++;
    const key = foldKey(name);
    this.#ids.set(key, id);
    this.#all.push({ id, type, name, key, canonical: canonical ? 1 : 0, mergerId, unwrangleable: 0 });
    return id;
  }

  /** Tags made since the last call, in id order. */
  drain(): TagSpec[] {
    const fresh = this.#all.slice(this.#drained);
    this.#drained = this.#all.length;
    return fresh;
  }

  /** Every tag made, in id order. */
  get all(): readonly TagSpec[] {
    return this.#all;
  }
}
