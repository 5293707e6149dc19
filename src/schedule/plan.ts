import type { Deps } from '../core/deps.js';
import { addDays, compareDates, mondayOf, type IsoDate } from '../core/dates.js';
import type { CycleEvent } from '../calendar/model.js';
import type { Schedule } from '../data/releases/schedule.js';
import { seriesHeading, type Series, type SeriesHeading } from '../data/releases/series.js';
import type { MeetingConfig, MeetingScheduleConfig } from '../config/meetings.js';
import { nextOccurrence, type Occurrence } from '../meetings/plan.js';

export interface ScheduleEventView {
  readonly id: string;
  readonly title: string;
  readonly date: IsoDate;
  readonly endDate: IsoDate | null;
  readonly scope: CycleEvent['scope'];
  readonly team: string | null;
  readonly owner: string | null;
  readonly description: string | null;
  readonly url: string | null;
}

export interface ScheduleWeekView {
  /** `R-24` ... `R+0`, or null for a context week before the cycle. */
  readonly name: string | null;
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly current: boolean;
  readonly events: readonly ScheduleEventView[];
}

/** An IRC meeting of the config, with its schedules as irc-meetings writes them. */
export interface ScheduleMeetingView {
  readonly project: string;
  readonly kind: 'team' | 'release-team';
  readonly agendaUrl: string | null;
  readonly schedule: readonly MeetingScheduleConfig[];
  /** The next meeting on or after the view's date. */
  readonly next: Occurrence | null;
}

export interface ScheduleView {
  readonly team: string;
  readonly date: IsoDate;
  readonly series: SeriesHeading;
  readonly startWeek: IsoDate;
  readonly releaseWeek: IsoDate;
  readonly url: string;
  readonly weeks: readonly ScheduleWeekView[];
  /** The team's and the release team's meetings (config `meetings`), recurring through the cycle. */
  readonly meetings: readonly ScheduleMeetingView[];
  readonly dataAsOf: string | null;
}

/** The whole cycle, week by week, with the team's deadlines placed in their weeks. */
export function planSchedule(input: {
  today: IsoDate;
  team: string;
  series: Series;
  schedule: Schedule;
  events: readonly CycleEvent[];
  url: string;
  dataAsOf: string | null;
  meetings?: readonly MeetingConfig[];
}): ScheduleView {
  const { schedule, today } = input;
  const byWeek = new Map<IsoDate, ScheduleEventView[]>();
  for (const e of input.events) {
    const key = e.weekStart;
    const list = byWeek.get(key) ?? [];
    list.push({
      id: e.id,
      title: e.title,
      date: e.date,
      endDate: e.endDate ?? null,
      scope: e.scope,
      team: e.team ?? null,
      owner: e.owner ?? null,
      description: e.description ?? null,
      url: e.url ?? null,
    });
    byWeek.set(key, list);
  }
  const thisMonday = mondayOf(today);
  const weeks: ScheduleWeekView[] = schedule.weeks.map((w) => {
    const start = mondayOf(w.start);
    return {
      name: w.name ?? null,
      start,
      end: w.end,
      current: start === thisMonday,
      events: byWeek.get(start) ?? [],
    };
  });
  // team deadlines may fall outside the listed weeks (before the cycle): add their weeks
  const listed = new Set(weeks.map((w) => w.start));
  for (const [start, events] of byWeek) {
    if (listed.has(start)) continue;
    weeks.push({
      name: null,
      start,
      end: addDays(start, 4),
      current: start === thisMonday,
      events,
    });
  }
  weeks.sort((a, b) => compareDates(a.start, b.start));
  return {
    team: input.team,
    date: today,
    series: seriesHeading(input.series),
    startWeek: schedule.startWeek,
    releaseWeek: schedule.releaseWeek,
    url: input.url,
    weeks,
    meetings: (input.meetings ?? []).map((m) => ({
      project: m.project,
      kind: m.kind,
      agendaUrl: m.agenda_url ?? null,
      schedule: m.schedule,
      next: nextOccurrence(m, today),
    })),
    dataAsOf: input.dataAsOf,
  };
}

export interface ScheduleOptions {
  /** Series name or id; default: the series at --date. */
  readonly series?: string;
  /** Every team's project-specific events, not only this team's. */
  readonly allTeams?: boolean;
}

declare module '../core/deps.js' {
  interface Views {
    /** `liaison schedule`: the cycle week by week with the team's deadlines. */
    schedule(ctx: Deps, opts?: ScheduleOptions): Promise<ScheduleView>;
  }
}
