import * as Plot from '@observablehq/plot';
import type { ReleaseStatusView } from '../../release/status/plan.js';
import { plotToSvg, utcDay } from './plot.js';

/** The series' releases of each deliverable on a time line; undated releases cannot be placed and are left out. */
export function releaseHistorySvg(view: ReleaseStatusView): string | null {
  const points = view.deliverables.flatMap((d) =>
    d.releases.flatMap((r) =>
      r.date === null
        ? []
        : [{ deliverable: d.name, version: r.version, date: utcDay(r.date), day: r.date }],
    ),
  );
  if (points.length === 0) return null;
  const names = view.deliverables.map((d) => d.name);
  const longest = Math.max(...names.map((n) => n.length));
  return plotToSvg({
    width: 960,
    height: 50 + names.length * 44,
    marginLeft: Math.min(320, longest * 7 + 12),
    marginRight: 50,
    ariaLabel: `Releases of ${view.team}'s deliverables in ${view.series}`,
    ariaDescription: `${points.length} dated releases`,
    x: { type: 'utc', label: null, nice: true },
    y: { domain: names, label: null },
    marks: [
      Plot.ruleY(names, { stroke: '#c9d1da' }),
      Plot.dot(points, {
        x: 'date',
        y: 'deliverable',
        r: 5,
        fill: '#0b57d0',
        title: (p: { version: string; day: string }) => `${p.version} on ${p.day}`,
      }),
      Plot.text(points, { x: 'date', y: 'deliverable', text: 'version', dy: -12, fill: '#1b1f24' }),
      Plot.ruleX([utcDay(view.today)], { stroke: '#b3261e', strokeWidth: 2 }),
    ],
  });
}
