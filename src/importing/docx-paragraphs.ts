// WordprocessingML paragraphs to HTML: runs with bold, italic, underline, strike-through,
// superscript and subscript; line breaks; hyperlinks; headings and the Title style.
import { escapeHtml } from '../lib/escape.js';
import { childElements, type XmlElement } from './xml-tree.js';

/** What a paragraph needs from the rest of the package: style names and hyperlink targets. */
export type DocxContext = {
  /** style id to its name, lower-cased ("Heading1" → "heading 1") */
  styles: ReadonlyMap<string, string>;
  /** relationship id to an external hyperlink target */
  links: ReadonlyMap<string, string>;
};

// Content that is not the document's text: deleted revisions, field codes, drawings and the
// fallback copy of content Word also stores in a newer form.
const SKIPPED = new Set(['del', 'delText', 'instrText', 'drawing', 'pict', 'object', 'Fallback', 'pPr', 'rPr', 'sectPr',
  'footnoteReference', 'endnoteReference', 'commentReference', 'proofErr', 'bookmarkStart', 'bookmarkEnd']);

const child = (el: XmlElement, name: string): XmlElement | undefined => childElements(el).find((c) => c.name === name);

/** A toggle property (`<w:b/>`, `<w:i w:val="0"/>`) is on unless its value says off. */
function isOn(props: XmlElement | undefined, name: string): boolean {
  const prop = props && child(props, name);
  if (!prop) return false;
  const value = prop.attrs.get('val') ?? 'true';
  return !['0', 'false', 'off', 'none'].includes(value);
}

function runTags(props: XmlElement | undefined): string[] {
  const tags: string[] = [];
  if (isOn(props, 'b')) tags.push('strong');
  if (isOn(props, 'i')) tags.push('em');
  if (isOn(props, 'u')) tags.push('u');
  if (isOn(props, 'strike') || isOn(props, 'dstrike')) tags.push('s');
  const align = props && child(props, 'vertAlign')?.attrs.get('val');
  if (align === 'superscript') tags.push('sup');
  if (align === 'subscript') tags.push('sub');
  return tags;
}

function runContent(run: XmlElement): string {
  let html = '';
  for (const part of childElements(run)) {
    if (part.name === 't') html += escapeHtml(part.children.filter((c) => typeof c === 'string').join(''));
    else if (part.name === 'tab') html += '\t';
    else if (part.name === 'cr' || (part.name === 'br' && !['page', 'column'].includes(part.attrs.get('type') ?? ''))) html += '<br>';
    else if (part.name === 'noBreakHyphen') html += '\u2011';
    else if (part.name === 'softHyphen') html += '\u00ad';
  }
  return html;
}

function inlineHtml(el: XmlElement, context: DocxContext): string {
  let html = '';
  for (const part of childElements(el)) {
    if (SKIPPED.has(part.name)) continue;
    if (part.name === 'r') {
      const tags = runTags(child(part, 'rPr'));
      const content = runContent(part);
      html += content === '' ? '' : tags.map((t) => `<${t}>`).join('') + content + tags.reverse().map((t) => `</${t}>`).join('');
    } else if (part.name === 'hyperlink') {
      const target = context.links.get(part.attrs.get('id') ?? '');
      const inner = inlineHtml(part, context);
      html += target ? `<a href="${escapeHtml(target)}">${inner}</a>` : inner;
    } else html += inlineHtml(part, context); // ins, smartTag, fldSimple, sdt…: their runs are text
  }
  return html;
}

/** The HTML element a paragraph style maps to: Title is h1, Heading n is h(n+1), anything else a paragraph. */
function blockTag(props: XmlElement | undefined, context: DocxContext): string {
  const id = (props && child(props, 'pStyle')?.attrs.get('val')) ?? '';
  const name = context.styles.get(id) ?? id.toLowerCase();
  if (name === 'title') return 'h1';
  const heading = /^heading\s*([1-9])$/.exec(name)?.[1];
  return heading === undefined ? 'p' : `h${Math.min(Number(heading) + 1, 6)}`;
}

/** One paragraph (`w:p`) as an HTML block, or '' when it holds no text (Word's empty spacing paragraphs). */
export function paragraphHtml(p: XmlElement, context: DocxContext): string {
  const inner = inlineHtml(p, context);
  if (inner.replace(/<[^>]*>|[\t\n\r ]/g, '') === '') return '';
  const props = child(p, 'pPr');
  const tag = blockTag(props, context);
  const jc = props && child(props, 'jc')?.attrs.get('val');
  const align = tag === 'p' && (jc === 'center' || jc === 'right') ? ` align="${jc}"` : '';
  return `<${tag}${align}>${inner}</${tag}>`;
}
