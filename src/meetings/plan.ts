import type {
  Frequency,
  MeetingConfig,
  MeetingScheduleConfig,
  Weekday,
} from '../config/meetings.js';
import { WEEKDAYS } from '../config/meetings.js';
import { addDays, compareDates, toDayNumber, weekday, type IsoDate } from '../core/dates.js';
import type { Deps } from '../core/deps.js';

/**
 * When IRC meetings happen, from their irc-meetings schedules. Pure. The
 * rules are those of irc-meetings: biweekly meetings fall on odd or even ISO
 * week numbers, quadweekly ones on ISO weeks whose number modulo 4 is the
 * given one, first-<day> on the first such weekday of each month; times are
 * UTC. Because ISO years have 52 or 53 weeks, an "odd week" meeting is
 * held two weeks running across a 53-week year's end: one RRULE cannot say
 * that, so the calendar export cuts the recurrence into runs.
 */

export interface Occurrence {
  /** Meeting day (UTC). */
  readonly date: IsoDate;
  /** HH:MM, UTC. */
  readonly time: string;
  /** ISO instant of the start, e.g. 2026-09-10T14:00:00Z. */
  readonly start: string;
  readonly durationMinutes: number;
  readonly irc: string;
}

/** A meeting as views show it (brief, pages, JSON). */
export interface MeetingView {
  readonly project: string;
  readonly kind: 'team' | 'release-team';
  readonly agendaUrl: string | null;
  /** The next occurrence on or after the day asked; null for ad-hoc meetings or none known. */
  readonly next: Occurrence | null;
  readonly frequency: Frequency;
}

/** ISO 8601 week number of a date (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(date: IsoDate): number {
  const thursday = addDays(date, 4 - weekday(date));
  const jan1 = `${thursday.slice(0, 4)}-01-01`;
  return Math.floor((toDayNumber(thursday) - toDayNumber(jan1)) / 7) + 1;
}

function dayIndex(day: Weekday): number {
  return WEEKDAYS.indexOf(day) + 1;
}

/** Does the schedule hold a meeting on `date` (ignoring start date and skips)? */
export function meetsOn(
  s: Pick<MeetingScheduleConfig, 'day' | 'frequency'>,
  date: IsoDate,
): boolean {
  if (weekday(date) !== dayIndex(s.day)) {
    return false;
  }
  const week = isoWeek(date);
  switch (s.frequency) {
    case 'weekly':
      return true;
    case 'biweekly-odd':
      return week % 2 === 1;
    case 'biweekly-even':
      return week % 2 === 0;
    case 'quadweekly':
      return week % 4 === 0;
    case 'quadweekly-week-1':
      return week % 4 === 1;
    case 'quadweekly-week-2':
    case 'quadweekly-alternate':
      return week % 4 === 2;
    case 'quadweekly-week-3':
      return week % 4 === 3;
    case 'adhoc':
      return false;
    case 'first-monday':
    case 'first-tuesday':
    case 'first-wednesday':
    case 'first-thursday':
    case 'first-friday':
      // the weekday's first occurrence in its month (the frequency and the day must agree)
      return Number(date.slice(8, 10)) <= 7 && s.frequency === `first-${s.day.toLowerCase()}`;
  }
}

function occurrenceOn(s: MeetingScheduleConfig, date: IsoDate): Occurrence {
  const time = `${s.time.slice(0, 2)}:${s.time.slice(2)}`;
  return {
    date,
    time,
    start: `${date}T${time}:00Z`,
    durationMinutes: s.duration,
    irc: s.irc,
  };
}

/** Occurrences of one schedule from `from` to `to` (inclusive), start date and skipped dates applied. */
export function occurrences(
  s: MeetingScheduleConfig,
  from: IsoDate,
  to: IsoDate,
  opts: { keepSkipped?: boolean } = {},
): Occurrence[] {
  const out: Occurrence[] = [];
  if (s.frequency === 'adhoc') return out;
  const first = s.start_date && compareDates(s.start_date, from) > 0 ? s.start_date : from;
  const skipped = new Set(s.skip_dates.map((d) => d.skip_date));
  // step to the schedule's weekday, then week by week
  let d = addDays(first, (dayIndex(s.day) - weekday(first) + 7) % 7);
  for (; compareDates(d, to) <= 0; d = addDays(d, 7)) {
    if (!meetsOn(s, d)) continue;
    if (!opts.keepSkipped && skipped.has(d)) continue;
    out.push(occurrenceOn(s, d));
  }
  return out;
}

/** The first occurrence of a meeting (any of its schedules) on or after `date`, looking a year ahead. */
export function nextOccurrence(m: MeetingConfig, date: IsoDate): Occurrence | null {
  const found = m.schedule
    .flatMap((s) => occurrences(s, date, addDays(date, 366)).slice(0, 1))
    .sort((a, b) => a.start.localeCompare(b.start));
  return found[0] ?? null;
}

export function meetingViews(meetings: readonly MeetingConfig[], date: IsoDate): MeetingView[] {
  return meetings.map((m) => ({
    project: m.project,
    kind: m.kind,
    agendaUrl: m.agenda_url ?? null,
    next: nextOccurrence(m, date),
    frequency: m.schedule[0]?.frequency ?? 'weekly',
  }));
}

/** A stretch of occurrences one RRULE can describe: every `interval` weeks, or monthly. */
export interface Run {
  readonly first: Occurrence;
  readonly count: number;
  readonly freq: 'WEEKLY' | 'MONTHLY';
  readonly interval: number;
  /** Occurrences inside the run that skip_dates cancel (EXDATE). */
  readonly excluded: readonly Occurrence[];
}

/** Cuts a schedule's occurrences in a window into runs of regular recurrence. */
export function runsOf(s: MeetingScheduleConfig, from: IsoDate, to: IsoDate): Run[] {
  const all = occurrences(s, from, to, { keepSkipped: true });
  const skipped = new Set(s.skip_dates.map((d) => d.skip_date));
  const monthly = s.frequency.startsWith('first-');
  const interval = s.frequency === 'weekly' ? 1 : s.frequency.startsWith('biweekly') ? 2 : 4;
  const runs: { items: Occurrence[] }[] = [];
  for (const o of all) {
    const run = runs[runs.length - 1];
    const last = run?.items[run.items.length - 1];
    const regular =
      last !== undefined &&
      (monthly || toDayNumber(o.date) - toDayNumber(last.date) === interval * 7);
    if (run && regular) run.items.push(o);
    else runs.push({ items: [o] });
  }
  return runs.flatMap((r) => {
    const first = r.items[0];
    if (!first) return [];
    return [
      {
        first,
        count: r.items.length,
        freq: monthly ? ('MONTHLY' as const) : ('WEEKLY' as const),
        interval: monthly ? 1 : interval,
        excluded: r.items.filter((o) => skipped.has(o.date)),
      },
    ];
  });
}

/** A meeting whose agenda is due to go out (the reminders ledger sends it once). */
export interface MeetingReminderDue {
  /** Stable across runs: the ledger key with the recipient. */
  readonly id: string;
  readonly meeting: MeetingConfig;
  readonly occurrence: Occurrence;
  readonly due: IsoDate;
  /** Past the meeting day the agenda is no use any more. */
  readonly expires: IsoDate;
  /** Roles or addresses. */
  readonly to: readonly string[];
}

/** Slug of a meeting's name for ids and file names. */
export function meetingSlug(project: string): string {
  return (
    project
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'meeting'
  );
}

/**
 * Agendas due on `today`: for each meeting, its next occurrence when today
 * is on or after the reminder day (`remind` days before) and not after the
 * meeting. Missed days are caught up until the meeting itself.
 */
export function dueMeetingReminders(
  meetings: readonly MeetingConfig[],
  today: IsoDate,
): MeetingReminderDue[] {
  const out: MeetingReminderDue[] = [];
  for (const m of meetings) {
    const lead = Number(m.remind.slice(0, -1));
    const upcoming = m.schedule
      .flatMap((s) => occurrences(s, today, addDays(today, lead)))
      .sort((a, b) => a.start.localeCompare(b.start));
    const next = upcoming[0];
    if (!next) continue;
    const due = addDays(next.date, -lead);
    if (compareDates(due, today) > 0) continue;
    out.push({
      id: `meeting/${meetingSlug(m.project)}@${next.start}`,
      meeting: m,
      occurrence: next,
      due,
      expires: next.date,
      to: m.to ?? (m.kind === 'team' ? ['list'] : ['liaison']),
    });
  }
  return out;
}

/** A meeting agenda ready to go out through the reminders' delivery and ledger. */
export interface MeetingAgendaMail {
  readonly id: string;
  readonly subject: string;
  readonly due: IsoDate;
  readonly eventDate: IsoDate;
  readonly expires: IsoDate;
  readonly to: readonly string[];
  readonly body: string;
}

declare module '../core/deps.js' {
  interface Views {
    /** The agendas of the config's meetings due at the date, for the reminders to send once each. */
    meetingAgendas(ctx: Deps, tag: string): Promise<MeetingAgendaMail[]>;
  }
}
