// The allowlist tables for user HTML: which elements survive, which vanish with their content,
// and which attribute values each element may keep. Lookups go through Map and Set only, so an
// attribute named `constructor` or `__proto__` can never reach an Object.prototype member.

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

/** AO3's element allowlist. */
export const ALLOWED_ELEMENTS = words(`
  a abbr acronym address b big blockquote br caption center cite code col colgroup details
  figcaption figure dd del dfn div dl dt em h1 h2 h3 h4 h5 h6 hr i img ins kbd li ol p pre q
  rp rt ruby s samp small span strike strong sub summary sup table tbody td tfoot th thead tr
  tt u ul var`);

/** Elements removed together with everything inside them (SVG and MathML are removed by namespace). */
export const DROPPED_ELEMENTS = words(`
  script style iframe frame frameset object embed applet template noscript noembed noframes
  textarea select option title xmp plaintext`);

/** Unlisted elements that render as blocks: unwrapping them must still separate paragraphs. */
export const BLOCK_LIKE_UNWRAPPED = words(`
  article aside dialog dir fieldset footer form header hgroup legend listing main menu nav
  optgroup search section`);

/** Allowed elements that are phrasing content, the stuff paragraphs are made of. */
export const INLINE_ELEMENTS = words(`
  a abbr acronym b big br cite code del dfn em i img ins kbd q rp rt ruby s samp small span
  strike strong sub sup tt u var`);

/** Elements whose loose inline content is wrapped in paragraphs, as AO3 does for pasted text. */
export const PARAGRAPH_CONTAINERS = words('div blockquote li td th dd details figure');

/** Elements whose whitespace-only text is indentation between rows or items, never content. */
export const STRUCTURAL_ELEMENTS = words('ul ol dl table thead tbody tfoot tr colgroup');

type ValueRule = (value: string) => string | null;

const ASCII_WHITESPACE = /^[\t\n\f\r ]+|[\t\n\f\r ]+$/g;
const trimAscii = (value: string): string => value.replace(ASCII_WHITESPACE, '');

const anyText: ValueRule = (value) => value;
const keyword = (list: string): ValueRule => {
  const allowed = words(list);
  return (value) => {
    const folded = trimAscii(value).toLowerCase();
    return allowed.has(folded) ? folded : null;
  };
};
const matching = (pattern: RegExp): ValueRule => (value) => {
  const trimmed = trimAscii(value);
  return pattern.test(trimmed) ? trimmed : null;
};

// Browsers skip these inside URLs (`java\tscript:`); we also drop any other whitespace, which
// can only make the scheme check stricter than the browser.
const URL_IGNORED = /[\u0000-\u0020\u007f-\u009f\s]/g;
const URL_CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

function urlRule(allowedSchemes: ReadonlySet<string>, allowRelative: boolean): ValueRule {
  return (value) => {
    const scheme = SCHEME.exec(value.replace(URL_IGNORED, ''))?.[1]?.toLowerCase();
    const allowed = scheme === undefined ? allowRelative : allowedSchemes.has(scheme);
    return allowed ? value.replace(URL_CONTROLS, '').trim() : null;
  };
}

const linkUrl = urlRule(words('http https mailto'), true);
const imageUrl = urlRule(words('http https'), false);
const align = keyword('left right center justify');
const integer = matching(/^-?\d{1,9}$/);

const GLOBAL_RULES = new Map<string, ValueRule>([
  ['title', anyText], ['lang', anyText], ['dir', keyword('ltr rtl auto')],
]);

const ELEMENT_RULES = new Map<string, Map<string, ValueRule>>();
function allow(elements: string, attribute: string, rule: ValueRule): void {
  for (const element of words(elements)) {
    const rules = ELEMENT_RULES.get(element) ?? new Map<string, ValueRule>();
    rules.set(attribute, rule);
    ELEMENT_RULES.set(element, rules);
  }
}
allow('p div h1 h2 h3 h4 h5 h6 td th tr img table caption', 'align', align);
allow('a', 'href', linkUrl);
allow('a', 'name', anyText);
allow('img', 'src', imageUrl);
allow('img', 'alt', anyText);
allow('img', 'width', matching(/^\d{1,4}$/));
allow('img', 'height', matching(/^\d{1,4}$/));
allow('blockquote q del ins', 'cite', linkUrl);
allow('td th', 'colspan', matching(/^\d{1,3}$/));
allow('td th', 'rowspan', matching(/^\d{1,3}$/));
allow('th', 'scope', keyword('row col rowgroup colgroup'));
allow('col colgroup', 'span', matching(/^\d{1,3}$/));
allow('ol', 'start', integer);
allow('ol', 'type', (value) => (/^[1aAiI]$/.test(trimAscii(value)) ? trimAscii(value) : null));
allow('li', 'value', integer);
allow('details', 'open', () => '');

/**
 * Returns the attributes an allowed element may keep, or what to do with an element that is
 * pointless without them: an img without a usable src is dropped, an a with neither href nor
 * name is unwrapped to its text.
 */
export function cleanAttributes(
  element: string,
  attrs: readonly { name: string; value: string; namespace?: string }[],
): [string, string][] | 'drop' | 'unwrap' {
  const rules = ELEMENT_RULES.get(element);
  const kept: [string, string][] = [];
  for (const { name, value, namespace } of attrs) {
    const rule = namespace === undefined ? (rules?.get(name) ?? GLOBAL_RULES.get(name)) : undefined;
    const clean = rule?.(value);
    if (clean != null) kept.push([name, clean]);
  }
  const has = (attribute: string): boolean => kept.some(([name]) => name === attribute);
  if (element === 'img' && !has('src')) return 'drop';
  if (element === 'a' && !has('href') && !has('name')) return 'unwrap';
  // Whatever rel the user gave was dropped above: ours replaces it.
  if (element === 'a') kept.push(['rel', 'nofollow']);
  return kept;
}
