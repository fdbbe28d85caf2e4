// Story files built in memory for the import tests and benchmarks (no test framework here, so a
// benchmark can use them too).
import { strToU8, zipSync, type Zippable } from 'fflate';

/** A zip of the given entries, the first one stored uncompressed as EPUB wants its mimetype. */
export function buildZip(entries: Record<string, string | Uint8Array>): Uint8Array {
  const files: Zippable = {};
  Object.entries(entries).forEach(([name, content], i) => {
    const bytes = typeof content === 'string' ? strToU8(content) : content;
    files[name] = i === 0 && name === 'mimetype' ? [bytes, { level: 0 }] : bytes;
  });
  return zipSync(files, { level: 6 });
}

/**
 * An EPUB whose one story document holds `body` and whose spine lists it `repeats` times: the
 * shape of the hostile uploads a security probe sent (the import tests and bench:imports use it).
 */
export function hostileEpub(body: string, repeats: number): Uint8Array {
  const spine = '<itemref idref="c0"/>'.repeat(repeats);
  return buildZip({
    mimetype: 'application/epub+zip',
    'META-INF/container.xml': '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
    'content.opf': '<?xml version="1.0" encoding="utf-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>The Echoing Spine</dc:title></metadata>' +
      `<manifest><item id="c0" href="c0.xhtml" media-type="application/xhtml+xml"/></manifest><spine>${spine}</spine></package>`,
    'c0.xhtml': `<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>c</title></head><body>${body}</body></html>`,
  });
}
