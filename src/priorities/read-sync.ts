import { gerritPages } from '../sources/http/paging.js';
import type { SourceSyncResult, SyncSource } from '../sources/registry.js';
import { CHANGE_OPTIONS, parseImplementingChange, type ImplementingChange } from './read-gerrit.js';
import { fetchBlueprint, fetchSeriesBlueprints, type Blueprint } from './read-launchpad.js';
import { BLUEPRINTS_SOURCE, CHANGES_SOURCE, prioritiesScope } from './read.js';
import {
  missingCheckedAt,
  readBlueprints,
  readQueryState,
  saveBlueprint,
  saveMissing,
  saveQueryState,
  saveSeriesBlueprints,
  touchBlueprint,
  upsertChanges,
} from './store.js';

/** A blueprint read on its own (not targeted to the series) is asked again after a day. */
const RECHECK_MS = 24 * 3600 * 1000;
const PAGE = 100;

/**
 * Launchpad blueprints of the team's projects targeted to the series (one
 * collection per project, asked conditionally: nothing changed → one 304
 * each), and the priorities' blueprints that no series collection lists,
 * read one by one at most once a day.
 */
export const blueprintsSource: SyncSource = {
  name: BLUEPRINTS_SOURCE,
  title: 'Launchpad blueprints (priorities)',
  async sync(ctx, deps): Promise<SourceSyncResult> {
    const scope = prioritiesScope(ctx);
    const codename = scope.series.name;
    const base = deps.endpoints.launchpad;
    const at = deps.now().toISOString();
    const series: { project: string; list: Blueprint[] }[] = [];
    for (const project of scope.launchpadProjects) {
      deps.progress(`blueprints: ${project}/${codename}`);
      const r = await fetchSeriesBlueprints(deps.http, base, project, codename);
      if (!r.notModified) series.push({ project, list: r.blueprints });
    }
    const stored = readBlueprints(deps.db);
    const inSeries = (name: string, project: string | null) =>
      series.some((s) =>
        s.list.some((b) => b.name === name && (!project || s.project === project)),
      ) ||
      stored.some(
        (b) => b.series === codename && b.name === name && (!project || b.project === project),
      );
    const single: { kind: 'found' | 'same'; b: Blueprint }[] = [];
    const missing: { project: string; name: string }[] = [];
    for (const def of scope.defs) {
      const bp = def.blueprint;
      if (!bp || inSeries(bp.name, bp.project)) continue;
      const project =
        bp.project ?? stored.find((b) => b.name === bp.name)?.project ?? scope.launchpadProjects[0];
      if (!project) continue;
      const known = stored.find((b) => b.project === project && b.name === bp.name);
      const fresh = (when: string | undefined) =>
        when !== undefined && Date.parse(at) - Date.parse(when) < RECHECK_MS;
      if (fresh(known?.fetchedAt) || fresh(missingCheckedAt(deps.db, project, bp.name))) continue;
      deps.progress(`blueprints: ${project}/+spec/${bp.name}`);
      const r = await fetchBlueprint(deps.http, base, project, bp.name);
      if (r.blueprint) single.push({ kind: r.notModified ? 'same' : 'found', b: r.blueprint });
      else missing.push({ project, name: bp.name });
    }
    const count = series.reduce((n, s) => n + s.list.length, 0);
    const changed =
      series.length + single.filter((s) => s.kind === 'found').length + missing.length;
    const summary =
      changed === 0
        ? 'nothing new'
        : `${count} blueprint${count === 1 ? '' : 's'} targeted to ${codename} in ${series.map((s) => s.project).join(', ') || 'no changed project'}; ${single.length} read on their own${missing.length ? `, ${missing.length} not in Launchpad` : ''}`;
    deps.commit(() => {
      for (const s of series) saveSeriesBlueprints(deps.db, s.project, codename, s.list, at);
      for (const s of single)
        if (s.kind === 'found') saveBlueprint(deps.db, s.b, at);
        else touchBlueprint(deps.db, s.b.project, s.b.name, at);
      for (const m of missing) saveMissing(deps.db, m.project, m.name, at);
    }, summary);
    return { items: count + single.length, notModified: changed === 0, summary };
  },
};

/**
 * Gerrit changes implementing the priorities (open, merged and abandoned:
 * an abandoned change must leave the view). Incremental: the query's
 * first page is asked conditionally (nothing changed → one 304); results
 * come newest update first, so pages are read only down to the newest
 * update already stored for the same query.
 */
export const changesSource: SyncSource = {
  name: CHANGES_SOURCE,
  title: 'Gerrit changes implementing the priorities',
  async sync(ctx, deps): Promise<SourceSyncResult> {
    const scope = prioritiesScope(ctx);
    if (!scope.query)
      return { items: 0, notModified: false, summary: 'no blueprint or topic to look for' };
    const state = readQueryState(deps.db, scope.query);
    const q = new URLSearchParams([
      ['q', scope.query],
      ...CHANGE_OPTIONS.map((o): [string, string] => ['o', o]),
    ]);
    const first = `${deps.endpoints.gerrit.replace(/\/+$/, '')}/changes/?${q.toString()}`;
    const found = new Map<number, ImplementingChange>();
    for await (const page of gerritPages<object>(deps.http, first, { n: PAGE, maxPages: 50 })) {
      if (page.index === 0 && page.response.notModified && state)
        return { items: 0, notModified: true, summary: 'nothing new' };
      const parsed = page.items.map((raw, i) =>
        parseImplementingChange(raw, `changes[${page.index * PAGE + i}]`),
      );
      // pages can shift while we read (sorted by update time): keep the first copy
      for (const c of parsed) if (!found.has(c.number)) found.set(c.number, c);
      const oldest = parsed[parsed.length - 1]?.updated;
      if (state?.newestUpdated && oldest && oldest < state.newestUpdated) break;
    }
    const list = [...found.values()];
    const newest =
      [state?.newestUpdated ?? null, ...list.map((c) => c.updated)]
        .filter((u): u is string => u !== null)
        .sort()
        .pop() ?? null;
    const at = deps.now().toISOString();
    const fresh = list.filter(
      (c) => !state?.newestUpdated || (c.updated ?? '') > state.newestUpdated,
    );
    const summary = `${fresh.length} new or updated change${fresh.length === 1 ? '' : 's'} (${list.length} read)`;
    deps.commit(() => {
      upsertChanges(deps.db, list);
      saveQueryState(deps.db, scope.query, at, newest);
    }, summary);
    return { items: fresh.length, notModified: false, summary };
  },
};
