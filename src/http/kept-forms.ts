// A form whose sending was refused for a reason that is not the writer's input (their session
// ended, the form's token expired, too many requests, our error) comes back with everything
// typed and what to do next, instead of an error page that loses it. A route opts in with
// `config.keepTyped`, a function that renders its form again from the request's body.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Viewer } from '../access/viewer.js';
import type { AppError } from './errors.js';

/** The fields a kept form carries to log its sender in on the way (views/forms.tsx, LogInToSend). */
export const SESSION_FIELDS = { login: 'session_login', password: 'session_password' } as const;

/** Why the form came back, in words for the writer, and the status to answer with. */
export type Refusal = { message: string; status: number };

export type KeepTyped = (request: FastifyRequest, reply: FastifyReply, refusal: Refusal) => unknown;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Renders this route's form again with what was sent, when sending it was refused. */
    keepTyped?: KeepTyped;
  }
}

/** The refusal to show with the typed form, or null when the error is about the input itself (the form shows those beside fields). */
export function refusalFor(error: AppError, viewer: Viewer): Refusal | null {
  const kept = 'Nothing was lost: everything you typed is below.';
  switch (error.code) {
    case 'csrf_failed': case 'unauthorized':
      return viewer.user === null
        ? { message: `You were logged out, so this was not saved yet. ${kept} Log in at the end of the form and send it again.`, status: error.status }
        : { message: `This form had expired, so this was not saved yet. ${kept} Send it again.`, status: error.status };
    case 'rate_limited': case 'email_unconfirmed': case 'suspended': return { message: `${error.message} ${kept}`, status: error.status };
    case 'internal': return { message: `Something went wrong on our side, so this was not saved. ${kept} Please try again.`, status: error.status };
    default: return null;
  }
}
