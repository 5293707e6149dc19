import type { BriefEvent } from '../brief/plan.js';
import type { BugItem } from '../bugs/plan.js';
import type { ChecklistItemView } from '../checklist/plan.js';
import type { Deps } from '../core/deps.js';
import type { IsoDate } from '../core/dates.js';
import type { GateView } from '../gate/plan.js';
import type { DueItem } from '../release/status/plan.js';
import type { SeriesHeading } from '../data/releases/series.js';
import type { ReleaseAction } from '../actions/plan.js';
import type { PrioritiesSummary } from '../priorities/plan.js';

/** Whether a section's capability answered, and why its data is missing or old. */
interface SectionState {
  readonly available: boolean;
  /** Why the section is empty or old (capability failed, source down, data date); null when all is well. */
  readonly note: string | null;
}

/** `liaison release status` in short: each deliverable's latest release and what is due. */
export interface ReleaseStatusSection extends SectionState {
  readonly id: 'release-status';
  readonly deliverables: readonly {
    readonly name: string;
    /** The latest release; `series` is set when it is from an earlier series. */
    readonly latest: { readonly version: string; readonly series: string | null } | null;
    readonly due: readonly DueItem[];
  }[];
  /** Milestone windows that passed without a library release. */
  readonly missedWindows: number;
}

/** `liaison priorities` in short: the current milestone's line (null when the team keeps no priorities). */
export interface PrioritiesSection extends SectionState {
  readonly id: 'priorities';
  readonly summary: PrioritiesSummary | null;
}

/** `liaison gate`: the view itself (the meeting lists failing and flaky jobs). */
export interface GateSection extends SectionState {
  readonly id: 'gate';
  readonly gate: GateView | null;
}

/** `liaison bugs`: the counts and the first release-critical bugs. */
export interface BugsSection extends SectionState {
  readonly id: 'bugs';
  readonly rcTag: string | null;
  readonly counts: {
    readonly rcCritical: number;
    readonly targeted: number;
    readonly fixCommitted: number;
  } | null;
  readonly rcBugs: readonly Pick<BugItem, 'id' | 'title' | 'project' | 'status' | 'url'>[];
}

/** `liaison goals`: each goal of the series and the team's status. */
export interface GoalsSection extends SectionState {
  readonly id: 'goals';
  readonly series: string | null;
  readonly goals: readonly {
    readonly title: string;
    readonly status: string;
    readonly owner: string | null;
  }[];
}

export type MeetingSection =
  ReleaseStatusSection | PrioritiesSection | GateSection | BugsSection | GoalsSection;
export type MeetingSectionId = MeetingSection['id'];

export const SECTION_IDS: readonly MeetingSectionId[] = [
  'release-status',
  'priorities',
  'gate',
  'bugs',
  'goals',
];

/**
 * The release section of the team's weekly meeting, as one view model: the
 * CLI renders it for IRC or Markdown and the dashboard reuses it. Each live
 * part comes from its own capability's builder; a missing or stale one is a
 * section saying so.
 */
export interface MeetingView {
  readonly team: string;
  readonly date: IsoDate;
  readonly series: SeriesHeading;
  readonly week: string;
  readonly weeksToRelease: number;
  readonly phase: { readonly after: BriefEvent | null; readonly before: BriefEvent | null };
  /** Cross-project events and team deadlines from today to three weeks ahead. */
  readonly deadlines: readonly BriefEvent[];
  /** The series of the release actions. */
  readonly actionsSeries: string;
  /**
   * Release actions said first: due and proposed, overdue for at most two
   * weeks; then open ones ending within two weeks; then those starting
   * within two weeks (MEETING_ACTION_DAYS).
   */
  readonly actions: readonly ReleaseAction[];
  /** Actions overdue for more than two weeks (the brief lists them). */
  readonly olderOverdue: number;
  /** Who acts on them: the release liaisons (else the PTL). */
  readonly actionOwners: readonly string[];
  /** What the other capabilities say, one section each (structured; the renderers word them). */
  readonly sections: readonly MeetingSection[];
  /** Checklist items not ticked, due from two weeks ago to two weeks ahead. */
  readonly checklist: {
    readonly overdue: readonly ChecklistItemView[];
    readonly due: readonly ChecklistItemView[];
    /** Unticked items due earlier than that (`liaison checklist` lists them). */
    readonly olderOpen: number;
  };
  readonly scheduleUrl: string;
  readonly dataSource: string;
}

/** Weeks of deadlines the meeting lists. */
export const MEETING_WEEKS = 3;
/** Actions and checklist items the meeting lists: due within this many days either side of the date. */
export const MEETING_ACTION_DAYS = 14;

/** A section whose capability failed: it says so instead of breaking the report. */
export function unavailableSection(id: MeetingSectionId, reason: string): MeetingSection {
  const state = { available: false, note: `not available: ${reason}` };
  switch (id) {
    case 'release-status':
      return { id, ...state, deliverables: [], missedWindows: 0 };
    case 'priorities':
      return { id, ...state, summary: null };
    case 'gate':
      return { id, ...state, gate: null };
    case 'bugs':
      return { id, ...state, rcTag: null, counts: null, rcBugs: [] };
    case 'goals':
      return { id, ...state, series: null, goals: [] };
  }
}

declare module '../core/deps.js' {
  interface Views {
    /** `liaison meeting`: the release section of the weekly meeting. */
    meeting(ctx: Deps): Promise<MeetingView>;
  }
}
