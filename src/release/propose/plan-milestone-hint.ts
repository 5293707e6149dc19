import { scheduleEvents } from '../../calendar/events.js';
import type { CalendarInput } from '../../calendar/model.js';
import { daysBetween, type IsoDate } from '../../core/dates.js';
import { seriesTitle } from '../../data/releases/series.js';

/**
 * Upstream numbers betas 1, 2, 3 in request order; teams like Glance name
 * them after the milestone. When the milestone nearest to today has another
 * number than the computed beta, say how to get it.
 */
export function milestoneHint(
  input: CalendarInput,
  series: string,
  today: IsoDate,
  version: string,
): string | undefined {
  const beta = /\.0b(\d+)$/.exec(version)?.[1];
  if (!beta) return undefined;
  let best: { n: string; date: IsoDate; distance: number } | undefined;
  for (const e of scheduleEvents(input, series)) {
    const m = /^[a-z]-([1-9])$/.exec(e.id);
    if (!m?.[1]) continue;
    const distance = Math.abs(daysBetween(today, e.date));
    if (!best || distance < best.distance) best = { n: m[1], date: e.date, distance };
  }
  if (!best || best.n === beta) return undefined;
  return `the nearest milestone is ${seriesTitle(series)}-${best.n} (${best.date}); teams that number betas by milestone (Glance) pass --milestone ${best.n}`;
}
