import { parseChangePage, type GerritChange } from '../../sources/gerrit/parse.js';
import { saveChangeSnapshot } from '../../sources/gerrit/store.js';
import { changesUrl } from '../../sources/gerrit/sync.js';
import { gerritPages } from '../../sources/http/paging.js';
import type { SourceSyncResult, SyncSource } from '../../sources/registry.js';
import { STABLE_SOURCE, stableGerritScope } from './read.js';

const PAGE = 100;

/**
 * Open backports on the team's stable and unmaintained branches (every
 * series that is not end of life), for the Stable panel. The query is
 * asked conditionally: when nothing changed it costs one 304 and the
 * stored set stays; otherwise every page is read and the set replaced in
 * one transaction.
 */
export const stableSource: SyncSource = {
  name: STABLE_SOURCE,
  title: 'Gerrit open backports (stable branches)',
  async sync(ctx, deps): Promise<SourceSyncResult> {
    const scope = stableGerritScope(ctx);
    if (!scope.query)
      return { items: 0, notModified: false, summary: 'no stable branches to watch' };
    deps.progress(`stable: open changes on ${scope.branches.join(', ')}`);
    const first = changesUrl(deps.endpoints.gerrit, scope.query, PAGE, 0);
    const changes: GerritChange[] = [];
    const seen = new Set<number>();
    for await (const page of gerritPages<object>(deps.http, first, { n: PAGE, maxPages: 20 })) {
      if (page.index === 0 && page.response.notModified)
        return { items: 0, notModified: true, summary: 'nothing new' };
      // pages can shift while we read (sorted by update time): keep the first copy
      for (const c of parseChangePage(page.response.body, 'stable changes').changes) {
        if (seen.has(c.number) || !scope.branches.includes(c.branch)) continue;
        seen.add(c.number);
        changes.push(c);
      }
    }
    const at = deps.now().toISOString();
    const summary = `${changes.length} open backport${changes.length === 1 ? '' : 's'} on ${scope.branches.length} branch${scope.branches.length === 1 ? '' : 'es'}`;
    deps.commit(() => {
      saveChangeSnapshot(deps.db, scope.query, at, changes);
    }, summary);
    return { items: changes.length, notModified: false, summary };
  },
};
