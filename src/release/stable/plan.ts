import type { IsoDate } from '../../core/dates.js';
import type { Deps } from '../../core/deps.js';
import type { BranchEntry } from '../../data/releases/deliverables.js';
import { seriesStatusAt } from '../../calendar/series-status.js';
import { seriesId, type Series, type SeriesStatus } from '../../data/releases/series.js';
import { bump } from '../versions/bump.js';
import { parsePbrVersion } from '../../data/releases/pbr-version.js';
import type { SourceAge } from '../../sources/age.js';
import { stableReleasable, type BranchVerdictReason } from './plan-rule.js';

/**
 * The stable branches of the team's deliverables (pure): which branch of
 * each series is current, in what phase its series is at --date, what was
 * merged on it since its last release, which backports are open, and a
 * suggestion to release only where the rule allows it and there is
 * something to release.
 */

/** A merged change on a branch that no release contains yet. */
export interface UnreleasedChange {
  readonly commit: string;
  readonly date: IsoDate;
  readonly subject: string;
  /** Launchpad bugs from `Closes-Bug:` footers. */
  readonly bugs: readonly number[];
  readonly bugLinks: readonly string[];
}

export interface Unreleased {
  /** The newest tag reachable from the branch (its last release), null when none. */
  readonly since: string | null;
  readonly count: number;
  /** Newest first, at most `UNRELEASED_LIMIT`. */
  readonly changes: readonly UnreleasedChange[];
}

export interface OpenBackport {
  readonly number: number;
  readonly project: string;
  readonly subject: string;
  readonly owner: string | null;
  /** ISO instant of the last update. */
  readonly updated: string | null;
  readonly url: string;
  readonly bugs: readonly number[];
}

export interface StableBranchRow {
  readonly deliverable: string;
  readonly repo: string;
  readonly branch: string;
  readonly series: string;
  readonly seriesId: string;
  /** The series' status at --date (series_status.yaml, next-phase applied). */
  readonly phase: SeriesStatus;
  readonly releasable: boolean;
  readonly reason: BranchVerdictReason;
  /** The deliverable's last release in that series, from its file. */
  readonly lastRelease: string | null;
  /** False when the data lacks the series' deliverable file (last release unknown). */
  readonly fileKnown: boolean;
  /** Null without a clone of the repository. */
  readonly unreleased: Unreleased | null;
  /** Null when Gerrit's open changes of these branches were never synced. */
  readonly openBackports: readonly OpenBackport[] | null;
  /** Release it: the rule allows it and merged changes wait. */
  readonly suggest: boolean;
  /** The bugfix version a suggested release would get (last release + 0.0.1). */
  readonly nextVersion: string | null;
}

/** One deliverable's file in one series, as the candidates need it. */
export interface SeriesFileFacts {
  readonly series: string;
  readonly repos: readonly string[];
  readonly branches: readonly BranchEntry[];
  /** Real (non-lifecycle) versions in file order. */
  readonly versions: readonly string[];
  readonly stableBranchType?: string;
  readonly type?: string;
  /** The data has no files of this series (the embedded snapshot keeps the newest ones): facts copied from the oldest file known, no branches or versions. */
  readonly missing?: boolean;
}

export interface StableCandidate {
  readonly deliverable: string;
  readonly repo: string;
  readonly branch: string;
  readonly series: Series;
  readonly phase: SeriesStatus;
  readonly lastRelease: string | null;
  /** False when the data lacks the series' deliverable files. */
  readonly fileKnown: boolean;
}

export const UNRELEASED_LIMIT = 30;

/**
 * The series whose branches are listed at `date`: every released series
 * from the newest down to the oldest one that is not end of life (older
 * end-of-life branches are long gone and only noise). Phases at `date`
 * come from the schedule (`seriesStatusAt`; `dataDate`: the data's day).
 */
export function seriesWindow(all: readonly Series[], date: IsoDate, dataDate?: IsoDate): Series[] {
  const phases = all.map((s) => seriesStatusAt(all, s, date, dataDate));
  let last = -1;
  phases.forEach((p, i) => {
    if (p !== 'end of life' && p !== 'future') last = i;
  });
  return all.slice(0, last + 1).filter((_, i) => phases[i] !== 'future');
}

/**
 * One candidate per deliverable, series and repository that has (or had)
 * a branch: `unmaintained/<id>` once the file or the clone has one, else
 * `stable/<id>`. Deliverables without stable branches (tempest plugins,
 * `stable-branch-type: none`) have none.
 */
export function stableCandidates(
  all: readonly Series[],
  date: IsoDate,
  deliverables: readonly {
    readonly name: string;
    readonly files: ReadonlyMap<string, SeriesFileFacts>;
  }[],
  clones: {
    readonly has: (repo: string, branch: string) => boolean;
    /** A clone of the repository exists. */
    readonly known: (repo: string) => boolean;
  },
  dataDate?: IsoDate,
): StableCandidate[] {
  const out: StableCandidate[] = [];
  for (const series of seriesWindow(all, date, dataDate)) {
    const id = seriesId(series);
    const phase = seriesStatusAt(all, series, date, dataDate);
    for (const d of deliverables) {
      const file = d.files.get(series.name);
      if (!file || file.stableBranchType === 'none' || file.type === 'tempest-plugin') continue;
      const named = new Set(file.branches.map((b) => b.name));
      for (const repo of file.repos) {
        const has = (b: string) => named.has(b) || clones.has(repo, b);
        const unmaintained = `unmaintained/${id}`;
        const stable = `stable/${id}`;
        const branch =
          has(unmaintained) || (phase === 'unmaintained' && !has(stable)) ? unmaintained : stable;
        // without the series' file, the branch is assumed unless a clone shows it is not there
        if (!has(branch) && !(file.missing && !clones.known(repo))) continue;
        out.push({
          deliverable: d.name,
          repo,
          branch,
          series,
          phase,
          lastRelease: file.versions[file.versions.length - 1] ?? null,
          fileKnown: !file.missing,
        });
      }
    }
  }
  return out;
}

/** The rows, from the candidates and what was read about each branch. */
export function planStableRows(
  candidates: readonly StableCandidate[],
  facts: {
    readonly unreleased: (c: StableCandidate) => Unreleased | null;
    readonly backports: (c: StableCandidate) => readonly OpenBackport[] | null;
  },
): StableBranchRow[] {
  return candidates.map((c) => {
    const verdict = stableReleasable(c.branch, c.phase);
    const unreleased = facts.unreleased(c);
    const suggest = verdict.releasable && unreleased !== null && unreleased.count > 0;
    return {
      deliverable: c.deliverable,
      repo: c.repo,
      branch: c.branch,
      series: c.series.name,
      seriesId: seriesId(c.series),
      phase: c.phase,
      releasable: verdict.releasable,
      reason: verdict.reason,
      lastRelease: c.lastRelease,
      fileKnown: c.fileKnown,
      unreleased,
      openBackports: facts.backports(c),
      suggest,
      nextVersion: suggest ? nextBugfix(unreleased.since ?? c.lastRelease) : null,
    };
  });
}

/** `2.1.4` → `2.1.5`; null for a version that is not a plain release. */
export function nextBugfix(version: string | null): string | null {
  if (!version) return null;
  const v = parsePbrVersion(version);
  if (!v || v.pre || v.dev !== undefined) return null;
  try {
    return bump(version, [0, 0, 1]);
  } catch {
    return null;
  }
}

/** Launchpad's page of a bug. */
export function bugLink(id: number): string {
  return `https://bugs.launchpad.net/bugs/${id}`;
}

/** The view of `liaison release stable` and the Stable page. */
export interface StableView {
  readonly today: IsoDate;
  readonly team: string;
  readonly branches: readonly StableBranchRow[];
  readonly counts: {
    readonly branches: number;
    readonly releasable: number;
    readonly suggested: number;
    /** Merged changes waiting on releasable branches (known from clones). */
    readonly unreleased: number;
    /** Open backports on releasable branches (known from Gerrit). */
    readonly openBackports: number;
  };
  /** Deliverables whose repositories have no clone: unreleased changes unknown. */
  readonly withoutClone: readonly string[];
  /** Series whose deliverable files the data lacks (their rows are assumed from the newer files). */
  readonly seriesWithoutFiles: readonly string[];
  /** Last successful sync of the open backports, or null. */
  readonly backportsAsOf: string | null;
  /** How old the open backports are (the `stable` source). */
  readonly source: SourceAge;
}

export function planStableView(
  rows: readonly StableBranchRow[],
  meta: { readonly today: IsoDate; readonly team: string; readonly source: SourceAge },
): StableView {
  const releasable = rows.filter((r) => r.releasable);
  return {
    today: meta.today,
    team: meta.team,
    branches: rows,
    counts: {
      branches: rows.length,
      releasable: releasable.length,
      suggested: rows.filter((r) => r.suggest).length,
      unreleased: releasable.reduce((n, r) => n + (r.unreleased?.count ?? 0), 0),
      openBackports: releasable.reduce((n, r) => n + (r.openBackports?.length ?? 0), 0),
    },
    withoutClone: [
      ...new Set(rows.filter((r) => r.unreleased === null).map((r) => r.deliverable)),
    ].sort(),
    seriesWithoutFiles: [...new Set(rows.filter((r) => !r.fileKnown).map((r) => r.series))],
    backportsAsOf: meta.source.syncedAt,
    source: meta.source,
  };
}

declare module '../../core/deps.js' {
  interface Views {
    /** `liaison release stable`: the stable branches, what waits on them, what to release. */
    stable(ctx: Deps, opts?: { clones?: string }): Promise<StableView>;
  }
}
