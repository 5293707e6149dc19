import type { Deps } from '../core/deps.js';
import { UsageError } from '../core/errors.js';
import { seriesAt } from '../calendar/cycle.js';
import { checklistItems } from './read.js';
import { tick, untick } from './store.js';

export interface TickResult {
  readonly id: string;
  readonly series: string;
  readonly state: 'done' | 'open';
  readonly by: string | null;
  readonly on: string;
  readonly message: string;
}

/** `checklist done ID` / `undo ID`: the id must be an item of the series' checklist. */
export async function tickItem(
  ctx: Deps,
  verb: 'done' | 'undo',
  id: string,
  opts: { series?: string; by?: string },
): Promise<TickResult> {
  const series = seriesAt(ctx.calendarInput, ctx.today, opts.series);
  const items = checklistItems(ctx, series);
  const item = items.find((i) => i.id === id);
  if (!item) {
    throw new UsageError(
      `no checklist item "${id}" in ${series.name}; known: ${items.map((i) => i.id).join(', ')}`,
    );
  }
  const db = await ctx.store();
  const team = ctx.team.name;
  if (verb === 'done') {
    const by = opts.by ?? ctx.env.USER ?? 'someone';
    tick(db, team, series.name, id, { doneBy: by, doneOn: ctx.today });
    return {
      id,
      series: series.name,
      state: 'done',
      by,
      on: ctx.today,
      message: `${id} (${series.name}) done by ${by} on ${ctx.today}`,
    };
  }
  const had = untick(db, team, series.name, id);
  return {
    id,
    series: series.name,
    state: 'open',
    by: null,
    on: ctx.today,
    message: had
      ? `${id} (${series.name}) is open again`
      : `${id} (${series.name}) was not ticked; nothing to undo`,
  };
}
