import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Deps } from '../core/deps.js';
import { UsageError } from '../core/errors.js';
import { followingSeries } from '../calendar/next-series.js';
import { findSeries, previousSeries, seriesId, type Series } from '../data/releases/series.js';
import { cloneDir } from '../git/clones.js';
import { diskRepo } from './read-disk.js';
import {
  lastReleased,
  planTask,
  postFinalSpecs,
  type PostFinalOptions,
  type PostFinalView,
  type TaskPlan,
} from './plan.js';

export function buildPostFinal(ctx: Deps, opts: PostFinalOptions = {}): PostFinalView {
  const list = ctx.calendarInput.series;
  const released = opts.series ? findSeries(list, opts.series) : lastReleased(list, ctx.today);
  if (opts.series && !released) throw new UsageError(`--series ${opts.series}: unknown series`);
  if (!released) throw new UsageError(`no series was released by ${ctx.today}`);
  const following = followingSeries(list, released);
  if (!following)
    throw new UsageError(
      `no series after ${released.name} in series_status.yaml, and no release id to compute one from`,
    );
  const next = following.series;
  const tasks = selectedTasks(ctx, opts.task);
  const override = opts.repo ? resolve(ctx.cwd, opts.repo) : undefined;
  if (override && !existsSync(override))
    throw new UsageError(`--repo ${opts.repo ?? ''}: no such directory`);
  return {
    team: ctx.team.name,
    date: ctx.today,
    released: { name: released.name, id: seriesId(released) },
    next: { name: next.name || null, id: seriesId(next), projected: following.projected },
    tasks: tasks.map((entry, i) => {
      const dir = i === 0 && override ? override : cloneDir(ctx, entry.value.repo ?? '');
      return planTask(entry, released, next, dir ? diskRepo(dir) : undefined);
    }),
  };
}

function selectedTasks(ctx: Deps, id: string | undefined) {
  const all = postFinalSpecs(ctx.team.name, ctx.config['post-final'], ctx.loadedConfig.origin);
  if (!id) return all;
  const one = all.filter((t) => t.value.id === id);
  if (one.length === 0) {
    throw new UsageError(
      `--task ${id}: unknown post-final task; known: ${all.map((t) => t.value.id).join(', ') || 'none'}`,
    );
  }
  return one;
}

/**
 * One task's state for the cycle `newSeries` opens (used by the checklist's
 * post-final-task check): the same plan `liaison post-final` makes.
 */
export function postFinalTaskFor(
  ctx: Deps,
  taskId: string,
  newSeries: Series,
): TaskPlan | undefined {
  const entry = postFinalSpecs(
    ctx.team.name,
    ctx.config['post-final'],
    ctx.loadedConfig.origin,
  ).find((t) => t.value.id === taskId);
  if (!entry) return undefined;
  const dir = cloneDir(ctx, entry.value.repo ?? '');
  return planTask(
    entry,
    // a projected series (no name yet) follows the newest one the data lists
    newSeries.name
      ? previousSeries(ctx.calendarInput.series, newSeries.name)
      : ctx.calendarInput.series[0],
    newSeries,
    dir ? diskRepo(dir) : undefined,
  );
}
