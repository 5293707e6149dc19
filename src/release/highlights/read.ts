import { positionAt } from '../../calendar/cycle.js';
import type { Deps } from '../../core/deps.js';
import { UsageError } from '../../core/errors.js';
import { deliverablePath, parseDeliverable } from '../../data/releases/deliverables.js';
import { findSeries } from '../../data/releases/series.js';
import type { HighlightsTarget } from './plan.js';

export interface HighlightsOptions {
  readonly series?: string;
  readonly deliverable?: string;
  readonly write?: boolean;
}

/** The file whose highlights are meant: --deliverable, else the team's service deliverable. */
export function readHighlights(ctx: Deps, opts: HighlightsOptions): HighlightsTarget {
  const data = ctx.data.releases;
  const seriesName = opts.series ?? positionAt(ctx.calendarInput, ctx.today).series.name;
  const series = findSeries(data.series(), seriesName);
  if (!series) throw new UsageError(`unknown series ${seriesName}`);
  const notes: string[] = [];
  if (opts.series === undefined)
    notes.push(`series ${series.name} (at ${ctx.today}); pass --series for another`);
  const name = opts.deliverable ?? serviceDeliverable(ctx, series.name);
  const file = deliverablePath(series.name, name);
  const text = data.text(file);
  if (text === undefined) {
    const none = data.deliverableNames(series.name).length === 0;
    throw new UsageError(
      `no ${file}${none ? ` (deliverables/${series.name}/ has no files yet; they appear at the series transition)` : ''}`,
    );
  }
  const d = parseDeliverable(text, data.where(file));
  if (d.model !== 'cycle-with-rc' && d.model !== 'cycle-with-intermediary') {
    notes.push(
      `${name} is ${d.model ?? 'independent'}: the releases site shows highlights of cycle-with-rc and cycle-with-intermediary deliverables only`,
    );
  }
  return {
    text,
    team: d.team ?? ctx.config.team,
    highlights: d.cycleHighlights,
    view: { deliverable: name, series: series.name, file, highlights: d.cycleHighlights, notes },
  };
}

function serviceDeliverable(ctx: Deps, series: string): string {
  const team = ctx.team;
  const data = ctx.data.releases;
  // a series without files yet (indri before its transition): take the type from the series before
  const list = data.series();
  const typeSeries =
    data.deliverableNames(series).length > 0
      ? series
      : (list[list.findIndex((s) => s.name === series) + 1]?.name ?? series);
  const services = team.deliverables
    .map((g) => g.name)
    .filter((n) => data.deliverable(typeSeries, n)?.type === 'service');
  const pick =
    services.find((n) => n === team.name) ?? (services.length === 1 ? services[0] : undefined);
  if (pick) return pick;
  if (services.length > 1)
    throw new UsageError(
      `team ${team.name} has several services (${services.join(', ')}): pass --deliverable`,
    );
  throw new UsageError(
    `team ${team.name} has no service deliverable in ${series}: pass --deliverable`,
  );
}
