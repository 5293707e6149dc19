import { createRequire } from 'node:module';
import type Picocolors from 'picocolors';
import type { Context } from './context.js';

// required as the CommonJS module it is: imported through Node's ESM loader,
// a CommonJS package costs a lexer pass (and the lexer's start-up) at every run
const pc = createRequire(import.meta.url)('picocolors') as typeof Picocolors;

export type Colors = ReturnType<typeof pc.createColors>;

/** Colours only on a terminal, and never with NO_COLOR. */
export function colorsFor(ctx: Context): Colors {
  const env = ctx.io.env;
  const enabled = env.FORCE_COLOR ? env.FORCE_COLOR !== '0' : ctx.io.isTTY && !('NO_COLOR' in env);
  return pc.createColors(enabled);
}

/**
 * The one way a command prints its result: the view model as JSON with
 * --json, else the terminal rendering of the same view model.
 */
export function emit<T>(ctx: Context, view: T, renderText: (view: T, c: Colors) => string): void {
  if (ctx.json) ctx.io.stdout(JSON.stringify(view, null, 2) + '\n');
  else {
    const text = renderText(view, colorsFor(ctx));
    ctx.io.stdout(text.endsWith('\n') ? text : text + '\n');
  }
}

/** A plain-text table with left-aligned columns (colour codes ignored for widths). */
export function table(rows: readonly (readonly string[])[], indent = ''): string {
  // eslint-disable-next-line no-control-regex -- ANSI colour codes are not visible width
  const visible = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '').length;
  const widths: number[] = [];
  for (const row of rows)
    row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, visible(cell))));
  return rows
    .map((row) =>
      (
        indent +
        row
          .map((cell, i) =>
            i === row.length - 1 ? cell : cell + ' '.repeat((widths[i] ?? 0) - visible(cell)),
          )
          .join('  ')
      ).trimEnd(),
    )
    .join('\n');
}
