import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { scheduleEvents } from '../calendar/events.js';
import type { Deps } from '../core/deps.js';
import type { IsoDate } from '../core/dates.js';
import type { Deliverable } from '../data/releases/deliverables.js';
import type { Series } from '../data/releases/series.js';
import { gitSync } from '../git/run.js';
import { seriesAt } from '../calendar/cycle.js';
import { rcTag } from '../bugs/plan.js';
import { openChangesQuery } from '../sources/gerrit/sync.js';
import type { Db } from '../store/db.js';
import { planFreezeWindow, type FreezeWindow } from './plan-window.js';

/** What the freeze guard watches for a series: its RC window, repositories, branches and Gerrit query. */
export interface FreezeScope {
  readonly series: Series;
  readonly window: FreezeWindow;
  readonly projects: readonly string[];
  readonly branches: readonly string[];
  readonly query: string;
  readonly rcTag: string;
}

/**
 * The team's cycle-with-rc deliverables of the series (config `ignore`
 * respected). Only the team's files are read: governance names them.
 */
export function rcDeliverables(ctx: Deps, series: string): Deliverable[] {
  const ignored = (name: string) => ctx.config.deliverables?.[name]?.ignore === true;
  return (
    ctx.team.deliverables
      .filter((g) => g.releaseManagement === undefined && !ignored(g.name))
      // a series without files yet: the models init-series will copy (no releases yet)
      .map((g) => ctx.data.seriesDeliverables(series).deliverable(g.name))
      .filter((d): d is Deliverable => d !== undefined && d.model === 'cycle-with-rc')
  );
}

/**
 * When an RC was released: the commit that added it to a releases
 * checkout (git history), else a released Launchpad milestone
 * `<codename>-rcN` of the deliverable's project, else unknown.
 */
export function rcDateResolver(
  ctx: Deps,
  series: Series,
  db: Db | undefined,
): (
  deliverable: string,
  version: string,
  n: number,
) => { date: IsoDate; source: string } | undefined {
  const root = ctx.data.releases.tree.absolute('');
  const isGit = root !== undefined && existsSync(join(root, '.git'));
  return (deliverable, version, n) => {
    if (isGit) {
      const out = gitSync(root, [
        'log',
        '--format=%cs',
        '-S',
        `version: ${version}`,
        '--',
        `deliverables/${series.name}/${deliverable}.yaml`,
      ]);
      const oldest = out.trim().split('\n').filter(Boolean).pop();
      if (oldest) return { date: oldest, source: 'releases git history' };
    }
    const project = ctx.data.releases.deliverable(series.name, deliverable)?.launchpad;
    if (db && project) {
      const row = db
        .prepare(
          'SELECT date_targeted FROM lp_milestone WHERE project = ? AND name = ? AND released = 1',
        )
        .get(project, `${series.name}-rc${n}`) as { date_targeted: string | null } | undefined;
      if (row?.date_targeted)
        return { date: row.date_targeted, source: `Launchpad milestone ${series.name}-rc${n}` };
    }
    return undefined;
  };
}

export function freezeScope(ctx: Deps, opts: { series?: string; db?: Db } = {}): FreezeScope {
  const series = seriesAt(ctx.calendarInput, ctx.today, opts.series);
  const window = planFreezeWindow({
    series: series.name,
    seriesId: series.releaseId ?? series.name,
    events: scheduleEvents(ctx.calendarInput, series.name),
    ...(series.initialRelease ? { initialRelease: series.initialRelease } : {}),
    deliverables: rcDeliverables(ctx, series.name),
    today: ctx.today,
    rcDate: rcDateResolver(ctx, series, opts.db),
  });
  const projects = [...new Set(window.deliverables.flatMap((d) => d.repos))].sort();
  const branches = ['master', window.stableBranch];
  return {
    series,
    window,
    projects,
    branches,
    query: projects.length > 0 ? openChangesQuery(projects, branches) : '',
    rcTag: rcTag(series.name),
  };
}
