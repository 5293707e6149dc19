import { positionAt } from '../calendar/cycle.js';
import { teamCycleEvents } from '../calendar/team-events.js';
import type { CycleEvent } from '../calendar/model.js';
import type { Deps } from '../core/deps.js';
import { addDays } from '../core/dates.js';
import { nextSeries, previousSeries } from '../data/releases/series.js';
import { sourceAge } from '../sources/age.js';
import { waitMinutes } from './read-queue-buildsets.js';
import { planGateQueue, type GateQueueView } from './plan-queue.js';
import { latestSample, readBuildsets, readSamples } from './store.js';
import { BUILDSETS_SOURCE, QUEUE_SOURCE, queueScope } from './read-queue-sync.js';

/**
 * The previous, current and next series' cross-project events and team
 * deadlines: past milestones of the previous cycle count for "was the
 * gate slow before the last one".
 */
export function queueEvents(ctx: Deps): CycleEvent[] {
  const input = ctx.calendarInput;
  const current = positionAt(input, ctx.today).series;
  const names = [
    previousSeries(input.series, current.name)?.name,
    current.name,
    nextSeries(input.series, current.name)?.name,
  ].filter((n): n is string => n !== undefined && input.schedules.has(n));
  return names.flatMap((n) =>
    teamCycleEvents(input, n, ctx.config.team, ctx.config.deadlines, ctx.loadedConfig.origin),
  );
}

/** Reads the stored samples and gate runs (no network) and plans the view for --date. */
export async function buildGateQueueView(ctx: Deps): Promise<GateQueueView> {
  const scope = queueScope(ctx);
  const db = await ctx.store();
  const until = `${addDays(ctx.today, 1)}T00:00:00.000Z`;
  const from = `${addDays(ctx.today, -scope.historyDays)}T00:00:00.000Z`;
  const where = { tenant: scope.tenant, pipeline: scope.pipeline };
  const { latest, samples, runs } = db.transaction(() => ({
    latest: latestSample(db, { ...where, until }),
    samples: readSamples(db, { ...where, since: from, until }),
    runs: readBuildsets(db, { ...where, projects: scope.projects, since: from, until }),
  }))();
  return planGateQueue({
    team: ctx.config.team,
    date: ctx.today,
    tenant: scope.tenant,
    pipeline: scope.pipeline,
    projects: scope.projects,
    weeks: scope.weeks,
    latest,
    samples,
    // time through the gate of the changes that merged (a reset or a failure is not a wait)
    runs: runs
      .filter((r) => r.result === 'SUCCESS')
      .map((r) => ({ endAt: r.endAt, waitMinutes: waitMinutes(r) })),
    events: queueEvents(ctx),
    sources: {
      queue: sourceAge(db, QUEUE_SOURCE, ctx.today, { title: 'Zuul gate queue' }),
      buildsets: sourceAge(db, BUILDSETS_SOURCE, ctx.today, { title: 'Zuul gate buildsets' }),
    },
  });
}
