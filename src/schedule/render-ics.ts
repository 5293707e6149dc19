import ical, { ICalCalendarMethod } from 'ical-generator';
import { addDays } from '../core/dates.js';
import { inertLine, inertText, safeUrl } from '../core/text.js';
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
  return cal.toString();
}

function toUtcDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
