import type { Deps } from '../core/deps.js';
import { addDays } from '../core/dates.js';
import { zuulPages } from '../sources/http/paging.js';
import type { SourceSyncResult, SyncSource } from '../sources/registry.js';
import { zuulScope } from '../sources/zuul/scope.js';
import { readGateBuildset, type GateBuildset } from './read-queue-buildsets.js';
import { readTeamQueue } from './read-queue-status.js';
import { latestSample, maxBuildsetId, saveSample, upsertBuildsets } from './store.js';

/** Keys in `source_sync`. */
export const QUEUE_SOURCE = 'gate-queue';
export const BUILDSETS_SOURCE = 'gate-buildsets';

/** The shared OpenStack gate queue (project-config `queue: integrated`) when nothing else names one. */
export const DEFAULT_QUEUE = 'integrated';

/** What the gate-queue capability watches: the team's repositories in one pipeline of one tenant. */
export interface QueueScope {
  readonly zuulBase: string;
  readonly tenant: string;
  readonly pipeline: string;
  readonly projects: readonly string[];
  readonly queue?: string;
  /** How far back the first buildsets sync reads. */
  readonly historyDays: number;
  /** How many weeks of samples the view draws. */
  readonly weeks: number;
}

export function queueScope(ctx: Deps): QueueScope {
  const base = zuulScope(ctx);
  const gate = ctx.config.gate ?? {};
  return {
    zuulBase: base.zuulBase,
    tenant: base.tenant,
    pipeline: gate['queue-pipeline'] ?? 'gate',
    projects: base.projects,
    ...(gate.queue ? { queue: gate.queue } : {}),
    historyDays: gate['queue-history-days'] ?? 400,
    weeks: gate['queue-weeks'] ?? 8,
  };
}

const api = (scope: QueueScope, path: string) =>
  `${scope.zuulBase}/api/tenant/${encodeURIComponent(scope.tenant)}/${path}`;

/**
 * One sample of the team's shared gate queue per sync, from Zuul's live
 * status. The document changes every second, so it is never asked
 * conditionally nor cached: one request per sync.
 */
export const gateQueueSource: SyncSource = {
  name: QUEUE_SOURCE,
  title: 'Zuul gate queue',
  async sync(ctx, deps): Promise<SourceSyncResult> {
    const scope = queueScope(ctx);
    if (scope.projects.length === 0)
      return { items: 0, notModified: false, summary: 'no repositories to watch' };
    const url = api(scope, 'status');
    const r = await deps.http.getJson(url, { conditional: false });
    const previous = latestSample(deps.db, {
      tenant: scope.tenant,
      pipeline: scope.pipeline,
      until: '9999',
    });
    const snapshot = readTeamQueue(r.body, {
      url,
      pipeline: scope.pipeline,
      projects: scope.projects,
      ...(scope.queue ? { configured: scope.queue } : {}),
      previous: previous?.name ?? null,
      fallback: DEFAULT_QUEUE,
    });
    const takenAt = deps.now().toISOString();
    const mine = snapshot.teamItems.length;
    const summary = `${snapshot.name}: ${snapshot.length} in the ${scope.pipeline} queue, ${mine} of the team's`;
    deps.commit(() => {
      saveSample(deps.db, { ...snapshot, tenant: scope.tenant, takenAt });
    }, summary);
    return { items: 1, notModified: false, summary };
  },
};

/**
 * Finished gate buildsets of the team's repositories: how long each change
 * took through the gate. Incremental like the periodic builds: the newest
 * page is asked conditionally (nothing new: one 304), older pages only
 * until a stored buildset or the history horizon.
 */
export const gateBuildsetsSource: SyncSource = {
  name: BUILDSETS_SOURCE,
  title: 'Zuul gate buildsets (time through the gate)',
  async sync(ctx, deps): Promise<SourceSyncResult> {
    const scope = queueScope(ctx);
    if (scope.projects.length === 0)
      return { items: 0, notModified: false, summary: 'no repositories to watch' };
    const u = new URL(api(scope, 'buildsets'));
    for (const p of scope.projects) u.searchParams.append('project', p);
    u.searchParams.set('pipeline', scope.pipeline);
    u.searchParams.set('complete', 'true');
    const known = maxBuildsetId(deps.db, scope.tenant, scope.pipeline, scope.projects);
    const horizon = `${addDays(ctx.today, -scope.historyDays)}T00:00:00.000Z`;
    const found: GateBuildset[] = [];
    for await (const page of zuulPages<{ _id: number }>(deps.http, u.toString(), {
      limit: 100,
    })) {
      if (page.response.notModified) return { items: 0, notModified: true, summary: 'nothing new' };
      for (const raw of page.items) {
        const b = readGateBuildset(raw, scope.tenant, page.response.url);
        // a server that ignored the pipeline filter must not mix other pipelines in
        const wanted = b !== null && (b.pipeline === scope.pipeline || b.pipeline === '');
        if (b && wanted && (known === null || b.zuulId > known) && b.endAt >= horizon)
          found.push({ ...b, pipeline: scope.pipeline });
      }
      deps.progress(`gate-buildsets: page ${page.index + 1}, ${found.length} buildsets`);
      const reachedKnown = known !== null && page.items.some((b) => b._id <= known);
      const reachedHorizon = page.items.some((raw) => {
        const b = readGateBuildset(raw, scope.tenant, page.response.url);
        return b !== null && b.endAt < horizon;
      });
      if (reachedKnown || reachedHorizon) break;
    }
    const summary = `${found.length} new gate buildset${found.length === 1 ? '' : 's'}`;
    deps.commit(() => {
      upsertBuildsets(deps.db, found);
    }, summary);
    return { items: found.length, notModified: false, summary };
  },
};
