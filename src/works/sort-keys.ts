// Keys listings sort on: titles without a leading article, creators by their pseud, case-folded.

/** "The Long Watch" sorts as "long watch"; punctuation and accents do not change the order. */
export function titleSortKey(title: string): string {
  const folded = title.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/^[^\p{L}\p{N}]+/u, '');
  return folded.replace(/^(the|a|an)\s+/u, '').trim();
}

/** The sort key of a work's first creator. */
export function creatorSortKey(pseudName: string | undefined): string {
  return (pseudName ?? '').normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
