import type { Deps } from '../core/deps.js';
import type { FileTree } from '../data/file-tree.js';
import type { Series, SeriesStatus } from '../data/releases/series.js';
import { seriesStatusAt } from '../calendar/series-status.js';
import { seriesAt } from '../calendar/cycle.js';
import { parseGoalDoc } from './plan-goal-doc.js';
import { planGoal, type GoalsOptions, type GoalsView } from './plan.js';
import { loadGoalRecords } from './store.js';

/**
 * The goal documents of a series: `goals/completed/<id or name>/`, plus the
 * active ones in `goals/selected/` while the series is still being built.
 */
export function goalPaths(
  tree: FileTree,
  series: Series,
  status: SeriesStatus,
): { path: string; kind: 'selected' | 'completed' }[] {
  const rst = (dir: string) =>
    tree
      .list(dir)
      .filter((f) => f.endsWith('.rst') && f !== 'index.rst')
      .map((f) => `${dir}/${f}`);
  const completed = [
    ...new Set([series.releaseId, series.name].filter((s): s is string => !!s)),
  ].flatMap((d) => rst(`goals/completed/${d}`));
  const selected = status === 'development' || status === 'future' ? rst('goals/selected') : [];
  return [
    ...selected.map((path) => ({ path, kind: 'selected' as const })),
    ...completed.map((path) => ({ path, kind: 'completed' as const })),
  ];
}

export async function buildGoalsView(ctx: Deps, opts: GoalsOptions = {}): Promise<GoalsView> {
  const series = seriesAt(ctx.calendarInput, ctx.today, opts.series);
  const gov = ctx.data.governance;
  const team = ctx.team;
  const names = [team.name, ...team.deliverables.map((d) => d.name)];
  const repos = team.deliverables
    .filter((d) => d.releaseManagement === undefined)
    .flatMap((d) => d.repos);
  const db = await ctx.store();
  const records = loadGoalRecords(db, team.name, series.name);
  const goals = goalPaths(
    gov.tree,
    series,
    seriesStatusAt(ctx.calendarInput.series, series, ctx.today, ctx.data.releases.stamp.date),
  ).map(({ path, kind }) => {
    const doc = parseGoalDoc(gov.text(path) ?? '', path);
    return planGoal(doc, kind, names, records.get(doc.id), series, repos);
  });
  const notes: string[] = [];
  if (goals.length === 0) notes.push(`governance lists no community goals for ${series.name}`);
  const unknown = goals.filter((g) => g.statusSource === 'none').map((g) => g.id);
  if (unknown.length > 0)
    notes.push(
      `no status recorded for ${unknown.join(', ')}: record it with \`liaison goals set GOAL STATUS --owner NAME\``,
    );
  const stamp = gov.stamp;
  return {
    team: team.name,
    series: series.name,
    seriesId: series.releaseId ?? series.name,
    today: ctx.today,
    goals,
    dataAsOf: stamp.date ?? null,
    governance:
      `openstack/governance ${stamp.commit ? stamp.commit.slice(0, 10) + ' ' : ''}${stamp.date ? `of ${stamp.date}` : ''}`.trim(),
    notes,
  };
}
