import * as Plot from '@observablehq/plot';
import { compareDates } from '../../core/dates.js';
import type { ScheduleView } from '../../schedule/plan.js';
import { plotToSvg, utcDay } from './plot.js';

const SCOPE_LABEL: Record<string, string> = {
  'cross-project': 'Cross-project',
  'project-specific': 'Project-specific',
  team: 'Team',
};

/**
 * The cycle on one line per scope: every event of the schedule view as a
 * dot, today as a red rule, and the next few deadlines labelled.
 */
export function timelineSvg(view: ScheduleView, opts: { label?: number } = {}): string {
  const events = view.weeks.flatMap((w) =>
    w.events.map((e) => ({
      date: utcDay(e.date),
      day: e.date,
      scope: SCOPE_LABEL[e.scope] ?? e.scope,
      title: e.title,
      id: e.id,
    })),
  );
  const first = view.weeks[0]?.start ?? view.startWeek;
  const last = view.weeks[view.weeks.length - 1]?.end ?? view.releaseWeek;
  const coming = events
    .filter((e) => compareDates(e.day, view.date) >= 0)
    .slice(0, opts.label ?? 5);
  const weeksWithNames = view.weeks.filter(
    (w) => w.name !== null && /^R-\d*[05]$|^R[+-]0$/.test(w.name),
  );
  const today =
    compareDates(view.date, first) >= 0 && compareDates(view.date, last) <= 0
      ? [utcDay(view.date)]
      : [];
  return plotToSvg({
    width: 960,
    height: 200,
    marginLeft: 110,
    marginRight: 30,
    marginTop: 30,
    ariaLabel: `Timeline of the ${view.series.name} cycle`,
    ariaDescription: `${events.length} events from ${first} to ${last}; today is ${view.date}`,
    x: { type: 'utc', domain: [utcDay(first), utcDay(last)], label: null },
    y: {
      domain: ['Cross-project', 'Team', 'Project-specific'].filter((s) =>
        events.some((e) => e.scope === s),
      ),
      label: null,
    },
    marks: [
      Plot.ruleY(events, { y: 'scope', stroke: '#c9d1da' }),
      Plot.tickX(weeksWithNames, {
        x: (w: { start: string }) => utcDay(w.start),
        stroke: '#e3e8ee',
        insetTop: -200,
      }),
      Plot.text(weeksWithNames, {
        x: (w: { start: string }) => utcDay(w.start),
        text: 'name',
        frameAnchor: 'top',
        dy: -22,
        fill: '#4a5360',
      }),
      Plot.dot(events, {
        x: 'date',
        y: 'scope',
        r: 4,
        fill: (e: { scope: string }) => (e.scope === 'Team' ? '#6d2a8f' : '#0b57d0'),
        title: (e: { title: string; day: string }) => `${e.day}: ${e.title}`,
      }),
      // alternate labels above and below the line so neighbours do not overlap
      Plot.text(
        coming.filter((_, i) => i % 2 === 0),
        { x: 'date', y: 'scope', text: 'id', dy: -11, fill: '#1b1f24', fontWeight: 600 },
      ),
      Plot.text(
        coming.filter((_, i) => i % 2 === 1),
        { x: 'date', y: 'scope', text: 'id', dy: 14, fill: '#1b1f24', fontWeight: 600 },
      ),
      Plot.ruleX(today, { stroke: '#b3261e', strokeWidth: 2 }),
      Plot.text(today, {
        x: (d: Date) => d,
        text: () => 'today',
        frameAnchor: 'top',
        textAnchor: 'start',
        dx: 4,
        dy: 4,
        fill: '#b3261e',
        fontWeight: 700,
      }),
    ],
  });
}
