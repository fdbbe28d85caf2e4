// JSON schemas of the import API: what Fastify validates and what the OpenAPI document says.
import { bool, errors, int, list, object, orNull, str, type ApiRouteSchema } from '../http/api-schemas.js';
import { workFieldsSchema } from '../works/work.schemas.js';

const summary = object({
  title: str('The title found in the file (or given).'), format: str('What the file was read as.'), encoding: str('The text encoding found.'),
  chapters: list(object({
    number: int(), title: str(), heading: str('The chapter marker as the file wrote it.'), firstLine: str(), words: int(),
    hasNotes: bool(), hasEndNotes: bool(),
  })),
  notes: object({ beginning: bool(), end: bool() }, { description: 'Whether author\'s notes were found at the start and the end.' }),
  words: object({ inFile: int(), imported: int(), allKept: bool('Every word of the file is in the work.') }),
}, { description: 'What the import found.' });

export const importSchema: ApiRouteSchema = {
  summary: 'Import a story file', tags: ['imports'],
  description: 'Reads a story file (text, Markdown, HTML, Word, EPUB, an AO3 download) or pasted text, finds its chapters and author\'s notes, and, when asked, saves it as a draft or posts it. Needs a token.',
  body: object({
    ...orNull({
      fileName: str('The file\'s name, whose extension says what kind of file it is; required with content.'),
      content: str('The file, in base64.'),
      text: str('Pasted text, instead of a file.'),
      format: { type: 'string', enum: ['text', 'markdown', 'html'], description: 'What pasted text is written in; text by default.' },
      create: { type: 'string', enum: ['none', 'draft', 'post'], description: 'none (default): only say what was found; draft or post: also save the work.' },
    }),
    work: { ...workFieldsSchema, type: ['object', 'null'] },
  }, { optional: ['fileName', 'content', 'text', 'format', 'create', 'work'] }),
  response: {
    200: object({ import: summary }, { description: 'What was found; nothing was saved.' }),
    201: object({ import: summary, work: object({ id: int(), url: str(), posted: bool() }) }, { description: 'The work was saved.' }),
    ...errors(400, 401, 413, 415, 422),
  },
};
