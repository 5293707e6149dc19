import { positionAt } from '../calendar/cycle.js';
import { teamCycleEvents } from '../calendar/team-events.js';
import type { Context } from '../cli/context.js';
import { UsageError } from '../core/errors.js';
import { findSeries, nextSeries, previousSeries, type Series } from '../data/releases/series.js';
import { PHASES, type Phase } from '../config/schema-workflow.js';
import { resolveRole } from '../team/plan-people.js';
import { postFinalTaskFor } from '../post-final/read.js';
import { defaultProviders, type Providers } from '../app/providers.js';
import { runCheck, type CheckEnv } from './plan-checks.js';
import { checklistSpecs, resolveItems } from './plan-items.js';
import type { ChecklistItem, ChecklistView, CheckResult } from './model.js';
import { planChecklist } from './plan.js';
import { readTicks } from './store.js';

export interface ChecklistOptions {
  readonly series?: string;
  readonly phase?: string;
  readonly providers?: Providers;
}

export function checklistSeries(ctx: Context, name: string | undefined): Series {
  if (name === undefined) return positionAt(ctx.calendarInput, ctx.today).series;
  const s = findSeries(ctx.calendarInput.series, name);
  if (!s) throw new UsageError(`--series ${name}: unknown series`);
  return s;
}

export function parsePhase(phase: string | undefined): Phase | null {
  if (phase === undefined) return null;
  if (!(PHASES as readonly string[]).includes(phase))
    throw new UsageError(`--phase ${phase}: use one of ${PHASES.join(', ')}`);
  return phase as Phase;
}

/** The team's checklist items of a series with their due dates (no state). */
export function checklistItems(ctx: Context, series: Series): ChecklistItem[] {
  const specs = checklistSpecs(ctx.team.name, ctx.config.checklists, ctx.loadedConfig.origin);
  return resolveItems(ctx.calendarInput, series.name, specs);
}

/** Reads items, ticks and checks, and plans the checklist view (one builder for CLI, JSON and the dashboard). */
export async function buildChecklist(
  ctx: Context,
  opts: ChecklistOptions = {},
): Promise<ChecklistView> {
  const series = checklistSeries(ctx, opts.series);
  const phase = parsePhase(opts.phase);
  const items = checklistItems(ctx, series);
  const selected = items.filter((i) => phase === null || i.phase === phase);
  const providers = opts.providers ?? defaultProviders;
  const env = checkEnv(ctx, series, providers);
  const checks = new Map<string, CheckResult>();
  await Promise.all(
    selected.map(async (item) => {
      const r = await runCheck(item, env);
      if (r) checks.set(item.id, r);
    }),
  );
  const db = await ctx.store();
  const team = ctx.team;
  return planChecklist({
    team: team.name,
    series: series.name,
    releaseId: series.releaseId ?? null,
    today: ctx.today,
    phase,
    items,
    ticks: readTicks(db, team.name, series.name),
    checks,
    ownerPeople: (owner) => {
      if (owner === 'team') return [];
      const r = resolveRole(owner, team, ctx.config);
      return r.ok ? r.people.map((p) => p.name) : [owner];
    },
  });
}

function checkEnv(ctx: Context, series: Series, providers: Providers): CheckEnv {
  const list = ctx.calendarInput.series;
  const team = ctx.team.name;
  const events = teamCycleEvents(
    ctx.calendarInput,
    series.name,
    team,
    ctx.config.deadlines,
    ctx.loadedConfig.origin,
  );
  return {
    series,
    next: nextSeries(list, series.name),
    previous: previousSeries(list, series.name),
    deliverable: (s, name) => ctx.data.releases.deliverable(s, name),
    teamDeadlines: events.filter((e) => e.scope === 'team').map((e) => e.id),
    postFinalTask: (taskId, newSeries) => {
      const plan = postFinalTaskFor(ctx, taskId, newSeries);
      if (!plan) return { status: 'unavailable', evidence: `no post-final task "${taskId}"` };
      if (plan.status === 'done') return { status: 'pass', evidence: plan.detail };
      return { status: plan.status === 'pending' ? 'fail' : 'unavailable', evidence: plan.detail };
    },
    external: (kind, item) =>
      providers.check(ctx, kind, {
        ...(item.check?.deliverable ? { deliverable: item.check.deliverable } : {}),
        due: item.due,
      }),
  };
}
