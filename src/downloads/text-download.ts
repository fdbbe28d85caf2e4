// A work as plain UTF-8 text with CRLF line ends (text/plain's canonical form, RFC 2046, and
// what every editor down to old Notepad shows right). Lines are not wrapped: readers reflow.
// The HTML is first marked up with what plain text cannot show (list bullets, scene breaks, link
// addresses), then htmlToText lays out the paragraphs exactly as the word count reads them.
import { defaultTreeAdapter, html, parseFragment, serialize, type DefaultTreeAdapterTypes as P5 } from 'parse5';
import { htmlToText } from '../lib/word-count.js';
import { languageName } from '../works/languages.js';
import { bylineText, chapterHeading, postedAtText, statsEntries, tagRows, type DownloadWork } from './download-model.js';
import { absoluteUrl } from './epub-xhtml.js';

const EOL = '\r\n';
const CHAPTER_RULE = '='.repeat(40);
const SCENE_BREAK = '* * *';

const isElement = (node: P5.ChildNode): node is P5.Element => 'tagName' in node && node.namespaceURI === html.NS.HTML;
const attribute = (el: P5.Element, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;

function textNode(parent: P5.Element, text: string): P5.TextNode {
  return { nodeName: '#text', value: text, parentNode: parent };
}

function replaceWith(el: P5.Element, replacement: P5.ChildNode): void {
  const siblings = el.parentNode?.childNodes;
  if (siblings) siblings[siblings.indexOf(el)] = replacement;
}

/** `text (url)`, unless the text already says the address or the link points inside the page. */
function annotateLink(el: P5.Element, baseUrl: string): void {
  const href = attribute(el, 'href');
  const url = href === undefined || href.trim().startsWith('#') ? null : absoluteUrl(href, baseUrl);
  if (url === null) return;
  const text = htmlToText(serialize(el)).trim();
  if (text === url || `mailto:${text}` === url || text === href) return;
  el.childNodes.push(textNode(el, ` (${url})`));
}

function imageText(el: P5.Element, baseUrl: string): P5.TextNode {
  const label = attribute(el, 'alt')?.trim() || 'Image';
  const url = absoluteUrl(attribute(el, 'src') ?? '', baseUrl);
  return textNode(el, url === null ? `[${label}]` : `[${label}] (${url})`);
}

/** Rewrites the tree in place with the text that stands for bullets, breaks, links and images. */
function markUp(nodes: readonly P5.ChildNode[], baseUrl: string, depth: number): void {
  for (const node of [...nodes]) {
    if (!isElement(node)) continue;
    const name = node.tagName;
    if (name === 'hr') {
      const p = defaultTreeAdapter.createElement('p', html.NS.HTML, []);
      p.childNodes.push(textNode(p, SCENE_BREAK));
      replaceWith(node, p);
      continue;
    }
    if (name === 'img') {
      replaceWith(node, imageText(node, baseUrl));
      continue;
    }
    const inList = name === 'ul' || name === 'ol';
    markUp(node.childNodes, baseUrl, depth + (inList ? 1 : 0));
    if (inList) markItems(node, depth);
    if (name === 'a') annotateLink(node, baseUrl);
    if (name === 'table') replaceWith(node, tableRows(node));
  }
}

const WRAPPERS = new Set(['p', 'div', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

const isBlank = (node: P5.ChildNode): boolean => defaultTreeAdapter.isTextNode(node) && node.value.trim() === '';

/** Where an item's first words are: the sanitizer wraps item text in a <p>, and the bullet belongs beside the words. */
function firstLine(item: P5.Element): P5.Element {
  const content = item.childNodes.filter((child) => !isBlank(child));
  const first = content[0];
  if (first === undefined || !isElement(first) || !WRAPPERS.has(first.tagName)) return item;
  // An item that is one paragraph reads as one line, so items do not stand a blank line apart.
  if (content.length === 1 && first.tagName === 'p') {
    item.childNodes = first.childNodes;
    for (const child of item.childNodes) child.parentNode = item;
    return item;
  }
  return firstLine(first);
}

function markItems(list: P5.Element, depth: number): void {
  let n = Number(attribute(list, 'start') ?? 1) || 1;
  for (const item of list.childNodes) {
    if (!isElement(item) || item.tagName !== 'li') continue;
    const marker = list.tagName === 'ol' ? `${n++}. ` : '- ';
    // Non-breaking spaces, since htmlToText trims ordinary ones at a line's start.
    const line = firstLine(item);
    line.childNodes.unshift(textNode(line, '\u00a0'.repeat(2 * depth) + marker));
  }
}

const oneLine = (el: P5.Element): string => htmlToText(serialize(el)).replace(/\s*\n\s*/g, ' ');

/** A table as one paragraph: its caption, then a line per row with cells separated by ` | `. */
function tableRows(table: P5.Element): P5.Element {
  const block = defaultTreeAdapter.createElement('p', html.NS.HTML, []);
  const line = (text: string) => {
    if (block.childNodes.length > 0) defaultTreeAdapter.appendChild(block, defaultTreeAdapter.createElement('br', html.NS.HTML, []));
    block.childNodes.push(textNode(block, text));
  };
  const visit = (el: P5.Element): void => {
    if (el.tagName === 'caption') return line(oneLine(el));
    if (el.tagName === 'tr') return line(el.childNodes.filter(isElement).map(oneLine).join(' | '));
    el.childNodes.filter(isElement).forEach(visit);
  };
  visit(table);
  return block;
}

/** The plain text of sanitized HTML, with paragraphs, bullets, scene breaks and link addresses. */
export function userHtmlToText(markup: string, baseUrl: string): string {
  const context = defaultTreeAdapter.createElement('div', html.NS.HTML, []);
  const fragment = parseFragment(context, markup, {});
  markUp(fragment.childNodes, baseUrl, 0);
  return htmlToText(serialize(fragment));
}

function section(label: string, markup: string, baseUrl: string): string[] {
  return markup === '' ? [] : [label, userHtmlToText(markup, baseUrl)];
}

function header(work: DownloadWork): string[] {
  const meta = [
    ...tagRows(work).map((row) => `${row.label} ${row.names.join(', ')}`),
    `Language: ${languageName(work.language)}`,
    ...work.series.map((s) => `Series: Part ${s.position} of ${s.title} (${s.url})`),
    ...statsEntries(work).map(([label, value]) => `${label} ${value}`),
  ];
  const byline = bylineText(work);
  return [byline === '' ? work.title : `${work.title}\nby ${byline}`, meta.join('\n'), postedAtText(work)];
}

/** Builds the plain-text download: UTF-8, CRLF line ends, blocks separated by a blank line. */
export function buildTextDownload(work: DownloadWork): string {
  const blocks = [
    ...header(work),
    ...section('Summary', work.summary, work.url),
    ...section('Notes', work.notes, work.url),
    ...work.chapters.flatMap((chapter) => [
      CHAPTER_RULE,
      chapterHeading(work, chapter),
      ...section('Chapter Summary', chapter.summary, work.url),
      ...section('Chapter Notes', chapter.notes, work.url),
      userHtmlToText(chapter.html, work.url),
      ...section('Chapter End Notes', chapter.endNotes, work.url),
    ]),
    CHAPTER_RULE,
    'Afterword',
    ...section('End Notes', work.endNotes, work.url),
    postedAtText(work),
  ];
  return blocks.filter((block) => block !== '').join('\n\n').replace(/\r\n|\r|\n/g, EOL) + EOL;
}
