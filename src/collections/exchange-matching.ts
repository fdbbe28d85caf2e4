// Matching a gift exchange: every participant offers to write some tags and requests others; a
// giver may write for a recipient when, for each tag type the maintainers chose, the giver's offer
// and the recipient's request share at least the number of tags they set. Finding givers for as
// many recipients as possible, each giving once and receiving once, is a maximum matching in the
// bipartite graph of givers and recipients: Hopcroft–Karp finds one in O(E·√V).
// docs/decisions/035-gift-exchange-matching.md.

/** One participant's tags by side and type, as folded keys. */
export type MatchSignup = { id: number; request: Map<string, Set<string>>; offer: Map<string, Set<string>> };
export type MatchRules = { types: string[]; count: number };
export type Matching = { pairs: Array<{ giver: number; recipient: number }>; unmatched: number[] };

function shared(a: Set<string> | undefined, b: Set<string> | undefined): number {
  if (a === undefined || b === undefined) return 0;
  let n = 0;
  for (const key of a) if (b.has(key)) n++;
  return n;
}

/** Whether the giver's offer meets the recipient's request under the rules. */
export function canGive(giver: MatchSignup, recipient: MatchSignup, rules: MatchRules): boolean {
  if (giver.id === recipient.id) return false;
  return rules.types.every((type) => shared(giver.offer.get(type), recipient.request.get(type)) >= rules.count);
}

/** For each giver (by index), the recipients (by index) they may write for, found through the first type's tags. */
export function compatibility(signups: MatchSignup[], rules: MatchRules): number[][] {
  const first = rules.types[0] ?? 'fandom';
  const requesting = new Map<string, number[]>();
  signups.forEach((s, i) => { for (const key of s.request.get(first) ?? []) requesting.set(key, [...(requesting.get(key) ?? []), i]); });
  return signups.map((giver) => {
    const candidates = new Set<number>();
    for (const key of giver.offer.get(first) ?? []) for (const r of requesting.get(key) ?? []) candidates.add(r);
    return [...candidates].filter((r) => { const recipient = signups[r]; return recipient !== undefined && canGive(giver, recipient, rules); }).sort((a, b) => a - b);
  });
}

const FREE = -1;

/** The size of a maximum matching and the recipient each giver got (-1 for none), by Hopcroft–Karp. */
export function maximumMatching(edges: number[][], recipients: number): number[] {
  const givers = edges.length;
  const ofGiver = new Array<number>(givers).fill(FREE);
  const ofRecipient = new Array<number>(recipients).fill(FREE);
  const layer = new Array<number>(givers).fill(0);
  const bfs = (): boolean => {
    const queue: number[] = [];
    for (let g = 0; g < givers; g++) { layer[g] = ofGiver[g] === FREE ? 0 : Infinity; if (ofGiver[g] === FREE) queue.push(g); }
    let found = false;
    for (let head = 0; head < queue.length; head++) {
      const g = queue[head] ?? 0;
      for (const r of edges[g] ?? []) {
        const next = ofRecipient[r] ?? FREE;
        if (next === FREE) found = true;
        else if (layer[next] === Infinity) { layer[next] = (layer[g] ?? 0) + 1; queue.push(next); }
      }
    }
    return found;
  };
  const dfs = (g: number): boolean => {
    for (const r of edges[g] ?? []) {
      const next = ofRecipient[r] ?? FREE;
      if (next === FREE || (layer[next] === (layer[g] ?? 0) + 1 && dfs(next))) { ofGiver[g] = r; ofRecipient[r] = g; return true; }
    }
    layer[g] = Infinity;
    return false;
  };
  while (bfs()) for (let g = 0; g < givers; g++) if (ofGiver[g] === FREE) dfs(g);
  return ofGiver;
}

/** Matches an exchange's sign-ups: as many givers to recipients as the rules allow; the rest are left for the maintainers (and pinch hitters). */
export function matchExchange(signups: MatchSignup[], rules: MatchRules): Matching {
  const ofGiver = maximumMatching(compatibility(signups, rules), signups.length);
  const pairs: Matching['pairs'] = [];
  const received = new Set<number>();
  ofGiver.forEach((r, g) => {
    const giver = signups[g]; const recipient = signups[r];
    if (r === FREE || giver === undefined || recipient === undefined) return;
    pairs.push({ giver: giver.id, recipient: recipient.id });
    received.add(recipient.id);
  });
  return { pairs, unmatched: signups.filter((s) => !received.has(s.id)).map((s) => s.id) };
}
