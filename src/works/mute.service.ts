// Muting, done on the server (AO3 hides muted users with a stylesheet in the reader's browser): a
// member's muted creators and tags (with the tags' synonyms and subtags) are left out of every
// listing and search they see, which says how many works it left out and lets them show those.
// A work whose creators the member may not know (an anonymous collection's) is never left out
// for its creator: that would tell who wrote it.
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../db/database.js';
import { requireSelf } from '../access/permissions.js';
import type { Viewer } from '../access/viewer.js';
import { invalid } from '../http/errors.js';
import { nowIso } from '../lib/clock.js';
import { getUserByLogin } from '../accounts/user.service.js';
import { GUEST_SCOPE } from '../access/scope.js';
import { expandTags, getTagByName, provideMuteCondition } from '../tags/tag.service.js';
import * as repo from './mute.repository.js';
import type { WorkFilter } from './work-filter.js';
import type { ListingFilter } from './work.repository.js';

/** What a member muted, ready for a listing: creators' accounts, and tags with their synonyms and subtags. */
export type Mutes = { userIds: number[]; tagIds: number[] };

/** The viewer's mutes, or null for a guest or a member who muted nothing (no change to their listings). */
export async function mutesOf(db: Db, viewer: Viewer): Promise<Mutes | null> {
  if (viewer.user === null) return null;
  const rows = await repo.findMutes(db, viewer.user.id);
  if (rows.length === 0) return null;
  const tags = rows.filter((r) => r.kind === 'tag').map((r) => r.target_id);
  return { userIds: rows.filter((r) => r.kind === 'user').map((r) => r.target_id), tagIds: [...new Set((await expandTags(db, tags)).flat())] };
}

/** A listing and its narrowing with the mutes applied: their standing excludes, without retyping them. */
export function withMutes(filter: ListingFilter, narrowing: WorkFilter, mutes: Mutes): { filter: ListingFilter; narrowing: WorkFilter } {
  const { userIds } = mutes;
  // Not by a muted creator, unless its creators are kept from this reader (then nothing is left out for them).
  const byMuted = userIds.length === 0 ? null : sql<SqlBool>`not (works.anonymous = ${0} and exists (
    select 1 from work_creators mc inner join pseuds mp on mp.id = mc.pseud_id where mc.work_id = works.id and mp.user_id in (${sql.join(userIds)})))`;
  const and = (condition: ListingFilter['where']): ListingFilter['where'] => {
    if (byMuted === null) return condition;
    return condition === undefined ? () => byMuted : (eb) => eb.and([condition(eb), byMuted]);
  };
  const where = and(filter.where);
  const countWhere = filter.countWhere === undefined ? undefined : and(filter.countWhere);
  return {
    filter: { ...filter, ...(where === undefined ? {} : { where }), ...(countWhere === undefined ? {} : { countWhere }) },
    narrowing: { ...narrowing, exclude: [...new Set([...narrowing.exclude, ...mutes.tagIds])] },
  };
}

/** A condition on a column of work ids: the work is neither by a muted creator (whom the reader may know) nor carrying a muted tag (bookmark listings). */
export function notMutedWork(mutes: Mutes): (workId: Expression<number | null>) => Expression<SqlBool> {
  const { userIds, tagIds } = mutes;
  return (workId) => sql<SqlBool>`not exists (select 1 from works mw where mw.id = ${workId} and (
    ${tagIds.length === 0 ? sql`1 = 0` : sql`exists (select 1 from work_tags mt where mt.work_id = mw.id and mt.tag_id in (${sql.join(tagIds)}))`}
    or ${userIds.length === 0 ? sql`1 = 0` : sql`(mw.anonymous = ${0} and exists (select 1 from work_creators mc inner join pseuds mp on mp.id = mc.pseud_id
      where mc.work_id = mw.id and mp.user_id in (${sql.join(userIds)})))`}))`;
}

const OWN_MUTES = { guest: 'Log in to mute creators and tags.', other: 'A member\'s mutes are theirs alone.' };

/** Mutes a creator (by login) or a tag (by name) for the member. */
export async function addMute(db: Db, viewer: Viewer, login: string, input: { kind: string; name: string }): Promise<string> {
  const user = requireSelf(viewer, login, OWN_MUTES);
  const name = input.name.trim();
  if (input.kind === 'user') {
    const other = await getUserByLogin(db, name).catch(() => null);
    if (other === null) throw invalid({ user: `There is no member "${name}".` });
    if (other.id === user.id) throw invalid({ user: 'You cannot mute yourself.' });
    await repo.insertMute(db, user.id, 'user', other.id, nowIso());
    return other.login;
  }
  // Only a tag anyone may see can be muted, so a mute never confirms that a hidden tag exists.
  const tag = await getTagByName(db, GUEST_SCOPE, name).catch(() => null);
  if (tag === null) throw invalid({ tag: `There is no tag "${name}" on any work you can see.` });
  await repo.insertMute(db, user.id, 'tag', tag.merger_id ?? tag.id, nowIso());
  return tag.name;
}

export async function removeMute(db: Db, viewer: Viewer, login: string, kind: string, id: number): Promise<void> {
  const user = requireSelf(viewer, login, OWN_MUTES);
  if (kind !== 'user' && kind !== 'tag') throw invalid({ kind: 'Unmute a creator or a tag.' });
  await repo.deleteMute(db, user.id, kind, id);
}

export function listMutes(db: Db, viewer: Viewer, login: string): Promise<Array<{ kind: 'user' | 'tag'; id: number; name: string }>> {
  return repo.listNamedMutes(db, requireSelf(viewer, login, OWN_MUTES).id);
}

/** Called once by wiring.ts: a tag's own page counts its works without what the reader muted, as its listing does. */
export function provideMutesToTags(): void {
  provideMuteCondition(async (db, viewer) => {
    const mutes = await mutesOf(db, viewer);
    return mutes === null ? null : notMutedWork(mutes);
  });
}
