// The words of a tag name, folded for autocomplete: "Café Owner AU" -> ["cafe", "owner", "au"].

/** Case- and accent-folded words of a name, without duplicates. */
export function tagWords(name: string): string[] {
  const folded = name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return [...new Set(folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== ''))];
}
