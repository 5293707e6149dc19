import type { Deps } from '../core/deps.js';
import { UsageError } from '../core/errors.js';
import { buildGoalsView } from './read.js';
import { LIAISON_STATUSES, saveGoalRecord, type GoalRecord } from './store.js';

/**
 * `liaison goals set GOAL STATUS` and the Goals page's form: records the
 * team's state on a community goal of the series, dated --date. The goal
 * must be one of the series' goals and the status one the liaison sets.
 */
export async function setGoalStatus(
  ctx: Deps,
  goal: string,
  status: string,
  opts: { readonly series?: string; readonly owner?: string } = {},
): Promise<GoalRecord & { readonly team: string; readonly series: string }> {
  if (!(LIAISON_STATUSES as readonly string[]).includes(status))
    throw new UsageError(
      `status "${status.slice(0, 40)}": use one of ${LIAISON_STATUSES.join(', ')}`,
    );
  const view = await buildGoalsView(ctx, opts.series ? { series: opts.series } : {});
  if (!view.goals.some((g) => g.id === goal)) {
    const known = view.goals.map((g) => g.id).join(', ') || 'none';
    throw new UsageError(
      `goal "${goal}" is not a community goal of ${view.series} (goals: ${known})`,
    );
  }
  const saved = saveGoalRecord(await ctx.store(), view.team, view.series, {
    goal,
    status: status as (typeof LIAISON_STATUSES)[number],
    ...(opts.owner !== undefined ? { owner: opts.owner } : {}),
    recordedOn: ctx.today,
  });
  return { team: view.team, series: view.series, ...saved };
}
