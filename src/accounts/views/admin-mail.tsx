// The outbox, for administrators: the latest email the archive sent, logged or is still trying to
// send, with why the last try failed. Without a mail server this is where email can be read.
import type { PageContext } from '../../http/context.js';
import type { OutboxRow } from '../../mail/outbox.repository.js';
import { Layout } from '../../views/layout.js';

const STATUS: Record<OutboxRow['status'], string> = { pending: 'Waiting', sent: 'Sent', logged: 'Kept here (no mail server set)', failed: 'Given up' };

export function AdminMailPage({ ctx, mail, smtp }: { ctx: PageContext; mail: OutboxRow[]; smtp: boolean }) {
  return (
    <Layout ctx={ctx} title="Outgoing email" mainClass="admin-mail">
      <h2 class="heading">Outgoing email</h2>
      <p>{smtp ? 'Email goes out through the mail server set in SMTP_HOST.' : 'No mail server is set (SMTP_HOST): email is kept here and written to the log.'} The latest 100:</p>
      {mail.length === 0 ? <p class="empty">No email yet.</p> : (
        <ol class="outbox">
          {mail.map((m) => (
            <li key={m.id} class={`outbox-mail ${m.status}`}>
              <details>
                <summary><strong>{m.subject}</strong> to {m.to_address} · {STATUS[m.status]} · {m.created_at.slice(0, 16).replace('T', ' ')} UTC{m.attempts > 1 ? ` · ${m.attempts} tries` : ''}</summary>
                {m.last_error !== null && <p class="field-error">Last try: {m.last_error}</p>}
                <pre class="mail-text">{m.text_body}</pre>
              </details>
            </li>
          ))}
        </ol>
      )}
    </Layout>
  );
}
