import type { ReleasesData } from '../data/releases/releases-data.js';
import type { Schedule } from '../data/releases/schedule.js';
import type { ScheduleLabel } from '../data/releases/schedule-labels.js';
import type { CalendarInput, Lookup } from './model.js';

/**
 * The calendar's view of a releases tree. Schedules and labels are read on
 * first use, so a command that needs one schedule parses only that one.
 */
export function calendarInput(data: ReleasesData): CalendarInput {
  const schedules: Lookup<Schedule> = {
    get: (name) => data.schedule(name),
    has: (name) => data.schedule(name) !== undefined,
  };
  let labels: Map<string, ScheduleLabel> | undefined;
  const labelLookup: Lookup<ScheduleLabel> = {
    get: (key) => (labels ??= data.labels()).get(key),
    has: (key) => (labels ??= data.labels()).has(key),
  };
  return { series: data.series(), schedules, labels: labelLookup };
}
