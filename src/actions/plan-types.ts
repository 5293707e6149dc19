import type { IsoDate } from '../core/dates.js';
import type { DeliverableConventions } from '../data/releases/release-dates.js';

/**
 * The team's release actions: what the release process requires of each
 * deliverable of a series, with the window it must happen in, its state at
 * a date and the evidence. Plain data in, plain data out (see plan.ts); the
 * brief, the Overview page, the meeting text and the all-teams view render
 * the same objects. The rules are documented in docs/actions.md.
 */

export const ACTION_KINDS = [
  'trailing',
  'milestone',
  'rc',
  'stable-branch',
  'final-rc',
  'final',
  'cycle-highlights',
  'library',
  'final-library',
  'intermediary',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export const ACTION_STATES = [
  'upcoming',
  'open',
  'due',
  'proposed',
  'done',
  'overdue',
  'missed',
  'not-planned',
] as const;
export type ActionState = (typeof ACTION_STATES)[number];

export interface ActionWindow {
  /** First day (a Monday for week-based windows, a Saturday after a week's end otherwise). */
  readonly start: IsoDate;
  /** Last day (the Friday of the schedule week). */
  readonly end: IsoDate;
}

/** A release (or branch, or highlights change) attached to an action. */
export interface ActionRelease {
  /** The version; for `stable-branch` the branch location; for `cycle-highlights` the literal `cycle-highlights`. */
  readonly version: string;
  readonly proposed: IsoDate | null;
  readonly merged: IsoDate | null;
  /** Set on a step that does not complete the action: a trailing deliverable's beta or RC before its final. */
  readonly progress?: true;
}

export interface ReleaseAction {
  /** `<deliverable>:<kind>` plus `:<milestone>` where there is one; stable across days and series. */
  readonly id: string;
  readonly deliverable: string;
  /** The series whose process asks for it. */
  readonly series: string;
  readonly kind: ActionKind;
  readonly milestone: number | null;
  readonly window: ActionWindow;
  readonly state: ActionState;
  /** The releases that satisfy it (or, while `proposed`, the pending one). */
  readonly releases: readonly ActionRelease[];
  /** Why the state is what it is, one sentence naming the file or the request. */
  readonly evidence: string;
  /** What the liaison runs; null where the liaison proposes nothing (e.g. the release team's final). */
  readonly command: string | null;
  /**
   * Set when the verdict rests on data older than both the date and the end
   * of the action's satisfaction period (the window's end + the week after):
   * the state is as of the data of this day, not confirmed — a request
   * merged since may have settled it. Absent when the data can tell.
   */
  readonly asOf?: IsoDate;
}

/** When a change was proposed (author date) and merged (reached master); either may be unknown. */
export interface DatedChange {
  readonly proposed: IsoDate | null;
  readonly merged: IsoDate | null;
}

export interface HistoryRelease extends DatedChange {
  readonly version: string;
  /** What it released: the projects' hashes (any stable key); equal keys mean a re-tag. Null when unknown. */
  readonly hashes: string | null;
}

export interface HistoryBranch extends DatedChange {
  readonly name: string;
  /** The version it branches from (`std` branches), else null. */
  readonly location: string | null;
}

/** One deliverable file of one series, with the dates of its entries. */
export interface SeriesFileHistory {
  readonly series: string;
  /** Path shown in evidence, e.g. `deliverables/hibiscus/glance.yaml`. */
  readonly path: string;
  readonly model: string | null;
  readonly type: string | null;
  readonly stableBranchType: string | null;
  /** File order (the request order). */
  readonly releases: readonly HistoryRelease[];
  readonly branches: readonly HistoryBranch[];
  /** Null when the file has no `cycle-highlights`. */
  readonly highlights: DatedChange | null;
}

export interface ActionDeliverable {
  readonly name: string;
  /** Effective release model and type: from this series' file, else the newest earlier one. */
  readonly model: string | null;
  readonly type: string | null;
  readonly stableBranchType: string | null;
  /** This series' file; null when the deliverable has none (yet) in the series. */
  readonly file: SeriesFileHistory | null;
  /** Series whose file gave model and type (this one, or an earlier one when this has none yet). */
  readonly modelFrom: string | null;
}

/** A schedule week as the planner needs it. */
export interface CalendarWeek {
  readonly start: IsoDate;
  readonly end: IsoDate;
  readonly name?: string;
  readonly xProject: readonly string[];
}

/** The series whose actions are planned: its schedule and dates. */
export interface ActionsCalendar {
  readonly name: string;
  readonly releaseId: string | null;
  /** The coordinated release day (series_status `initial-release`). */
  readonly releaseDate: IsoDate | null;
  /** First day of the cycle: the Monday after the previous series' release week. */
  readonly start: IsoDate;
  readonly weeks: readonly CalendarWeek[];
  /** The week of the next series' cycle-trailing release deadline (`<n>-cycle-trail`), when known. */
  readonly trailingDeadline: ActionWindow | null;
}

/** A deliverable's conventions (defined with the stored release dates, which carry them compiled). */
export type { DeliverableConventions } from '../data/releases/release-dates.js';

/** A release request still open in openstack/releases (from the review source). */
export interface OpenRequest {
  readonly deliverable: string;
  readonly series: string;
  /** The version it adds, or null for a branch-only or highlights-only change. */
  readonly version: string | null;
  readonly branches: readonly string[];
  readonly highlights: boolean;
  /** Gerrit change number; null when reconstructed from the history. */
  readonly number: number | null;
  readonly proposed: IsoDate | null;
}

/** What a local clone of the deliverable's main repository tells. */
export interface CloneHint {
  /** Commits on master that no release contains; null when unknown. */
  readonly unreleasedMaster: number | null;
  /** Commits on the series' stable branch since its last release; null when unknown or no branch. */
  readonly unreleasedStable: number | null;
  /** Per action id: commits made inside a closed window that no release before its end contained. */
  readonly windowChanges?: Readonly<Record<string, number>>;
}

export interface PlanActionsInput {
  readonly series: ActionsCalendar;
  readonly deliverables: readonly ActionDeliverable[];
  /** By deliverable name; a deliverable without an entry gets the defaults. */
  readonly conventions: Readonly<Record<string, DeliverableConventions>>;
  readonly openRequests: readonly OpenRequest[];
  /** By deliverable name, where a clone is configured and found. */
  readonly clones?: Readonly<Record<string, CloneHint>>;
  readonly today: IsoDate;
  /** The series `liaison release propose` takes by default at `today`: commands name another with `--series`. */
  readonly defaultSeries?: string;
  /**
   * The day the releases data was taken; a verdict it cannot settle by
   * `today` is marked with it (`ReleaseAction.asOf`). Absent: the data is
   * taken as current at `today` (the replay: the tree as it was then).
   */
  readonly dataAsOf?: IsoDate;
}

/** States that ask the liaison to act now, in the order they are said first. */
export const URGENT_STATES: readonly ActionState[] = ['overdue', 'due', 'proposed'];

/** The planner's input for a team and series, with what the reader noted about the data. */
export interface ActionsRead {
  readonly input: PlanActionsInput;
  /** Facts about the data the actions rest on (missing schedule, no dates, fallback model). */
  readonly notes: readonly string[];
}

/** The team's actions as the brief, the Overview page and the meeting show them. */
export interface TeamActions {
  /** The series the actions are of (the one at the date, or `--series`). */
  readonly series: string;
  readonly actions: readonly ReleaseAction[];
  readonly notes: readonly string[];
}

export interface ReleaseActionsOptions {
  /** Series name or id (default: the series at the date). */
  readonly series?: string;
  /** Also the previous series' actions still open, due, overdue or proposed (trailing releases). */
  readonly withPrevious?: boolean;
  /** Release requests open in openstack/releases (the review source). */
  readonly openRequests?: readonly OpenRequest[];
}
