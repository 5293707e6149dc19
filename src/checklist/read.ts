import { seriesAt } from '../calendar/cycle.js';
import { teamCycleEvents } from '../calendar/team-events.js';
import type { Deps } from '../core/deps.js';
import { UsageError } from '../core/errors.js';
import { previousSeries, type Series } from '../data/releases/series.js';
import { followingSeries } from '../calendar/next-series.js';
import { PHASES, type Phase } from '../config/schema-workflow.js';
import { resolveRole } from '../team/plan-people.js';
import { externalCheck } from './read-checks.js';
import { runCheck, type CheckEnv } from './plan-checks.js';
import { checklistSpecs, resolveItems } from './plan-items.js';
import {
  planChecklist,
  type ChecklistItem,
  type ChecklistOptions,
  type ChecklistView,
  type CheckResult,
} from './plan.js';
import { readTicks } from './store.js';

export function parsePhase(phase: string | undefined): Phase | null {
  if (phase === undefined) return null;
  if (!(PHASES as readonly string[]).includes(phase))
    throw new UsageError(`--phase ${phase}: use one of ${PHASES.join(', ')}`);
  return phase as Phase;
}

/** The team's checklist items of a series with their due dates (no state). */
export function checklistItems(ctx: Deps, series: Series): ChecklistItem[] {
  const specs = checklistSpecs(ctx.team.name, ctx.config.checklists, ctx.loadedConfig.origin);
  return resolveItems(ctx.calendarInput, series.name, specs);
}

/** Reads items, ticks and checks, and plans the checklist view (one builder for CLI, JSON and the dashboard). */
export async function buildChecklist(
  ctx: Deps,
  opts: ChecklistOptions = {},
): Promise<ChecklistView> {
  const series = seriesAt(ctx.calendarInput, ctx.today, opts.series);
  const phase = parsePhase(opts.phase);
  const items = checklistItems(ctx, series);
  const selected = items.filter((i) => phase === null || i.phase === phase);
  const env = checkEnv(ctx, series);
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

function checkEnv(ctx: Deps, series: Series): CheckEnv {
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
    // after the newest known release the next series is projected from its id (no name yet)
    next: followingSeries(list, series)?.series,
    previous: previousSeries(list, series.name),
    // a series without files yet: the files init-series will make (no release, branch, highlights)
    deliverable: (s, name) => ctx.data.seriesDeliverables(s).deliverable(name),
    teamDeadlines: events.filter((e) => e.scope === 'team').map((e) => e.id),
    postFinalTask: async (taskId, newSeries) => {
      const plan = await ctx.views.postFinalTask(ctx, taskId, newSeries);
      if (!plan) return { status: 'unavailable', evidence: `no post-final task "${taskId}"` };
      if (plan.status === 'done') return { status: 'pass', evidence: plan.detail };
      return { status: plan.status === 'pending' ? 'fail' : 'unavailable', evidence: plan.detail };
    },
    external: (kind, item) =>
      externalCheck(ctx, kind, {
        ...(item.check?.deliverable ? { deliverable: item.check.deliverable } : {}),
        due: item.due,
      }),
  };
}
