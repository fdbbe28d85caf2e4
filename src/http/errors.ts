// The one registry of error codes: each has an HTTP status and a default message.
// docs/api.md documents every code; src/http/errors.test.ts checks that it does.

export const ERROR_CODES = {
  bad_request: { status: 400, message: 'The request could not be understood.' },
  invalid_utf8: { status: 400, message: 'The request is not valid UTF-8 text.' },
  invalid_json: { status: 400, message: 'The request body is not valid JSON.' },
  unauthorized: { status: 401, message: 'Log in, or send a valid API token as "Authorization: Bearer <token>".' },
  login_required: { status: 401, message: 'This work is only available to registered users of the Archive.' },
  forbidden: { status: 403, message: 'You are not allowed to do that.' },
  email_unconfirmed: { status: 403, message: 'Confirm your email address first: follow the link we sent you (your account page sends it again).' },
  two_factor_required: { status: 403, message: 'Administrators must sign in with two factors: turn on two-factor sign-in on your account page (Account, then Two-factor sign-in) and the admin pages open.' },
  suspended: { status: 403, message: 'The archive\'s moderators have suspended your account: you cannot post works or comment meanwhile.' },
  csrf_failed: { status: 403, message: 'This form has expired or did not come from this site. Go back, reload the page and try again.' },
  not_found: { status: 404, message: 'Sorry, we couldn\'t find what you were looking for.' },
  work_not_found: { status: 404, message: 'Sorry, we couldn\'t find the work you were looking for.' },
  work_unrevealed: { status: 404, message: 'Mystery Work: this work is part of a collection that has not been revealed yet. Come back when it is.' },
  payload_too_large: { status: 413, message: 'The request is too large.' },
  unsupported_media_type: { status: 415, message: 'Send the body as JSON, with Content-Type: application/json.' },
  validation_failed: { status: 422, message: 'Some fields need attention.' },
  import_failed: { status: 422, message: 'The file could not be imported.' },
  rate_limited: { status: 429, message: 'Too many attempts. Wait a little and try again.' },
  internal: { status: 500, message: 'Something went wrong on our side. Please try again.' },
  service_busy: { status: 503, message: 'The archive is busy. Please try again in a minute.' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Field name to message, for forms and for the API's `field`. */
export type FieldErrors = Record<string, string>;

/** An error a user can be shown: a registered code, a message and, for forms, the fields at fault. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly fields: FieldErrors = {},
    readonly retryAfterSeconds?: number,
  ) {
    super(message ?? ERROR_CODES[code].message);
    this.status = ERROR_CODES[code].status;
  }
}

/** The one way to say "missing or not yours to see". */
export function notFound(code: 'not_found' | 'work_not_found' = 'not_found'): AppError {
  return new AppError(code);
}

/** A validation failure; the first field's message becomes the error message. */
export function invalid(fields: FieldErrors): AppError {
  const first = Object.values(fields)[0];
  return new AppError('validation_failed', first ?? ERROR_CODES.validation_failed.message, fields);
}

export function forbidden(message?: string): AppError {
  return new AppError('forbidden', message);
}
