import type { ReleasesData } from '../data/releases/releases-data.js';
import type { Schedule } from '../data/releases/schedule.js';
import type { CalendarInput } from './model.js';

/** Loads every schedule and label of a releases tree into plain data. */
export function calendarInput(data: ReleasesData): CalendarInput {
  const schedules = new Map<string, Schedule>();
  for (const s of data.series()) {
    const schedule = data.schedule(s.name);
    if (schedule) schedules.set(s.name, schedule);
  }
  return { series: data.series(), schedules, labels: data.labels() };
}
