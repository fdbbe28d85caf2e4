// The frame of every page: skip link, header with the site navigation, main landmark, footer.
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../http/context.js';
import { assetUrl } from '../http/assets.js';
import { Form } from './forms.js';
import { AnnouncementBanner } from './announcement.js';

type LayoutProps = { ctx: PageContext; title: string; children: ComponentChildren; mainClass?: string; feed?: { href: string; title: string } | undefined };

/** Pages that are themselves the account forms: the header only links to logging in there. */
const ACCOUNT_FORMS = new Set(['/login', '/signup']);

/** Log in without leaving the page, as on AO3: a small form that opens from the header (no script needed). */
function LoginMenu({ ctx }: { ctx: PageContext }) {
  if (ACCOUNT_FORMS.has(ctx.path.split('?')[0] ?? '')) return <a href="/login">Log in</a>;
  return (
    <details class="login-menu">
      <summary>Log in</summary>
      <Form ctx={ctx} action="/login" class="login-menu-form">
        <input type="hidden" name="return_to" value={ctx.path} />
        <label for="header-login">User name or email</label>
        <input id="header-login" type="text" name="login" autocomplete="username" required />
        <label for="header-password">Password</label>
        <input id="header-password" type="password" name="password" autocomplete="current-password" required />
        <label class="choice"><input type="checkbox" name="remember_me" value="1" /> Remember me</label>
        <button type="submit" class="primary">Log in</button>
        <a href={`/login?return_to=${encodeURIComponent(ctx.path)}`}>Log-in page</a>
      </Form>
    </details>
  );
}

function UserMenu({ ctx }: { ctx: PageContext }) {
  const user = ctx.viewer.user;
  if (user === null) {
    return (
      <ul class="user-nav">
        <li><LoginMenu ctx={ctx} /></li>
        <li><a href="/signup">Sign up</a></li>
      </ul>
    );
  }
  // On a phone the member's menu folds into one "login ▾" (bindery.js closes it there), so the header stays two short rows.
  return (
    <details class="user-menu" open data-fold-on-phone>
      <summary><span class="menu-name">{user.login}</span></summary>
      <ul class="user-nav">
        <li><a href="/works/new">Post new work</a></li>
        <li><a href="/works/import">Import a work</a></li>
        <li><a href={`/users/${user.login}/works`}>My works</a></li>
        <li><a href={`/users/${user.login}/inbox`}>Inbox{ctx.inboxUnread > 0 && <> <span class="inbox-count" aria-label={`${ctx.inboxUnread} unread`}>({ctx.inboxUnread})</span></>}</a></li>
        <li><a href={`/users/${user.login}/stats`}>Statistics</a></li>
        <li><a href={`/users/${user.login}/bookmarks`}>My bookmarks</a></li>
        <li><a href={`/users/${user.login}/readings`}>History</a></li>
        <li><a href={`/users/${user.login}/subscriptions`}>Subscriptions</a></li>
        <li><a href={`/users/${user.login}/pseuds`}>Pseuds</a></li>
        <li><a href={`/users/${user.login}/account`}>Account</a></li>
        {user.isAdmin && <li><a href="/admin">Admin</a></li>}
        <li><a href="/users/logout">Log out</a></li>
      </ul>
    </details>
  );
}

/** Wraps a page's content in the site frame. */
export function Layout({ ctx, title, children, mainClass, feed }: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <title>{title === ctx.archiveName ? title : `${title} | ${ctx.archiveName}`}</title>
        <link rel="icon" href="/favicon.ico" sizes="16x16 32x32" />
        <link rel="stylesheet" href={assetUrl('bindery.css')} />
        {feed !== undefined && <link rel="alternate" type="application/atom+xml" title={feed.title} href={feed.href} />}
        <script src={assetUrl('bindery.js')} defer />
        <script src={assetUrl('autocomplete.js')} defer />
      </head>
      <body>
        <a class="skip-link" href="#main">Skip to content</a>
        <header id="header" class="site-header">
          <a class="brand" href="/">{ctx.archiveName}</a>
          <nav aria-label="Site">
            <ul class="site-nav"><li><a href="/works">Works</a></li><li><a href="/fandoms">Fandoms</a></li><li class="wide-only"><a href="/bookmarks">Bookmarks</a></li><li class="wide-only"><a href="/collections">Collections</a></li><li><a href="/works/search">Search</a></li></ul>
            <UserMenu ctx={ctx} />
          </nav>
        </header>
        <AnnouncementBanner ctx={ctx} />
        <main id="main" class={mainClass} tabIndex={-1}>
          {ctx.flash !== null && <p class="flash notice" role="status">{ctx.flash}</p>}
          {ctx.viewer.user !== null && !ctx.viewer.user.confirmed && (
            <p class="flash notice unconfirmed">Confirm your email address to post works and comment: follow the link we sent you. <a href={`/users/${ctx.viewer.user.login}/account#confirm`}>Send it again</a></p>
          )}
          {children}
        </main>
        <footer class="site-footer">
          {/* What the phone header leaves out (wide-only there), one link away on every page. */}
          <p class="footer-links"><a href="/collections">Collections</a> · <a href="/bookmarks">Everyone's bookmarks</a> · <a href="/opds">OPDS catalog</a></p>
          <p class="footer-links"><a href="/terms">Terms of Service</a> · <a href="/privacy">Privacy Policy</a> · <a href="/contact">Contact us</a></p>
          <p>{ctx.archiveName === 'Bindery' ? 'Bindery, an archive for fan fiction that any community can run.' : `${ctx.archiveName} runs on Bindery, an archive for fan fiction.`}</p>
        </footer>
      </body>
    </html>
  );
}
