// The world the doors test looks at: four viewers, and one work per state, each with words of its
// own (invented, so no stemmer can merge them and no other work can hold them). Built once per
// database through the same forms and addresses a person would use.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createApiToken } from '../../src/accounts/session.service.js';
import { TestClient, type Fields } from '../client.js';
import { enableTwoFactor, postWork, signUp, type TestApp } from '../helpers.js';

/** One way a work can be: its form fields, and the words only it holds. */
export type State = {
  name: string;
  /** Overrides of the new-work form (test/helpers.ts workFields). */
  form: Fields;
  /**
   * In the title, the first chapter's text, a freeform tag of its own (which wranglers put in the
   * shared fandom), a second one wranglers made a synonym of the shared canonical freeform, and a
   * fandom of its own.
   */
  words: { title: string; text: string; tag: string; synonym: string };
  fandom: string;
  /** A second chapter saved as a draft, its title and text holding this word. */
  draftChapter?: string;
  /** Posted into one of the maintainer's collections (world.ts COLLECTIONS), under a pseud of its own that only it carries. */
  collection?: { kind: CollectionKind; pseud: string };
  /** What the member does with the work once it is posted: refuses its gift, or is invited (and does not answer) to co-create it. */
  member?: 'refuses the gift' | 'is invited to co-create';
  /** The member reports the work and the admin, as a moderator, hides it. */
  moderators?: 'hide';
  /** Posted not by the creator but by another member (not a viewer): one who has blocked the member, or one the admin then marks as spam. */
  author?: 'a blocker of the member' | 'a spammer';
  /** Its text holds the archive's banned word, so the spam checks hold it for the moderators' review. */
  banned?: true;
  /** The member mutes the work's own tag. */
  mutedByMember?: true;
};

/** The member who posts the "by a blocker" work and blocks the member: not a viewer, so no column of its own. */
export const BLOCKER_LOGIN = 'doorsblocker';
/** The member who posts the "by a spammer" work and whom the admin then marks as spam. */
export const SPAMMER_LOGIN = 'doorsspammer';

/** The maintainer's collections, one per kind: creators hidden, works hidden, works waiting for approval. */
export type CollectionKind = 'anonymous' | 'unrevealed' | 'moderated';
export const COLLECTIONS: Record<CollectionKind, { name: string; setting: string }> = {
  anonymous: { name: 'doors_masked', setting: 'anonymous' },
  unrevealed: { name: 'doors_sealed', setting: 'unrevealed' },
  moderated: { name: 'doors_guarded', setting: 'moderated' },
};

/** The states, one work each. Add a state here, then a row for it in every door's table. */
export const STATES: State[] = [
  { name: 'draft', form: { action: 'draft' }, words: { title: 'Quillowmere', text: 'zandrelith', tag: 'Frobisquint', synonym: 'Plimbersett' }, fandom: 'Ossiwend Sagas' },
  { name: 'posted', form: {}, words: { title: 'Marrowtine', text: 'glimperdash', tag: 'Thistlewomp', synonym: 'Grubbenwold' }, fandom: 'Ubberlorn Sagas' },
  { name: 'restricted', form: { restricted: '1' }, words: { title: 'Crondelvay', text: 'wispergloam', tag: 'Jubbernack', synonym: 'Yarrowquench' }, fandom: 'Ellowquist Sagas' },
  {
    name: 'draft chapter', form: { expectedChapters: '?' }, words: { title: 'Vostrelline', text: 'humblezoth', tag: 'Kettlewisp', synonym: 'Dorblemire' },
    fandom: 'Ardenmoch Sagas', draftChapter: 'snorvilant',
  },
  {
    name: 'anonymous', form: {}, words: { title: 'Brisklethorn', text: 'mumblefrost', tag: 'Quenderwisk', synonym: 'Tollyhatch' }, fandom: 'Pellowick Sagas',
    collection: { kind: 'anonymous', pseud: 'Veilwright' },
  },
  {
    name: 'unrevealed', form: {}, words: { title: 'Gorsendrift', text: 'plovermint', tag: 'Huskelbarrow', synonym: 'Nimbleshard' }, fandom: 'Quillorin Sagas',
    collection: { kind: 'unrevealed', pseud: 'Shuttermoth' },
  },
  {
    name: 'awaiting approval', form: {}, words: { title: 'Lattenbrook', text: 'sprocketeel', tag: 'Wobbleferne', synonym: 'Dinglewarp' }, fandom: 'Rastleby Sagas',
    collection: { kind: 'moderated', pseud: 'Porchlantern' },
  },
  { name: 'refused gift', form: {}, words: { title: 'Cobblewhist', text: 'frondlemere', tag: 'Yawnbristle', synonym: 'Peltingrove' }, fandom: 'Sallowmere Sagas', member: 'refuses the gift' },
  {
    name: 'unaccepted invitation', form: {}, words: { title: 'Drizzlewick', text: 'quobblestone', tag: 'Mossgarnet', synonym: 'Tinderhollow' }, fandom: 'Tumbleford Sagas',
    member: 'is invited to co-create',
  },
  {
    name: 'hidden by moderators', form: {}, words: { title: 'Brambleclasp', text: 'sniggerwold', tag: 'Fustilug', synonym: 'Wimbleshank' }, fandom: 'Crumhorn Sagas',
    moderators: 'hide',
  },
  {
    name: 'by a blocker', form: {}, words: { title: 'Gloamhinge', text: 'pottlewisp', tag: 'Scrumbleton', synonym: 'Harrowquill' }, fandom: 'Fenwhistle Sagas',
    author: 'a blocker of the member',
  },
  {
    name: 'muted tag', form: {}, words: { title: 'Wendlebrook', text: 'crumplefinch', tag: 'Dabblethorpe', synonym: 'Mizzlecombe' }, fandom: 'Hollowmere Sagas',
    mutedByMember: true,
  },
  {
    name: 'held for review', form: {}, words: { title: 'Grizzlemoot', text: 'spangleworth', tag: 'Yockenbury', synonym: 'Trundlewhey' }, fandom: 'Norrowgate Sagas',
    banned: true,
  },
  {
    name: 'by a spammer', form: {}, words: { title: 'Flittermouse', text: 'cranklebonk', tag: 'Oddlewhistle', synonym: 'Bramblesnoot' }, fandom: 'Pimmerton Sagas',
    author: 'a spammer',
  },
];

/** The canonical fandom every state's own tag is put in, and the canonical freeform its synonym points to (both public). */
export const SHARED = { fandom: 'Doorway Commons', freeform: 'Doorway Keeping' } as const;

/**
 * What a row of a door's table is about: a state's work (its title, first chapter and tag), or a
 * state's draft chapter (its own word, in its title and text).
 */
export type Subject = { name: string; state: State; part: 'work' | 'draft chapter' };

/** Every row of every door's table, in order: each state's work, then its draft chapter if it has one. */
export const SUBJECTS: Subject[] = STATES.flatMap((state): Subject[] => state.draftChapter === undefined
  ? [{ name: state.name, state, part: 'work' }]
  : [{ name: `${state.name}, work`, state, part: 'work' }, { name: `${state.name}, ch. 2`, state, part: 'draft chapter' }]);

/**
 * The viewers, one column each, and the account each one reads as (none for a guest). The first
 * account signed up on a fresh archive is its administrator, so `admin` is signed up first.
 * Add a viewer here, then a column for it in every door's table.
 */
export const VIEWER_ACCOUNTS = [
  { name: 'guest', login: null },
  { name: 'member', login: 'doorsmember' },
  { name: 'maintainer', login: 'doorsmaintainer' },
  { name: 'creator', login: 'doorscreator' },
  { name: 'admin', login: 'doorsadmin' },
] as const;
export type ViewerName = (typeof VIEWER_ACCOUNTS)[number]['name'];
export const VIEWERS: readonly ViewerName[] = VIEWER_ACCOUNTS.map((v) => v.name);

/** One viewer: a browser (cookies), and what it sends to the JSON API (a bearer token, or nothing). */
export type Agent = { name: ViewerName; login: string | null; browser: TestClient; apiHeaders: Record<string, string> };

/** A state's work as built: its id, its chapters' ids in order (the draft chapter last), and the series holding it alone. */
export type BuiltWork = { id: number; chapterIds: number[]; seriesId: number };

export type World = {
  app: FastifyInstance;
  creator: string;
  agents: Map<ViewerName, Agent>;
  works: Map<string, BuiltWork>;
};

function chapterText(word: string): string {
  return `Under the old bridge the ${word} waited for the tide, patient as a stone.`;
}

async function agentFor(t: TestApp, name: ViewerName, browser: TestClient, login: string | null): Promise<Agent> {
  const apiHeaders: Record<string, string> = login === null ? {} : { authorization: `Bearer ${await createApiToken(t.database.db, login)}` };
  return { name, login, browser, apiHeaders };
}

function expectStatus(response: LightMyRequestResponse, status: number, what: string): void {
  if (response.statusCode !== status) throw new Error(`building the world: ${what} answered ${response.statusCode}: ${response.body.slice(0, 400)}`);
}

/** Applies one wrangling action to a tag as the admin. */
async function wrangle(admin: TestClient, tag: string, fields: Fields, what: string): Promise<void> {
  await admin.get(`/tags/${encodeURIComponent(tag)}`);
  expectStatus(await admin.post(`/tags/${encodeURIComponent(tag)}/wrangle`, fields), 303, what);
}

/** The creator's pseud of its own for a state posted into a collection, by id. */
async function pseudFor(creator: TestClient, login: string, name: string): Promise<string> {
  await creator.get(`/users/${login}/pseuds`);
  expectStatus(await creator.post(`/users/${login}/pseuds`, { name, description: '' }), 303, `the pseud ${name}`);
  const page = (await creator.get('/works/new')).body;
  const id = new RegExp(`value="(\\d+)"[^>]*/?>\\s*${name}`).exec(page)?.[1];
  if (id === undefined) throw new Error(`building the world: the pseud ${name} is not offered on the work form`);
  return id;
}

async function buildWork(creator: TestClient, admin: TestClient, member: TestClient, state: State): Promise<BuiltWork> {
  const login = VIEWER_ACCOUNTS.find((v) => v.name === 'creator')?.login ?? '';
  const collection: Fields = state.collection === undefined ? {} : { collections: COLLECTIONS[state.collection.kind].name, pseuds: await pseudFor(creator, login, state.collection.pseud) };
  const id = await postWork(creator, {
    ...collection,
    title: state.words.title, summary: 'A story of the doors test.', fandoms: state.fandom, characters: '', freeforms: `${state.words.tag}, ${state.words.synonym}`,
    'chapter.text': chapterText(state.words.text), ...state.form,
  });
  if (state.draftChapter !== undefined) {
    await creator.get(`/works/${id}/chapters/new`);
    const added = await creator.post(`/works/${id}/chapters`, { title: state.draftChapter, text: chapterText(state.draftChapter), action: 'draft' });
    expectStatus(added, 303, `the draft chapter of "${state.name}"`);
  }
  await wrangle(admin, state.fandom, { do: 'canonical_on' }, `making ${state.fandom} canonical`);
  await wrangle(admin, state.words.tag, { do: 'add_parent', fandom: SHARED.fandom }, `putting ${state.words.tag} in ${SHARED.fandom}`);
  await wrangle(admin, state.words.synonym, { do: 'synonym', synonym: SHARED.freeform }, `making ${state.words.synonym} a synonym`);
  // Its own series, named with the title's word: whoever may see the series page sees the word.
  await creator.get(`/works/${id}/series/new`);
  const series = await creator.post(`/works/${id}/series`, { series_id: '', new_title: `Tales of ${state.words.title}`, position: '' });
  expectStatus(series, 303, `the series of "${state.name}"`);
  const seriesId = Number(/^\/series\/(\d+)$/.exec(String(series.headers.location))?.[1]);
  // A gift to the member: their gifts page lists it where they, and its other readers, may see it.
  await creator.get(`/works/${id}/gifts/new`);
  expectStatus(await creator.post(`/works/${id}/gifts`, { recipient: 'doorsmember' }), 303, `the gift of "${state.name}"`);
  if (state.member === 'refuses the gift') {
    const gifts = await member.get('/users/doorsmember/gifts');
    // The blurbs list newest first; this work's Refuse follows its title.
    const action = new RegExp(`${state.words.title}[^]*?action="(/gifts/\\d+/refuse)"`).exec(gifts.body)?.[1];
    if (action === undefined) throw new Error(`building the world: no Refuse for "${state.name}" on the member's gifts page`);
    expectStatus(await member.post(action), 303, `refusing the gift of "${state.name}"`);
  }
  if (state.member === 'is invited to co-create') {
    await creator.get(`/works/${id}/creators`);
    expectStatus(await creator.post(`/works/${id}/creators`, { invitee: 'doorsmember' }), 303, `inviting the member to co-create "${state.name}"`);
  }
  if (state.moderators === 'hide') {
    await member.get(`/reports/new?kind=work&id=${id}`);
    expectStatus(await member.post('/reports', { kind: 'work', id: String(id), category: 'harassment', details: 'A report for the doors test.' }), 200, `reporting "${state.name}"`);
    const queue = await admin.get('/admin/moderation');
    const reports = [...queue.body.matchAll(/href="\/admin\/moderation\/reports\/(\d+)"/g)].map((m) => m[1] ?? '');
    const reportId = reports[reports.length - 1] ?? '';
    await admin.get(`/admin/moderation/reports/${reportId}`);
    expectStatus(await admin.post(`/admin/moderation/reports/${reportId}/act`, { act: `hide_work:work:${id}`, reason: 'Hidden for the doors test.' }), 303, `hiding "${state.name}"`);
  }
  const navigate = await creator.get(`/works/${id}/navigate`);
  expectStatus(navigate, 200, `the chapter index of "${state.name}"`);
  const chapterIds = [...navigate.body.matchAll(new RegExp(`href="/works/${id}/chapters/(\\d+)"`, 'g'))].map((m) => Number(m[1]));
  return { id, chapterIds: [...new Set(chapterIds)], seriesId };
}

/** Signs up the viewers (the admin first) and posts every state's work as the creator. */
export async function buildWorld(t: TestApp): Promise<World> {
  const browsers = new Map<ViewerName, TestClient>();
  const accounts = [...VIEWER_ACCOUNTS].sort((a, b) => Number(b.name === 'admin') - Number(a.name === 'admin'));
  for (const { name, login } of accounts) {
    if (login === null) {
      browsers.set(name, new TestClient(t.app));
      continue;
    }
    const client = await signUp(t.app, login);
    // An administrator's powers need two-factor sign-in.
    if (name === 'admin') await enableTwoFactor(client);
    browsers.set(name, client);
  }
  const browser = (name: ViewerName) => browsers.get(name) ?? new TestClient(t.app);
  // The shared tags come from a public work of the admin's, made canonical.
  await postWork(browser('admin'), { title: 'The Commons', fandoms: SHARED.fandom, characters: '', freeforms: SHARED.freeform });
  for (const tag of [SHARED.fandom, SHARED.freeform]) await wrangle(browser('admin'), tag, { do: 'canonical_on' }, `making ${tag} canonical`);
  for (const { name, setting } of Object.values(COLLECTIONS)) {
    const maintainer = browser('maintainer');
    await maintainer.get('/collections/new');
    expectStatus(await maintainer.post('/collections', { name, title: `Gathering ${name}`, [setting]: '1' }), 303, `the collection ${name}`);
  }
  const blocker = await signUp(t.app, BLOCKER_LOGIN);
  const spammer = await signUp(t.app, SPAMMER_LOGIN);
  // The banned word of the "held for review" state: only its work holds it.
  const banned = STATES.filter((st) => st.banned === true).map((st) => st.words.text).join('\n');
  await browser('admin').get('/admin/settings');
  expectStatus(await browser('admin').post('/admin/settings', { registration: 'open', invitationsPerDay: '0', guestKudos: '1', bannedWords: banned }), 303, 'the banned words');
  const works = new Map<string, BuiltWork>();
  for (const state of STATES) {
    const author = state.author === undefined ? browser('creator') : state.author === 'a spammer' ? spammer : blocker;
    works.set(state.name, await buildWork(author, browser('admin'), browser('member'), state));
  }
  // Marked as spam once their work is built (its gift and series made): everything they wrote leaves readers' sight.
  await browser('member').get(`/reports/new?kind=user&id=${SPAMMER_LOGIN}`);
  expectStatus(await browser('member').post('/reports', { kind: 'user', id: SPAMMER_LOGIN, category: 'spam', details: 'A report for the doors test.' }), 200, 'reporting the spammer');
  const queue = await browser('admin').get('/admin/moderation');
  const reportId = [...queue.body.matchAll(/href="\/admin\/moderation\/reports\/(\d+)"/g)].map((m) => m[1] ?? '').pop() ?? '';
  const spamCase = await browser('admin').get(`/admin/moderation/reports/${reportId}`);
  const spamAct = /value="(spam:user:\d+)"/.exec(spamCase.body)?.[1] ?? '';
  expectStatus(await browser('admin').post(`/admin/moderation/reports/${reportId}/act`, { act: spamAct, reason: 'Marked for the doors test.' }), 303, 'marking the spammer as spam');
  for (const state of STATES.filter((st) => st.mutedByMember === true)) {
    await browser('member').get('/users/doorsmember/mutes');
    expectStatus(await browser('member').post('/users/doorsmember/mutes', { kind: 'tag', tag: state.words.tag }), 303, `the member muting ${state.words.tag}`);
  }
  // Blocked once every work is built: before, the member's gift refusals and invitations reach the blocker's work too.
  await blocker.get('/users/doorsmember/pseuds');
  expectStatus(await blocker.post('/users/doorsmember/block'), 303, 'the blocker blocking the member');
  const agents = new Map<ViewerName, Agent>();
  for (const { name, login } of VIEWER_ACCOUNTS) agents.set(name, await agentFor(t, name, browser(name), login));
  return { app: t.app, creator: agents.get('creator')?.login ?? '', agents, works };
}
