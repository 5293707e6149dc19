import type { IsoDate } from '../core/dates.js';
import type { Schedule } from '../data/releases/schedule.js';
import type { ScheduleLabel } from '../data/releases/schedule-labels.js';
import type { Series } from '../data/releases/series.js';

/** Everything the calendar engine needs, as plain data. */
export interface CalendarInput {
  /** Newest first, as in series_status.yaml. */
  readonly series: readonly Series[];
  /** Schedules by series name (read lazily: only what a command touches is parsed). */
  readonly schedules: Lookup<Schedule>;
  /** Every schedule label of every series; labels are global. */
  readonly labels: Lookup<ScheduleLabel>;
}

export interface Lookup<T> {
  get(key: string): T | undefined;
  has(key: string): boolean;
}

export type EventScope = 'cross-project' | 'project-specific' | 'team';

export interface CycleEvent {
  /** Schedule label (`i-2`) or team deadline id (`glance-spec-freeze`). */
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  /** The deadline day (Thursday of the week unless the schedule says otherwise). */
  readonly date: IsoDate;
  /** Last day, for events that span days or weeks. */
  readonly endDate?: IsoDate;
  /** `R-10`, or undefined for a context week before the cycle. */
  readonly week?: string;
  /** Monday of the week the event is listed in. */
  readonly weekStart: IsoDate;
  readonly scope: EventScope;
  /** Team of a project-specific or team event. */
  readonly team?: string;
  /** Series whose schedule (or team config) lists the event. */
  readonly series: string;
  /** Role or person responsible (team deadlines). */
  readonly owner?: string;
  readonly url?: string;
}

/** Where a date falls: the series whose cycle it is in and the week. */
export interface CyclePosition {
  readonly series: Series;
  /** `R-17`, `R+0`, `R+3` (weeks after the release week are counted on). */
  readonly week: string;
  /** Weeks until the release week: 17 for R-17, 0 for R+0, -2 for R+2. */
  readonly weeksToRelease: number;
  readonly weekStart: IsoDate;
  readonly schedule?: Schedule;
}
