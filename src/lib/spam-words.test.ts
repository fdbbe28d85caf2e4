import { describe, expect, it } from 'vitest';
import { findBanned, linkCount, parseBannedList } from './spam-words.js';

describe('banned words and domains', () => {
  const list = parseBannedList('# cheap pills\nCheap  Watches\nbuy-now.example\n\n  Zorblax  \n');

  it('reads words, phrases and domains from lines, skipping blanks and comments', () => {
    expect(list).toEqual({ words: ['cheap watches', 'zorblax'], domains: ['buy-now.example'] });
  });

  it('matches a word or phrase whole, whatever its case and spacing', () => {
    expect(findBanned('<p>Get CHEAP\n watches today</p>', list)).toBe('cheap watches');
    expect(findBanned('<p>zorblax!</p>', list)).toBe('zorblax');
    expect(findBanned('<p>Zorblaxes are a kind of beetle.</p>', list)).toBeNull();
    expect(findBanned('<p>A cheap watch</p>', list)).toBeNull();
  });

  it('matches a domain in a link, in bare text and under a subdomain, not a longer name', () => {
    expect(findBanned('<p><a href="https://shop.buy-now.example/x">here</a></p>', list)).toBe('buy-now.example');
    expect(findBanned('<p>visit buy-now.example today</p>', list)).toBe('buy-now.example');
    expect(findBanned('<p>visit notbuy-now.example today</p>', list)).toBeNull();
  });

  it('finds nothing with an empty list', () => {
    expect(findBanned('<p>anything at all</p>', parseBannedList(''))).toBeNull();
  });

  it('counts links and bare addresses', () => {
    expect(linkCount('<p><a href="https://a.example">a</a> and http://b.example and https://c.example</p>')).toBe(3);
    expect(linkCount('<p>no links</p>')).toBe(0);
  });
});
