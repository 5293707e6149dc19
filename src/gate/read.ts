import type { Deps } from '../core/deps.js';
import { addDays } from '../core/dates.js';
import { sourceAge } from '../sources/age.js';
import { zuulScope } from '../sources/zuul/scope.js';
import { readBuildRefs, readGateSeries } from '../sources/zuul/store.js';
import {
  computeGateJobs,
  linkedBuilds,
  wantedSeries,
  type GateOptions,
  type GateView,
} from './plan.js';

/** Reads stored builds (no network) and computes the gate view for `ctx.today`. */
export async function buildGateView(ctx: Deps, opts: GateOptions = {}): Promise<GateView> {
  const scope = zuulScope(ctx);
  const days = opts.days ?? scope.days;
  const db = await ctx.store();
  const since = addDays(ctx.today, -(days - 1));
  // one read transaction: the linked rows are those of the series just read
  const { series, refs } = db.transaction(() => {
    const series = wantedSeries(
      readGateSeries(db, {
        tenant: scope.tenant,
        projects: scope.projects,
        pipelines: scope.pipelines,
        since: `${since}T00:00:00.000Z`,
        until: `${addDays(ctx.today, 1)}T00:00:00.000Z`,
      }),
      scope.jobs,
    );
    return { series, refs: readBuildRefs(db, linkedBuilds(series)) };
  })();
  const jobs = computeGateJobs(series, refs, { zuulBase: scope.zuulBase, tenant: scope.tenant });
  const source = sourceAge(db, 'zuul', ctx.today, { title: 'Zuul' });
  const seen = new Set(jobs.map((j) => j.name));
  const failing = jobs.filter((j) => j.streak.result === 'FAILURE').length;
  return {
    team: ctx.config.team,
    date: ctx.today,
    days,
    since,
    projects: scope.projects,
    pipelines: scope.pipelines,
    dataAsOf: source.syncedAt,
    source,
    jobs,
    missing: (scope.jobs ?? []).filter((j) => !seen.has(j)),
    counts: {
      jobs: jobs.length,
      passing: jobs.length - failing,
      failing,
      flaky: jobs.filter((j) => j.flaky).length,
    },
  };
}
