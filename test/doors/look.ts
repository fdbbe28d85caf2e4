// How the doors test fetches a door as one viewer and names what it found, in the words of the
// tables: "seen", "absent", "404", "login", "401", or a count. Anything else comes back as a
// description of what was there, so a failing cell says what the viewer actually got.
import type { LightMyRequestResponse } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { parsePage } from '../html.js';
import type { Subject, ViewerName, World } from './world.js';

/** What one viewer found through one door: an outcome word of the tables, and what it was made of. */
export type Found = { outcome: string; detail: string };

/** The outcomes a door's table may use, besides "-" (the door does not show this subject). */
export const PAGE_OUTCOMES = ['seen', 'absent', '404', 'login', '401', 'mystery'];
/** A count a cell expects is a number: add larger ones here when a state's row needs them. */
export const COUNT_OUTCOMES = ['0', '1', '404', 'absent'];

const LOGIN_MESSAGE = 'This work is only available to registered users of the Archive.';
const WORK_NOT_FOUND = 'Sorry, we couldn&#x27;t find the work you were looking for.';
const NOT_FOUND = 'Sorry, we couldn&#x27;t find what you were looking for.';
/** A work of an unrevealed collection, to those it is hidden from. */
const MYSTERY = 'Mystery Work: this work is part of a collection that has not been revealed yet.';

const watched = new WeakMap<World, string[]>();

/** Starts noting every text a look reads (pages, API answers, files, email), to check afterwards what none of them may hold. */
export function watch(world: World): void {
  watched.set(world, []);
}

/** Everything read since watch(). */
export function watchedTexts(world: World): string[] {
  return watched.get(world) ?? [];
}

function note(world: World, text: string): void {
  watched.get(world)?.push(text);
}

const fetched = new WeakMap<World, Map<string, Promise<LightMyRequestResponse>>>();

/**
 * A GET as the viewer: a browser with its cookies, or (`api`) the JSON API with the viewer's
 * token. Nothing changes the world once built, so each address is fetched once per viewer,
 * unless `fresh` asks for a new request (a download fetched twice).
 */
export function get(world: World, viewer: ViewerName, url: string, options: { api?: boolean; fresh?: boolean } = {}): Promise<LightMyRequestResponse> {
  const agent = world.agents.get(viewer);
  if (agent === undefined) throw new Error(`no viewer ${viewer}`);
  const send = () => (options.api === true ? world.app.inject({ method: 'GET', url, headers: agent.apiHeaders }) : agent.browser.get(url));
  if (options.fresh === true) return send().then((r) => { note(world, r.body); return r; });
  const cache = fetched.get(world) ?? new Map<string, Promise<LightMyRequestResponse>>();
  fetched.set(world, cache);
  const key = `${viewer} ${options.api === true ? 'api' : 'browser'} ${url}`;
  let response = cache.get(key);
  if (response === undefined) { response = send(); cache.set(key, response); }
  return response.then((r) => { note(world, r.body); return r; });
}

/** The words a door looks for: the given ones of a work, or a draft chapter's own word. */
export function wordsOf(subject: Subject, ...which: Array<'title' | 'text' | 'tag'>): string[] {
  if (subject.part === 'draft chapter') return [subject.state.draftChapter ?? ''];
  return which.map((w) => subject.state.words[w]);
}

function has(text: string, word: string): boolean {
  return text.toLowerCase().includes(word.toLowerCase());
}

/** The page without the echoes of its own address (log-in links' return_to, the log-in form's returnTo). */
function withoutAddress(body: string, url: string): string {
  return body.replaceAll(url, '').replaceAll(encodeURIComponent(url), '').replaceAll(url.replaceAll('&', '&amp;'), '');
}

function wordsIn(text: string, words: string[]): { shown: string[]; lacking: string[] } {
  return { shown: words.filter((w) => has(text, w)), lacking: words.filter((w) => !has(text, w)) };
}

function summary(response: LightMyRequestResponse, shown: string[], lacking: string[], note = ''): string {
  const words = [shown.length > 0 ? `shows ${shown.join(', ')}` : '', lacking.length > 0 ? `lacks ${lacking.join(', ')}` : ''].filter((s) => s !== '');
  return `${response.statusCode} ${String(response.headers['content-type'] ?? '')}; ${words.join('; ')}${note}`;
}

/**
 * An HTML page (or any text) as a reader sees it: "seen" with every word, "absent" with none,
 * "404" the not-found page (for a work, the one saying the work could not be found), "login" the
 * log-in page saying the work is for registered users (200), "401" that message with a 401.
 */
export function readPage(response: LightMyRequestResponse, url: string, words: string[], notFound: 'work' | 'any' = 'any', text?: string): Found {
  const body = text ?? withoutAddress(response.body, url);
  const { shown, lacking } = wordsIn(body, words);
  const detail = summary(response, shown, lacking);
  const none = shown.length === 0;
  const notFoundPage = body.includes(WORK_NOT_FOUND) || (notFound === 'any' && body.includes(NOT_FOUND));
  if (response.statusCode === 404 && notFoundPage && none) return { outcome: '404', detail };
  if (response.statusCode === 404 && body.includes(MYSTERY) && none) return { outcome: 'mystery', detail };
  if (body.includes(LOGIN_MESSAGE) && none && text === undefined) {
    if (response.statusCode === 200) return { outcome: 'login', detail };
    if (response.statusCode === 401) return { outcome: '401', detail };
  }
  if (response.statusCode === 200 && lacking.length === 0) return { outcome: 'seen', detail };
  if (response.statusCode === 200 && none) return { outcome: 'absent', detail };
  return { outcome: `something else (${detail})`, detail };
}

/** A work page, chapter page or chapter index: a work-level miss must be the work's own not-found page. */
export async function readWorkPage(world: World, viewer: ViewerName, subject: Subject, url: string, words: string[]): Promise<Found> {
  return readPage(await get(world, viewer, url), url, words, subject.part === 'work' ? 'work' : 'any');
}

/** A work's page fetched twice afresh (a guest's second answer comes from the page cache): one outcome if both agree. */
export async function readWorkPageTwice(world: World, viewer: ViewerName, subject: Subject, url: string, words: string[]): Promise<Found> {
  const notFound = subject.part === 'work' ? 'work' : 'any';
  const found: Array<[string, Found]> = [];
  for (const time of ['first', 'again']) found.push([time, readPage(await get(world, viewer, url, { fresh: true }), url, words, notFound)]);
  return agreed(found);
}

/** Whether a listing's filter knows a tag by name: "unknown" when it says there is no such tag, as for one that does not exist. */
export async function readTagNotice(world: World, viewer: ViewerName, url: string, tag: string): Promise<Found> {
  const response = await get(world, viewer, url);
  const notices = Array.from(parsePage(response.body).querySelectorAll('.filter-notices li'), (n) => n.textContent);
  const unknown = notices.some((n) => n.includes(`There is no tag named “${tag}”`));
  const detail = `${response.statusCode}: notices [${notices.join(' | ')}]`;
  if (response.statusCode !== 200) return { outcome: `status ${response.statusCode}`, detail };
  return { outcome: unknown ? 'unknown' : 'known', detail };
}

/** The text of a downloaded file (every file of an EPUB), or null when the answer is not a file. */
function fileText(response: LightMyRequestResponse): string | null {
  if (response.statusCode !== 200 || !(response.headers['content-disposition'] ?? '').startsWith('attachment')) return null;
  if (response.headers['content-type'] !== 'application/epub+zip') return response.body;
  return Object.values(unzipSync(new Uint8Array(response.rawPayload))).map((data) => strFromU8(data)).join('\n');
}

/** Each format's file, fetched twice (the second answer comes from the download cache): one outcome if all agree. */
export async function readDownloads(world: World, viewer: ViewerName, subject: Subject, workId: number, slug: string, words: string[]): Promise<Found> {
  const found: Array<[string, Found]> = [];
  for (const extension of ['epub', 'html', 'txt']) {
    const url = `/downloads/${workId}/${slug}.${extension}`;
    for (const time of ['', ' again']) {
      const response = await get(world, viewer, url, { fresh: true });
      const file = fileText(response);
      if (file !== null) note(world, file);
      found.push([`.${extension}${time}`, readPage(response, url, words, subject.part === 'work' ? 'work' : 'any', file ?? undefined)]);
    }
  }
  return agreed(found);
}

/** A whole series' EPUB, fetched twice (the second answer comes from the download cache): one outcome if both agree. */
export async function readSeriesDownload(world: World, viewer: ViewerName, seriesId: number, slug: string, words: string[]): Promise<Found> {
  const found: Array<[string, Found]> = [];
  const url = `/downloads/series/${seriesId}/${slug}.epub`;
  for (const time of ['', ' again']) {
    const response = await get(world, viewer, url, { fresh: true });
    const file = fileText(response);
    if (file !== null) note(world, file);
    found.push([`.epub${time}`, readPage(response, url, words, 'any', file ?? undefined)]);
  }
  return agreed(found);
}

/** One outcome when every page of a door agrees, else each page's. */
function agreed(found: Array<[string, Found]>): Found {
  const outcomes = new Set(found.map(([, f]) => f.outcome));
  const detail = found.map(([page, f]) => `${page}: ${f.outcome} (${f.detail})`).join('; ');
  const only = [...outcomes][0];
  return outcomes.size === 1 && only !== undefined ? { outcome: only, detail } : { outcome: found.map(([page, f]) => `${page} ${f.outcome}`).join(', '), detail };
}

/** A listing's "N Works" line as a number ("0" when it says it has none), or "404". */
export async function readListingCount(world: World, viewer: ViewerName, url: string): Promise<Found> {
  const response = await get(world, viewer, url);
  if (response.statusCode === 404) return { outcome: '404', detail: '404' };
  const doc = parsePage(response.body);
  const line = doc.querySelector('p.listing-count')?.textContent ?? null;
  const detail = `${response.statusCode}: ${line ?? doc.querySelector('p.empty')?.textContent ?? 'no count, no empty notice'}`;
  if (response.statusCode !== 200) return { outcome: `status ${response.statusCode}`, detail };
  if (line === null) return { outcome: doc.querySelector('p.empty') !== null ? '0' : 'no count', detail };
  return { outcome: /(?:of )?([\d,]+) Works?$/.exec(line)?.[1]?.replace(/,/g, '') ?? line, detail };
}

/** A tag page: "404", or the number of works it says carry the tag. */
export async function readTagPage(world: World, viewer: ViewerName, url: string): Promise<Found> {
  const response = await get(world, viewer, url);
  if (response.statusCode === 404) return { outcome: '404', detail: '404' };
  const count = parsePage(response.body).querySelector('p.work-count')?.textContent ?? '';
  return { outcome: response.statusCode === 200 ? (/^([\d,]+) works?\b/.exec(count)?.[1] ?? `no count: ${count}`) : `status ${response.statusCode}`, detail: `${response.statusCode}: ${count}` };
}

/** The fandoms index: the fandom's "(N)", or "absent" when it is not listed. */
export async function readFandomsIndex(world: World, viewer: ViewerName, fandom: string): Promise<Found> {
  const doc = parsePage((await get(world, viewer, '/fandoms')).body);
  const link = Array.from(doc.querySelectorAll('a.tag')).find((a) => a.textContent === fandom);
  const count = link?.parentElement?.querySelector('.count')?.textContent ?? null;
  if (count === null) return { outcome: 'absent', detail: `${fandom} is not listed` };
  return { outcome: /^\((\d+)\)$/.exec(count)?.[1] ?? count, detail: `${fandom} ${count}` };
}

/**
 * The search page for one word: "seen" when it finds exactly this work (title and tag in the
 * result), says "1 Work found", and (`highlight`) marks the word in the passage it shows;
 * "absent" when it finds nothing and says "0 Works found".
 */
export async function readSearch(world: World, viewer: ViewerName, subject: Subject, word: string, highlight: boolean): Promise<Found> {
  const response = await get(world, viewer, `/works/search?work_search[query]=${encodeURIComponent(word)}`);
  const results = parsePage(response.body).querySelector('section[aria-labelledby="results-heading"]');
  results?.querySelector('p.searched-for')?.remove();
  const heading = results?.querySelector('#results-heading')?.textContent ?? 'no results heading';
  const blurbs = Array.from(results?.querySelectorAll('li.work.blurb') ?? []);
  const marks = Array.from(results?.querySelectorAll('mark') ?? [], (m) => m.textContent);
  const { shown, lacking } = wordsIn(results?.innerHTML ?? '', wordsOf(subject, 'title', 'tag'));
  const detail = `${response.statusCode}: "${heading}", ${blurbs.length} results, marks [${marks.join(', ')}]; shows ${shown.join(', ')}; lacks ${lacking.join(', ')}`;
  if (response.statusCode !== 200) return { outcome: `status ${response.statusCode}`, detail };
  if (blurbs.length === 0 && heading === '0 Works found' && marks.length === 0) return { outcome: 'absent', detail };
  const marked = !highlight || (marks.length > 0 && marks.every((m) => m.toLowerCase() === word.toLowerCase()));
  if (blurbs.length === 1 && heading === '1 Work found' && lacking.length === 0 && marked) return { outcome: 'seen', detail };
  return { outcome: `something else (${detail})`, detail };
}

/** The entries of an Atom or OPDS feed, without the feed's own title and links. */
function entriesOf(xml: string): string[] {
  return xml.match(/<entry>[\s\S]*?<\/entry>/g) ?? [];
}

/** A feed's entries: "seen" with every word, "absent" with none; `total` also checks OPDS's totalResults. */
export async function readFeed(world: World, viewer: ViewerName, url: string, words: string[], options: { total?: boolean } = {}): Promise<Found> {
  const response = await get(world, viewer, url);
  const entries = entriesOf(response.body);
  const { shown, lacking } = wordsIn(entries.join('\n'), words);
  const total = /<opensearch:totalResults>(\d+)<\/opensearch:totalResults>/.exec(response.body)?.[1] ?? 'none';
  const detail = `${summary(response, shown, lacking)}; ${entries.length} entries${options.total === true ? `, totalResults ${total}` : ''}`;
  if (response.statusCode !== 200) return { outcome: `status ${response.statusCode}`, detail };
  const counted = (n: number) => options.total !== true || (total === String(n) && entries.length === n);
  if (lacking.length === 0 && counted(1)) return { outcome: 'seen', detail };
  if (shown.length === 0 && counted(0)) return { outcome: 'absent', detail };
  return { outcome: `something else (${detail})`, detail };
}

/** The OPDS fandoms list: the fandom's "N works", or "absent" when it has no entry. */
export async function readOpdsFandoms(world: World, viewer: ViewerName, fandom: string): Promise<Found> {
  const entry = entriesOf((await get(world, viewer, '/opds/fandoms')).body).find((e) => e.includes(`<title>${fandom}</title>`));
  if (entry === undefined) return { outcome: 'absent', detail: `${fandom} has no entry` };
  const content = /<content[^>]*>([^<]*)<\/content>/.exec(entry)?.[1] ?? '';
  return { outcome: /^(\d+) works?$/.exec(content)?.[1] ?? content, detail: `${fandom}: ${content}` };
}

type ApiError = { error?: { code?: unknown; message?: unknown } };

/** A JSON API answer: "seen"/"absent" by the words in it, "404" and "401" as `{ "error": { "code", "message" } }`. */
export async function readApi(world: World, viewer: ViewerName, url: string, words: string[]): Promise<Found> {
  const response = await get(world, viewer, url, { api: true });
  const { shown, lacking } = wordsIn(response.body, words);
  const detail = summary(response, shown, lacking, `; body ${response.body.slice(0, 200)}`);
  if (response.statusCode === 404 || response.statusCode === 401) {
    const body = response.json<ApiError>();
    const shaped = Object.keys(body).join() === 'error' && Object.keys(body.error ?? {}).join() === 'code,message' && typeof body.error?.message === 'string';
    const codes = response.statusCode === 404 ? ['work_not_found', 'not_found'] : ['login_required'];
    if (shaped && codes.includes(String(body.error?.code))) return { outcome: String(response.statusCode), detail };
    if (shaped && body.error?.code === 'work_unrevealed') return { outcome: 'mystery', detail };
  }
  if (response.statusCode === 200 && lacking.length === 0) return { outcome: 'seen', detail };
  if (response.statusCode === 200 && shown.length === 0) return { outcome: 'absent', detail };
  return { outcome: `something else (${detail})`, detail };
}

type SearchJson = { total: number; works: Array<{ title: string; freeforms: string[]; match?: { html: string } }> };

/** The search API for one word: "seen" when it finds exactly this work with the word marked, "absent" when none. */
export async function readApiSearch(world: World, viewer: ViewerName, subject: Subject, word: string): Promise<Found> {
  const response = await get(world, viewer, `/api/v1/search?q=${encodeURIComponent(word)}`, { api: true });
  if (response.statusCode !== 200) return { outcome: `status ${response.statusCode}`, detail: response.body.slice(0, 300) };
  const { total, works } = response.json<SearchJson>();
  const detail = `total ${total}, works ${JSON.stringify(works.map((w) => ({ title: w.title, freeforms: w.freeforms, match: w.match?.html })))}`;
  if (total === 0 && works.length === 0) return { outcome: 'absent', detail };
  const [title, tag] = wordsOf(subject, 'title', 'tag');
  const [work] = works;
  const marked = work?.match?.html.toLowerCase().includes(`<mark>${word.toLowerCase()}</mark>`) === true;
  if (total === 1 && works.length === 1 && work !== undefined && work.title === title && work.freeforms.includes(tag ?? '') && marked) return { outcome: 'seen', detail };
  return { outcome: `something else (${detail})`, detail };
}

/** Tag autocomplete for the start of the tag's name: "seen" when it suggests the tag, "absent" when not. */
export async function readAutocomplete(world: World, viewer: ViewerName, tag: string): Promise<Found> {
  const term = tag.slice(0, 6).toLowerCase();
  const response = await get(world, viewer, `/api/v1/tags/autocomplete?term=${encodeURIComponent(term)}`, { api: true });
  if (response.statusCode !== 200) return { outcome: `status ${response.statusCode}`, detail: response.body.slice(0, 300) };
  const names = response.json<{ tags: Array<{ name: string }> }>().tags.map((t) => t.name);
  return { outcome: names.includes(tag) ? 'seen' : 'absent', detail: `"${term}" suggests [${names.join(', ')}]` };
}

/** The answers a press of a work's Kudos can get. */
export const KUDOS_OUTCOMES = ['left', 'own', 'blocked', '404', 'login', 'mystery'];

/**
 * Presses Kudos on a work as the viewer (a POST, through their browser): "left" when it was
 * taken (303 back to the work), "own" when refused as the creator's own work, "blocked" when a
 * creator blocked the viewer, "404", or "login"
 * (the log-in page saying the work is for registered users). It adds kudos, a counter that no
 * other door's table reads, so the world stays as every other door expects it.
 */
export async function pressKudos(world: World, viewer: ViewerName, workId: number): Promise<Found> {
  const agent = world.agents.get(viewer);
  if (agent === undefined) throw new Error(`no viewer ${viewer}`);
  const response = await agent.browser.post(`/works/${workId}/kudos`);
  const detail = `${response.statusCode} ${response.headers.location ?? ''} ${response.body.slice(0, 120)}`;
  if (response.statusCode === 303 && response.headers.location === `/works/${workId}#kudos`) return { outcome: 'left', detail };
  if (response.statusCode === 403 && response.body.includes('leave kudos on your own work')) return { outcome: 'own', detail };
  if (response.statusCode === 403 && response.body.includes('has blocked you')) return { outcome: 'blocked', detail };
  if (response.statusCode === 404 && response.body.includes(WORK_NOT_FOUND)) return { outcome: '404', detail };
  if (response.statusCode === 404 && response.body.includes(MYSTERY)) return { outcome: 'mystery', detail };
  if (response.statusCode === 200 && response.body.includes(LOGIN_MESSAGE)) return { outcome: 'login', detail };
  return { outcome: `something else (${detail})`, detail };
}

/** The answers posting a comment can get. */
export const COMMENT_OUTCOMES = ['posted', 'blocked', '404', 'login', 'mystery'];

/**
 * Posts a comment on a work (or, given, on one of its chapters) as the viewer: "posted" when it
 * was taken (303), "404", or "login". It adds a comment, which no other door's table reads.
 */
export async function postComment(world: World, viewer: ViewerName, workId: number, chapterId: number | null): Promise<Found> {
  const agent = world.agents.get(viewer);
  if (agent === undefined) throw new Error(`no viewer ${viewer}`);
  const guest: Record<string, string> = agent.login === null ? { name: 'Door Guest', email: 'door-guest@example.org' } : {};
  // This door asks who may comment, not how often: the comment limit (8 a minute) starts afresh for each cell.
  await world.app.db.deleteFrom('rate_limits').where('key', 'like', 'comment:%').execute();
  const response = await agent.browser.post(`/works/${workId}/comments`, { comment: `A comment through the door, by ${viewer}.`, ...guest, ...(chapterId === null ? {} : { chapter_id: String(chapterId) }) });
  const detail = `${response.statusCode} ${response.headers.location ?? ''} ${response.body.slice(0, 160)}`;
  if (response.statusCode === 303) return { outcome: 'posted', detail };
  if (response.statusCode === 422 && response.body.includes('has blocked you')) return { outcome: 'blocked', detail };
  if (response.statusCode === 404 && (response.body.includes(WORK_NOT_FOUND) || response.body.includes(NOT_FOUND))) return { outcome: '404', detail };
  if (response.statusCode === 404 && response.body.includes(MYSTERY)) return { outcome: 'mystery', detail };
  if (response.statusCode === 200 && response.body.includes(LOGIN_MESSAGE)) return { outcome: 'login', detail };
  return { outcome: `something else (${detail})`, detail };
}

/** The answers bookmarking a work can get. */
export const BOOKMARK_OUTCOMES = ['saved', '404', '401', 'mystery'];

/** Bookmarks a work as the viewer: "saved" (303), "404", or "401" (a guest asked to log in). It adds a bookmark, which only the bookmark doors read. */
export async function saveBookmark(world: World, viewer: ViewerName, workId: number): Promise<Found> {
  const agent = world.agents.get(viewer);
  if (agent === undefined) throw new Error(`no viewer ${viewer}`);
  const response = await agent.browser.post(`/works/${workId}/bookmarks`, { notes: `Kept through the door by ${viewer}.`, tags: '' });
  const detail = `${response.statusCode} ${response.headers.location ?? ''} ${response.body.slice(0, 160)}`;
  if (response.statusCode === 303) return { outcome: 'saved', detail };
  if (response.statusCode === 404 && response.body.includes(WORK_NOT_FOUND)) return { outcome: '404', detail };
  if (response.statusCode === 404 && response.body.includes(MYSTERY)) return { outcome: 'mystery', detail };
  if (response.statusCode === 401 && response.body.includes('Log in to bookmark works.')) return { outcome: '401', detail };
  return { outcome: `something else (${detail})`, detail };
}

/** Bookmarks a series as the viewer: "saved" (303), "404", or "401" (a guest asked to log in). */
export async function saveSeriesBookmark(world: World, viewer: ViewerName, seriesId: number): Promise<Found> {
  const agent = world.agents.get(viewer);
  if (agent === undefined) throw new Error(`no viewer ${viewer}`);
  const response = await agent.browser.post(`/series/${seriesId}/bookmarks`, { notes: `A series kept through the door by ${viewer}.`, tags: '' });
  const detail = `${response.statusCode} ${response.headers.location ?? ''} ${response.body.slice(0, 160)}`;
  if (response.statusCode === 303) return { outcome: 'saved', detail };
  if (response.statusCode === 404 && response.body.includes(NOT_FOUND)) return { outcome: '404', detail };
  if (response.statusCode === 401 && response.body.includes('Log in to bookmark series.')) return { outcome: '401', detail };
  return { outcome: `something else (${detail})`, detail };
}

/**
 * The email the archive queued for the viewer (comments on their works, gifts to them, ...), as
 * subjects and plain texts: "seen" when one names the subject, "absent" when none does. Runs after
 * the doors that comment, bookmark and give, so the outbox holds what they caused.
 */
export async function readEmails(world: World, viewer: ViewerName, words: string[]): Promise<Found> {
  const login = world.agents.get(viewer)?.login ?? null;
  if (login === null) throw new Error('a guest has no email address');
  const mail = await world.app.db.selectFrom('mail_outbox').select(['subject', 'text_body']).where('to_address', '=', `${login}@example.org`).execute();
  const text = mail.map((m) => `${m.subject}\n${m.text_body}`).join('\n');
  note(world, text);
  const { shown, lacking } = wordsIn(text, words);
  const detail = `${mail.length} emails; shows ${shown.join(', ') || 'nothing'}; lacks ${lacking.join(', ') || 'nothing'}`;
  if (lacking.length === 0) return { outcome: 'seen', detail };
  if (shown.length === 0) return { outcome: 'absent', detail };
  return { outcome: `something else (${detail})`, detail };
}

/** What a look at the creator's inbox can find: the subject's comments ("seen"), none ("absent"), or a refusal (it is not theirs). */
export const INBOX_OUTCOMES = ['seen', 'absent', 'refused'];

/**
 * A paged list read whole, as a reader who follows "Next →" would: the world holds more than a
 * page of some lists (everyone's bookmarks, the creator's inbox), and a subject on page 2 is there.
 */
export async function readAllPages(world: World, viewer: ViewerName, url: string, words: string[]): Promise<Found> {
  const first = await get(world, viewer, url, { fresh: true });
  let text = withoutAddress(first.body, url);
  let next = /<a rel="next" href="([^"]+)"/.exec(first.body)?.[1];
  for (let pages = 1; next !== undefined && first.statusCode === 200 && pages < 20; pages++) {
    const page = await get(world, viewer, next.replaceAll('&amp;', '&'), { fresh: true });
    text += withoutAddress(page.body, url);
    next = /<a rel="next" href="([^"]+)"/.exec(page.body)?.[1];
  }
  return first.statusCode === 200 ? readPage(first, url, words, 'any', text) : readPage(first, url, words);
}

/** A page for its owner alone (an inbox, a reading history) as the viewer, every page of it: "refused" to anyone else. */
async function readOwnersPage(world: World, viewer: ViewerName, url: string, words: string[]): Promise<Found> {
  const response = await get(world, viewer, url, { fresh: true });
  const detail = `${response.statusCode}: ${response.body.slice(0, 160)}`;
  if (response.statusCode === 401 || response.statusCode === 403) return { outcome: 'refused', detail };
  return readAllPages(world, viewer, url, words);
}

/** The creator's inbox as the viewer: only its owner may read it, and it names the works commented on. */
export function readInbox(world: World, viewer: ViewerName, words: string[]): Promise<Found> {
  return readOwnersPage(world, viewer, `/users/${world.creator}/inbox`, words);
}

/** The moderators' queue of what the spam checks held, as the viewer: the policy and abuse role (the admin) alone. */
export function readHeldQueue(world: World, viewer: ViewerName, words: string[]): Promise<Found> {
  return readOwnersPage(world, viewer, '/admin/moderation/held', words);
}

/** The member's reading history as the viewer, once the reads noted so far are written: only its owner may read it. */
export async function readHistory(world: World, viewer: ViewerName, words: string[]): Promise<Found> {
  await world.app.readings.flush();
  const login = world.agents.get('member')?.login ?? '';
  return readOwnersPage(world, viewer, `/users/${login}/readings`, words);
}

/**
 * A member's "download all my data" ZIP as the viewer, fetched once per viewer (after every door that
 * writes): only its owner may have it; its JSON and the text of every EPUB in it are read.
 */
export async function readAccountExport(world: World, viewer: ViewerName, login: string, words: string[]): Promise<Found> {
  const url = `/users/${login}/account/export.zip`;
  const response = await get(world, viewer, url);
  const detail = `${response.statusCode}: ${String(response.headers['content-type'] ?? '')}`;
  if (response.statusCode === 401 || response.statusCode === 403) return { outcome: 'refused', detail };
  if (response.statusCode !== 200) return { outcome: `status ${response.statusCode}`, detail };
  const files = Object.entries(unzipSync(new Uint8Array(response.rawPayload)));
  const text = files.map(([name, data]) => (name.endsWith('.epub') ? Object.values(unzipSync(data)).map((inner) => strFromU8(inner)).join('\n') : strFromU8(data))).join('\n');
  note(world, text);
  return readPage(response, url, words, 'any', text);
}

/** The member's co-creator invitations as the viewer: only the member may read them. */
export function readInvitations(world: World, viewer: ViewerName, words: string[]): Promise<Found> {
  const login = world.agents.get('member')?.login ?? '';
  return readOwnersPage(world, viewer, `/users/${login}/creator_invitations`, words);
}
