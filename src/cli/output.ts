import { createColors, type Colors } from '../core/terminal.js';
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
 * --json, else the terminal rendering of the same view model.
 */
export function emit<T>(ctx: Context, view: T, renderText: (view: T, c: Colors) => string): void {
  if (ctx.json) ctx.io.stdout(JSON.stringify(view, null, 2) + '\n');
  else {
    const text = renderText(view, colorsFor(ctx));
    ctx.io.stdout(text.endsWith('\n') ? text : text + '\n');
  }
}
