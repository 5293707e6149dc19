import { positionAt } from '../calendar/cycle.js';
import { teamCycleEvents } from '../calendar/team-events.js';
import type { CalendarInput, CycleEvent, CyclePosition } from '../calendar/model.js';
import type { Context } from '../cli/context.js';
import { openRequestsOf, teamActions } from '../actions/read.js';
import type { OpenRequest } from '../actions/plan.js';
import { UsageError } from '../core/errors.js';
import { findSeries, nextSeries } from '../data/releases/series.js';
import { teamDeliverables } from '../team/plan.js';
import { planBrief, type BriefSection, type BriefView } from './plan.js';

export interface BriefOptions {
  readonly horizonWeeks?: number;
  readonly sections?: BriefSection[];
  /** `--series`: the release actions of that series (default: the series at the date). */
  readonly series?: string;
  /** Release requests open in openstack/releases (the review source), for `proposed` actions. */
  readonly openRequests?: readonly OpenRequest[];
}

/**
 * The brief as the command and the Overview page show it: with the review
 * desk's block and its open requests (which make actions `proposed`) when
 * release requests were synced.
 */
export async function buildFullBrief(
  ctx: Context,
  opts: Omit<BriefOptions, 'sections' | 'openRequests'> = {},
): Promise<BriefView> {
  const { reviewForBrief } = await import('../review/brief.js');
  const review = await reviewForBrief(ctx);
  return buildBrief(ctx, {
    ...opts,
    sections: review ? [review.section] : [],
    ...(review ? { openRequests: openRequestsOf(review.view) } : {}),
  });
}

/** Reads what the brief needs from the context (data, config) and plans it. */
export function buildBrief(ctx: Context, opts: BriefOptions = {}): BriefView {
  const input = ctx.calendarInput;
  const position = positionAt(input, ctx.today);
  const actionsSeries = opts.series ? findSeries(input.series, opts.series) : position.series;
  if (!actionsSeries)
    throw new UsageError(`--series ${opts.series ?? ''}: not a series of data/series_status.yaml`);
  const actions = teamActions(
    {
      releases: ctx.data.releases,
      calendar: input,
      team: ctx.team,
      config: ctx.config,
      today: ctx.today,
      openRequests: opts.openRequests ?? [],
      defaultSeries: position.series.name,
    },
    actionsSeries.name,
    { withPrevious: opts.series === undefined },
  );
  const team = ctx.team;
  const events = eventsAround(ctx, input, position);
  const files = ctx.data.releases;
  const deliverables = teamDeliverables(
    team,
    input.series,
    position.series.name,
    files,
    ctx.config,
  );
  const notes = [...ctx.loadedConfig.notes];
  if (files.deliverableNames(position.series.name).length === 0) {
    const from = deliverables.find((d) => d.fileSeries)?.fileSeries;
    notes.push(
      `${position.series.name} has no deliverable files in the releases data yet` +
        (from ? `; release models are taken from ${from}` : ''),
    );
  }
  return planBrief({
    today: ctx.today,
    team: team.name,
    position,
    events,
    deliverables,
    horizonWeeks: opts.horizonWeeks ?? 8,
    sections: opts.sections ?? [],
    notes: [...new Set([...notes, ...actions.notes])],
    actions,
    dataAsOf: ctx.data.dataAsOf ?? null,
    dataSource: ctx.data.describe,
  });
}

/** Events of the current series and of the next one (the horizon may cross into it). */
export function eventsAround(
  ctx: Context,
  input: CalendarInput,
  position: CyclePosition,
): CycleEvent[] {
  const team = ctx.config.team;
  const file = ctx.loadedConfig.origin;
  const events = teamCycleEvents(input, position.series.name, team, ctx.config.deadlines, file);
  const next = nextSeries(input.series, position.series.name);
  if (next && input.schedules.has(next.name)) {
    events.push(...teamCycleEvents(input, next.name, team, ctx.config.deadlines, file));
  }
  return events;
}
