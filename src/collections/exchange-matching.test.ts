// The matching: it follows the rules, never pairs anyone with themselves, and finds as many
// pairs as the best possible (checked against every assignment on small exchanges).
import { describe, expect, it } from 'vitest';
import { canGive, compatibility, matchExchange, maximumMatching, type MatchSignup } from './exchange-matching.js';

function signup(id: number, request: string[], offer: string[], characters: { request?: string[]; offer?: string[] } = {}): MatchSignup {
  return {
    id,
    request: new Map([['fandom', new Set(request)], ['character', new Set(characters.request ?? [])]]),
    offer: new Map([['fandom', new Set(offer)], ['character', new Set(characters.offer ?? [])]]),
  };
}

/** The largest number of pairs any assignment can make, by trying them all (small exchanges only). */
function bestByHand(edges: number[][]): number {
  const walk = (g: number, used: Set<number>): number => {
    if (g === edges.length) return 0;
    let best = walk(g + 1, used);
    for (const r of edges[g] ?? []) {
      if (used.has(r)) continue;
      used.add(r);
      best = Math.max(best, 1 + walk(g + 1, used));
      used.delete(r);
    }
    return best;
  };
  return walk(0, new Set());
}

describe('gift exchange matching', () => {
  it('needs every chosen type to share enough tags, and never matches someone with themselves', () => {
    const a = signup(1, ['sea'], ['sea', 'moor'], { request: ['Ada'], offer: ['Ada'] });
    const b = signup(2, ['moor'], ['sea'], { request: ['Bram'], offer: ['Ada'] });
    expect(canGive(a, a, { types: ['fandom'], count: 1 })).toBe(false);
    expect(canGive(a, b, { types: ['fandom'], count: 1 })).toBe(true);
    expect(canGive(a, b, { types: ['fandom', 'character'], count: 1 })).toBe(false);
    expect(canGive(b, a, { types: ['fandom', 'character'], count: 1 })).toBe(true);
    expect(canGive(a, b, { types: ['fandom'], count: 2 })).toBe(false);
  });

  it('finds the assignment a first-come greedy choice misses', () => {
    // Giver 1 could write for 2 or 3; giver 2 only for 3; giver 3 only for 1. Greedy gives 1→3 and strands 2.
    const signups = [signup(1, ['c'], ['b', 'c']), signup(2, ['b'], ['c']), signup(3, ['b', 'c'], ['a'])];
    signups[2]?.offer.set('fandom', new Set(['c']));
    signups[0]?.request.set('fandom', new Set(['c']));
    const { pairs, unmatched } = matchExchange(signups, { types: ['fandom'], count: 1 });
    expect(pairs.length).toBe(3);
    expect(unmatched).toEqual([]);
    expect(new Set(pairs.map((p) => p.recipient)).size).toBe(3);
    for (const p of pairs) expect(p.giver).not.toBe(p.recipient);
  });

  it('matches as many as the best possible on random small exchanges', () => {
    let seed = 7;
    const random = () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; };
    const fandoms = ['a', 'b', 'c', 'd', 'e', 'f'];
    const pick = (n: number) => fandoms.filter(() => random() < n / fandoms.length);
    for (let round = 0; round < 60; round++) {
      const signups = Array.from({ length: 7 }, (_, i) => signup(i + 1, pick(1.5), pick(2)));
      const edges = compatibility(signups, { types: ['fandom'], count: 1 });
      const found = maximumMatching(edges, signups.length).filter((r) => r >= 0).length;
      expect(found).toBe(bestByHand(edges));
    }
  });
});
