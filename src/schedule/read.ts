import { positionAt } from '../calendar/cycle.js';
import { scheduleUrl } from '../calendar/events.js';
import { teamCycleEvents } from '../calendar/team-events.js';
import type { Deps } from '../core/deps.js';
import { UsageError } from '../core/errors.js';
import { findSeries } from '../data/releases/series.js';
import { planSchedule, type ScheduleOptions, type ScheduleView } from './plan.js';

export function buildSchedule(ctx: Deps, opts: ScheduleOptions = {}): ScheduleView {
  const input = ctx.calendarInput;
  const series = opts.series
    ? findSeries(input.series, opts.series)
    : positionAt(input, ctx.today).series;
  if (!series) {
    throw new UsageError(
      `unknown series "${opts.series}"; known: ${input.series.map((s) => s.name).join(', ')}`,
    );
  }
  const schedule = input.schedules.get(series.name);
  if (!schedule) {
    const known = input.series.filter((s) => input.schedules.has(s.name)).map((s) => s.name);
    throw new UsageError(
      `no schedule for series ${series.name} in the releases data; schedules exist for: ${known.join(', ')}`,
    );
  }
  const events = teamCycleEvents(
    input,
    series.name,
    ctx.config.team,
    ctx.config.deadlines,
    ctx.loadedConfig.origin,
    opts.allTeams === true,
  );
  return planSchedule({
    today: ctx.today,
    team: ctx.team.name,
    series,
    schedule,
    events,
    url: scheduleUrl(series.name),
    dataAsOf: ctx.data.dataAsOf ?? null,
    meetings: ctx.config.meetings ?? [],
  });
}
