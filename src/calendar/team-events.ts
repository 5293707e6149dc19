import { mondayOf } from '../core/dates.js';
import { ConfigError } from '../core/errors.js';
import { parseDeadlineExpr, resolveDeadline } from './deadline-expr.js';
import { scheduleEvents, scheduleUrl, sortEvents } from './events.js';
import { nextSeries } from '../data/releases/series.js';
import type { CalendarInput, CycleEvent, CyclePosition } from './model.js';

export interface DeadlineSpec {
  readonly id: string;
  readonly title: string;
  readonly when: string;
  readonly owner?: string;
  readonly description?: string;
  readonly url?: string;
}

/**
 * The events of a series that concern a team: every cross-project event,
 * the team's own project-specific schedule events, and the team deadlines
 * of its config resolved in that series. Sorted by date.
 *
 * A deadline whose event this series lacks is an error naming the config
 * field; a fixed date outside the cycle simply does not apply.
 */
export function teamCycleEvents(
  input: CalendarInput,
  seriesName: string,
  team: string,
  deadlines: readonly DeadlineSpec[],
  configFile = 'liaison.yaml',
  includeOtherTeams = false,
): CycleEvent[] {
  const own = (t: string | undefined) => t !== undefined && t.toLowerCase() === team.toLowerCase();
  const fromSchedule = scheduleEvents(input, seriesName)
    .filter((e) => e.scope === 'cross-project' || includeOtherTeams || own(e.team))
    .map((e): CycleEvent =>
      e.scope === 'project-specific' && own(e.team) ? { ...e, scope: 'team' } : e,
    );
  const fromConfig: CycleEvent[] = [];
  deadlines.forEach((d, i) => {
    const parsed = parseDeadlineExpr(d.when);
    if (!parsed.ok) throw new ConfigError(parsed.error, configFile, `deadlines[${i}].when`);
    const r = resolveDeadline(input, parsed.expr, seriesName);
    if (!r.ok) {
      if (r.reason === 'not-in-series') return;
      throw new ConfigError(r.error, configFile, `deadlines[${i}].when`);
    }
    fromConfig.push({
      id: d.id,
      title: d.title,
      ...(d.description ? { description: d.description } : {}),
      date: r.date,
      ...(r.week ? { week: r.week } : {}),
      weekStart: mondayOf(r.date),
      scope: 'team',
      team,
      series: seriesName,
      owner: d.owner ?? 'team',
      url: d.url ?? scheduleUrl(seriesName),
    });
  });
  return sortEvents([...fromSchedule, ...fromConfig]);
}

/**
 * The team's events of the series at `position` and of the next one (a
 * horizon of weeks may cross into it, when its schedule is known).
 */
export function teamEventsAround(
  input: CalendarInput,
  position: CyclePosition,
  team: string,
  deadlines: readonly DeadlineSpec[],
  configFile?: string,
): CycleEvent[] {
  const events = teamCycleEvents(input, position.series.name, team, deadlines, configFile);
  const next = nextSeries(input.series, position.series.name);
  if (next && input.schedules.has(next.name))
    events.push(...teamCycleEvents(input, next.name, team, deadlines, configFile));
  return events;
}
