// Gift exchange pages: signing up (a request and an offer), the maintainers' settings, and the
// assignments (the maintainers' matching, swaps and sending; a participant's own assignment).
import type { CollectionRow } from '../../db/database.js';
import type { PageContext } from '../../http/context.js';
import type { FieldErrors } from '../../http/errors.js';
import { ErrorSummary, Form, PostButton, TextArea, TextField } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import { TAG_TYPES, type AssignmentView, type SettingsInput, type SignupInput } from '../exchange.service.js';
import type { ExchangeSettings } from '../exchange.repository.js';

const collectionPath = (name: string) => `/collections/${encodeURIComponent(name)}`;
const when = (iso: string | null) => (iso === null ? 'not set' : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`);

/** The window and the rules, as a participant reads them. */
export function ExchangeRules({ settings }: { settings: ExchangeSettings }) {
  const types = settings.match_types.split(',').map((t) => TAG_TYPES.find(([type]) => type === t)?.[1].toLowerCase() ?? t);
  return (
    <ul class="exchange-rules">
      <li>Sign-ups open: {when(settings.signups_open_at)}; close: {when(settings.signups_close_at)}.</li>
      <li>Gifts due: {when(settings.due_at)}.</li>
      <li>Name 1 to {settings.fandoms_max} fandoms in your request and in your offer. A writer is matched to you when their offer shares at least {settings.match_count} of your {types.join(' and ')}.</li>
    </ul>
  );
}

/** Signing up (or changing a sign-up). */
export function SignupPage({ ctx, collection, settings, values, errors }: { ctx: PageContext; collection: CollectionRow; settings: ExchangeSettings; values: SignupInput; errors: FieldErrors }) {
  const side = (which: 'request' | 'offer', legend: string) => (
    <fieldset class="form-section">
      <legend>{legend}</legend>
      {TAG_TYPES.map(([type, label]) => (
        <TextField key={type} name={`${which}.${type}`} label={label} required={type === 'fandom'} value={values[which][type]} errors={errors} hint={type === 'fandom' ? `1 to ${settings.fandoms_max}, separated by commas.` : 'Optional, separated by commas.'} />
      ))}
    </fieldset>
  );
  return (
    <Layout ctx={ctx} title={`Sign up: ${collection.title}`} mainClass="narrow">
      <h2 class="heading">Sign up for <a href={collectionPath(collection.name)}>{collection.title}</a></h2>
      <ExchangeRules settings={settings} />
      <ErrorSummary errors={errors} />
      {errors.signup !== undefined && <p class="field-error" id="field-signup-error">{errors.signup}</p>}
      <Form ctx={ctx} action={`${collectionPath(collection.name)}/signups`}>
        {side('request', 'What you would like to receive')}
        <TextArea name="notes" label="Notes for your writer" rows={3} value={values.notes} errors={errors} hint="Likes, dislikes, anything that helps." />
        {side('offer', 'What you can write')}
        <p class="form-actions"><button type="submit" class="primary">Save sign-up</button></p>
      </Form>
    </Layout>
  );
}

/** The maintainers' settings of the exchange. */
export function ExchangeSettingsPage({ ctx, collection, values, errors }: { ctx: PageContext; collection: CollectionRow; values: SettingsInput; errors: FieldErrors }) {
  return (
    <Layout ctx={ctx} title={`Exchange settings: ${collection.title}`} mainClass="narrow">
      <h2 class="heading">Exchange settings of <a href={collectionPath(collection.name)}>{collection.title}</a></h2>
      <ErrorSummary errors={errors} />
      <Form ctx={ctx} action={`${collectionPath(collection.name)}/exchange`}>
        <TextField name="opensAt" label="Sign-ups open" type="datetime-local" value={values.opensAt} errors={errors} hint="YYYY-MM-DD HH:MM, in UTC." />
        <TextField name="closesAt" label="Sign-ups close" type="datetime-local" value={values.closesAt} errors={errors} hint="YYYY-MM-DD HH:MM, in UTC." />
        <TextField name="dueAt" label="Gifts due" type="datetime-local" value={values.dueAt} errors={errors} hint="YYYY-MM-DD HH:MM, in UTC." />
        <TextField name="fandomsMax" label="Fandoms in a request or offer, at most" value={values.fandomsMax} errors={errors} inputMode="numeric" />
        <fieldset class="form-section" id="field-matchTypes">
          <legend>Tags that must match</legend>
          {errors.matchTypes !== undefined && <p class="field-error" id="field-matchTypes-error">{errors.matchTypes}</p>}
          {TAG_TYPES.map(([type, label]) => <label key={type} class="choice"><input type="checkbox" name="matchTypes" value={type} checked={values.matchTypes.includes(type)} /> {label}</label>)}
        </fieldset>
        <TextField name="matchCount" label="How many tags of each must match" value={values.matchCount} errors={errors} inputMode="numeric" />
        <p class="form-actions"><button type="submit" class="primary">Save settings</button></p>
      </Form>
    </Layout>
  );
}

function AssignmentItem({ ctx, a, maintainer, errors }: { ctx: PageContext; a: AssignmentView; maintainer: boolean; errors: FieldErrors }) {
  return (
    <li class="assignment" id={`assignment-${a.id}`}>
      <h4 class="heading">{maintainer ? <>#{a.id}: {a.writer} writes for {a.recipient}</> : <>You are writing for {a.recipient}</>}</h4>
      <dl class="request">{a.request.map((g) => <><dt>{TAG_TYPES.find(([t]) => t === g.type)?.[1]}:</dt><dd>{g.names.join(', ')}</dd></>)}</dl>
      {a.notes !== '' && <p class="notes">Their notes: {a.notes}</p>}
      <p class="status">{a.workId !== null ? <>Fulfilled: <a href={`/works/${a.workId}`}>the gift</a></> : a.defaulted ? 'Defaulted: waiting for a pinch hitter.' : a.pinchHit ? 'Taken over by a pinch hitter.' : 'Not fulfilled yet.'}</p>
      {a.mine && a.workId === null && (
        <>
          <Form ctx={ctx} action={`/assignments/${a.id}/fulfil`}>
            <TextField name="work" label="Fulfil with your work" value="" errors={errors} hint="Post the work first (you can post it into this collection), then give its address here: it joins the collection as a gift to them." />
            <p class="form-actions"><button type="submit" class="primary">Fulfil assignment</button></p>
          </Form>
          {!a.defaulted && <PostButton ctx={ctx} action={`/assignments/${a.id}/default`} label="Default (give it up)" confirm="Give up this assignment? A pinch hitter may take it over." />}
        </>
      )}
      {maintainer && a.defaulted && (
        <Form ctx={ctx} action={`/assignments/${a.id}/pinch_hit`}>
          <TextField name="login" label="Pinch hitter’s login" value="" errors={errors} />
          <p class="form-actions"><button type="submit">Give to pinch hitter</button></p>
        </Form>
      )}
    </li>
  );
}

/** The assignments: the maintainers run, review, swap and send them; a participant sees and fulfils their own. */
export function AssignmentsPage({ ctx, collection, settings, maintainer, assignments, unmatched, signups, errors }: {
  ctx: PageContext; collection: CollectionRow; settings: ExchangeSettings; maintainer: boolean; assignments: AssignmentView[]; unmatched: string[]; signups: number; errors: FieldErrors;
}) {
  const sent = settings.assignments_sent === 1;
  return (
    <Layout ctx={ctx} title={`Assignments: ${collection.title}`} mainClass="assignments">
      <h2 class="heading">Assignments in <a href={collectionPath(collection.name)}>{collection.title}</a></h2>
      <ErrorSummary errors={errors} />
      {maintainer && (
        <div class="matching">
          <p>{signups === 1 ? '1 sign-up' : `${signups} sign-ups`}; {assignments.length} matched{unmatched.length > 0 ? `; nobody was matched to write for ${unmatched.join(', ')}` : ''}. {sent ? 'The assignments have been sent.' : 'Nothing has been sent yet.'}</p>
          {!sent && (
            <ul class="navigation actions">
              <li><PostButton ctx={ctx} action={`${collectionPath(collection.name)}/matching`} label={assignments.length === 0 ? 'Run matching' : 'Run matching again'} /></li>
              {assignments.length > 0 && <li><PostButton ctx={ctx} action={`${collectionPath(collection.name)}/assignments/send`} label="Send assignments" class="primary" confirm="Send every assignment to its writer now?" /></li>}
            </ul>
          )}
          {!sent && assignments.length > 1 && (
            <Form ctx={ctx} action={`${collectionPath(collection.name)}/assignments/swap`} class="swap">
              <TextField name="first" label="Swap the recipients of assignment #" value="" errors={errors} inputMode="numeric" />
              <TextField name="second" label="and assignment #" value="" errors={errors} inputMode="numeric" />
              <p class="form-actions"><button type="submit">Swap</button></p>
            </Form>
          )}
        </div>
      )}
      {assignments.length === 0 ? <p class="empty">{maintainer ? 'No assignments yet: run the matching once sign-ups close.' : 'You have no assignment here yet.'}</p>
        : <ol class="assignment index">{assignments.map((a) => <AssignmentItem key={a.id} ctx={ctx} a={a} maintainer={maintainer} errors={errors} />)}</ol>}
    </Layout>
  );
}
