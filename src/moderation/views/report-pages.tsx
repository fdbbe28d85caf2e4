// The report form every work, chapter, comment, bookmark and profile links to, and its thanks.
import type { PageContext } from '../../http/context.js';
import type { FieldErrors } from '../../http/errors.js';
import { ErrorSummary, Form, SelectField, TextArea, TextField } from '../../views/forms.js';
import { Layout } from '../../views/layout.js';
import { REPORT_CATEGORIES, REPORT_DETAILS_MAX } from '../report.service.js';

export type ReportValues = { kind: string; id: string; category: string; details: string; email: string };

export function ReportPage({ ctx, label, values, errors }: { ctx: PageContext; label: string; values: ReportValues; errors: FieldErrors }) {
  return (
    <Layout ctx={ctx} title="Report" mainClass="narrow">
      <h2 class="heading">Report {label}</h2>
      <p>Reports go to the archive's volunteer moderators, who read every one. Tell them what is wrong; only they see your report.</p>
      <ErrorSummary errors={errors} />
      <Form ctx={ctx} action="/reports" class="account-form">
        <input type="hidden" name="kind" value={values.kind} />
        <input type="hidden" name="id" value={values.id} />
        <SelectField name="category" label="What is wrong?" value={values.category} errors={errors} required options={[['', 'Choose…'], ...REPORT_CATEGORIES]} />
        <TextArea name="details" label="Details" value={values.details} errors={errors} required rows={8}
          hint={`Where it is (a chapter, a comment) and what you saw; up to ${REPORT_DETAILS_MAX.toLocaleString('en-US')} characters.`} />
        {ctx.viewer.user === null && (
          <TextField name="email" label="Your email address" type="email" value={values.email} errors={errors} required autocomplete="email"
            hint="So our volunteers can answer you. It is not shown to anyone else." />
        )}
        <p><button type="submit" class="primary">Send report</button></p>
      </Form>
    </Layout>
  );
}

export function ReportSentPage({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="Report sent" mainClass="narrow">
      <h2 class="heading">Thank you</h2>
      <p class="flash notice" role="status">Your report was sent to the archive's moderators. They read every report, usually within a few days.</p>
      <p><a href="/">Back to the archive</a></p>
    </Layout>
  );
}
