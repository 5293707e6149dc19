import { addDays, compareDates, mondayOf, type IsoDate } from '../core/dates.js';
import type { ScheduleLabel } from '../data/releases/schedule-labels.js';
import type { ScheduleWeek } from '../data/releases/schedule.js';
import { datesInText } from './explicit-dates.js';
import type { CalendarInput, CycleEvent, EventScope } from './model.js';

export const SCHEDULE_URL = 'https://releases.openstack.org';

export function scheduleUrl(series: string, label?: string): string {
  return `${SCHEDULE_URL}/${series}/schedule.html${label ? `#${label}` : ''}`;
}

/**
 * The deadline day of an event listed in a week: the coordinated release on
 * its series' release date (a Wednesday), a date the description states
 * when it falls in that week, else the Thursday.
 */
export function eventDay(
  input: CalendarInput,
  week: Pick<ScheduleWeek, 'start'>,
  label: string,
  info: ScheduleLabel | undefined,
): { date: IsoDate; endDate?: IsoDate } {
  const monday = mondayOf(week.start);
  const sunday = addDays(monday, 6);
  const inWeek = (d: IsoDate) => compareDates(d, monday) >= 0 && compareDates(d, sunday) <= 0;
  if (/^[a-z]-final$/.test(label)) {
    const owner = input.series.find((s) => s.name === info?.definedIn);
    if (owner?.initialRelease && inWeek(owner.initialRelease))
      return { date: owner.initialRelease };
  }
  if (info) {
    const stated = datesInText(info.description).filter(inWeek);
    const first = stated[0];
    const last = stated[stated.length - 1];
    if (first && last) return last !== first ? { date: first, endDate: last } : { date: first };
  }
  return { date: addDays(monday, 3) };
}

/**
 * The events of one series' schedule. A label listed in consecutive weeks
 * (election periods) becomes one event spanning them.
 */
export function scheduleEvents(input: CalendarInput, seriesName: string): CycleEvent[] {
  // the same schedule is read by every view of every team: compute it once per calendar
  let bySeries = memo.get(input);
  if (!bySeries) memo.set(input, (bySeries = new Map<string, readonly CycleEvent[]>()));
  let events = bySeries.get(seriesName);
  if (!events) bySeries.set(seriesName, (events = computeScheduleEvents(input, seriesName)));
  return [...events];
}

const memo = new WeakMap<CalendarInput, Map<string, readonly CycleEvent[]>>();

function computeScheduleEvents(input: CalendarInput, seriesName: string): CycleEvent[] {
  const schedule = input.schedules.get(seriesName);
  if (!schedule) return [];
  const events: CycleEvent[] = [];
  const open = new Map<string, { index: number; lastWeek: number }>();
  schedule.weeks.forEach((week, wi) => {
    const kinds: [readonly string[], EventScope][] = [
      [week.xProject, 'cross-project'],
      [week.projectSpecific, 'project-specific'],
    ];
    for (const [labels, scope] of kinds) {
      for (const label of labels) {
        const key = `${scope}:${label}`;
        const run = open.get(key);
        const day = eventDay(input, week, label, input.labels.get(label));
        if (run && run.lastWeek === wi - 1) {
          const first = events[run.index];
          if (first) events[run.index] = { ...first, endDate: day.endDate ?? day.date };
          run.lastWeek = wi;
          continue;
        }
        open.set(key, { index: events.length, lastWeek: wi });
        events.push(toEvent(input, seriesName, week, label, scope, day));
      }
    }
  });
  return events;
}

function toEvent(
  input: CalendarInput,
  seriesName: string,
  week: ScheduleWeek,
  label: string,
  scope: EventScope,
  day: { date: IsoDate; endDate?: IsoDate },
): CycleEvent {
  const info = input.labels.get(label);
  const team = scope === 'project-specific' ? (info?.group ?? guessTeam(label)) : undefined;
  return {
    id: label,
    title: info?.title ?? label,
    ...(info?.description ? { description: info.description } : {}),
    date: day.date,
    ...(day.endDate ? { endDate: day.endDate } : {}),
    ...(week.name ? { week: week.name } : {}),
    weekStart: mondayOf(week.start),
    scope,
    ...(team ? { team } : {}),
    series: seriesName,
    url: scheduleUrl(info?.definedIn ?? seriesName, label),
  };
}

/** Only for labels no schedule.rst defines: the middle token of `h-team-event`. */
function guessTeam(label: string): string | undefined {
  return label.split('-')[1];
}

/** Events sorted by date then id, for stable output. */
export function sortEvents<T extends Pick<CycleEvent, 'date' | 'id'>>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => compareDates(a.date, b.date) || a.id.localeCompare(b.id));
}
