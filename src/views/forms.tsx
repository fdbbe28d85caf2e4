// Form building blocks: every field has a label, its hint and its error beside it, and keeps what was typed.
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../http/context.js';
import { CSRF_FIELD } from '../http/csrf.js';
import type { FieldErrors } from '../http/errors.js';
import { SESSION_FIELDS } from '../http/kept-forms.js';

/**
 * A POST form carrying the CSRF token. `keep` names a form whose fields the browser keeps a
 * copy of as the writer types (bindery.js), offered back after a crash or a lost tab.
 */
export function Form({ ctx, action, children, class: className, id, confirm, keep }: { ctx: PageContext; action: string; children: ComponentChildren; class?: string; id?: string; confirm?: string; keep?: string }) {
  return (
    <form method="post" action={action} class={className} id={id} acceptCharset="UTF-8" data-confirm={confirm} data-keep={keep}>
      <input type="hidden" name={CSRF_FIELD} value={ctx.csrf()} />
      {children}
    </form>
  );
}

/** A one-button form for an action such as "Log out" or "Post"; `confirm` asks first (where scripts run). */
export function PostButton({ ctx, action, label, class: className, confirm }: { ctx: PageContext; action: string; label: string; class?: string; confirm?: string }) {
  return (
    <Form ctx={ctx} action={action} class="inline-form" confirm={confirm}>
      <button type="submit" class={className}>{label}</button>
    </Form>
  );
}

/** Lists the fields that need attention, linking to each, at the top of a form. */
export function ErrorSummary({ errors, labels }: { errors: FieldErrors; labels?: Record<string, string> }) {
  const entries = Object.entries(errors);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1}>
      <h2>{entries.length === 1 ? 'One thing needs attention' : `${entries.length} things need attention`}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}><a href={`#${fieldId(field)}`}>{labels?.[field] !== undefined ? `${labels[field]}: ` : ''}{message}</a></li>
        ))}
      </ul>
    </div>
  );
}

/** The element id for a field name ("chapter.text" becomes "field-chapter-text"). */
export function fieldId(name: string): string {
  return `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

type FieldProps = {
  name: string; label: string; errors: FieldErrors; hint?: ComponentChildren; required?: boolean;
};

function FieldFrame({ name, label, errors, hint, required, children }: FieldProps & { children: ComponentChildren }) {
  const id = fieldId(name);
  const error = errors[name];
  return (
    <div class={error !== undefined ? 'field has-error' : 'field'}>
      <label for={id}>{label}{required === true && <span class="required" aria-hidden="true"> *</span>}</label>
      {hint !== undefined && <p class="hint" id={`${id}-hint`}>{hint}</p>}
      {error !== undefined && <p class="field-error" id={`${id}-error`}>{error}</p>}
      {children}
    </div>
  );
}

function describedBy(name: string, errors: FieldErrors, hint: unknown): string | undefined {
  const id = fieldId(name);
  const ids = [hint !== undefined ? `${id}-hint` : '', errors[name] !== undefined ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** A one-line text input; `suggest` names the tag type whose names autocomplete.js offers while typing. */
export function TextField(props: FieldProps & { value: string; type?: string; autocomplete?: string; maxLength?: number; inputMode?: string; suggest?: string }) {
  const { name, errors, hint, value, type, autocomplete, required, suggest } = props;
  return (
    <FieldFrame {...props}>
      <input id={fieldId(name)} name={name} type={type ?? 'text'} value={value} autocomplete={suggest !== undefined ? 'off' : autocomplete}
        required={required} aria-invalid={errors[name] !== undefined ? 'true' : undefined}
        aria-describedby={describedBy(name, errors, hint)} inputMode={props.inputMode} data-suggest={suggest} />
    </FieldFrame>
  );
}

/** A multi-line text area (summaries, notes, chapter text). */
export function TextArea(props: FieldProps & { value: string; rows?: number }) {
  const { name, errors, hint, value, rows, required } = props;
  return (
    <FieldFrame {...props}>
      <textarea id={fieldId(name)} name={name} rows={rows ?? 5} required={required}
        aria-invalid={errors[name] !== undefined ? 'true' : undefined} aria-describedby={describedBy(name, errors, hint)}>{value}</textarea>
    </FieldFrame>
  );
}

/** A drop-down choice. */
export function SelectField(props: FieldProps & { value: string; options: ReadonlyArray<readonly [value: string, label: string]> }) {
  const { name, errors, hint, value, options, required } = props;
  return (
    <FieldFrame {...props}>
      <select id={fieldId(name)} name={name} required={required} aria-invalid={errors[name] !== undefined ? 'true' : undefined}
        aria-describedby={describedBy(name, errors, hint)}>
        {options.map(([v, label]) => <option key={v} value={v} selected={v === value}>{label}</option>)}
      </select>
    </FieldFrame>
  );
}

/** A group of checkboxes or radio buttons in a fieldset with a legend. */
export function ChoiceGroup({ name, legend, errors, hint, options, checked, type }: {
  name: string; legend: string; errors: FieldErrors; hint?: ComponentChildren; type: 'checkbox' | 'radio';
  options: ReadonlyArray<readonly [value: string, label: string]>; checked: readonly string[];
}) {
  const id = fieldId(name);
  const error = errors[name];
  return (
    <fieldset id={id} class={error !== undefined ? 'choices has-error' : 'choices'} aria-describedby={error !== undefined ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {hint !== undefined && <p class="hint">{hint}</p>}
      {error !== undefined && <p class="field-error" id={`${id}-error`}>{error}</p>}
      {options.map(([value, label]) => (
        <label key={value} class="choice">
          <input type={type} name={name} value={value} checked={checked.includes(value)} /> {label}
        </label>
      ))}
    </fieldset>
  );
}

/** Why a form came back with what was typed (its sending was refused), at the top of the form. */
export function RefusalNotice({ message }: { message: string | undefined }) {
  return message === undefined ? null : <p class="flash error refusal" role="alert">{message}</p>;
}

/** For a sender whose session ended: their user name and password, sent with the form, log them in on the way. */
export function LogInToSend({ ctx, errors }: { ctx: PageContext; errors: FieldErrors }) {
  if (ctx.viewer.user !== null) return null;
  return (
    <fieldset class="form-section log-in-to-send" id="log-in-to-send">
      <legend>Log in to send this</legend>
      <p class="hint">You are logged out. Log in here and send the form: everything above is kept.</p>
      <TextField name={SESSION_FIELDS.login} label="User name or email" value="" errors={errors} autocomplete="username" required />
      <TextField name={SESSION_FIELDS.password} label="Password" type="password" value="" errors={errors} autocomplete="current-password" required />
    </fieldset>
  );
}

/** A "Mute" button for a creator (their login) or a tag (its name): it posts to the member's own mutes and comes back here. */
export function MuteButton({ ctx, kind, name }: { ctx: PageContext; kind: 'user' | 'tag'; name: string }) {
  const user = ctx.viewer.user;
  if (user === null) return null;
  return (
    <Form ctx={ctx} action={`/users/${encodeURIComponent(user.login)}/mutes`} class="inline mute-button">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name={kind} value={name} />
      <input type="hidden" name="return_to" value={ctx.path} />
      <button type="submit">{kind === 'user' ? `Mute ${name}` : 'Mute this tag'}</button>
    </Form>
  );
}
