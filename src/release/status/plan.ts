import type { Deps } from '../../core/deps.js';
import { addDays, compareDates, type IsoDate } from '../../core/dates.js';
import type { CycleEvent } from '../../calendar/model.js';
import { isLifecycleTag } from '../../data/releases/deliverables.js';
import { seriesId, type Series } from '../../data/releases/series.js';
import { coverageWindows, dueFromActions } from './plan-actions.js';
import { dueItems } from './plan-due.js';
import type { UnreleasedCommits } from './read-git.js';
import {
  planActions,
  type CloneHint,
  type PlanActionsInput,
  type ReleaseAction,
} from '../../actions/plan.js';
import type { StableBranchRow } from '../stable/plan.js';
import type { Db } from '../../store/db.js';

/** A release of the series with the day it was made, as far as it is known. */
export interface ReleaseFact {
  readonly version: string;
  readonly date: IsoDate | null;
  /** Tagger date in a clone, else the day the entry was added in the releases history, else unknown. */
  readonly dateSource: 'tag' | 'releases-history' | 'unknown';
  /** When the request was proposed and merged (the releases history); null when unknown. */
  readonly proposed: IsoDate | null;
  readonly merged: IsoDate | null;
}

export interface RepoUnreleased extends UnreleasedCommits {
  readonly repo: string;
}

/**
 * A clone that lacks the commit a release of the deliverable was made from:
 * it is behind (or shallow), so what it says about unreleased commits would
 * be wrong until it is fetched.
 */
export interface CloneBehind {
  /** `openstack/glance_store`. */
  readonly repo: string;
  /** The clone's folder. */
  readonly dir: string;
  /** The commit the deliverable file says the release tagged. */
  readonly hash: string;
  readonly version: string;
}

/** Why a library's changes in its windows are unknown: no clone at all, or a clone behind. */
export type ChangesUnknown =
  | { readonly reason: 'no-clone' }
  | ({ readonly reason: 'clone-behind' } & CloneBehind)
  /** The clone has every release's commit but neither a commit nor a tag of the release a window counts from. */
  | { readonly reason: 'no-start'; readonly dir: string };

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
  /** Cloned repositories lacking a release's commit: their unreleased commits are not counted. */
  readonly cloneBehind: readonly CloneBehind[];
  /** Unreleased commits per repository and branch; null without a clone or when every clone is behind. */
  readonly unreleased: readonly RepoUnreleased[] | null;
  readonly due: readonly DueItem[];
}

/** `unconfirmed`: closed without a release, but the data is older than the window's last merge day (docs/actions.md). */
export type WindowState =
  'released' | 'missed' | 'no-changes' | 'not-planned' | 'unknown' | 'unconfirmed' | 'open';

export interface CoverageWindow {
  /** `start → M1`, `M1 → M2`, `final library weeks`: the library actions' windows. */
  readonly label: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly closed: boolean;
  readonly releases: readonly string[];
  /** Commits made in the window that no release before its end contained; null without a clone. */
  readonly unreleasedChanges: number | null;
  readonly state: WindowState;
  /** With `unconfirmed`: the data's day (the action's `asOf`); else null. */
  readonly asOf: IsoDate | null;
}

export interface CoverageRow {
  readonly deliverable: string;
  readonly type: string;
  readonly windows: readonly CoverageWindow[];
  /** Releases whose day is unknown (no clone, no releases history): they cannot be placed in a window. */
  readonly undated: readonly string[];
  /** Why a window without a release has unknown changes; null when every window's changes are known. */
  readonly changesUnknown: ChangesUnknown | null;
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
  /** The team's release actions in the series at the date (docs/actions.md); `due` and coverage come from them. */
  readonly actions: readonly ReleaseAction[];
  /** Every stable and unmaintained branch of the team's deliverables (release/stable). */
  readonly stable: readonly StableBranchRow[];
  readonly dataSource: string;
  readonly notes: readonly string[];
}

export interface StatusOptions {
  /** Series name or id; default: the series of the cycle at --date. */
  readonly series?: string;
  /** Folder of project clones (default: config clones-dir). */
  readonly clones?: string;
  /** The store, for the stable branches' open backports (unknown without it). */
  readonly db?: Db;
}

declare module '../../core/deps.js' {
  interface Views {
    /** `liaison release status`: the team's deliverables, unreleased commits, coverage, what is due. */
    releaseStatus(ctx: Deps, opts?: StatusOptions): Promise<ReleaseStatusView>;
  }
}

/** What was read of one deliverable (files, clones, the releases history): plain data. */
export interface DeliverableFacts {
  readonly name: string;
  /** The series file, or null when the deliverable has none in this series. */
  readonly file: string | null;
  /** Model and type from the newest file at or before the series. */
  readonly model: string | null;
  readonly type: string | null;
  readonly repos: readonly string[];
  /** Releases of the series file: when proposed and merged (the releases history), when tagged (a clone). */
  readonly releases: readonly {
    readonly version: string;
    readonly tagDate: IsoDate | null;
    readonly proposed: IsoDate | null;
    readonly merged: IsoDate | null;
  }[];
  /** Branches the series file declares. */
  readonly fileBranches: readonly string[];
  readonly latestBefore: { readonly version: string; readonly series: string } | null;
  /** The main repository's clone: its folder, branches and tags; null without one. */
  readonly clone: {
    readonly dir: string;
    readonly branches: readonly string[];
    readonly tags: readonly string[];
  } | null;
  /**
   * Cloned repositories lacking the commit of the newest release of the
   * series (else of the last one before it): behind, to be fetched.
   */
  readonly cloneBehind: readonly CloneBehind[];
  /** Unreleased commits per repository and branch; null when no repository has an up-to-date clone. */
  readonly unreleased: readonly RepoUnreleased[] | null;
  /**
   * Commit days on master not reachable from a release (key: its version,
   * `''` for all of master): what the coverage windows count. Read only for
   * the releases the windows can start from (`coverageStarts`).
   */
  readonly masterCommitDays: Readonly<Record<string, readonly IsoDate[]>>;
}

/** Everything `release status` plans from, read beforehand (read.ts). */
export interface StatusInput {
  readonly today: IsoDate;
  readonly team: string;
  readonly series: Series;
  /** Each series with its status at --date (`seriesStatusAt`). */
  readonly allSeries: readonly Series[];
  /** The day the releases data was taken. */
  readonly dataDate: IsoDate | undefined;
  /** The week at --date when the series is the current one, else ''. */
  readonly week: string;
  readonly events: readonly CycleEvent[];
  /** First day of the series' cycle; null when unknown. */
  readonly start: IsoDate | null;
  readonly deliverables: readonly DeliverableFacts[];
  /** The release actions' input (files, dates, conventions); null when the series has no schedule. */
  readonly actions: PlanActionsInput | null;
  /** What the actions' reader noted (no release dates, models from an earlier series). */
  readonly actionNotes: readonly string[];
  readonly releasesLabel: string;
  /** Where clones were looked for. */
  readonly clonesLooked: string;
  readonly seriesHasFiles: boolean;
  /** The stable branches' rows, planned by release/stable from what it read. */
  readonly stable: readonly StableBranchRow[];
  readonly dataSource: string;
}

const LIBRARY_TYPES = new Set(['library', 'client-library']);

/** The series' stable branch (`stable/2026.2`, `unmaintained/…` once unmaintained). */
export function stableBranchOf(series: Series): string {
  return `${series.status === 'unmaintained' ? 'unmaintained' : 'stable'}/${seriesId(series)}`;
}

/** Branches whose unreleased commits count: master, the series' and every live series' stable branch. */
export function wantedBranches(all: readonly Series[], series: Series): string[] {
  const live = all.filter((s) => s.status !== 'end of life' && s.status !== 'future');
  return [
    ...new Set([
      'master',
      stableBranchOf(series),
      ...live.flatMap((s) => [`stable/${seriesId(s)}`, `unmaintained/${seriesId(s)}`]),
    ]),
  ];
}

/** Whether a deliverable gets milestone coverage rows (libraries, when the cycle start is known). */
export function hasCoverage(type: string | null, start: IsoDate | null): boolean {
  return type !== null && LIBRARY_TYPES.has(type) && start !== null;
}

/**
 * The tags a coverage window can count commits from: the series' real
 * releases and the last one before it; `''` (all of master) only when
 * nothing was released before.
 */
export function coverageStarts(
  releases: readonly { readonly version: string }[],
  before: { readonly version: string } | null,
): string[] {
  const real = releases.map((r) => r.version).filter((v) => !isLifecycleTag(v));
  return [...new Set([...real, ...(before ? [before.version] : [''])])];
}

/**
 * Pure: the release status view from the facts read. A release counts when
 * it is in the file; its dates come from the releases history; what is due
 * and the milestone coverage are the team's release actions, with what the
 * clones show (unreleased commits, commits inside each closed window).
 */
export function planReleaseStatus(input: StatusInput): ReleaseStatusView {
  const { series, today } = input;
  const stableName = stableBranchOf(series);
  const first = input.actions ? planActions(input.actions) : [];
  const hints: Record<string, CloneHint> = {};
  for (const d of input.deliverables)
    if (d.clone) hints[d.name] = cloneHint(d, first, stableName, today);
  const actions = input.actions ? planActions({ ...input.actions, clones: hints }) : [];
  const statuses: DeliverableStatus[] = [];
  const coverage: CoverageRow[] = [];
  for (const d of input.deliverables) {
    const releases: ReleaseFact[] = d.releases.map((r) => {
      const dates = { proposed: r.proposed, merged: r.merged };
      if (r.merged)
        return { version: r.version, date: r.merged, dateSource: 'releases-history', ...dates };
      if (r.tagDate) return { version: r.version, date: r.tagDate, dateSource: 'tag', ...dates };
      return { version: r.version, date: null, dateSource: 'unknown', ...dates };
    });
    const real = releases.filter((r) => !isLifecycleTag(r.version));
    const mine = actions.filter((a) => a.deliverable === d.name);
    statuses.push({
      name: d.name,
      model: d.model,
      type: d.type,
      repos: d.repos,
      file: d.file,
      releases,
      latestInSeries: real[real.length - 1] ?? null,
      latestBefore: d.latestBefore,
      stableBranch: {
        name: stableName,
        inFile: d.fileBranches.includes(stableName),
        inClone: d.clone ? d.clone.branches.includes(stableName) : null,
      },
      clone: d.clone?.dir ?? null,
      cloneBehind: d.cloneBehind,
      unreleased: d.unreleased,
      due: [
        ...dueFromActions(mine),
        // stable releases to consider: the lifecycle part of what is due is the actions'
        ...dueItems({
          name: d.name,
          model: d.model,
          type: d.type,
          seriesName: series.name,
          stableBranch: stableName,
          releases: real,
          unreleased: d.unreleased,
          events: [],
          today,
          series: input.allSeries,
          dataDate: input.dataDate,
        }).filter((i) => i.by === null),
      ],
    });
    if (hasCoverage(d.type, input.start)) {
      const windows = coverageWindows(mine, hints[d.name], today);
      coverage.push({
        deliverable: d.name,
        type: d.type ?? '',
        undated: real.filter((r) => !r.date).map((r) => r.version),
        windows,
        changesUnknown: windows.some((w) => w.state === 'unknown' && w.unreleasedChanges === null)
          ? changesUnknown(d)
          : null,
      });
    }
  }
  const notes: string[] = [...input.actionNotes];
  const noClone = statuses.filter((s) => s.clone === null).map((s) => s.name);
  if (noClone.length > 0)
    notes.push(
      `no clone found for ${noClone.join(', ')} (looked ${input.clonesLooked}): unreleased commits unknown`,
    );
  if (!input.seriesHasFiles && !notes.some((n) => n.includes('no deliverable files')))
    notes.push(`the releases data has no deliverable files of ${series.name}`);
  const covNotes = coverageNotes(coverage);
  if (!input.actions)
    covNotes.push(`no schedule for ${series.name} in the releases data: milestone windows unknown`);
  return {
    today,
    team: input.team,
    series: series.name,
    seriesId: seriesId(series),
    week: input.week,
    deliverables: statuses,
    coverage: {
      today,
      team: input.team,
      series: series.name,
      rows: coverage,
      missed: coverage.reduce(
        (n, r) => n + r.windows.filter((w) => w.state === 'missed').length,
        0,
      ),
      notes: covNotes,
    },
    actions,
    stable: input.stable,
    dataSource: input.dataSource,
    notes,
  };
}

/**
 * What a clone says to the actions: unreleased commits on master and on the
 * series' stable branch, and the commits made inside each closed library
 * window that the last release merged by its end did not contain.
 */
function cloneHint(
  d: DeliverableFacts,
  planned: readonly ReleaseAction[],
  stableName: string,
  today: IsoDate,
): CloneHint {
  const main = d.repos.find((r) => d.unreleased?.some((u) => u.repo === r));
  const count = (branch: string) =>
    d.unreleased?.find((u) => u.repo === main && u.branch === branch)?.count ?? null;
  const windowChanges: Record<string, number> = {};
  for (const a of planned) {
    if (a.deliverable !== d.name) continue;
    if (a.kind !== 'library' && a.kind !== 'final-library') continue;
    if (compareDates(today, a.window.end) <= 0) continue;
    const by = d.releases.filter(
      (r) =>
        !isLifecycleTag(r.version) &&
        r.merged !== null &&
        compareDates(r.merged, a.window.end) <= 0,
    );
    const since = by[by.length - 1]?.version ?? d.latestBefore?.version ?? '';
    const days = d.masterCommitDays[since];
    const after = addDays(a.window.start, -1);
    if (days) windowChanges[a.id] = days.filter((x) => x > after && x <= a.window.end).length;
  }
  return {
    unreleasedMaster: count('master'),
    unreleasedStable: d.clone?.branches.includes(stableName) ? count(stableName) : null,
    windowChanges,
  };
}

function coverageNotes(rows: readonly CoverageRow[]): string[] {
  const out: string[] = [];
  for (const r of rows) {
    if (r.undated.length > 0)
      out.push(
        `${r.deliverable}: release day unknown for ${r.undated.join(', ')} (no releases history and no clone with the tag): they satisfy the windows by kind only`,
      );
  }
  return out;
}

/**
 * Why the windows' changes are unknown: "no clone" only when none was found;
 * a clone lacking a release's commit is behind (its main repository's first).
 */
function changesUnknown(d: DeliverableFacts): ChangesUnknown {
  if (!d.clone) return { reason: 'no-clone' };
  const behind = d.cloneBehind.find((b) => b.dir === d.clone?.dir) ?? d.cloneBehind[0];
  return behind ? { reason: 'clone-behind', ...behind } : { reason: 'no-start', dir: d.clone.dir };
}
