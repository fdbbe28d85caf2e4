// Request body parsers that refuse invalid UTF-8 instead of silently replacing it.
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.js';

/** A parsed form: repeated names (checkboxes) become arrays. */
export type FormBody = Record<string, string | string[]>;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function decodeComponent(raw: string): string {
  const withSpaces = raw.replace(/\+/g, ' ');
  if (!withSpaces.includes('%')) return withSpaces;
  const bytes = Buffer.alloc(withSpaces.length);
  let length = 0;
  for (let i = 0; i < withSpaces.length; i++) {
    const char = withSpaces.charCodeAt(i);
    const hex = char === 37 ? withSpaces.slice(i + 1, i + 3) : '';
    if (/^[0-9a-fA-F]{2}$/.test(hex)) {
      bytes[length++] = parseInt(hex, 16);
      i += 2;
    } else {
      length += bytes.write(withSpaces[i] ?? '', length);
    }
  }
  return strictUtf8.decode(bytes.subarray(0, length));
}

/** Parses application/x-www-form-urlencoded bytes; throws invalid_utf8 on bad bytes. */
export function parseFormBody(body: Buffer): FormBody {
  let text: string;
  const form: FormBody = Object.create(null) as FormBody;
  try {
    text = strictUtf8.decode(body);
    for (const pair of text.split('&')) {
      if (pair === '') continue;
      const eq = pair.indexOf('=');
      const name = decodeComponent(eq === -1 ? pair : pair.slice(0, eq));
      // Browsers send a textarea's line breaks as CR LF; a line break is stored (and counted) as one LF.
      const value = eq === -1 ? '' : decodeComponent(pair.slice(eq + 1)).replace(/\r\n?/g, '\n');
      const existing = form[name];
      if (existing === undefined) form[name] = value;
      else if (Array.isArray(existing)) existing.push(value);
      else form[name] = [existing, value];
    }
  } catch {
    throw new AppError('invalid_utf8');
  }
  return form;
}

/** Parses a JSON body, refusing invalid UTF-8 and malformed JSON with clear codes. */
export function parseJsonBody(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  let text: string;
  try { text = strictUtf8.decode(body); } catch { throw new AppError('invalid_utf8'); }
  try { return JSON.parse(text); } catch { throw new AppError('invalid_json'); }
}

/** Registers both parsers on the app. */
export function registerBodyParsers(app: FastifyInstance): void {
  // Only JSON and forms are accepted; anything else (text/plain included) is 415.
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: 8 * 1024 * 1024 }, (_req, body, done) => {
    try { done(null, parseJsonBody(body as Buffer)); } catch (error) { done(error as Error, undefined); }
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'buffer', bodyLimit: 8 * 1024 * 1024 }, (_req, body, done) => {
    try { done(null, parseFormBody(body as Buffer)); } catch (error) { done(error as Error, undefined); }
  });
}
