import { seriesStatusAt } from '../../calendar/series-status.js';
import type { IsoDate } from '../../core/dates.js';
import { seriesId, type Series, type SeriesStatus } from '../../data/releases/series.js';

/**
 * Which branches a team makes stable releases from: the one rule behind
 * `release status`'s "stable release to consider" and the Stable panel
 * (pure; the caller looks up the phase of the branch's series at --date).
 *
 * - `stable/<id>` of a series in `maintained`: yes.
 * - `stable/<id>` of the series in `development`: its releases are the
 *   RCs and the final release, proposed through the RC flow, never a
 *   stable release.
 * - `stable/<id>` in `extended maintenance` (legacy): the branch took
 *   fixes but the release team made no releases from it.
 * - `unmaintained/<id>` at any phase, and any branch of an `unmaintained`
 *   or `end of life` series: never (no releases from unmaintained
 *   branches; an end-of-life branch is gone).
 * - anything else (master, `feature/…`, `bugfix/…`, a series we do not
 *   know): not a stable branch.
 */
export type BranchVerdictReason =
  | 'maintained'
  | 'release-candidates'
  | 'extended-maintenance'
  | 'unmaintained'
  | 'end-of-life'
  | 'future'
  | 'unknown-series'
  | 'not-stable';

export interface BranchVerdict {
  readonly releasable: boolean;
  readonly reason: BranchVerdictReason;
}

export type BranchKind = 'stable' | 'unmaintained' | 'other';

/** `stable/2026.1` → stable, `unmaintained/zed` → unmaintained, else other. */
export function branchKind(branch: string): BranchKind {
  if (/^stable\/[^/\s]+$/.test(branch)) return 'stable';
  if (/^unmaintained\/[^/\s]+$/.test(branch)) return 'unmaintained';
  return 'other';
}

/** The series id a stable or unmaintained branch names (`stable/2026.1` → `2026.1`), else null. */
export function branchSeriesId(branch: string): string | null {
  return branchKind(branch) === 'other' ? null : branch.slice(branch.indexOf('/') + 1);
}

/**
 * Whether the team releases from `branch` when its series is in `phase`
 * at the date asked (null: the series is not in series_status.yaml).
 */
export function stableReleasable(branch: string, phase: SeriesStatus | null): BranchVerdict {
  const kind = branchKind(branch);
  if (kind === 'other') return { releasable: false, reason: 'not-stable' };
  if (kind === 'unmaintained')
    return { releasable: false, reason: phase === 'end of life' ? 'end-of-life' : 'unmaintained' };
  switch (phase) {
    case 'maintained':
      return { releasable: true, reason: 'maintained' };
    case 'development':
      return { releasable: false, reason: 'release-candidates' };
    case 'extended maintenance':
      return { releasable: false, reason: 'extended-maintenance' };
    case 'unmaintained':
      return { releasable: false, reason: 'unmaintained' };
    case 'end of life':
      return { releasable: false, reason: 'end-of-life' };
    case 'future':
      return { releasable: false, reason: 'future' };
    case null:
      return { releasable: false, reason: 'unknown-series' };
  }
}

/**
 * The phase at `date` (`seriesStatusAt`: from the schedule) of the series a
 * branch names (`stable/2026.1`, `stable/zed`, `unmaintained/2024.1`), or
 * null when the branch names no series of the list. `dataDate`: the day the
 * data was taken (a phase recorded without a date holds from then on).
 */
export function branchPhase(
  branch: string,
  series: readonly Series[],
  date: IsoDate,
  dataDate?: IsoDate,
): SeriesStatus | null {
  const id = branchSeriesId(branch);
  if (id === null) return null;
  const s = series.find((x) => seriesId(x) === id || x.name === id);
  return s ? seriesStatusAt(series, s, date, dataDate) : null;
}

/** The series a stable or unmaintained branch belongs to, if known. */
export function branchSeries(branch: string, series: readonly Series[]): Series | undefined {
  const id = branchSeriesId(branch);
  return id === null ? undefined : series.find((x) => seriesId(x) === id || x.name === id);
}
