import { positionAt } from '../../calendar/cycle.js';
import type { Context } from '../../cli/context.js';
import { emit } from '../../cli/output.js';
import { RefusedError, UsageError } from '../../core/errors.js';
import { deliverablePath, parseDeliverable } from '../../data/releases/deliverables.js';
import { findSeries, seriesTitle } from '../../data/releases/series.js';
import { addCycleHighlights } from '../edits/highlights-edit.js';
import { unifiedDiff } from '../edits/unified-diff.js';
import { writeFileAtomic } from '../propose/apply.js';
import type { HighlightsOptions } from './command.js';
import { renderHighlightsAdd, renderHighlightsList } from './render.js';

export interface HighlightsView {
  readonly deliverable: string;
  readonly series: string;
  readonly file: string;
  readonly highlights: readonly string[];
  readonly notes: readonly string[];
}

export interface HighlightsAddView extends HighlightsView {
  readonly added: string;
  readonly diff: string;
  readonly commitMessage: string;
  readonly written: boolean;
}

export function runHighlightsList(ctx: Context, opts: HighlightsOptions): void {
  const target = resolveTarget(ctx, opts);
  emit(ctx, { ...target.view, highlights: target.highlights }, renderHighlightsList);
}

export function runHighlightsAdd(ctx: Context, text: string, opts: HighlightsOptions): void {
  const item = text.replace(/\s+/g, ' ').trim();
  if (item === '') throw new UsageError('highlights add: give the highlight text');
  const target = resolveTarget(ctx, opts);
  if (target.highlights.includes(item))
    throw new RefusedError(`${target.view.file} already has this highlight`);
  const after = addCycleHighlights(target.text, [item]);
  let written = false;
  if (opts.write) {
    if (!ctx.data.releases.tree.absolute('')) {
      throw new UsageError(
        '--write needs a releases checkout: pass --releases-repo DIR (the embedded snapshot is read-only)',
      );
    }
    writeFileAtomic(ctx.data.releases.where(target.view.file), after);
    written = true;
  }
  const team = target.team.charAt(0).toUpperCase() + target.team.slice(1);
  const view: HighlightsAddView = {
    ...target.view,
    highlights: [...target.highlights, item],
    added: item,
    diff: unifiedDiff(target.text, after, target.view.file),
    commitMessage: `Add ${team} ${seriesTitle(target.view.series)} cycle highlights\n`,
    written,
  };
  emit(ctx, view, renderHighlightsAdd);
}

/** The file whose highlights are meant: --deliverable, else the team's service deliverable. */
function resolveTarget(ctx: Context, opts: HighlightsOptions) {
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

function serviceDeliverable(ctx: Context, series: string): string {
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
