import { seriesTitle } from '../../data/releases/series.js';
import { RefusedError, UsageError } from '../../core/errors.js';
import { addCycleHighlights } from '../edits/highlights-edit.js';
import { unifiedDiff } from '../edits/unified-diff.js';

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

/** The deliverable file a highlights command works on, its text and its highlights (read.ts). */
export interface HighlightsTarget {
  readonly text: string;
  /** The deliverable's team (file `team:`, else the config team). */
  readonly team: string;
  readonly highlights: readonly string[];
  readonly view: HighlightsView;
}

/** `highlights list`: the file's highlights. */
export function planHighlightsList(target: HighlightsTarget): HighlightsView {
  return { ...target.view, highlights: target.highlights };
}

/** The highlight as one line (runs of white space made one space); refused when empty. */
export function highlightItem(text: string): string {
  const item = text.replace(/\s+/g, ' ').trim();
  if (item === '') throw new UsageError('highlights add: give the highlight text');
  return item;
}

/**
 * `highlights add ITEM` (from `highlightItem`): the file's new text (a minimal edit) and the view
 * of the change; `written` is set by the caller once it wrote the file.
 */
export function planHighlightAdd(
  target: HighlightsTarget,
  item: string,
): { readonly after: string; readonly view: Omit<HighlightsAddView, 'written'> } {
  if (target.highlights.includes(item))
    throw new RefusedError(`${target.view.file} already has this highlight`);
  const after = addCycleHighlights(target.text, [item]);
  const team = target.team.charAt(0).toUpperCase() + target.team.slice(1);
  return {
    after,
    view: {
      ...target.view,
      highlights: [...target.highlights, item],
      added: item,
      diff: unifiedDiff(target.text, after, target.view.file),
      commitMessage: `Add ${team} ${seriesTitle(target.view.series)} cycle highlights\n`,
    },
  };
}
