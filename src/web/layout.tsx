import type { Child } from 'hono/jsx';
import { raw } from 'hono/html';
import { STYLES } from './styles.js';
import { PAGES } from './registry.js';
import type { DataAge, PageDef, RenderEnv } from './panel.js';
import type { DataWarning } from '../data/age/plan.js';
import { dataWarningTexts } from '../data/age/render.js';

/** Our own stylesheet, checked once: it can never close the element it sits in. */
const STYLES_TEXT = (() => {
  if (/<\/style/i.test(STYLES)) throw new Error('styles.ts must not contain </style');
  return STYLES;
})();

/** Content-Security-Policy of every page: no script but our own file, no inline handlers. */
export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; " +
  "form-action 'self'; base-uri 'none'; frame-ancestors 'none'; connect-src 'self'";

/** The same policy for a static page, where it can only come in a <meta> (which cannot carry frame-ancestors). */
const META_CSP = CSP.replace(" frame-ancestors 'none';", '');
/** The same with the shared stylesheet of the all-teams site allowed. */
const META_CSP_SHARED = META_CSP.replace(
  "style-src 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
);

export interface Notice {
  readonly kind: 'warn' | 'error' | 'info';
  readonly text: string;
  /** A data warning of the common envelope: shown as a banner above the page. */
  readonly banner?: boolean;
}

export function Layout(props: {
  page: PageDef | null;
  title: string;
  env: RenderEnv;
  age: DataAge | null;
  notices: readonly Notice[];
  children?: Child;
}) {
  const { env, page } = props;
  const banners = props.notices.filter((n) => n.banner);
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <link rel="icon" href="data:," />
        {env.mode === 'static' ? (
          <meta
            http-equiv="Content-Security-Policy"
            content={env.stylesheet ? META_CSP_SHARED : META_CSP}
          />
        ) : null}
        <title>{`${props.title} · ${env.team} release dashboard`}</title>
        {env.stylesheet ? (
          <link rel="stylesheet" href={env.stylesheet} />
        ) : (
          /* raw: CSS is not HTML; escaped, `"Segoe UI"` and `[aria-current="page"]` would break */
          <style>{raw(STYLES_TEXT)}</style>
        )}
        {env.mode === 'server' ? <script src="/assets/app.js" defer></script> : null}
      </head>
      <body>
        <a class="skip" href="#main">
          Skip to content
        </a>
        <header class="top">
          <p class="brand">{`${env.team} release dashboard · ${env.today}`}</p>
          <nav aria-label="Dashboard pages">
            <ul>
              {(env.teamNav === false ? PAGES.filter((p) => p.id === 'openstack') : PAGES).map(
                (p) => (
                  <li>
                    <a href={env.href(p.id)} aria-current={p.id === page?.id ? 'page' : undefined}>
                      {p.title}
                    </a>
                  </li>
                ),
              )}
            </ul>
          </nav>
          {env.mode === 'server' ? <WhenForm env={env} /> : null}
        </header>
        <main id="main" tabindex={-1}>
          {banners.length > 0 ? (
            <div class="banner" role="status" aria-label="About the data">
              {banners.map((n) => (
                <p class={`notice ${n.kind} data-warning`}>{n.text}</p>
              ))}
            </div>
          ) : null}
          <h1>{props.title}</h1>
          {props.age ? <Age age={props.age} /> : null}
          {props.notices
            .filter((n) => !n.banner)
            .map((n) => (
              <p class={`notice ${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
                {n.text}
              </p>
            ))}
          {props.children}
        </main>
        <footer>
          {page ? (
            <p>
              {'Same data as '}
              <code>{`liaison ${page.command} --json`}</code>
              {': '}
              <a href={env.resource(`api/${page.api}`)}>
                {env.mode === 'static' ? `api/${page.api}.json` : `/api/${page.api}`}
              </a>
            </p>
          ) : null}
          <p>release-liaison dashboard{env.mode === 'static' ? ' (static site)' : ''}</p>
        </footer>
      </body>
    </html>
  );
}

function WhenForm({ env }: { env: RenderEnv }) {
  return (
    <form class="when" method="get" action="">
      <label>
        Date
        <input type="date" name="date" value={env.today} />
      </label>
      <label>
        Team
        <input type="text" name="team" value={env.team} size={12} pattern="[A-Za-z0-9 _.\-]+" />
      </label>
      <button type="submit" class="secondary">
        Show
      </button>
    </form>
  );
}

function Age({ age }: { age: DataAge }) {
  return (
    <p class="age">
      {age.asOf ? `Data as of ${shownTime(age.asOf)} · ` : ''}
      {age.source}
    </p>
  );
}

/** A date stays as is; an ISO instant is shown to the minute, in UTC. */
function shownTime(asOf: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(asOf);
  return m ? `${m[1]} ${m[2]} UTC` : asOf;
}

/** The data warnings of the page's view (the common envelope): a banner line each. */
export function dataNotices(warnings: readonly DataWarning[], date: string): Notice[] {
  return dataWarningTexts(warnings, date).map((t) => ({
    kind: t.kind === 'fallback' ? 'info' : 'warn',
    text: t.text,
    banner: true,
  }));
}

/** Notices for a page's stale or missing sources. */
export function staleNotices(age: DataAge | null): Notice[] {
  return (age?.stale ?? []).map((text) => ({ kind: 'warn', text }));
}
