import { createColors, type Colors } from '../core/terminal.js';
import type { DataWarning } from '../data/age/plan.js';
import { dataWarningLines } from '../data/age/render.js';
import { viewRecord, type ViewRecord } from '../data/age/track.js';
import type { Context } from './context.js';

export { table, type Colors } from '../core/terminal.js';

/** Colours only on a terminal, and never with NO_COLOR. */
export function colorsFor(ctx: Context): Colors {
  const env = ctx.io.env;
  const enabled = env.FORCE_COLOR ? env.FORCE_COLOR !== '0' : ctx.io.isTTY && !('NO_COLOR' in env);
  return createColors(enabled);
}

/**
 * The one way a command prints its result: the view model as JSON with
 * --json, else the terminal rendering of the same view model. Either way
 * with the common envelope: the data warnings of the run (data older than
 * --date, a failed refresh, a series shown with the previous one's models)
 * as `dataWarnings[]` in JSON, as lines before the text.
 */
export function emit<T>(ctx: Context, view: T, renderText: (view: T, c: Colors) => string): void {
  if (ctx.json) ctx.io.stdout(JSON.stringify(withEnvelope(ctx, view), null, 2) + '\n');
  else {
    const c = colorsFor(ctx);
    const text = renderText(view, c);
    const head = dataWarningLines(ctx.dataWarnings(), ctx.today)
      .map((l) => (l.startsWith('warning') ? c.yellow(l) : l) + '\n')
      .join('');
    ctx.io.stdout(head + (text.endsWith('\n') ? text : text + '\n'));
  }
}

/**
 * For outputs in a format of their own (iCalendar, RST, Markdown, IRC
 * lines to paste): the text as is, the data warnings on stderr.
 */
export function emitFormatted(ctx: Context, text: string): void {
  ctx.io.stdout(text);
  for (const line of dataWarningLines(ctx.dataWarnings(), ctx.today)) ctx.io.stderr(`${line}\n`);
}

/**
 * The JSON of a view with the common envelope (`dataWarnings`, empty when
 * all is well) when the view read the releases, governance or synced data;
 * a view of a git repository alone (notes) and non-object views are left as
 * they are.
 */
export function withEnvelope<T>(ctx: Context, view: T): T | (T & { dataWarnings: DataWarning[] }) {
  return envelope(view, viewRecord(), (r) => ctx.dataWarnings(r));
}

export function envelope<T>(
  view: T,
  record: ViewRecord | undefined,
  warnings: (r: ViewRecord) => DataWarning[],
): T | (T & { dataWarnings: DataWarning[] }) {
  if (typeof view !== 'object' || view === null || Array.isArray(view)) return view;
  if (!record || (record.origins.size === 0 && record.fallbacks.size === 0)) return view;
  return { ...view, dataWarnings: warnings(record) };
}
