import { UsageError } from '../../core/errors.js';
import type { Deliverable } from '../../data/releases/deliverables.js';
import type { ReleasesData } from '../../data/releases/releases-data.js';
import { findSeries, seriesId, type Series } from '../../data/releases/series.js';
import type { SeriesFile } from './history.js';

export const INDEPENDENT = '_independent';

export interface DeliverableHistory {
  /** The requested series (undefined for `_independent`). */
  readonly series?: Series;
  readonly seriesName: string;
  /** The requested file, when it exists. */
  readonly deliverable?: Deliverable;
  /** Requested series first, then older ones in series_status order. */
  readonly history: readonly SeriesFile[];
  readonly newer: readonly SeriesFile[];
  /** The directory upstream takes as the previous series (alphabetical). */
  readonly alphabeticalPrevious?: string;
}

/** Reads every series' file of one deliverable, in series order. */
export function loadHistory(
  data: ReleasesData,
  seriesArg: string,
  name: string,
): DeliverableHistory {
  if (seriesArg === INDEPENDENT || seriesArg === 'independent') {
    const d = data.deliverable(INDEPENDENT, name);
    return {
      seriesName: INDEPENDENT,
      ...(d ? { deliverable: d } : {}),
      history: [toFile(INDEPENDENT, INDEPENDENT, d)],
      newer: [],
    };
  }
  const list = data.series();
  const series = findSeries(list, seriesArg);
  if (!series)
    throw new UsageError(
      `unknown series ${seriesArg} (known: ${list
        .slice(0, 6)
        .map((s) => s.name)
        .join(', ')}, ...)`,
    );
  const i = list.indexOf(series);
  const fileOf = (s: Series) => toFile(s.name, seriesId(s), data.deliverable(s.name, name));
  const dirs = data.tree.list('deliverables');
  const alpha = dirs.indexOf(series.name);
  const alphabeticalPrevious = alpha > 0 ? dirs[alpha - 1] : undefined;
  const deliverable = data.deliverable(series.name, name);
  return {
    series,
    seriesName: series.name,
    ...(deliverable ? { deliverable } : {}),
    history: list.slice(i).map(fileOf),
    newer: list.slice(0, i).map(fileOf),
    ...(alphabeticalPrevious ? { alphabeticalPrevious } : {}),
  };
}

export function toFile(series: string, id: string, d: Deliverable | undefined): SeriesFile {
  return {
    series,
    id,
    exists: d !== undefined,
    releases: d?.releases ?? [],
    branches: d?.branches ?? [],
  };
}

/** The model the tooling sees: `_independent` files are independent unless abandoned. */
export function effectiveModel(d: Deliverable | undefined, seriesName: string): string | undefined {
  if (seriesName === INDEPENDENT) return d?.model === 'abandoned' ? 'abandoned' : 'independent';
  return d?.model;
}
