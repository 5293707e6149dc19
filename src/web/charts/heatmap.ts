import * as Plot from '@observablehq/plot';
import type { GateView } from '../../gate/plan.js';
import { plotToSvg } from './plot.js';

/** Colours of a build result: pass green, failure red, other failures (timeouts, node failures) amber. */
export function resultColor(result: string): string {
  if (result === 'SUCCESS') return '#146c2e';
  if (result === 'FAILURE') return '#b3261e';
  return '#b36b00';
}

/**
 * Job × run heatmap of the periodic jobs: one row per job, one cell per
 * counted build in the window, the newest on the right (periodic jobs run
 * once a day, so a column is about a day).
 */
export function gateHeatmapSvg(view: GateView): string {
  const width = Math.max(...view.jobs.map((j) => j.history.length), 1);
  const cells = view.jobs.flatMap((j) =>
    j.history.map((result, i) => ({
      job: `${j.name} (${j.branch})`,
      slot: width - j.history.length + i,
      ago: j.history.length - 1 - i,
      result,
    })),
  );
  const longest = Math.max(...cells.map((c) => c.job.length), 10);
  return plotToSvg({
    width: Math.min(960, Math.max(420, longest * 6.5 + width * 28 + 40)),
    height: 40 + view.jobs.length * 26,
    marginLeft: Math.min(420, longest * 6.5 + 10),
    marginBottom: 30,
    ariaLabel: `Periodic jobs of ${view.team}: results of the last ${view.days} days`,
    ariaDescription: `${view.counts.jobs} jobs; ${view.counts.failing} failing, ${view.counts.flaky} flaky`,
    x: {
      type: 'band',
      domain: Array.from({ length: width }, (_, i) => i),
      label: 'runs, oldest → newest',
      tickFormat: () => '',
    },
    y: { label: null },
    marks: [
      Plot.cell(cells, {
        x: 'slot',
        y: 'job',
        fill: (c: { result: string }) => resultColor(c.result),
        inset: 1.5,
        title: (c: { job: string; result: string; ago: number }) =>
          `${c.job}: ${c.result}${c.ago === 0 ? ' (latest)' : ` (${c.ago} runs before the latest)`}`,
      }),
    ],
  });
}
