import * as Plot from '@observablehq/plot';
import { addDays } from '../../core/dates.js';
import type { GateQueueView } from '../../gate/plan-queue.js';
import { plotToSvg, utcDay } from './plot.js';

/**
 * The shared gate queue's length at each sync over the last weeks, with
 * the cycle's milestones (blue) and the team's deadlines (purple) as
 * vertical rules, today in red. Null when there is no sample to draw.
 */
export function gateQueueSvg(view: GateQueueView): string | null {
  if (view.history.length === 0) return null;
  const points = view.history.map((p) => ({ at: new Date(p.at), length: p.length, when: p.at }));
  const end = addDays(view.date, 14);
  const events = view.events.map((e) => ({ ...e, at: utcDay(e.date) }));
  // one label per day: a milestone week stacks several events on one Thursday
  const labels = [...new Set(view.events.map((e) => e.date))].map((date) => {
    const same = view.events.filter((e) => e.date === date);
    return {
      at: utcDay(date),
      text: same.map((e) => e.id).join(' '),
      team: same.every((e) => e.scope === 'team'),
    };
  });
  const max = Math.max(...points.map((p) => p.length), 1);
  return plotToSvg({
    width: 960,
    height: 260,
    marginLeft: 50,
    marginRight: 30,
    marginTop: 40,
    ariaLabel: `Length of the ${view.queue?.name ?? 'gate'} queue since ${view.since}`,
    ariaDescription: `${points.length} samples; ${events.length} milestones and team deadlines`,
    x: { type: 'utc', domain: [utcDay(view.since), utcDay(end)], label: null },
    y: { domain: [0, Math.ceil(max * 1.2)], label: 'changes in the queue', grid: true },
    marks: [
      Plot.ruleX(events, {
        x: 'at',
        stroke: (e: { scope: string }) => (e.scope === 'team' ? '#6d2a8f' : '#0b57d0'),
        strokeDasharray: '4,3',
        title: (e: { title: string; date: string }) => `${e.date}: ${e.title}`,
      }),
      Plot.text(labels, {
        x: 'at',
        text: 'text',
        frameAnchor: 'top',
        dy: -28,
        lineWidth: 8,
        fill: (l: { team: boolean }) => (l.team ? '#6d2a8f' : '#0b57d0'),
        fontSize: 10,
      }),
      Plot.lineY(points, { x: 'at', y: 'length', stroke: '#1b1f24' }),
      Plot.dot(points, {
        x: 'at',
        y: 'length',
        r: 3,
        fill: '#1b1f24',
        title: (p: { when: string; length: number }) =>
          `${p.when.slice(0, 16).replace('T', ' ')} UTC: ${p.length} in the queue`,
      }),
      Plot.ruleX([utcDay(view.date)], { stroke: '#b3261e', strokeWidth: 2 }),
    ],
  });
}
