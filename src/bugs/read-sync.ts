import { seriesAt } from '../calendar/cycle.js';
import { launchpadProjects } from './plan.js';
import type { SourceSyncResult, SyncSource } from '../sources/registry.js';
import { saveProjectSnapshot, touchProjectSnapshot } from '../sources/launchpad/store.js';
import { syncLaunchpad } from '../sources/launchpad/sync.js';

/**
 * Launchpad bugs of the team's projects for the series being released
 * (see src/sources/launchpad/sync.ts for the requests). All projects are stored in one commit:
 * a failure on any of them leaves every previous snapshot as it was.
 */
export const launchpadSource: SyncSource = {
  name: 'launchpad',
  title: 'Launchpad bugs',
  async sync(ctx, deps): Promise<SourceSyncResult> {
    const series = seriesAt(ctx.calendarInput, ctx.today);
    const projects = launchpadProjects(ctx, series);
    if (projects.length === 0)
      return { items: 0, notModified: false, summary: 'no Launchpad projects to watch' };
    const at = deps.now().toISOString();
    const results = await syncLaunchpad({
      http: deps.http,
      db: deps.db,
      baseUrl: deps.endpoints.launchpad,
      projects,
      codename: series.name,
      today: ctx.today,
      at,
      progress: deps.progress,
    });
    const refreshed = results.filter((r) => r.snapshot);
    const bugs = results.reduce((n, r) => n + r.bugs, 0);
    const where = `${projects.length} project${projects.length === 1 ? '' : 's'}`;
    const summary =
      refreshed.length === 0
        ? `nothing new (${bugs} bugs in ${where})`
        : `${bugs} bugs in ${where} (${refreshed.map((r) => r.project).join(', ')} refreshed)`;
    deps.commit(() => {
      for (const r of results) {
        if (r.snapshot) saveProjectSnapshot(deps.db, r.snapshot);
        else touchProjectSnapshot(deps.db, r.project, at);
      }
    }, summary);
    return { items: bugs, notModified: refreshed.length === 0, summary };
  },
};
