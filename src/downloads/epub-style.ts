// The EPUB's one stylesheet: modest, so the reader's own settings (font, size, margins) win.
// The `x-*` classes restore the look of elements that were renamed to pass the HTML5 schema
// (see epub-xhtml-repair.ts); `align-*` stands for HTML4's align attribute.

export const EPUB_CSS = `body { margin: 0 4%; line-height: 1.5; }
h1.title, p.byline { text-align: center; }
h2.heading { margin: 1.5em 0 1em; }
dl.tags dt { font-weight: bold; margin-top: 0.3em; }
dl.tags dd { margin: 0 1.5em; }
blockquote.userstuff { margin: 0.5em 1.5em; }
.meta { margin-bottom: 1.5em; }
.userstuff p { margin: 0 0 1em; }
p.message, p.series { font-size: 0.9em; margin-top: 2em; }
a.image { font-style: italic; }
hr { margin: 1.5em 20%; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #888; padding: 0.2em 0.5em; vertical-align: top; }
.align-left { text-align: left; }
.align-right { text-align: right; }
.align-center, .x-center { text-align: center; }
.align-justify { text-align: justify; }
.x-big { font-size: larger; }
.x-small { font-size: smaller; }
.x-tt, .x-code, .x-kbd, .x-samp, .x-pre { font-family: monospace; }
.x-pre { white-space: pre-wrap; }
.x-em, .x-i, .x-cite, .x-dfn, .x-var { font-style: italic; }
.x-b, .x-strong { font-weight: bold; }
.x-u { text-decoration: underline; }
.x-s, .x-strike { text-decoration: line-through; }
.x-h1, .x-h2, .x-h3, .x-h4, .x-h5, .x-h6 { font-weight: bold; margin: 1em 0; }
.x-li, .x-dd { margin-left: 1.5em; margin-right: 1.5em; }
.x-dt { font-weight: bold; }
.x-summary { font-weight: bold; }
li.x-bare { list-style: none; }
`;
