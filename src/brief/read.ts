import { positionAt } from '../calendar/cycle.js';
import { teamCycleEvents } from '../calendar/team-events.js';
import type { CalendarInput, CycleEvent, CyclePosition } from '../calendar/model.js';
import type { Context } from '../cli/context.js';
import { nextSeries } from '../data/releases/series.js';
import { teamDeliverables } from '../team/plan.js';
import { planBrief, type BriefSection, type BriefView } from './plan.js';

/** Reads what the brief needs from the context (data, config) and plans it. */
export function buildBrief(
  ctx: Context,
  opts: { horizonWeeks?: number; sections?: BriefSection[] } = {},
): BriefView {
  const input = ctx.calendarInput;
  const position = positionAt(input, ctx.today);
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
    notes,
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
