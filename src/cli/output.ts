import { createColors, type Colors } from '../core/terminal.js';
import { inertText, jsonText } from '../core/text.js';
import type { DataWarning } from '../data/age/plan.js';
import { dataWarningLines } from '../data/age/render.js';
import { viewRecord, type ViewRecord } from '../data/age/track.js';
import type { Context } from './context.js';

export { table, type Colors } from '../core/terminal.js';

/** Colours only on a terminal, and never with NO_COLOR. */
export function colorsFor(ctx: Context): Colors {
  return createColors(colorsOn(ctx));
}

function colorsOn(ctx: Context): boolean {
  const env = ctx.io.env;
  return env.FORCE_COLOR ? env.FORCE_COLOR !== '0' : ctx.io.isTTY && !('NO_COLOR' in env);
}

/**
 * The one way a command prints its result: the view model as JSON with
 * --json, else the terminal rendering of the same view model. Either way
 * with the common envelope: the data warnings of the run (data older than
 * --date, a failed refresh, a series shown with the previous one's models)
 * as `dataWarnings[]` in JSON, as lines before the text.
 */
export function emit<T>(ctx: Context, view: T, renderText: (view: T, c: Colors) => string): void {
  if (ctx.json) printJson(ctx, withEnvelope(ctx, view));
  else {
    const c = colorsFor(ctx);
    const head = dataWarningLines(ctx.dataWarnings(), ctx.today)
      .map((l) => (l.startsWith('warning') ? c.yellow(l) : l) + '\n')
      .join('');
    print(ctx, head + renderText(view, c));
  }
}

/**
 * For outputs in a format of their own (Markdown, IRC lines to paste, an
 * iCalendar file): the text as such (`raw`: not even made inert, for a
 * format that escapes its own fields), the data warnings on stderr.
 */
export function emitFormatted(ctx: Context, text: string, opts: { raw?: boolean } = {}): void {
  if (opts.raw) ctx.io.stdout(text);
  else print(ctx, text);
  for (const line of dataWarningLines(ctx.dataWarnings(), ctx.today))
    ctx.io.stderr(`${inertText(line)}\n`);
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

/** Prints a value as JSON (C1 and bidi characters escaped, so a terminal shows them inert). */
export function printJson(ctx: Context, value: unknown): void {
  ctx.io.stdout(jsonText(value) + '\n');
}

/**
 * Prints text for a terminal, ending with a newline. The renderers already
 * pass remote text through `inertText`; this is the last guard for a field
 * one of them forgot: anything that would drive the terminal is made visible,
 * except the colour codes this program adds (only when colours are on).
 */
export function print(ctx: Context, text: string): void {
  const safe = colorsOn(ctx) ? inertKeepingColours(text) : inertText(text);
  ctx.io.stdout(safe.endsWith('\n') ? safe : safe + '\n');
}

/** picocolors' codes: reset, bold, dim, italic, underline, inverse, strike, their ends, colours (not conceal or blink). */
// eslint-disable-next-line no-control-regex -- the colour codes are what it keeps
const OUR_COLOURS = /\x1b\[(?:[0-47]|9|2[1-79]|[349]\d|10\d)m/g;

function inertKeepingColours(text: string): string {
  let out = '';
  let at = 0;
  for (const m of text.matchAll(OUR_COLOURS)) {
    out += inertText(text.slice(at, m.index)) + m[0];
    at = m.index + m[0].length;
  }
  return out + inertText(text.slice(at));
}
