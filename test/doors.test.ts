// Who sees what through every door of the archive: work states × viewers × doors, on SQLite and
// PostgreSQL. One world per database (test/doors/world.ts: the viewers, one work per state); each
// door (test/doors/doors.ts) has a written-out table of what each viewer must get of each state,
// and every cell of every table is one test here, named after its door, state and viewer.
import { beforeAll, describe, expect, it } from 'vitest';
import { describeEachDatabase } from './helpers.js';
import { DOORS } from './doors/doors.js';
import { expectedCells } from './doors/table.js';
import { buildWorld, type ViewerName, type World } from './doors/world.js';
import { watch, watchedTexts } from './doors/look.js';

/** Who sees the creators of a work in an anonymous or unrevealed collection: they themselves and its maintainers. */
const SEE_WHOLE: readonly ViewerName[] = ['creator', 'maintainer'];

for (const door of DOORS) {
  for (const { subject, viewer, expected } of expectedCells(door.expect)) {
    if (!door.outcomes.includes(expected)) throw new Error(`${door.name}: "${expected}" (${subject.name}, ${viewer}) is not one of its outcomes: ${door.outcomes.join(', ')}`);
  }
}

describeEachDatabase('doors', (ctx, dialect) => {
  let world: World | undefined;
  beforeAll(async () => { world = await buildWorld(ctx()); });

  for (const door of DOORS) {
    describe(door.name, () => {
      for (const { subject, viewer, expected } of expectedCells(door.expect)) {
        it(`${subject.name} · ${viewer} → ${expected}`, async () => {
          if (world === undefined) throw new Error('the world was not built');
          watch(world);
          const found = await door.look(world, subject, viewer);
          expect(found.outcome, `${door.name} · ${subject.name} · ${viewer} [${dialect}]: expected "${expected}"; found ${found.detail}`).toBe(expected);
          // A work posted into an anonymous or unrevealed collection carries a pseud of its own: no door may name it to those kept from it.
          const hidden = subject.state.collection;
          if (hidden !== undefined && hidden.kind !== 'moderated' && !SEE_WHOLE.includes(viewer)) {
            const leaks = watchedTexts(world).filter((text) => text.includes(hidden.pseud));
            expect(leaks.map((text) => text.slice(Math.max(0, text.indexOf(hidden.pseud) - 200), text.indexOf(hidden.pseud) + 50)), `${door.name} · ${subject.name} · ${viewer}: names its creator`).toEqual([]);
          }
        });
      }
    });
  }
});
