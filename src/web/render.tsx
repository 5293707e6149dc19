import type { Deps } from '../core/deps.js';
import {
  ConfigError,
  LiaisonError,
  SourceUnavailableError,
  UsageError,
  asLiaisonError,
} from '../core/errors.js';
import type { DataWarning } from '../data/age/plan.js';
import { recordWarnings, trackView, type ViewRecord } from '../data/age/track.js';
import { envelope } from '../cli/output.js';
import { dataNotices, Layout, staleNotices, type Notice } from './layout.js';
import type { DataAge, PageDef, Panel, RenderEnv } from './panel.js';

export interface RenderedPage {
  readonly status: number;
  readonly html: string;
}

export interface JsonResult {
  readonly status: number;
  readonly body: unknown;
}

export type Built =
  | {
      ok: true;
      panel: Panel<unknown>;
      view: unknown;
      record: ViewRecord;
      dataWarnings: DataWarning[];
    }
  | { ok: false; status: number; notice: Notice; detail?: string };

/** Loads the page's panel and builds its view; errors of the user's world become notices. */
export async function buildPage(page: PageDef, ctx: Deps): Promise<Built> {
  const panel = await page.load();
  if (!panel) {
    return {
      ok: false,
      status: 200,
      notice: {
        kind: 'info',
        text: `Not available yet: this page will show ${page.summary} once \`liaison ${page.command}\` is built.`,
      },
    };
  }
  try {
    // the build's own record of the data it read: the page's banner and JSON envelope
    const { result, record } = await trackView(() => panel.build(ctx));
    return {
      ok: true,
      panel,
      view: result,
      record,
      dataWarnings: recordWarnings(record, ctx.today),
    };
  } catch (e) {
    const f = failure(e);
    return {
      ok: false,
      ...f,
      ...(f.status === 500 ? { detail: e instanceof Error ? e.message : String(e) } : {}),
    };
  }
}

/** How a failed build shows: a usage error is the reader's (400), a missing source a notice (200). */
export function failure(err: unknown): { status: number; notice: Notice } {
  const e = asLiaisonError(err) ?? err;
  if (e instanceof UsageError || e instanceof ConfigError)
    return { status: 400, notice: { kind: 'error', text: e.message } };
  if (e instanceof SourceUnavailableError) {
    return {
      status: 200,
      notice: {
        kind: 'warn',
        text: `Source unavailable: ${e.message}. Run \`liaison sync\` when it is back.`,
      },
    };
  }
  if (e instanceof LiaisonError) return { status: 200, notice: { kind: 'warn', text: e.message } };
  return {
    status: 500,
    notice: {
      kind: 'error',
      text: 'Internal error while building this page; the server log has the details.',
    },
  };
}

/** The full HTML document of a page, for the server and the static site alike. */
export async function renderPage(
  page: PageDef,
  ctx: Deps,
  env: RenderEnv,
  log?: (line: string) => void,
): Promise<RenderedPage> {
  return renderBuilt(page, await buildPage(page, ctx), env, log);
}

/** Renders a built view (or its failure notice) into the page's HTML. */
export async function renderBuilt(
  page: PageDef,
  built: Built,
  env: RenderEnv,
  log?: (line: string) => void,
): Promise<RenderedPage> {
  let status: number;
  let age: DataAge | null = null;
  let notices: Notice[];
  let body: unknown = null;
  if (built.ok) {
    status = 200;
    age = built.panel.age(built.view);
    notices = [...dataNotices(built.dataWarnings, env.today), ...staleNotices(age)];
    body = built.panel.render(built.view, env);
  } else {
    status = built.status;
    notices = [built.notice];
    if (status === 500 && log) log(`page ${page.id}: ${built.detail ?? 'internal error'}`);
  }
  return {
    status,
    html: await toHtml(
      Layout({ page, title: page.title, env, age, notices, children: body as never }),
    ),
  };
}

/** The JSON twin: exactly the view the command prints with --json. */
export async function pageJson(page: PageDef, ctx: Deps): Promise<JsonResult> {
  return jsonOfBuilt(await buildPage(page, ctx));
}

export function jsonOfBuilt(built: Built): JsonResult {
  if (built.ok) {
    const body: unknown = built.panel.json ? built.panel.json(built.view) : built.view;
    // the common envelope, as `--json` prints it
    return { status: 200, body: envelope(body, built.record, () => built.dataWarnings) };
  }
  const status = built.notice.kind === 'info' ? 501 : built.status === 200 ? 503 : built.status;
  return { status, body: { error: built.notice.text } };
}

export async function toHtml(el: unknown): Promise<string> {
  return '<!doctype html>\n' + (await (el as { toString(): string | Promise<string> }).toString());
}
