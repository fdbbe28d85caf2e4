// Tag names in addresses, escaped the way AO3 does it so links carry over: / & . ? # become *s* *a* *d* *q* *h*.

const OUT: Array<[string, string]> = [['*', '*x*'], ['/', '*s*'], ['&', '*a*'], ['.', '*d*'], ['?', '*q*'], ['#', '*h*']];

/** The address segment for a tag name. */
export function tagParam(name: string): string {
  let param = name;
  for (const [char, code] of OUT) param = param.split(char).join(code);
  return encodeURIComponent(param);
}

/** The tag name an address segment stands for (the router has already percent-decoded it). */
export function tagNameFromParam(param: string): string {
  return param.replace(/\*([sadqhx])\*/g, (_, code: string) => ({ s: '/', a: '&', d: '.', q: '?', h: '#', x: '*' })[code] ?? '');
}

/** The listing of works carrying a tag. */
export function tagWorksPath(name: string): string {
  return `/tags/${tagParam(name)}/works`;
}
