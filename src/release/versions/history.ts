import type { BranchEntry, ReleaseEntry } from '../../data/releases/deliverables.js';
import { parseLifecycleTag } from '../../data/releases/pbr-version.js';

/**
 * One series' file of a deliverable, as the version rules see it. A
 * missing file is an empty one (`exists: false`), as upstream treats it.
 */
export interface SeriesFile {
  /** Directory name: the series name, or `_independent`. */
  readonly series: string;
  /** Branch and lifecycle-tag id: release id (`2026.2`) or name (`zed`). */
  readonly id: string;
  readonly exists: boolean;
  readonly releases: readonly ReleaseEntry[];
  readonly branches: readonly BranchEntry[];
}

export interface LastRelease {
  readonly entry: ReleaseEntry;
  readonly version: string;
  /** Series whose file holds it. */
  readonly series: string;
  /** Number of series without a release walked before it (0: the requested one has releases). */
  readonly depth: number;
}

export interface HistoryWalk {
  /** Our answer: lifecycle tags of other series (and `-em`/`-last`) are skipped. */
  readonly last?: LastRelease;
  /** What upstream takes: the last entry of the first non-empty file, whatever it is. */
  readonly upstreamLast?: LastRelease;
  /** `<id>-eol`/`<id>-eom` of the requested series when it is its last entry. */
  readonly terminal?: { readonly kind: 'eol' | 'eom'; readonly version: string };
  /** Series walked through that had no release (names, newest first). */
  readonly emptySeries: readonly string[];
}

/**
 * Walks the history from the requested series towards older ones (series
 * order of series_status.yaml, never the alphabet) and finds the last
 * release: the last entry in file order of the first file that has one.
 */
export function walkHistory(history: readonly SeriesFile[]): HistoryWalk {
  const current = history[0];
  const emptySeries: string[] = [];
  let upstreamLast: LastRelease | undefined;
  let terminal: HistoryWalk['terminal'];
  let depth = 0;
  for (const file of history) {
    const entries = file.releases;
    const lastEntry = entries[entries.length - 1];
    if (lastEntry && !upstreamLast) {
      upstreamLast = {
        entry: lastEntry,
        version: lastEntry.version,
        series: file.series,
        depth: emptySeries.length,
      };
    }
    if (file === current && lastEntry) {
      const tag = parseLifecycleTag(lastEntry.version);
      if (tag && tag.id === current.id && (tag.kind === 'eol' || tag.kind === 'eom')) {
        terminal = { kind: tag.kind, version: lastEntry.version };
      }
    }
    const real = lastRealEntry(entries);
    if (real) {
      return {
        last: { entry: real, version: real.version, series: file.series, depth },
        ...(upstreamLast ? { upstreamLast } : {}),
        ...(terminal ? { terminal } : {}),
        emptySeries,
      };
    }
    emptySeries.push(file.series);
    depth++;
  }
  return {
    ...(upstreamLast ? { upstreamLast } : {}),
    ...(terminal ? { terminal } : {}),
    emptySeries,
  };
}

/** The last entry in file order that is a version, not a lifecycle tag. */
export function lastRealEntry(entries: readonly ReleaseEntry[]): ReleaseEntry | undefined {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (e && !parseLifecycleTag(e.version)) return e;
  }
  return undefined;
}

/** First `stable/` branch of a file (upstream's "branch point" of a series). */
export function firstStableBranch(file: SeriesFile | undefined): BranchEntry | undefined {
  return file?.branches.find((b) => b.name.startsWith('stable/'));
}

export function releaseByVersion(
  file: SeriesFile | undefined,
  version: string,
): ReleaseEntry | undefined {
  return file?.releases.find((r) => r.version === version);
}
