import { addDays, compareDates, daysBetween, mondayOf, type IsoDate } from '../core/dates.js';
import { UsageError } from '../core/errors.js';
import type { Schedule } from '../data/releases/schedule.js';
import { findSeries, type Series } from '../data/releases/series.js';
import type { CalendarInput, CyclePosition } from './model.js';

/**
 * Monday of a series' release week (R+0). The coordinated release date of
 * series_status falls in that week, so no schedule needs to be read; the
 * schedule's `release-week` is the fallback for series without one.
 */
export function releaseWeekOf(input: CalendarInput, series: Series): IsoDate | undefined {
  if (series.initialRelease) return mondayOf(series.initialRelease);
  const schedule = input.schedules.get(series.name);
  return schedule ? mondayOf(schedule.releaseWeek) : undefined;
}

/** `R-n` / `R+0` / `R+n` name for the week starting `monday`. */
export function weekName(releaseWeek: IsoDate, date: IsoDate): string {
  const n = weeksBefore(releaseWeek, date);
  return n > 0 ? `R-${n}` : `R+${-n}`;
}

function weeksBefore(releaseWeek: IsoDate, date: IsoDate): number {
  return Math.round(daysBetween(mondayOf(date), mondayOf(releaseWeek)) / 7);
}

/**
 * The series a date belongs to: the oldest series whose release week has
 * not ended by that date (weeks run Monday to Sunday). After the newest
 * known release week, the newest series is counted on in `R+n` weeks.
 */
export function positionAt(input: CalendarInput, date: IsoDate): CyclePosition {
  const chronological = [...input.series].reverse();
  let chosen: { series: Series; releaseWeek: IsoDate } | undefined;
  let newest: { series: Series; releaseWeek: IsoDate } | undefined;
  for (const series of chronological) {
    const releaseWeek = releaseWeekOf(input, series);
    if (!releaseWeek) continue;
    newest = { series, releaseWeek };
    if (compareDates(date, addDays(releaseWeek, 6)) <= 0) {
      chosen = { series, releaseWeek };
      break;
    }
  }
  const pick = chosen ?? newest;
  if (!pick) throw new UsageError('no series with a schedule or release date is known');
  const schedule = input.schedules.get(pick.series.name);
  return {
    series: pick.series,
    week: weekName(pick.releaseWeek, date),
    weeksToRelease: weeksBefore(pick.releaseWeek, date),
    weekStart: mondayOf(date),
    ...(schedule ? { schedule } : {}),
  };
}

/** First and last day of a series' cycle: the Monday after the previous release week to the Sunday of its own. */
export function cycleWindow(
  input: CalendarInput,
  series: Series,
): { start: IsoDate; end: IsoDate } | undefined {
  const releaseWeek = releaseWeekOf(input, series);
  if (!releaseWeek) return undefined;
  const i = input.series.findIndex((s) => s.name === series.name);
  const prev = input.series[i + 1];
  const prevWeek = prev ? releaseWeekOf(input, prev) : undefined;
  const schedule: Schedule | undefined = input.schedules.get(series.name);
  const start = prevWeek
    ? addDays(prevWeek, 7)
    : (schedule?.startWeek ?? addDays(releaseWeek, -26 * 7));
  return { start, end: addDays(releaseWeek, 6) };
}

/**
 * The series a view is about: the one named (name or release id), else the
 * series being released at `date` (the cycle `date` falls in).
 */
export function seriesAt(input: CalendarInput, date: IsoDate, name?: string): Series {
  if (name === undefined) return positionAt(input, date).series;
  const s = findSeries(input.series, name);
  if (!s) throw new UsageError(`--series ${name}: unknown series`);
  return s;
}
