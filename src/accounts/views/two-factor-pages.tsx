// Two-factor sign-in pages: setting up an authenticator app, the recovery codes (shown once),
// the account's two-factor settings, and the code asked for after the password.
import type { PageContext } from '../../http/context.js';
import type { FieldErrors } from '../../http/errors.js';
import { ErrorSummary, Form, TextField } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import { RECOVERY_CODE_COUNT } from '../two-factor.service.js';

export type TwoFactorState =
  | { kind: 'off' }
  | { kind: 'enrolling'; secret: string; uri: string; qrSvg: string }
  | { kind: 'on'; recoveryLeft: number; isAdmin: boolean };

/** The secret in groups of four, easier to type into an app by hand. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})(?=.)/g, '$1 ');
}

export function TwoFactorPage({ ctx, login, state, errors }: { ctx: PageContext; login: string; state: TwoFactorState; errors: FieldErrors }) {
  const base = `/users/${login}/account/two_factor`;
  return (
    <Layout ctx={ctx} title="Two-factor sign-in" mainClass="narrow">
      <h2 class="heading">Two-factor sign-in</h2>
      <ErrorSummary errors={errors} />
      {state.kind === 'off' && (
        <>
          <p>With two-factor sign-in, logging in takes your password and a six-digit code from an authenticator app on your phone (such as Aegis, FreeOTP, Google Authenticator or 1Password), so a stolen password alone cannot open your account.</p>
          {ctx.viewer.user?.isAdmin === true && <p class="flash notice">Administrators must use it: the admin pages open once it is on.</p>}
          <Form ctx={ctx} action={`${base}/setup`}><p><button type="submit" class="primary">Set up two-factor sign-in</button></p></Form>
        </>
      )}
      {state.kind === 'enrolling' && (
        <>
          <ol class="steps">
            <li>In your authenticator app, add an account and scan this code:
              <p><img class="qr-code" src={`data:image/svg+xml;base64,${Buffer.from(state.qrSvg).toString('base64')}`} alt="QR code for your authenticator app" width={200} height={200} /></p>
              <p>Or type this key: <code class="totp-secret">{grouped(state.secret)}</code> (time-based, six digits).</p>
            </li>
            <li>Type the six-digit code the app shows now:</li>
          </ol>
          <Form ctx={ctx} action={`${base}/confirm`} class="account-form">
            <TextField name="code" label="Code from the app" value="" errors={errors} required autocomplete="one-time-code" inputMode="numeric" maxLength={7} />
            <p><button type="submit" class="primary">Turn on two-factor sign-in</button></p>
          </Form>
        </>
      )}
      {state.kind === 'on' && (
        <>
          <p>Two-factor sign-in is <strong>on</strong>. You have {state.recoveryLeft} of {RECOVERY_CODE_COUNT} recovery codes left.</p>
          <section aria-labelledby="codes-heading">
            <h3 id="codes-heading">New recovery codes</h3>
            <Form ctx={ctx} action={`${base}/recovery_codes`} class="account-form">
              <p>Makes {RECOVERY_CODE_COUNT} new codes; the old ones stop working.</p>
              <TextField name="password" label="Your password" type="password" value="" errors={errors} required autocomplete="current-password" />
              <p><button type="submit">Make new recovery codes</button></p>
            </Form>
          </section>
          {!state.isAdmin && (
            <section aria-labelledby="off-heading">
              <h3 id="off-heading">Turn it off</h3>
              <Form ctx={ctx} action={`${base}/disable`} class="account-form">
                <TextField name="disablePassword" label="Your password" type="password" value="" errors={errors} required autocomplete="current-password" />
                <TextField name="disableCode" label="Code from the app, or a recovery code" value="" errors={errors} required autocomplete="one-time-code" />
                <p><button type="submit">Turn off two-factor sign-in</button></p>
              </Form>
            </section>
          )}
        </>
      )}
      <p><a href={`/users/${login}/account`}>Back to your account</a></p>
    </Layout>
  );
}

/** The recovery codes, shown once. */
export function RecoveryCodesPage({ ctx, login, codes }: { ctx: PageContext; login: string; codes: string[] }) {
  return (
    <Layout ctx={ctx} title="Your recovery codes" mainClass="narrow">
      <h2 class="heading">Your recovery codes</h2>
      <p class="flash notice" role="status">Two-factor sign-in is on. Keep these codes somewhere safe, apart from your phone: each one signs you in once if you lose the app. They are shown only now.</p>
      <ol class="recovery-codes">{codes.map((code) => <li><code>{code}</code></li>)}</ol>
      <p><a href={`/users/${login}/account/two_factor`}>Done</a></p>
    </Layout>
  );
}

/** The second step of logging in. */
export function SignInCodePage({ ctx, errors }: { ctx: PageContext; errors: FieldErrors }) {
  return (
    <Layout ctx={ctx} title="Two-factor sign-in" mainClass="narrow">
      <h2 class="heading">One more step</h2>
      <ErrorSummary errors={errors} />
      <Form ctx={ctx} action="/login/two_factor" class="account-form">
        <TextField name="code" label="Code from your authenticator app" value="" errors={errors} required autocomplete="one-time-code"
          hint="The six digits your app shows now. Lost your phone? Type one of your recovery codes instead." />
        <p><button type="submit" class="primary">Log in</button></p>
      </Form>
      <p><a href="/login">Start again</a></p>
    </Layout>
  );
}
