import type { Context } from '../cli/context.js';

/**
 * The instant a sync records ("data as of"). The clock is the injected
 * `ctx.io.now`; when the run acts as another day (`--date`,
 * `LIAISON_TODAY`), the instant is moved onto that day (same time of day),
 * so a view of that day never says its data comes from the future.
 */
export function runInstant(ctx: Context): Date {
  const now = ctx.io.now();
  const pinned = ctx.options.date ?? ctx.io.env.LIAISON_TODAY;
  if (!pinned) return now;
  return new Date(`${ctx.today}T${now.toISOString().slice(11)}`);
}
