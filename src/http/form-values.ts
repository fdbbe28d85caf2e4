// Reading typed values out of a parsed form body.
import type { FastifyRequest } from 'fastify';
import type { FormBody } from './body-parsers.js';

/** The form body of a request (empty when there is none). */
export function formOf(request: FastifyRequest): FormBody {
  const body = request.body;
  return body !== null && typeof body === 'object' ? (body as FormBody) : {};
}

/** One field as a string ("" when missing; the first value when repeated). */
export function field(form: FormBody, name: string): string {
  const value = form[name];
  return Array.isArray(value) ? value[0] ?? '' : value ?? '';
}

/** A repeatable field (checkboxes) as a list. */
export function fieldList(form: FormBody, name: string): string[] {
  const value = form[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** A checkbox: on when present with any value except "0". */
export function checkbox(form: FormBody, name: string): boolean {
  const value = field(form, name);
  return value !== '' && value !== '0';
}

/**
 * A local path to return to after a form, never another site. Browsers drop tabs and line breaks
 * from an address and read a backslash as a slash, so "/<tab>/evil.example" is "//evil.example":
 * a path holding any control character is refused, not cleaned. Characters a Location header
 * cannot carry (spaces, letters past ASCII) are percent-encoded.
 */
export function safeReturnPath(value: string | undefined, fallback = '/'): string {
  if (value === undefined || !/^\/(?![/\\])/.test(value) || /[\u0000-\u001f\u007f]/.test(value)) return fallback;
  try {
    return value.replace(/[^\u0021-\u007e]+/g, (run) => encodeURIComponent(run));
  } catch {
    return fallback; // a lone surrogate, which no address can carry
  }
}

/** The page number asked for in `?page=`: a whole number from 1, anything else is page 1. */
export function pageParam(raw: string | undefined): number {
  return raw !== undefined && /^\d{1,6}$/.test(raw) && Number(raw) > 0 ? Number(raw) : 1;
}

/** Parses a positive integer id from a route parameter; NaN when it is not one. */
export function idParam(value: string): number {
  return /^\d{1,15}$/.test(value) ? Number(value) : NaN;
}

/** Back to the page of this archive the form was sent from (its Referer, path only), or the fallback. */
export function refererPath(request: FastifyRequest, fallback: string): string {
  try {
    const url = new URL(request.headers.referer ?? '', 'http://referer.invalid');
    return safeReturnPath(`${url.pathname}${url.search}`, fallback);
  } catch {
    return fallback;
  }
}
