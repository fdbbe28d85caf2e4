// The archive's list of banned words and domains, and how it is matched against what someone
// writes. A line with a dot and no space is a domain (matched in links and in the text, with any
// subdomain); any other line is a word or phrase (matched whole, ignoring case).
import { escapeRegExp } from './text.js';
import { htmlToText } from './word-count.js';

export type BannedList = { words: string[]; domains: string[] };

/** The list an administrator typed, one entry per line; blank lines and `#` comments skipped. */
export function parseBannedList(text: string): BannedList {
  const words: string[] = [];
  const domains: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim().toLowerCase();
    if (line === '' || line.startsWith('#')) continue;
    if (/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(line)) domains.push(line);
    else words.push(line.replace(/\s+/g, ' '));
  }
  return { words, domains };
}

/** The hosts of every link and web address in some HTML, lower case. */
function hostsIn(html: string): string[] {
  const hosts: string[] = [];
  for (const match of html.matchAll(/https?:\/\/([a-z0-9.-]+)/gi)) hosts.push((match[1] ?? '').toLowerCase().replace(/\.$/, ''));
  for (const match of htmlToText(html).matchAll(/\b((?:[a-z0-9-]+\.)+[a-z]{2,})\b/gi)) hosts.push((match[1] ?? '').toLowerCase());
  return hosts;
}

/** The first banned entry the HTML holds, or null. */
export function findBanned(html: string, list: BannedList): string | null {
  if (list.words.length === 0 && list.domains.length === 0) return null;
  const text = htmlToText(html).toLowerCase().replace(/\s+/g, ' ');
  for (const word of list.words) {
    if (new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(word)}($|[^\\p{L}\\p{N}])`, 'u').test(text)) return word;
  }
  const hosts = hostsIn(html);
  for (const domain of list.domains) if (hosts.some((host) => host === domain || host.endsWith(`.${domain}`))) return domain;
  return null;
}

/** How many links and bare web addresses some HTML holds: spam is links. */
export function linkCount(html: string): number {
  return (html.match(/<a\s/gi) ?? []).length + (htmlToText(html).match(/https?:\/\//gi) ?? []).length;
}
