import { positionAt } from '../calendar/cycle.js';
import type { Deps } from '../core/deps.js';
import { teamDeliverables, teamView, type TeamCommandView } from './plan.js';

/** `liaison team`: the team of the config, its deliverables as of the series at --date, its people. */
export function buildTeamView(ctx: Deps): TeamCommandView {
  const series = positionAt(ctx.calendarInput, ctx.today).series.name;
  const team = ctx.team;
  const deliverables = teamDeliverables(
    team,
    ctx.calendarInput.series,
    series,
    ctx.data.releases,
    ctx.config,
  );
  return {
    ...teamView(team, deliverables, ctx.config),
    series,
    dataAsOf: ctx.data.dataAsOf ?? null,
  };
}
