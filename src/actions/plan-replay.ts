import { addDays, compareDates, mondayOf, type IsoDate } from '../core/dates.js';
import { fileChanges, stableBranchOf } from './plan-assign.js';
import type { ActionState, PlanActionsInput, ReleaseAction } from './plan-types.js';
import { usesRcModel } from './plan-windows.js';

/**
 * Judges a replay (pure): the actions the planner gave on each Monday of a
 * past cycle, against what the releases history says happened.
 *
 * (a) no false alarm: no action is due, overdue or missed on a Monday when a
 *     release that satisfies it had merged before; no done action cites a
 *     release merged after that Monday;
 * (b) nothing unannounced: each release (re-tags and lifecycle tags aside),
 *     on the Monday of the week it merged, satisfied an action then open,
 *     due, overdue or proposed — or one already done by an earlier release;
 * (c) one week after the release, every action whose window has ended is
 *     done, missed or not-planned.
 */

export interface ReplayRun {
  readonly monday: IsoDate;
  readonly actions: readonly ReleaseAction[];
}

export interface FalseAlarm {
  readonly monday: IsoDate;
  readonly id: string;
  readonly state: ActionState;
  readonly why: string;
}

export interface Unannounced {
  readonly deliverable: string;
  readonly version: string;
  readonly merged: IsoDate;
  readonly action: string | null;
  readonly stateThen: ActionState | null;
  readonly why: string;
}

export interface ReplayVerdict {
  readonly team: string;
  readonly series: string;
  readonly weeks: number;
  readonly releases: number;
  readonly announced: number;
  readonly unannounced: readonly Unannounced[];
  readonly falseAlarms: readonly FalseAlarm[];
  /** Actions whose window ended but that are still open one week after the release. */
  readonly unsettled: readonly { readonly id: string; readonly state: ActionState }[];
  /** Count of actions per state on the last Monday. */
  readonly finalStates: Readonly<Partial<Record<ActionState, number>>>;
}

const ANNOUNCING: readonly ActionState[] = ['open', 'due', 'overdue', 'proposed'];
const ALARMS: readonly ActionState[] = ['due', 'overdue', 'missed'];
const SETTLED: readonly ActionState[] = ['done', 'missed', 'not-planned'];

/** A release of the final history that the replay checks. */
export interface TruthRelease {
  readonly deliverable: string;
  readonly version: string;
  readonly merged: IsoDate;
}

/** The releases of the series in the final history, re-tags and lifecycle tags aside. */
export function truthReleases(truth: PlanActionsInput): TruthRelease[] {
  const out: TruthRelease[] = [];
  for (const d of truth.deliverables) {
    if (!d.file) continue;
    for (const c of fileChanges(d.file, usesRcModel(d), stableBranchOf(truth.series)))
      if (c.cls !== 'branch' && c.cls !== 'highlights' && c.merged !== null)
        out.push({ deliverable: d.name, version: c.label, merged: c.merged });
  }
  return out;
}

export function judgeReplay(args: {
  readonly team: string;
  readonly series: string;
  readonly runs: readonly ReplayRun[];
  /** Actions planned on the final history, long after the cycle: what satisfied what. */
  readonly truth: readonly ReleaseAction[];
  readonly releases: readonly TruthRelease[];
  /** Runs on the Mondays after the last one, for releases merged in the last week. */
  readonly extra?: readonly ReplayRun[];
}): ReplayVerdict {
  const runs = [...args.runs].sort((a, b) => compareDates(a.monday, b.monday));
  const first = runs[0]?.monday;
  const last = runs[runs.length - 1]?.monday;
  const byMonday = new Map([...runs, ...(args.extra ?? [])].map((r) => [r.monday, r]));
  const truthById = new Map(args.truth.map((a) => [a.id, a]));
  const falseAlarms: FalseAlarm[] = [];
  for (const run of runs) {
    for (const a of run.actions) {
      if (ALARMS.includes(a.state)) {
        // a step that does not complete it (a trailing beta) satisfies nothing
        const sat = truthById
          .get(a.id)
          ?.releases.find(
            (r) => !r.progress && r.merged !== null && compareDates(r.merged, run.monday) < 0,
          );
        if (sat)
          falseAlarms.push({
            monday: run.monday,
            id: a.id,
            state: a.state,
            why: `${sat.version} merged ${sat.merged ?? '?'} satisfies it`,
          });
      }
      if (a.state === 'done') {
        const after = a.releases.find(
          (r) => r.merged !== null && compareDates(r.merged, run.monday) >= 0,
        );
        if (after)
          falseAlarms.push({
            monday: run.monday,
            id: a.id,
            state: a.state,
            why: `done citing ${after.version} merged ${after.merged ?? '?'}`,
          });
      }
    }
  }
  const checked =
    first && last
      ? args.releases.filter(
          (r) =>
            compareDates(mondayOf(r.merged), first) >= 0 &&
            compareDates(mondayOf(r.merged), last) <= 0,
        )
      : [];
  const unannounced: Unannounced[] = [];
  for (const r of checked) {
    const then = mondayOf(r.merged);
    const next = byMonday.get(addDays(then, 7));
    const action = next ? findAction(next.actions, r) : undefined;
    if (!action) {
      unannounced.push({
        ...r,
        action: null,
        stateThen: null,
        why: next
          ? 'no action takes it (a release the process does not ask for)'
          : 'no run after it',
      });
      continue;
    }
    const before = byMonday.get(then)?.actions.find((a) => a.id === action.id);
    const state = before?.state ?? null;
    const ok =
      state !== null &&
      (ANNOUNCING.includes(state) || (state === 'done' && (before?.releases.length ?? 0) > 0));
    if (!ok)
      unannounced.push({
        ...r,
        action: action.id,
        stateThen: state,
        why: state === null ? 'no such action that Monday' : `the action was ${state}`,
      });
  }
  const lastRun = last ? byMonday.get(last) : undefined;
  const unsettled = (lastRun?.actions ?? [])
    .filter((a) => compareDates(a.window.end, lastRun?.monday ?? '') < 0)
    .filter((a) => !SETTLED.includes(a.state))
    .map((a) => ({ id: a.id, state: a.state }));
  const finalStates: Partial<Record<ActionState, number>> = {};
  for (const a of lastRun?.actions ?? []) finalStates[a.state] = (finalStates[a.state] ?? 0) + 1;
  return {
    team: args.team,
    series: args.series,
    weeks: runs.length,
    releases: checked.length,
    announced: checked.length - unannounced.length,
    unannounced,
    falseAlarms,
    unsettled,
    finalStates,
  };
}

/** The action a release satisfied: by version, else (renamed since) by its merge day. */
function findAction(actions: readonly ReleaseAction[], r: TruthRelease): ReleaseAction | undefined {
  // released entries only: a pending request is listed with no merge day
  const released = (a: ReleaseAction) =>
    a.releases.filter((x) => x.merged !== null || x.proposed === null);
  const mine = actions.filter((a) => a.deliverable === r.deliverable);
  return (
    mine.find((a) => released(a).some((x) => x.version === r.version)) ??
    mine.find(
      (a) =>
        a.kind !== 'stable-branch' &&
        a.kind !== 'cycle-highlights' &&
        released(a).some((x) => x.merged === r.merged),
    )
  );
}
