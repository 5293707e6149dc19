import * as Plot from '@observablehq/plot';
import { cellState, columnKey, type OpenStackView } from '../../openstack/plan.js';
import { plotToSvg } from './plot.js';

/** Colour and one-character mark per action state (the mark keeps the chart readable without colour). */
export const STATE_STYLE: Readonly<Record<string, { color: string; mark: string; ink: string }>> = {
  overdue: { color: '#b3261e', mark: '!', ink: '#fff' },
  due: { color: '#b36b00', mark: 'D', ink: '#fff' },
  proposed: { color: '#1f5fbf', mark: 'P', ink: '#fff' },
  open: { color: '#8fb3e0', mark: 'o', ink: '#111' },
  missed: { color: '#5c1610', mark: 'x', ink: '#fff' },
  upcoming: { color: '#e4e6e9', mark: '·', ink: '#111' },
  done: { color: '#146c2e', mark: '✓', ink: '#fff' },
  'not-planned': { color: '#f6f6f6', mark: '–', ink: '#111' },
};

export interface HeatCell {
  readonly team: string;
  readonly column: string;
  readonly state: string;
  /** The cell's text equivalent: team, kind, and how many actions are in each state. */
  readonly text: string;
  /**
   * The data's date when the cell's state is a verdict that data cannot confirm
   * yet (an action of that state carries `asOf`): the cell is marked, never shown as settled.
   */
  readonly asOf: string | null;
}

/** The mark of a cell: its state's, with a star when the verdict is only as of the data's date. */
export const cellMark = (c: HeatCell): string =>
  `${STATE_STYLE[c.state]?.mark ?? '?'}${c.asOf ? '*' : ''}`;

/** One cell per (team, column) where the team has actions of that kind. */
export function heatCells(view: OpenStackView): HeatCell[] {
  const cells: HeatCell[] = [];
  for (const t of view.teams) {
    const byColumn = new Map<string, string[]>();
    const asOfBy = new Map<string, string>();
    for (const a of t.actions) {
      const key = columnKey(a);
      byColumn.set(key, [...(byColumn.get(key) ?? []), a.state]);
      if (a.asOf) asOfBy.set(`${key}\u0000${a.state}`, a.asOf);
    }
    for (const c of view.columns) {
      const states = byColumn.get(c.key);
      if (!states) continue;
      const tally = new Map<string, number>();
      for (const s of states) tally.set(s, (tally.get(s) ?? 0) + 1);
      const parts = [...tally.entries()].map(([s, n]) => `${n} ${s}`);
      const state = cellState(states);
      const asOf = asOfBy.get(`${c.key}\u0000${state}`) ?? null;
      cells.push({
        team: t.name,
        column: c.key,
        state,
        text: `${t.name}, ${c.key} (${c.start} to ${c.end}): ${parts.join(', ')}${asOf ? `; as of the data of ${asOf}` : ''}`,
        asOf,
      });
    }
  }
  return cells;
}

/**
 * Team × action heatmap: rows are teams, columns the cycle's kinds of action
 * in time order, colour (and a mark) the state that most needs attention;
 * the columns whose windows hold the date are outlined and marked "now".
 * Sized for reading, not shrinking: the page scrolls it sideways on a phone.
 */
export function actionsHeatmapSvg(view: OpenStackView): string {
  const cells = heatCells(view);
  const columns = view.columns.map((c) => c.key);
  const label = (key: string) =>
    view.columns.find((c) => c.key === key)?.current ? `${key} (now)` : key;
  const longest = Math.max(...view.teams.map((t) => t.name.length), 8);
  const marginLeft = Math.min(220, longest * 7 + 12);
  const cellW = 30;
  const current = new Set(view.columns.filter((c) => c.current).map((c) => c.key));
  return plotToSvg({
    width: marginLeft + Math.max(columns.length, 1) * cellW + 20,
    height: 130 + Math.max(view.teams.length, 1) * 22,
    marginLeft,
    marginTop: 120,
    marginBottom: 10,
    ariaLabel: `Release actions of ${view.teams.length} teams in ${view.series} at ${view.date} (${view.week}), by kind of action`,
    ariaDescription: `${view.counts.overdue} overdue, ${view.counts.due} due, ${view.counts.done} done`,
    x: {
      type: 'band',
      domain: columns,
      axis: 'top',
      label: null,
      tickRotate: -60,
      tickFormat: label,
    },
    y: { type: 'band', domain: view.teams.map((t) => t.name), label: null },
    marks: [
      Plot.cell(cells, {
        x: 'column',
        y: 'team',
        fill: (c: HeatCell) => STATE_STYLE[c.state]?.color ?? '#ccc',
        inset: 1,
        title: (c: HeatCell) => c.text,
      }),
      Plot.text(cells, {
        x: 'column',
        y: 'team',
        text: cellMark,
        fill: (c: HeatCell) => STATE_STYLE[c.state]?.ink ?? '#111',
        fontSize: 12,
        fontWeight: 'bold',
        ariaHidden: 'true',
      }),
      Plot.cell(
        cells.filter((c) => current.has(c.column)),
        { x: 'column', y: 'team', fill: 'none', stroke: '#111', strokeWidth: 2, inset: 0.5 },
      ),
    ],
  });
}
