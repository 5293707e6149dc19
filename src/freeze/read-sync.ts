import { freezeScope } from './read-scope.js';
import type { SourceSyncResult, SyncSource } from '../sources/registry.js';
import { saveChangeSnapshot } from '../sources/gerrit/store.js';
import { syncOpenChanges } from '../sources/gerrit/sync.js';

/**
 * Open changes on master and the new stable branch of the team's
 * cycle-with-rc repositories, for the freeze guard. Outside the RC period
 * there is nothing to watch and no request is made.
 */
export const gerritSource: SyncSource = {
  name: 'gerrit',
  title: 'Gerrit open changes (freeze guard)',
  async sync(ctx, deps): Promise<SourceSyncResult> {
    const scope = freezeScope(ctx, { db: deps.db });
    if (scope.projects.length === 0)
      return { items: 0, notModified: false, summary: 'no cycle-with-rc repositories to watch' };
    if (!scope.window.active) {
      return {
        items: 0,
        notModified: false,
        summary: `not in the ${scope.series.name} RC period (${scope.window.phase})`,
      };
    }
    deps.progress(`gerrit: open changes of ${scope.projects.join(', ')}`);
    const changes = await syncOpenChanges({
      http: deps.http,
      baseUrl: deps.endpoints.gerrit,
      query: scope.query,
    });
    const at = deps.now().toISOString();
    const summary = `${changes.length} open change${changes.length === 1 ? '' : 's'} on ${scope.branches.join(' and ')}`;
    deps.commit(() => {
      saveChangeSnapshot(deps.db, scope.query, at, changes);
    }, summary);
    return { items: changes.length, notModified: false, summary };
  },
};
