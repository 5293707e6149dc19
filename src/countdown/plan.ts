import { positionAt } from '../calendar/cycle.js';
import { parseDeadlineExpr, resolveDeadline } from '../calendar/deadline-expr.js';
import { scheduleEvents, scheduleUrl } from '../calendar/events.js';
import type { CalendarInput, CycleEvent } from '../calendar/model.js';
import { addDays, compareDates, mondayOf, weekday, type IsoDate } from '../core/dates.js';
import { nextSeries, previousSeries, seriesTitle, type Series } from '../data/releases/series.js';
import type { ActionLike } from '../openstack/plan.js';

/**
 * The weekly countdown e-mail of the release team: which template a week
 * gets (by the schedule's labels and week names), its placeholders filled
 * from the schedule, the deadlines ahead and the teams with release actions
 * due. Pure: the templates and the teams come in as values.
 */

export interface CountdownTemplate {
  readonly id: string;
  /** One week, as a deadline expression (R-8, x-1 -1w). */
  readonly week?: string;
  /** A range of weeks (both ends included). */
  readonly from?: string;
  readonly to?: string;
  readonly focus: string;
  readonly general: string;
  readonly actions?: string;
  /** Labels listed under Upcoming Deadlines & Dates (`x-3`, `x-ptg|x-vptg`). */
  readonly deadlines: readonly string[];
  /** Weeks ahead from which every other cross-project event is listed too. */
  readonly ahead: number;
}

/** `{name}` or `{name:argument}`. */
export const PLACEHOLDER = /\{([A-Za-z-]+)(?::([^{}\s]+))?\}/g;
export const PLAIN_NAMES: ReadonlySet<string> = new Set([
  'series',
  'Series',
  'series-id',
  'next-Series',
  'previous-Series',
  'release-date',
  'schedule-url',
  'week',
]);
export const EVENT_NAMES: ReadonlySet<string> = new Set(['day', 'date', 'week', 'title']);

export interface CountdownDeadline {
  readonly label: string;
  readonly title: string;
  readonly date: IsoDate;
  readonly endDate: IsoDate | null;
  /** `R-5` in the event's own series, null for a week before the cycle. */
  readonly week: string | null;
  readonly series: string;
  /** True when the event falls in the countdown's week. */
  readonly thisWeek: boolean;
  readonly url: string | null;
}

/**
 * An action as the countdown names it (the same id as in `brief --json`
 * actions[]): the fields the all-teams view reads of an action, one type so
 * the two views cannot drift apart.
 */
export type CountdownAction = ActionLike;

export interface CountdownTeam {
  readonly name: string;
  readonly due: readonly CountdownAction[];
  readonly overdue: readonly CountdownAction[];
}

export interface CountdownView {
  readonly date: IsoDate;
  readonly series: {
    readonly name: string;
    readonly releaseId: string | null;
    readonly releaseDate: IsoDate | null;
  };
  readonly week: string;
  readonly weekStart: IsoDate;
  /** Friday of the week. */
  readonly weekEnd: IsoDate;
  /** Id of the template the week got. */
  readonly template: string;
  readonly subject: string;
  /** Paragraphs of each section, placeholders filled. */
  readonly focus: readonly string[];
  readonly general: readonly string[];
  readonly actions: readonly string[];
  readonly deadlines: readonly CountdownDeadline[];
  /** Teams with due or overdue release actions; null when the actions could not be computed. */
  readonly teams: readonly CountdownTeam[] | null;
  /** Placeholders the schedule could not fill: their paragraphs were left out. */
  readonly omitted: readonly { readonly section: string; readonly placeholder: string }[];
  readonly notes: readonly string[];
}

export interface CountdownInput {
  readonly calendar: CalendarInput;
  readonly date: IsoDate;
  readonly templates: readonly CountdownTemplate[];
  readonly teams: readonly CountdownTeam[] | null;
  readonly notes?: readonly string[];
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** "Thursday 2026-08-27": the weekday helps, the ISO date is unambiguous everywhere. */
export function dayText(date: IsoDate): string {
  return `${WEEKDAYS[weekday(date) - 1] ?? ''} ${date}`;
}

export function planCountdown(input: CountdownInput): CountdownView {
  const { calendar, date } = input;
  const position = positionAt(calendar, date);
  const series = position.series;
  const weekStart = position.weekStart;
  const template = pickTemplate(calendar, series.name, weekStart, input.templates);
  const events = eventsOf(calendar, series);
  const next = nextSeries(calendar.series, series.name);
  const nextEvents = next ? eventsOf(calendar, next) : [];
  const fill = filler(calendar, series, position.week, events, nextEvents);
  const omitted: { section: string; placeholder: string }[] = [];
  const section = (name: string, text: string | undefined) =>
    paragraphs(text ?? '').flatMap((p) => {
      const r = fill(p);
      if (r.missing.length === 0) return [r.text];
      for (const placeholder of r.missing) omitted.push({ section: name, placeholder });
      return [];
    });
  const weekEnd = addDays(weekStart, 4);
  return {
    date,
    series: {
      name: series.name,
      releaseId: series.releaseId ?? null,
      releaseDate: releaseDateOf(series, events),
    },
    week: position.week,
    weekStart,
    weekEnd,
    template: template?.id ?? 'none',
    subject: `[release] Release countdown for week ${position.week}, ${weekStart} to ${weekEnd}`,
    focus: section('focus', template?.focus),
    general: section('general', template?.general),
    actions: section('actions', template?.actions),
    deadlines: deadlinesOf(template, series, weekStart, [...events, ...nextEvents]),
    teams: input.teams,
    omitted,
    notes: input.notes ?? [],
  };
}

/** Single weeks first (file order), then ranges, then the fallback. */
function pickTemplate(
  calendar: CalendarInput,
  seriesName: string,
  weekStart: IsoDate,
  templates: readonly CountdownTemplate[],
): CountdownTemplate | undefined {
  const weekOf = (text: string): IsoDate | undefined => {
    const parsed = parseDeadlineExpr(text);
    if (!parsed.ok) return undefined;
    const r = resolveDeadline(calendar, parsed.expr, seriesName);
    return r.ok ? mondayOf(r.date) : undefined;
  };
  const single = templates.find((t) => t.week !== undefined && weekOf(t.week) === weekStart);
  if (single) return single;
  const range = templates.find((t) => {
    if (t.week !== undefined || (t.from === undefined && t.to === undefined)) return false;
    const from = t.from === undefined ? undefined : weekOf(t.from);
    const to = t.to === undefined ? undefined : weekOf(t.to);
    if ((t.from !== undefined && !from) || (t.to !== undefined && !to)) return false;
    return (
      (!from || compareDates(from, weekStart) <= 0) && (!to || compareDates(weekStart, to) <= 0)
    );
  });
  return range ?? templates.find((t) => !t.week && !t.from && !t.to);
}

function eventsOf(calendar: CalendarInput, series: Series): CycleEvent[] {
  return scheduleEvents(calendar, series.name).filter((e) => e.scope === 'cross-project');
}

/** The event a label names in a series' events: `x-3` stands for the series' own letter. */
export function findEvent(
  events: readonly CycleEvent[],
  seriesName: string,
  labels: string,
): CycleEvent | undefined {
  const letter = seriesName.charAt(0);
  for (const label of labels.split('|')) {
    const wanted = [label, letter + label.slice(1)];
    // the series' own event first: h-final closes hibiscus, and also opens indri's schedule
    const own = events.find((e) => wanted.includes(e.id) && e.series === seriesName && e.week);
    const any = own ?? events.find((e) => wanted.includes(e.id));
    if (any) return any;
  }
  return undefined;
}

function releaseDateOf(series: Series, events: readonly CycleEvent[]): IsoDate | null {
  return series.initialRelease ?? findEvent(events, series.name, 'x-final')?.date ?? null;
}

type Fill = (text: string) => { text: string; missing: string[] };

function filler(
  calendar: CalendarInput,
  series: Series,
  week: string,
  events: readonly CycleEvent[],
  nextEvents: readonly CycleEvent[],
): Fill {
  const next = nextSeries(calendar.series, series.name);
  const previous = previousSeries(calendar.series, series.name);
  const release = releaseDateOf(series, events);
  const plain: Record<string, string | undefined> = {
    series: series.name,
    Series: seriesTitle(series),
    'series-id': series.releaseId ?? series.name,
    'next-Series': next ? seriesTitle(next) : undefined,
    'previous-Series': previous ? seriesTitle(previous) : undefined,
    'release-date': release ? dayText(release) : undefined,
    'schedule-url': scheduleUrl(series.name),
    week,
  };
  const eventValue = (name: string, arg: string): string | undefined => {
    const useNext = arg.startsWith('next:');
    const labels = useNext ? arg.slice(5) : arg;
    const owner = useNext ? next : series;
    if (!owner) return undefined;
    const e = findEvent(useNext ? nextEvents : events, owner.name, labels);
    if (!e) return undefined;
    if (name === 'day') return dayText(e.date);
    if (name === 'date') return e.date;
    if (name === 'week') return e.week;
    return e.title;
  };
  return (text) => {
    const missing: string[] = [];
    const out = text.replace(PLACEHOLDER, (whole, name: string, arg: string | undefined) => {
      const value = arg === undefined ? plain[name] : eventValue(name, arg);
      if (value === undefined) missing.push(whole);
      return value ?? whole;
    });
    return { text: out, missing };
  };
}

/** Paragraphs of a template text: blank-line separated, lines re-flowed except list items. */
function paragraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => {
      const lines = p.split('\n').map((l) => l.trim());
      if (!lines.some((l) => l.startsWith('* '))) return lines.join(' ');
      // a list: one line per item, continuation lines joined to their item
      const items: string[][] = [];
      for (const l of lines) {
        const last = items[items.length - 1];
        if (l.startsWith('* ') || !last) items.push([l]);
        else last.push(l);
      }
      return items.map((words) => words.join(' ')).join('\n');
    });
}

function deadlinesOf(
  template: CountdownTemplate | undefined,
  series: Series,
  weekStart: IsoDate,
  events: readonly CycleEvent[],
): CountdownDeadline[] {
  const weekEnd = addDays(weekStart, 6);
  const notPast = (e: CycleEvent) => compareDates(e.endDate ?? e.date, weekStart) >= 0;
  const chosen = new Map<string, CycleEvent>();
  for (const labels of template?.deadlines ?? []) {
    const e = findEvent(events, series.name, labels);
    if (e && notPast(e)) chosen.set(`${e.id}@${e.date}`, e);
  }
  const horizon = addDays(weekStart, 7 * (template?.ahead ?? 3) - 1);
  for (const e of events) {
    if (notPast(e) && compareDates(e.date, horizon) <= 0 && e.week)
      chosen.set(`${e.id}@${e.date}`, e);
  }
  return [...chosen.values()]
    .sort((a, b) => compareDates(a.date, b.date) || a.id.localeCompare(b.id))
    .map((e) => ({
      label: e.id,
      title: e.title,
      date: e.date,
      endDate: e.endDate ?? null,
      week: e.week ?? null,
      series: e.series,
      thisWeek: compareDates(e.date, weekEnd) <= 0,
      url: e.url ?? null,
    }));
}
