import { deliverablePath, type Deliverable } from './deliverables.js';
import type { Series } from './series.js';

/** What the fallback reads: a releases tree (ReleasesData fits) or a test double. */
export interface DeliverableFiles {
  deliverableNames(series: string): string[];
  deliverable(series: string, name: string): Deliverable | undefined;
}

/**
 * The deliverable files of one series, as every command should see them.
 *
 * The release team creates `deliverables/<series>/` at the start of a cycle
 * (init-series) by copying the previous series' files minus `releases`,
 * `branches`, `release-notes` and `cycle-highlights`. Until they do, a
 * series has no files at all; commands then use what init-series will
 * create: the previous series' files with those keys emptied. So the models
 * and types are known (freeze, coverage, checklist...) and no release of
 * the previous series is ever counted in the new one.
 *
 * A series older than the newest one with files whose files are missing
 * (the embedded snapshot keeps only the newest series) does not fall back:
 * its files existed, the data just lacks them.
 */
export interface SeriesDeliverables {
  readonly series: string;
  /** Series whose files give the models: `series`, or the one copied from; null when neither has files. */
  readonly modelsFrom: string | null;
  /** True when `series` has no files yet and the models come from `modelsFrom`. */
  readonly fallback: boolean;
  /** True when `series` has no files and is older than the newest series with files (missing from the data). */
  readonly missing: boolean;
  /** Deliverable names, sorted. */
  readonly names: readonly string[];
  /** The file of `name` in the series (on fallback: the copy init-series will make, with `seededFrom` set). */
  deliverable(name: string): Deliverable | undefined;
}

export function seriesDeliverables(
  files: DeliverableFiles,
  series: readonly Series[],
  name: string,
): SeriesDeliverables {
  const own = files.deliverableNames(name);
  if (own.length > 0) {
    return {
      series: name,
      modelsFrom: name,
      fallback: false,
      missing: false,
      names: own,
      deliverable: (d) => files.deliverable(name, d),
    };
  }
  const i = series.findIndex((s) => s.name === name);
  // series_status lists newest first: newer series are before `i`
  const newerHasFiles = i > 0 && series.slice(0, i).some((s) => files.deliverableNames(s.name).length > 0);
  const from =
    i < 0 || newerHasFiles ? undefined : series.slice(i + 1).find((s) => files.deliverableNames(s.name).length > 0);
  if (!from) {
    return {
      series: name,
      modelsFrom: null,
      fallback: false,
      missing: newerHasFiles,
      names: [],
      deliverable: () => undefined,
    };
  }
  const seeded = new Map<string, Deliverable | undefined>();
  return {
    series: name,
    modelsFrom: from.name,
    fallback: true,
    missing: false,
    names: files.deliverableNames(from.name),
    deliverable: (d) => {
      if (!seeded.has(d)) {
        const prev = files.deliverable(from.name, d);
        seeded.set(d, prev ? seedFrom(prev, name) : undefined);
      }
      return seeded.get(d);
    },
  };
}

/** The file init-series makes for `series` from the previous one. */
export function seedFrom(previous: Deliverable, series: string): Deliverable {
  return {
    ...previous,
    series,
    path: deliverablePath(series, previous.name),
    releases: [],
    branches: [],
    cycleHighlights: [],
    seededFrom: previous.series,
  };
}

/** The note every view shows on fallback (the brief's wording), or null. */
export function fallbackNote(s: Pick<SeriesDeliverables, 'series' | 'fallback' | 'modelsFrom'>): string | null {
  if (!s.fallback || !s.modelsFrom) return null;
  return `${s.series} has no deliverable files in the releases data yet; release models are taken from ${s.modelsFrom}`;
}
