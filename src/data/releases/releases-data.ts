import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SourceUnavailableError } from '../../core/errors.js';
import type { FileTree } from '../file-tree.js';
import type { CompiledData, SourceStamp } from '../snapshot.js';
import { deliverablePath, parseDeliverable, summarize, type Deliverable, type DeliverableSummary } from './deliverables.js';
import { parseSchedule, type Schedule } from './schedule.js';
import { parseScheduleLabels, type ScheduleLabel } from './schedule-labels.js';
import { readReleaseDates, type ReleaseDates } from './release-dates.js';
import { parseSeriesStatus, type Series } from './series.js';

export const SERIES_STATUS_FILE = 'data/series_status.yaml';

/** Dates of the releases of these files (`<series>/<name>`), walking the history back to `since`. */
export type DatesProvider = (files: readonly string[], since?: string) => ReleaseDates | undefined;

/**
 * Lazy, cached access to an openstack/releases tree (a checkout or the
 * embedded snapshot). Each file is parsed at most once per process.
 */
export class ReleasesData {
  private seriesCache?: Series[];
  private labelCache?: Map<string, ScheduleLabel>;
  private readonly schedules = new Map<string, Schedule | undefined>();
  private readonly deliverables = new Map<string, Deliverable | undefined>();

  /**
   * `compiled` (the embedded snapshot's) replaces parsing the files; its
   * fields are read only when first needed, as they may load lazily.
   */
  constructor(
    readonly tree: FileTree,
    readonly stamp: SourceStamp,
    private readonly compiled?: Partial<
      Pick<CompiledData, 'series' | 'schedules' | 'labels' | 'deliverables'>
    >,
    /**
     * Where release dates come from: the embedded snapshot's stored dates, or
     * a replay's history at a past commit. Default: the checkout's git history.
     */
    private readonly datesProvider?: DatesProvider,
  ) {}

  private datesCache = new Map<string, ReleaseDates | undefined>();

  /**
   * When the releases of these files (`<series>/<name>`) were proposed and
   * merged: the stored dates of the embedded snapshot, else one `git log`
   * over the files when the tree is a git checkout, else undefined (a
   * plain copy of the files has no history). `since` bounds the walk.
   */
  releaseDates(files: readonly string[], since?: string): ReleaseDates | undefined {
    if (this.datesProvider) return this.datesProvider(files, since);
    const root = this.tree.absolute('');
    // only a checkout's own .git counts: a copy of the files inside another repository has no history
    if (!root || files.length === 0 || !existsSync(join(root, '.git'))) return undefined;
    const key = `${[...files].sort().join(',')}|${since ?? ''}`;
    if (!this.datesCache.has(key)) {
      let dates: ReleaseDates | undefined;
      try {
        dates = readReleaseDates(root, { files, ...(since ? { since } : {}) });
      } catch {
        dates = undefined; // not a git checkout: no dates
      }
      this.datesCache.set(key, dates);
    }
    return this.datesCache.get(key);
  }

  series(): Series[] {
    const compiledSeries = this.seriesCache ? undefined : this.compiled?.series;
    if (compiledSeries) this.seriesCache = [...compiledSeries];
    if (!this.seriesCache) {
      const text = this.tree.read(SERIES_STATUS_FILE);
      if (text === undefined) throw missing(this.tree, SERIES_STATUS_FILE);
      this.seriesCache = parseSeriesStatus(text, this.where(SERIES_STATUS_FILE));
    }
    return this.seriesCache;
  }

  schedule(series: string): Schedule | undefined {
    const compiled = this.compiled?.schedules;
    if (compiled) return Object.hasOwn(compiled, series) ? compiled[series] : undefined;
    if (!this.schedules.has(series)) {
      const path = `doc/source/${series}/schedule.yaml`;
      const text = this.tree.read(path);
      this.schedules.set(series, text === undefined ? undefined : parseSchedule(text, this.where(path), series));
    }
    return this.schedules.get(series);
  }

  /** Every label of every schedule.rst; labels are global across series. */
  labels(): Map<string, ScheduleLabel> {
    const compiledLabels = this.labelCache ? undefined : this.compiled?.labels;
    if (compiledLabels) this.labelCache = new Map(compiledLabels.map((l) => [l.label, l]));
    if (!this.labelCache) {
      const map = new Map<string, ScheduleLabel>();
      // oldest first so that a newer definition of a reused label wins
      for (const s of [...this.series()].reverse()) {
        const text = this.tree.read(`doc/source/${s.name}/schedule.rst`);
        if (text === undefined) continue;
        for (const label of parseScheduleLabels(text, s.name)) map.set(label.label, label);
      }
      this.labelCache = map;
    }
    return this.labelCache;
  }

  deliverableNames(series: string): string[] {
    return this.tree
      .list(`deliverables/${series}`)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.slice(0, -5));
  }

  deliverable(series: string, name: string): Deliverable | undefined {
    const path = deliverablePath(series, name);
    if (!this.deliverables.has(path)) {
      const text = this.tree.read(path);
      this.deliverables.set(path, text === undefined ? undefined : parseDeliverable(text, this.where(path)));
    }
    return this.deliverables.get(path);
  }

  /** What listings need of a deliverable file: compiled when the snapshot has it, else parsed. */
  summary(series: string, name: string): DeliverableSummary | undefined {
    const compiled = this.compiled?.deliverables?.[`${series}/${name}`];
    if (compiled) return compiled;
    const d = this.deliverable(series, name);
    return d ? summarize(d) : undefined;
  }

  /** The `team` of a deliverable file, cheaply: the compiled summary, else one line of the text. */
  teamOf(series: string, name: string): string | undefined {
    const compiled = this.compiled?.deliverables?.[`${series}/${name}`];
    if (compiled) return compiled.team;
    if (this.deliverables.has(deliverablePath(series, name)))
      return this.deliverable(series, name)?.team;
    const text = this.tree.read(deliverablePath(series, name));
    const m = text ? /^team:[ \t]*['"]?(.*?)['"]?[ \t]*$/m.exec(text) : null;
    return m?.[1] || undefined;
  }

  /** Text of a file (for minimal-diff edits), or undefined. */
  text(path: string): string | undefined {
    return this.tree.read(path);
  }

  /** A path as shown in messages: absolute for a checkout, relative otherwise. */
  where(path: string): string {
    return this.tree.absolute(path) ?? path;
  }
}

function missing(tree: FileTree, path: string): Error {
  return new SourceUnavailableError(`${tree.label}: ${path} not found (is this an openstack/releases checkout?)`, 'releases');
}
