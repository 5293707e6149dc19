import ical, {
  ICalCalendarMethod,
  ICalEventRepeatingFreq,
  ICalWeekday,
  type ICalCalendar,
} from 'ical-generator';
import { addDays } from '../core/dates.js';
import { runsOf } from '../meetings/plan.js';
import { cap, inertLine, inertText, safeUrl } from '../core/text.js';
import type { ScheduleView } from './plan.js';

/**
 * iCalendar export: one all-day event per schedule event and team deadline.
 * UIDs are derived from series, team and event id, so re-importing an
 * updated file updates the events instead of duplicating them. Titles and
 * descriptions come from schedule and config files: they go in as inert
 * text, and only http(s) links are kept.
 */
export function scheduleToIcs(view: ScheduleView, stamp: string): string {
  const id = view.series.releaseId ?? view.series.name;
  const cal = ical({
    name: inertLine(`${view.team} ${id} ${cap(view.series.name)} release schedule`),
    prodId: { company: 'release-liaison', product: 'liaison', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    url: safeUrl(view.url),
  });
  const seen = new Map<string, number>();
  for (const week of view.weeks) {
    for (const e of week.events) {
      // the same label can appear in two separate weeks (review days): number the later ones
      const base = `${view.series.name}-${e.scope === 'team' ? `${view.team.toLowerCase()}-` : ''}${e.id}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const start = toUtcDate(e.date);
      const last = e.endDate ?? e.date;
      cal.createEvent({
        id: `${base}${n > 1 ? `-${n}` : ''}@release-liaison`,
        allDay: true,
        start,
        // DTEND of an all-day event is exclusive
        end: toUtcDate(addDays(last, 1)),
        summary: inertLine(
          `${week.name ? `${cap(view.series.name)} ${week.name}: ` : ''}${e.title}`,
        ),
        description: inertText(
          [e.description, e.owner && e.owner !== 'team' ? `Owner: ${e.owner}` : undefined]
            .filter(Boolean)
            .join('\n\n'),
        ),
        url: safeUrl(e.url) ?? safeUrl(view.url),
        categories: [{ name: e.scope }],
        stamp: new Date(`${stamp}T00:00:00Z`),
      });
    }
  }
  addMeetings(cal, view, stamp);
  return cal.toString();
}

const BYDAY: Record<string, ICalWeekday> = {
  Monday: ICalWeekday.MO,
  Tuesday: ICalWeekday.TU,
  Wednesday: ICalWeekday.WE,
  Thursday: ICalWeekday.TH,
  Friday: ICalWeekday.FR,
  Saturday: ICalWeekday.SA,
  Sunday: ICalWeekday.SU,
};

/**
 * The config's IRC meetings through the cycle, as recurring events in UTC.
 * Each run of regular recurrence is one event with an RRULE (COUNT bounded
 * by the cycle); irc-meetings' week-parity rules need a new run after a
 * 53-week ISO year, and skipped dates become EXDATEs.
 */
function addMeetings(cal: ICalCalendar, view: ScheduleView, stamp: string): void {
  const first = view.weeks[0]?.start ?? view.startWeek;
  const last = addDays(view.releaseWeek, 6);
  view.meetings.forEach((m, mi) => {
    const slug = m.project
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    m.schedule.forEach((s, si) => {
      runsOf(s, first, last).forEach((run, ri) => {
        const start = new Date(run.first.start);
        cal.createEvent({
          id: `${view.series.name}-meeting-${slug || mi}-${si + 1}-${ri + 1}@release-liaison`,
          start,
          end: new Date(start.getTime() + s.duration * 60_000),
          summary: `${m.project} (#${s.irc})`,
          description: [
            m.kind === 'release-team' ? 'The release team meeting.' : "The team's meeting.",
            `IRC: #${s.irc}, ${s.time.slice(0, 2)}:${s.time.slice(2)} UTC, ${s.frequency}.`,
            m.agendaUrl ? `Agenda: ${m.agendaUrl}` : undefined,
          ]
            .filter(Boolean)
            .join('\n'),
          location: `#${s.irc}`,
          ...(m.agendaUrl ? { url: m.agendaUrl } : {}),
          repeating: {
            freq:
              run.freq === 'MONTHLY'
                ? ICalEventRepeatingFreq.MONTHLY
                : ICalEventRepeatingFreq.WEEKLY,
            ...(run.interval > 1 ? { interval: run.interval } : {}),
            count: run.count,
            ...(run.freq === 'MONTHLY'
              ? { byDay: BYDAY[s.day] ?? ICalWeekday.MO, bySetPos: 1 }
              : { byDay: BYDAY[s.day] ?? ICalWeekday.MO }),
            ...(run.excluded.length ? { exclude: run.excluded.map((o) => new Date(o.start)) } : {}),
          },
          categories: [{ name: 'meeting' }],
          stamp: new Date(`${stamp}T00:00:00Z`),
        });
      });
    });
  });
}

function toUtcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}
