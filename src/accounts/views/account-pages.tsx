// Sign-up and log-in pages.
import type { PageContext } from '../../http/context.js';
import type { FieldErrors } from '../../http/errors.js';
import { ErrorSummary, Form, PostButton, TextField } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import { PASSWORD_MAX, PASSWORD_MIN } from '../account.validation.js';
import type { Registration } from '../settings.service.js';

export type SignUpValues = { login: string; email: string; invitation: string; terms: boolean };

/** The sign-up form, with what was typed (never the password) and each error beside its field; closed or by invitation as the archive chose. */
export function SignUpPage({ ctx, values, errors, registration, askTerms }: { ctx: PageContext; values: SignUpValues; errors: FieldErrors; registration: Registration; askTerms: boolean }) {
  if (registration === 'closed') {
    return (
      <Layout ctx={ctx} title="Sign up" mainClass="narrow">
        <h2 class="heading">Create an account</h2>
        <p class="flash notice">{ctx.archiveName} is not taking new members at the moment. Please come back later.</p>
        <p>Already have an account? <a href="/login">Log in</a>.</p>
      </Layout>
    );
  }
  return (
    <Layout ctx={ctx} title="Sign up" mainClass="narrow">
      <h2 class="heading">Create an account</h2>
      <ErrorSummary errors={errors} />
      <Form ctx={ctx} action="/signup" class="account-form">
        {registration === 'invitation' && (
          <TextField name="invitation" label="Invitation code" value={values.invitation} errors={errors} required
            hint={<>New accounts need an invitation. No code? <a href="/invite_requests">Join the queue for one</a>.</>} />
        )}
        <TextField name="login" label="User name" value={values.login} errors={errors} required autocomplete="username"
          hint="3 to 40 letters, digits or underscores, starting and ending with a letter or digit. It appears in your addresses." />
        <TextField name="email" label="Email" type="email" value={values.email} errors={errors} required autocomplete="email" />
        <TextField name="password" label="Password" type="password" value="" errors={errors} required autocomplete="new-password"
          hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters. Any characters you like; very common passwords are refused.`} />
        <TextField name="passwordConfirmation" label="Confirm password" type="password" value="" errors={errors} required autocomplete="new-password" />
        {askTerms && (
          <div class={errors.terms !== undefined ? 'field has-error' : 'field'}>
            {errors.terms !== undefined && <p class="field-error" id="field-terms-error">{errors.terms}</p>}
            <label class="choice">
              <input type="checkbox" id="field-terms" name="terms" value="1" checked={values.terms} />
              {' '}I have read and accept the <a href="/terms" target="_blank">Terms of Service</a> and the <a href="/privacy" target="_blank">Privacy Policy</a>
            </label>
          </div>
        )}
        <p><button type="submit" class="primary">Create account</button></p>
      </Form>
      <p>Already have an account? <a href="/login">Log in</a>.</p>
    </Layout>
  );
}

export type LoginValues = { login: string; remember: boolean; returnTo: string };

/** The log-in page a guest is sent to when a page needs an account, saying why. */
export function loginRequiredPage(ctx: PageContext, returnTo: string, notice: string) {
  return <LoginPage ctx={ctx} values={{ login: '', remember: false, returnTo }} errors={{}} notice={notice} />;
}

/** The log-in form; `notice` explains why the reader was sent here (a registered-users-only work). */
export function LoginPage({ ctx, values, errors, notice }: { ctx: PageContext; values: LoginValues; errors: FieldErrors; notice?: string }) {
  return (
    <Layout ctx={ctx} title="Log in" mainClass="narrow">
      {notice !== undefined && <p class="flash error">{notice}</p>}
      <h2 class="heading">Log in</h2>
      <ErrorSummary errors={errors} />
      <Form ctx={ctx} action="/login" class="account-form">
        <input type="hidden" name="return_to" value={values.returnTo} />
        <TextField name="login" label="User name or email" value={values.login} errors={errors} required autocomplete="username" />
        <TextField name="password" label="Password" type="password" value="" errors={errors} required autocomplete="current-password" />
        <label class="choice"><input type="checkbox" name="remember_me" value="1" checked={values.remember} /> Remember me for 30 days</label>
        <p><button type="submit" class="primary">Log in</button></p>
      </Form>
      <p><a href="/password/forgot">Forgot your password?</a></p>
      <p>New here? <a href="/signup">Create an account</a>.</p>
    </Layout>
  );
}

/** Asks before logging out (the header links here, as AO3's does). */
export function LogoutPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="Log out" mainClass="narrow">
      <h2 class="heading">Log out</h2>
      <p>Log out of {ctx.archiveName} on this browser?</p>
      <p><PostButton ctx={ctx} action="/logout" label="Log out" class="primary" /></p>
    </Layout>
  );
}
