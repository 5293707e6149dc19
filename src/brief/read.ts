import { positionAt } from '../calendar/cycle.js';
import { seriesStatusAt } from '../calendar/series-status.js';
import { teamEventsOf } from '../calendar/team-events.js';
import type { Deps } from '../core/deps.js';
import { teamDeliverables } from '../team/plan.js';
import { meetingViews } from '../meetings/plan.js';
import { openRequestsOf } from '../actions/plan.js';
import { planBrief, type BriefOptions, type BriefView } from './plan.js';

/**
 * Reads what the brief needs (data, config, the review desk's summary from
 * the store) and plans it: the one builder behind `liaison brief`, its
 * `--json`, the Overview page and `/api/brief`.
 */
export async function buildBrief(ctx: Deps, opts: BriefOptions = {}): Promise<BriefView> {
  const input = ctx.calendarInput;
  const position = positionAt(input, ctx.today);
  const team = ctx.team;
  const events = teamEventsOf(ctx, position);
  const files = ctx.data.releases;
  const deliverables = teamDeliverables(
    team,
    input.series,
    position.series.name,
    files,
    ctx.config,
  );
  const review = await ctx.views.reviewSummary(ctx);
  // the release actions, with the open requests of the review desk as `proposed`
  const actions = await ctx.views.releaseActions(ctx, {
    ...(opts.series !== undefined ? { series: opts.series } : {}),
    withPrevious: opts.series === undefined,
    openRequests: review ? openRequestsOf(review) : [],
  });
  const notes = [...ctx.loadedConfig.notes];
  // a series without files yet: the common envelope says its models come from the previous one
  ctx.data.seriesDeliverables(position.series.name);
  return planBrief({
    today: ctx.today,
    team: team.name,
    position,
    seriesStatus: seriesStatusAt(input.series, position.series, ctx.today, files.stamp.date),
    events,
    deliverables,
    horizonWeeks: opts.horizonWeeks ?? 8,
    review,
    priorities: await ctx.views.prioritiesSummary(ctx),
    gateAdvice: await ctx.views.gateAdvice(ctx),
    actions,
    meetings: meetingViews(ctx.config.meetings ?? [], ctx.today),
    notes: [...new Set([...notes, ...actions.notes])],
    dataAsOf: ctx.data.dataAsOf ?? null,
    dataSource: ctx.data.describe,
  });
}
