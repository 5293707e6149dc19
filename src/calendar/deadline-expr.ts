import { addDays, compareDates, isIsoDate, type IsoDate } from '../core/dates.js';
import { cycleWindow, releaseWeekOf, weekName } from './cycle.js';
import { eventDay } from './events.js';
import type { CalendarInput } from './model.js';

/**
 * Team deadline expressions, relative to a series' schedule:
 *
 *   R-16          Thursday of week R-16
 *   i-2           the day of schedule event `i-2`
 *   i-2 -1w       a week before it      R-5 +2d    two days after R-5's Thursday
 *   2027-01-07    a fixed date (applies only to the series whose cycle holds it)
 *
 * An event label names the event of its own series; used for another series
 * (a built-in config applied to the next cycle) the first letter is replaced
 * by that series' letter, so `i-2` in a config means "milestone 2".
 */
export type DeadlineBase =
  | { readonly kind: 'week'; readonly weeksToRelease: number }
  | { readonly kind: 'event'; readonly label: string }
  | { readonly kind: 'date'; readonly date: IsoDate };

export interface DeadlineExpr {
  readonly base: DeadlineBase;
  readonly offsetDays: number;
  readonly text: string;
}

export type ParseResult = { ok: true; expr: DeadlineExpr } | { ok: false; error: string };

export function parseDeadlineExpr(text: string): ParseResult {
  const tokens = text.trim().split(/\s+/);
  const head = tokens[0] ?? '';
  let base: DeadlineBase;
  const week = /^R([+-])(\d{1,2})$/.exec(head);
  if (week) {
    const n = Number(week[2]);
    base = { kind: 'week', weeksToRelease: week[1] === '-' ? n : -n };
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(head)) {
    if (!isIsoDate(head)) return { ok: false, error: `"${head}" is not a valid date` };
    base = { kind: 'date', date: head };
  } else if (/^[a-z]-[a-z0-9][a-z0-9_-]*$/.test(head)) {
    base = { kind: 'event', label: head };
  } else {
    return {
      ok: false,
      error: `"${text}" is not a deadline: use R-16, an event label such as i-2, or YYYY-MM-DD, optionally followed by +Nd / -Nw`,
    };
  }
  let offsetDays = 0;
  for (const tok of tokens.slice(1)) {
    const m = /^([+-])(\d{1,3})([dw])$/.exec(tok);
    if (!m) return { ok: false, error: `"${tok}" in "${text}" is not an offset like +2d or -1w` };
    offsetDays += (m[1] === '-' ? -1 : 1) * Number(m[2]) * (m[3] === 'w' ? 7 : 1);
  }
  return { ok: true, expr: { base, offsetDays, text } };
}

export type ResolveResult =
  | { ok: true; date: IsoDate; week?: string }
  | { ok: false; reason: 'not-in-series' | 'unknown-event'; error: string };

/** The date an expression gives in one series. */
export function resolveDeadline(
  input: CalendarInput,
  expr: DeadlineExpr,
  seriesName: string,
): ResolveResult {
  const series = input.series.find((s) => s.name === seriesName);
  const releaseWeek = series ? releaseWeekOf(input, series) : undefined;
  if (!series || !releaseWeek)
    return { ok: false, reason: 'unknown-event', error: `no schedule for series ${seriesName}` };
  let day: IsoDate;
  switch (expr.base.kind) {
    case 'week':
      day = addDays(releaseWeek, -7 * expr.base.weeksToRelease + 3);
      break;
    case 'date': {
      const window = cycleWindow(input, series);
      if (
        !window ||
        compareDates(expr.base.date, window.start) < 0 ||
        compareDates(expr.base.date, window.end) > 0
      ) {
        return {
          ok: false,
          reason: 'not-in-series',
          error: `${expr.base.date} is not in the ${seriesName} cycle`,
        };
      }
      day = expr.base.date;
      break;
    }
    case 'event': {
      const found = findEventWeek(input, seriesName, expr.base.label);
      if (!found) {
        return {
          ok: false,
          reason: 'unknown-event',
          error: `event "${expr.base.label}" is not in the ${seriesName} schedule`,
        };
      }
      day = eventDay(input, found.week, found.label, input.labels.get(found.label)).date;
      break;
    }
  }
  const date = addDays(day, expr.offsetDays);
  return { ok: true, date, week: weekName(releaseWeek, date) };
}

function findEventWeek(input: CalendarInput, seriesName: string, label: string) {
  const schedule = input.schedules.get(seriesName);
  if (!schedule) return undefined;
  const letter = seriesName.charAt(0);
  const candidates = [label, letter + label.slice(1)];
  for (const cand of candidates) {
    const week = schedule.weeks.find(
      (w) => w.xProject.includes(cand) || w.projectSpecific.includes(cand),
    );
    if (week) return { week, label: cand };
  }
  return undefined;
}
