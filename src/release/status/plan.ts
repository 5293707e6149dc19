import type { IsoDate } from '../../core/dates.js';
import type { StableBranchRow } from '../../stable/plan.js';
import type { UnreleasedCommits } from './read-git.js';

/** A release of the series with the day it was made, as far as it is known. */
export interface ReleaseFact {
  readonly version: string;
  readonly date: IsoDate | null;
  /** Tagger date in a clone, else the day the entry was added in the releases history, else unknown. */
  readonly dateSource: 'tag' | 'releases-history' | 'unknown';
}

export interface RepoUnreleased extends UnreleasedCommits {
  readonly repo: string;
}

export interface DueItem {
  readonly what: string;
  /** Deadline the item is tied to, when there is one. */
  readonly by: IsoDate | null;
}

export interface DeliverableStatus {
  readonly name: string;
  readonly model: string | null;
  readonly type: string | null;
  readonly repos: readonly string[];
  /** The series file, or null when the deliverable has none in this series. */
  readonly file: string | null;
  readonly releases: readonly ReleaseFact[];
  readonly latestInSeries: ReleaseFact | null;
  readonly latestBefore: { readonly version: string; readonly series: string } | null;
  readonly stableBranch: {
    readonly name: string;
    readonly inFile: boolean;
    readonly inClone: boolean | null;
  };
  /** The clone used, or null ("no clone"). */
  readonly clone: string | null;
  /** Unreleased commits per repository and branch; null without a clone. */
  readonly unreleased: readonly RepoUnreleased[] | null;
  readonly due: readonly DueItem[];
}

export type WindowState = 'released' | 'missed' | 'no-changes' | 'unknown' | 'open';

export interface CoverageWindow {
  /** `start → M1`, `M1 → M2`, `M2 → final-lib` / `M2 → M3`. */
  readonly label: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly closed: boolean;
  readonly releases: readonly string[];
  /** Commits made in the window that no release before its end contained; null without a clone. */
  readonly unreleasedChanges: number | null;
  readonly state: WindowState;
}

export interface CoverageRow {
  readonly deliverable: string;
  readonly type: string;
  readonly windows: readonly CoverageWindow[];
  /** Releases whose day is unknown (no clone, no releases history): they cannot be placed in a window. */
  readonly undated: readonly string[];
}

export interface CoverageView {
  readonly today: IsoDate;
  readonly team: string;
  readonly series: string;
  readonly rows: readonly CoverageRow[];
  readonly missed: number;
  readonly notes: readonly string[];
}

export interface ReleaseStatusView {
  readonly today: IsoDate;
  readonly team: string;
  readonly series: string;
  readonly seriesId: string;
  /** `R-5` etc. at --date. */
  readonly week: string;
  readonly deliverables: readonly DeliverableStatus[];
  readonly coverage: CoverageView;
  /** Every stable and unmaintained branch of the team's deliverables (src/stable). */
  readonly stable: readonly StableBranchRow[];
  readonly dataSource: string;
  readonly notes: readonly string[];
}
