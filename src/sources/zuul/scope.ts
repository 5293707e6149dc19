import type { Deps } from '../../core/deps.js';
import { resolveEndpoints } from '../endpoints.js';

/**
 * Which builds the team watches — shared by `liaison sync` (what to fetch)
 * and `liaison gate` (what to show). Defaults: every repository of the
 * team's deliverables (governance), pipeline `periodic`, all jobs.
 */
export interface ZuulScope {
  readonly zuulBase: string;
  readonly tenant: string;
  readonly projects: readonly string[];
  readonly pipelines: readonly string[];
  /** Only these job names; null = every job of the projects. */
  readonly jobs: readonly string[] | null;
  readonly days: number;
  readonly historyDays: number;
  readonly pageSize: number;
}

export function zuulScope(ctx: Deps): ZuulScope {
  const gate = ctx.config.gate ?? {};
  const endpoints = resolveEndpoints(ctx.config, ctx.env);
  const projects =
    gate.projects ??
    [...new Set(ctx.team.deliverables.flatMap((d) => d.repos))].filter((r) => r !== '').sort();
  return {
    zuulBase: endpoints.zuul,
    tenant: endpoints.zuulTenant,
    projects,
    pipelines: gate.pipelines ?? ['periodic'],
    jobs: gate.jobs ?? null,
    days: gate.days ?? 14,
    historyDays: gate['history-days'] ?? 45,
    pageSize: gate['page-size'] ?? 100,
  };
}

/** The `/builds` URL of the scope (without `limit`/`idx_max`, which paging adds). */
export function buildsUrl(scope: ZuulScope): string {
  const u = new URL(`${scope.zuulBase}/api/tenant/${encodeURIComponent(scope.tenant)}/builds`);
  for (const p of scope.projects) u.searchParams.append('project', p);
  for (const p of scope.pipelines) u.searchParams.append('pipeline', p);
  for (const j of scope.jobs ?? []) u.searchParams.append('job_name', j);
  // as the builds page does: finished builds only, no SKIPPED
  u.searchParams.set('complete', 'true');
  u.searchParams.set('exclude_result', 'SKIPPED');
  return u.toString();
}
