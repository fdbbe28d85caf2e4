// Pages for recovering an account: confirming an address, asking for a reset link, choosing a
// new password, and the owner's account settings (password, address, login name).
import type { PageContext } from '../../http/context.js';
import type { FieldErrors } from '../../http/errors.js';
import { ErrorSummary, Form, TextField } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import { PASSWORD_MAX, PASSWORD_MIN } from '../account.validation.js';

const PASSWORD_HINT = `${PASSWORD_MIN} to ${PASSWORD_MAX} characters. Any characters you like; very common passwords are refused.`;

/** Asks before using a link from an email, so that a mail scanner opening the link uses nothing. */
export function ConfirmAddressPage({ ctx, token, live }: { ctx: PageContext; token: string; live: boolean }) {
  return (
    <Layout ctx={ctx} title="Confirm your email address" mainClass="narrow">
      <h2 class="heading">Confirm your email address</h2>
      {live ? (
        <Form ctx={ctx} action={`/confirm/${token}`} class="account-form">
          <p>Press the button to confirm that this address is yours.</p>
          <p><button type="submit" class="primary">Confirm my address</button></p>
        </Form>
      ) : (
        <p class="flash error">This link has expired or was already used. {ctx.viewer.user !== null
          ? <>Send a new one from <a href={`/users/${ctx.viewer.user.login}/account#confirm`}>your account page</a>.</>
          : <>Log in and send a new one from your account page.</>}</p>
      )}
    </Layout>
  );
}

export function ForgotPasswordPage({ ctx, typed, errors, sent }: { ctx: PageContext; typed: string; errors: FieldErrors; sent: boolean }) {
  return (
    <Layout ctx={ctx} title="Forgotten password" mainClass="narrow">
      <h2 class="heading">Forgotten password</h2>
      {sent ? (
        <p class="flash notice" role="status">If an account has that user name or address, we sent it a link to choose a new password. It works for an hour. Check your spam folder if it does not arrive in a few minutes.</p>
      ) : (
        <>
          <ErrorSummary errors={errors} />
          <Form ctx={ctx} action="/password/forgot" class="account-form">
            <p>Enter your user name or email address, and we will email you a link to choose a new password.</p>
            <TextField name="login" label="User name or email" value={typed} errors={errors} required autocomplete="username" />
            <p><button type="submit" class="primary">Send me a link</button></p>
          </Form>
        </>
      )}
      <p><a href="/login">Back to log in</a></p>
    </Layout>
  );
}

export function ResetPasswordPage({ ctx, token, live, errors }: { ctx: PageContext; token: string; live: boolean; errors: FieldErrors }) {
  return (
    <Layout ctx={ctx} title="Choose a new password" mainClass="narrow">
      <h2 class="heading">Choose a new password</h2>
      {live ? (
        <>
          <ErrorSummary errors={errors} />
          <Form ctx={ctx} action={`/password/reset/${token}`} class="account-form">
            <p>Choosing a new password logs you out on every device.</p>
            <TextField name="password" label="New password" type="password" value="" errors={errors} required autocomplete="new-password" hint={PASSWORD_HINT} />
            <TextField name="passwordConfirmation" label="Confirm new password" type="password" value="" errors={errors} required autocomplete="new-password" />
            <p><button type="submit" class="primary">Change password</button></p>
          </Form>
        </>
      ) : (
        <p class="flash error">This reset link has expired or was already used. <a href="/password/forgot">Ask for a new one</a>.</p>
      )}
    </Layout>
  );
}

export type AccountValues = { email: string; newEmail: string; login: string; newLogin: string; confirmed: boolean; pendingEmail: string | null };

/** The owner's account page: confirmation, password, address, login name. */
export function AccountPage({ ctx, values, errors }: { ctx: PageContext; values: AccountValues; errors: FieldErrors }) {
  const base = `/users/${values.login}/account`;
  return (
    <Layout ctx={ctx} title="Account" mainClass="narrow">
      <h2 class="heading">Your account</h2>
      <ErrorSummary errors={errors} />
      <section id="confirm" aria-labelledby="confirm-heading">
        <h3 id="confirm-heading">Email address</h3>
        <p>Your address is <strong>{values.email}</strong>{values.confirmed ? ', confirmed.' : ', not confirmed yet.'}</p>
        {!values.confirmed && (
          <Form ctx={ctx} action="/confirm/resend">
            <p>Until you follow the link we sent there, you cannot post works or comment. <button type="submit">Send the link again</button></p>
          </Form>
        )}
        {values.pendingEmail !== null && <p class="hint">We sent a link to {values.pendingEmail}: the change takes effect when you follow it.</p>}
      </section>
      <section aria-labelledby="two-factor-heading">
        <h3 id="two-factor-heading">Two-factor sign-in</h3>
        <p>{ctx.viewer.user?.twoFactor === true ? 'On: logging in takes a code from your authenticator app.' : 'Off: logging in takes only your password.'} <a href={`${base}/two_factor`}>{ctx.viewer.user?.twoFactor === true ? 'Manage two-factor sign-in' : 'Set up two-factor sign-in'}</a></p>
      </section>
      <section aria-labelledby="preferences-heading">
        <h3 id="preferences-heading">Preferences</h3>
        <p><a href={`/users/${values.login}/preferences`}>Reading, time zone, email and gifts</a></p>
      </section>
      <section aria-labelledby="export-heading">
        <h3 id="export-heading">Your data</h3>
        <p><a href={`${base}/export.zip`} download>Download all my data</a>: one ZIP with each of your works as EPUB (drafts too), and your works, bookmarks, comments, kudos, subscriptions and reading history as JSON.</p>
      </section>
      <section aria-labelledby="safety-heading">
        <h3 id="safety-heading">Blocking and muting</h3>
        <p><a href={`/users/${values.login}/blocked`}>Whom you blocked</a> · <a href={`/users/${values.login}/mutes`}>Creators and tags you muted</a></p>
      </section>
      <section aria-labelledby="password-heading">
        <h3 id="password-heading">Change password</h3>
        <Form ctx={ctx} action={`${base}/password`} class="account-form">
          <TextField name="currentPassword" label="Current password" type="password" value="" errors={errors} required autocomplete="current-password" />
          <TextField name="password" label="New password" type="password" value="" errors={errors} required autocomplete="new-password" hint={`${PASSWORD_HINT} You stay logged in here; every other device is logged out.`} />
          <TextField name="passwordConfirmation" label="Confirm new password" type="password" value="" errors={errors} required autocomplete="new-password" />
          <p><button type="submit">Change password</button></p>
        </Form>
      </section>
      <section aria-labelledby="email-heading">
        <h3 id="email-heading">Change email address</h3>
        <Form ctx={ctx} action={`${base}/email`} class="account-form">
          <TextField name="email" label="New email address" type="email" value={values.newEmail} errors={errors} required autocomplete="email"
            hint="We send a link to the new address; the change takes effect when you follow it, and your old address is told." />
          <TextField name="emailPassword" label="Your password" type="password" value="" errors={errors} required autocomplete="current-password" />
          <p><button type="submit">Change email address</button></p>
        </Form>
      </section>
      <section aria-labelledby="login-heading">
        <h3 id="login-heading">Change user name</h3>
        <Form ctx={ctx} action={`${base}/login`} class="account-form">
          <TextField name="newLogin" label="New user name" value={values.newLogin} errors={errors} required autocomplete="username"
            hint="Your pages move to the new name; links with the old one lead there for 30 days, and nobody else can take it meanwhile. Your pseuds keep their names." />
          <TextField name="loginPassword" label="Your password" type="password" value="" errors={errors} required autocomplete="current-password" />
          <p><button type="submit">Change user name</button></p>
        </Form>
      </section>
      <section id="delete" aria-labelledby="delete-heading">
        <h3 id="delete-heading">Delete your account</h3>
        <Form ctx={ctx} action={`${base}/delete`} class="account-form">
          <fieldset class="choices">
            <legend>Your works</legend>
            <label class="choice"><input type="radio" name="works" value="orphan" required /> Orphan them: they stay on the archive, signed orphan_account</label>
            <label class="choice"><input type="radio" name="works" value="delete" /> Delete them</label>
            <p class="hint">Drafts are deleted either way; a work you share with co-creators stays with them. Your comments stay, signed "(Account deleted)".</p>
          </fieldset>
          <TextField name="deletePassword" label="Your password" type="password" value="" errors={errors} required autocomplete="current-password" />
          <label class="choice"><input type="checkbox" name="confirm" value="1" required /> I understand this cannot be undone</label>
          <p><button type="submit" class="danger">Delete my account</button></p>
        </Form>
      </section>
    </Layout>
  );
}
