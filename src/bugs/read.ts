import { seriesAt } from '../calendar/cycle.js';
import type { Deps } from '../core/deps.js';
import { loadMilestones, loadProjects, loadTasks } from '../sources/launchpad/store.js';
import { sourceAge } from '../sources/age.js';
import {
  launchpadProjects,
  nextMilestone,
  planBugs,
  rcTag,
  type BugsOptions,
  type BugsView,
} from './plan.js';

export async function buildBugsView(ctx: Deps, opts: BugsOptions = {}): Promise<BugsView> {
  const series = seriesAt(ctx.calendarInput, ctx.today, opts.series);
  const projects = launchpadProjects(ctx, series);
  const db = await ctx.store();
  const stored = new Map(loadProjects(db, projects).map((p) => [p.project, p]));
  // only snapshots taken for this series count (the rc tag and milestones differ per series)
  const current = projects.filter((p) => stored.get(p)?.codename === series.name);
  const next = new Map(
    current.map((p) => [p, nextMilestone(loadMilestones(db, p), series.name, ctx.today)?.name]),
  );
  const tasks = loadTasks(db, current, opts.onlyRcCritical ? rcTag(series.name) : undefined);
  const planned = planBugs(tasks, { codename: series.name, nextMilestones: next, projects });
  // the narrowed read still brings targeted/fix-committed rows of those bugs: keep only what was asked
  const bugs = opts.onlyRcCritical ? planned.filter((b) => b.rcCritical) : planned;
  const times = current
    .map((p) => stored.get(p)?.syncedAt ?? '')
    .filter((t) => t !== '')
    .sort();
  const dataAsOf = times[0] ?? null;
  return {
    team: ctx.team.name,
    series: series.name,
    rcTag: rcTag(series.name),
    today: ctx.today,
    projects: projects.map((name) => ({
      name,
      nextMilestone: next.get(name) ?? null,
      syncedAt: current.includes(name) ? (stored.get(name)?.syncedAt ?? null) : null,
    })),
    bugs,
    counts: {
      rcCritical: bugs.filter((b) => b.rcCritical).length,
      targeted: bugs.filter((b) => b.targeted).length,
      fixCommitted: bugs.filter((b) => b.fixCommitted).length,
    },
    dataAsOf,
    freshness: sourceAge(db, 'launchpad', ctx.today, { title: 'Launchpad' }),
  };
}
