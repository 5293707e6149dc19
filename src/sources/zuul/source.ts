import { addDays } from '../../core/dates.js';
import { zuulPages } from '../http/paging.js';
import type { SourceSyncResult, SyncSource } from '../registry.js';
import { readBuild, type Build } from './builds.js';
import { buildsUrl, zuulScope } from './scope.js';
import { maxStoredId, upsertBuilds } from './store.js';

/**
 * Zuul periodic builds of the team's repositories. Incremental: the first
 * page (newest builds, same URL every run) is asked conditionally, so with
 * nothing new the whole sync is one 304. Otherwise pages go back (by
 * `idx_max`) until a page reaches a build already stored, or the history
 * horizon on the first sync.
 */
export const zuulSource: SyncSource = {
  name: 'zuul',
  title: 'Zuul periodic builds',
  async sync(ctx, deps): Promise<SourceSyncResult> {
    const scope = zuulScope(ctx);
    if (scope.projects.length === 0)
      return { items: 0, notModified: false, summary: 'no repositories to watch' };
    const url = buildsUrl(scope);
    const known = maxStoredId(deps.db, scope.tenant, scope.projects, scope.pipelines);
    const horizon = `${addDays(ctx.today, -scope.historyDays)}T00:00:00.000Z`;
    const builds: Build[] = [];
    for await (const page of zuulPages<{ _id: number }>(deps.http, url, {
      limit: scope.pageSize,
    })) {
      if (page.response.notModified) return { items: 0, notModified: true, summary: 'nothing new' };
      for (const raw of page.items) {
        const b = readBuild(raw, scope.tenant, page.response.url);
        if (b) builds.push(b);
      }
      deps.progress(`zuul: page ${page.index + 1}, ${builds.length} builds`);
      const reachedKnown = known !== null && page.items.some((b) => b._id <= known);
      const reachedHorizon = builds.some((b) => b.startTime < horizon);
      if (reachedKnown || reachedHorizon) break;
    }
    const fresh = builds.filter((b) => known === null || b.zuulId > known).length;
    deps.commit(() => {
      upsertBuilds(deps.db, builds);
    }, `${fresh} new builds`);
    return {
      items: fresh,
      notModified: false,
      summary: `${fresh} new build${fresh === 1 ? '' : 's'}`,
    };
  },
};
