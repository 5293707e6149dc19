import { Hono, type Context as HonoContext } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { GlobalOptions, Io } from '../cli/context.js';
import { isIsoDate, isoDateOfInstant } from '../core/dates.js';
import { LiaisonError } from '../core/errors.js';
import { jsonText } from '../core/text.js';
import { isTeamName, TEAM_NAME_RULE } from '../core/names.js';
import { APP_JS } from './assets.js';
import { ViewCache } from './cache.js';
import { checkCsrf, newCsrfToken } from './csrf.js';
import { CSP, Layout } from './layout.js';
import { PAGES } from './registry.js';
import { buildPage, failure, jsonOfBuilt, renderBuilt, toHtml, type Built } from './render.js';
import { managedGeneration, RequestContext, SharedState } from './request-context.js';
import type { PageDef, PageId, RenderEnv } from './panel.js';
import { WRITES } from './writes.js';
import { MAX_FORM_BYTES, parseTarget } from './request-guard.js';
import { logWrite } from './write-log.js';

export interface AppOptions {
  /** The server's global options (data locations, config, db); date and team come per request. */
  readonly options: GlobalOptions;
  readonly io: Io;
  readonly readOnly: boolean;
  /** How long a rendered page is reused (ms); 0 turns the cache off. */
  readonly cacheMs?: number;
  readonly shared?: SharedState;
  readonly csrfToken?: string;
}

export interface DashboardApp {
  readonly app: Hono;
  readonly shared: SharedState;
  readonly csrfToken: string;
  readonly cache: ViewCache;
  /** A page view already rendered and fresh in the cache, for the server to send without routing; else undefined. */
  cachedPage(url: string): { status: number; bytes: Uint8Array } | undefined;
  /** Tells the app where it is listening (for the calendar subscription link). */
  setOrigin(origin: string): void;
  close(): void;
}

interface CachedPage {
  readonly status: number;
  readonly bytes: Uint8Array;
}

/** Sent with every answer: our scripts only, no framing, no sniffing, no referrer. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

interface Query {
  readonly date?: string;
  readonly team?: string;
}

/** The dashboard as a hono app: pages, their JSON twins, the calendar feed and the write forms. */
export function createDashboard(opts: AppOptions): DashboardApp {
  const shared = opts.shared ?? new SharedState();
  const csrfToken = opts.csrfToken ?? newCsrfToken();
  const cacheMs = opts.cacheMs ?? 10_000;
  const cache = new ViewCache(() => opts.io.now().getTime(), cacheMs);
  const lifetime = (page: PageDef) => (cacheMs > 0 && page.static ? Infinity : cacheMs);
  const app = new Hono();
  const log = (line: string) => {
    opts.io.stderr(`liaison serve: ${line}\n`);
  };
  let origin: string | undefined;

  app.use(async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
  });

  /** Reads ?date= and ?team=, or explains what is wrong with them. */
  const queryOf = (c: HonoContext): Query | string => {
    const date = c.req.query('date') || undefined;
    const team = c.req.query('team') || undefined;
    if (date !== undefined && !isIsoDate(date)) return `date=${date}: expected YYYY-MM-DD`;
    if (team !== undefined && !isTeamName(team)) return `team=${team}: expected ${TEAM_NAME_RULE}`;
    return { ...(date ? { date } : {}), ...(team ? { team } : {}) };
  };

  const contextFor = (q: Query) => {
    const ctx = new RequestContext(
      { ...opts.options, ...(q.date ? { date: q.date } : {}), ...(q.team ? { team: q.team } : {}) },
      opts.io,
      shared,
    );
    newData(ctx.dataDir, ctx.dataGeneration, ctx.dbPath);
    return ctx;
  };

  /** A sync moved the managed checkouts or wrote the store since the cached views were built: build them again. */
  const newData = (dataDir: string, generation: string, dbPath: string) => {
    const moved = shared.dataGeneration !== undefined && shared.dataGeneration !== generation;
    if (shared.storeMoved(dbPath) || moved) cache.clear();
    shared.dataGeneration = generation;
    shared.dataDir = dataDir;
    shared.dbPath = dbPath;
  };

  const envFor = (q: Query, ctx: RequestContext | null): RenderEnv => {
    const params = new URLSearchParams();
    if (q.date) params.set('date', q.date);
    if (q.team) params.set('team', q.team);
    const qs = params.size ? `?${params.toString()}` : '';
    let team = q.team ?? 'glance';
    try {
      if (ctx) team = ctx.team.name;
    } catch {
      // unknown team: the page's own build reports it
    }
    return {
      mode: 'server',
      today: ctx?.today ?? q.date ?? isoDateOfInstant(opts.io.now()),
      team,
      href: (id: PageId) => `${PAGES.find((p) => p.id === id)?.path ?? '/'}${qs}`,
      resource: (name) => `/${name}${qs}`,
      formAction: (path) => `${path}${qs}`,
      subscribeUrl: origin ? `${origin.replace(/^https?:/, 'webcal:')}/schedule.ics${qs}` : null,
      csrf: opts.readOnly ? null : csrfToken,
      who: opts.io.env.LIAISON_USER ?? opts.io.env.USER ?? 'liaison',
      teamHref: (name) => {
        // a name the server would refuse as ?team= gets no link
        if (!isTeamName(name)) return null;
        const p = new URLSearchParams();
        if (q.date) p.set('date', q.date);
        p.set('team', name);
        return `/?${p.toString()}`;
      },
    };
  };

  /** Same key as servePage computes, from the raw URL; undefined whenever anything is unusual. */
  const cachedPage = (url: string) => {
    const target = parseTarget(url);
    if (!target.ok) return undefined;
    const u = new URL(`http://dashboard${target.path}`);
    const page = PAGES.find((p) => p.path === u.pathname);
    const date = u.searchParams.get('date') || undefined;
    const team = u.searchParams.get('team') || undefined;
    if (
      !page ||
      (date !== undefined && !isIsoDate(date)) ||
      (team !== undefined && !isTeamName(team))
    )
      return undefined;
    const today =
      date ?? (opts.options.date || opts.io.env.LIAISON_TODAY || isoDateOfInstant(opts.io.now()));
    if (shared.dataDir !== undefined && shared.dbPath !== undefined)
      newData(shared.dataDir, managedGeneration(shared.dataDir), shared.dbPath);
    return cache.peek(`page|${page.id}|${today}|${team ?? ''}`) as CachedPage | undefined;
  };

  const badRequest = async (c: HonoContext, message: string) => {
    const env = envFor({}, null);
    const html = await toHtml(
      Layout({
        page: null,
        title: 'Bad request',
        env,
        age: null,
        notices: [{ kind: 'error', text: message }],
      }),
    );
    return c.html(html, 400);
  };

  /** The page's view, built once per (page, date, team) and shared by the HTML page and its JSON twin. */
  const viewOf = (page: PageDef, ctx: RequestContext, q: Query): Promise<Built> =>
    cache.get(
      `view|${page.id}|${ctx.today}|${q.team ?? ''}`,
      () => buildPage(page, ctx),
      lifetime(page),
    );

  const servePage = (page: PageDef) => async (c: HonoContext) => {
    const q = queryOf(c);
    if (typeof q === 'string') return badRequest(c, q);
    let ctx: RequestContext;
    try {
      ctx = contextFor(q);
    } catch (e) {
      return badRequest(c, e instanceof LiaisonError ? e.message : 'bad request');
    }
    const key = `page|${page.id}|${ctx.today}|${q.team ?? ''}`;
    // kept encoded: a cached page is sent without re-encoding its text
    const out = await cache.get(
      key,
      async () => {
        const r = await renderBuilt(page, await viewOf(page, ctx, q), envFor(q, ctx), log);
        return { status: r.status, bytes: new TextEncoder().encode(r.html) };
      },
      lifetime(page),
    );
    return c.body(out.bytes, out.status as 200, { 'Content-Type': 'text/html; charset=UTF-8' });
  };

  const serveJson = (page: PageDef) => async (c: HonoContext) => {
    const q = queryOf(c);
    if (typeof q === 'string') return c.json({ error: q }, 400);
    let ctx: RequestContext;
    try {
      ctx = contextFor(q);
    } catch (e) {
      return c.json({ error: e instanceof LiaisonError ? e.message : 'bad request' }, 400);
    }
    const out = jsonOfBuilt(await viewOf(page, ctx, q));
    // the same escaping as `--json` (C1 and bidi characters as \u escapes)
    return c.body(jsonText(out.body, 0), out.status as 200, {
      'Content-Type': 'application/json; charset=UTF-8',
    });
  };

  for (const page of PAGES) {
    app.get(page.path, servePage(page));
    app.get(`/api/${page.api}`, serveJson(page));
  }

  app.get('/schedule.ics', async (c) => {
    const q = queryOf(c);
    if (typeof q === 'string') return c.text(q, 400);
    try {
      const ctx = contextFor(q);
      const { buildSchedule } = await import('../schedule/read.js');
      const { scheduleToIcs } = await import('../schedule/render-ics.js');
      const view = buildSchedule(ctx);
      c.header('Content-Disposition', `attachment; filename="${view.series.name}.ics"`);
      return c.body(scheduleToIcs(view, ctx.today), 200, {
        'Content-Type': 'text/calendar; charset=utf-8',
      });
    } catch (e) {
      const f = failure(e);
      return c.text(f.notice.text, f.status === 200 ? 503 : (f.status as 400));
    }
  });

  app.get('/assets/app.js', (c) =>
    c.body(APP_JS, 200, {
      'Content-Type': 'text/javascript; charset=utf-8',
      'Cache-Control': 'max-age=3600',
    }),
  );

  // a form is a few hundred bytes; a bigger body is refused before it is read whole
  const formLimit = bodyLimit({
    maxSize: MAX_FORM_BYTES,
    // the rest of the body is not read: the connection is closed, not reused
    onError: (c) =>
      c.text(`form too large (over ${MAX_FORM_BYTES / 1024} KB)`, 413, { Connection: 'close' }),
  });
  for (const write of WRITES) {
    app.post(write.path, formLimit, async (c) => {
      if (opts.readOnly)
        return c.text('this dashboard is read-only (started with --read-only)', 403);
      const form = await c.req.parseBody();
      const field = (name: string) => (typeof form[name] === 'string' ? form[name] : '');
      if (!checkCsrf(csrfToken, field('csrf'), c.req.header('origin'), c.req.header('host'))) {
        return c.text('invalid or missing CSRF token; reload the page and try again', 403);
      }
      const q = queryOf(c);
      if (typeof q === 'string') return c.text(q, 400);
      try {
        const ctx = contextFor(q);
        const done = await write.apply(ctx, field);
        logWrite(await ctx.store(), {
          at: opts.io.now().toISOString(),
          day: ctx.today,
          team: ctx.team.name,
          who: done.who,
          action: write.path,
          target: done.target,
          detail: done.detail,
        });
      } catch (e) {
        const f = failure(e);
        if (f.status === 500) log(`${write.path}: ${e instanceof Error ? e.message : String(e)}`);
        return c.text(f.notice.text, f.status === 200 ? 409 : (f.status as 400));
      }
      cache.clear();
      // back to the page the form was on (303: the browser follows with GET)
      const back = PAGES.find((p) => p.id === write.page);
      const qs = new URL(c.req.url).search;
      return c.redirect(`${back?.path ?? '/'}${qs}`, 303);
    });
  }

  app.notFound(async (c) => {
    const html = await toHtml(
      Layout({
        page: null,
        title: 'Not found',
        env: envFor({}, null),
        age: null,
        notices: [{ kind: 'error', text: `No page at ${new URL(c.req.url).pathname}.` }],
      }),
    );
    return c.html(html, 404);
  });

  app.onError((e, c) => {
    log(`internal error on ${new URL(c.req.url).pathname}: ${e.message}`);
    return c.text('internal error; see the server log', 500);
  });

  return {
    app,
    shared,
    csrfToken,
    cache,
    cachedPage,
    setOrigin: (o) => {
      origin = o;
      cache.clear();
    },
    close: () => {
      shared.close();
    },
  };
}
