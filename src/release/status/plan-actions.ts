import { compareDates, type IsoDate } from '../../core/dates.js';
import type { CloneHint, ReleaseAction } from '../../actions/plan.js';
import { actionStateText, actionTitle, actionWhen, URGENT } from '../../actions/render.js';
import type { CoverageWindow, DueItem, WindowState } from './plan.js';

/**
 * `release status` and `release coverage` on the release actions (pure):
 * the library windows are the `library` and `final-library` actions, and
 * what is due is what the actions ask now — one set of rules for the
 * brief, the status and the coverage.
 */

/** The coverage windows of one library from its actions. */
export function coverageWindows(
  actions: readonly ReleaseAction[],
  clone: CloneHint | undefined,
  today: IsoDate,
): CoverageWindow[] {
  return actions
    .filter((a) => a.kind === 'library' || a.kind === 'final-library')
    .map((a) => {
      const changes = clone?.windowChanges?.[a.id] ?? null;
      const closed = compareDates(today, a.window.end) > 0;
      const state = windowState(a, changes, !closed && clone?.unreleasedMaster === 0);
      return {
        label:
          a.kind === 'final-library'
            ? 'final library weeks'
            : a.milestone === 1
              ? 'start → M1'
              : `M${(a.milestone ?? 1) - 1} → M${a.milestone ?? ''}`,
        from: a.window.start,
        to: a.window.end,
        closed,
        releases: a.releases
          .filter((r) => r.merged !== null || r.proposed === null)
          .map((r) => r.version),
        unreleasedChanges: changes,
        state,
        asOf: state === 'unconfirmed' ? (a.asOf ?? null) : null,
      };
    });
}

function windowState(
  a: ReleaseAction,
  changes: number | null,
  nothingUnreleased: boolean,
): WindowState {
  switch (a.state) {
    case 'done':
      return 'released';
    case 'not-planned':
      return changes === 0 || nothingUnreleased ? 'no-changes' : 'not-planned';
    case 'upcoming':
    case 'open':
    case 'due':
    case 'proposed':
      return 'open';
    case 'overdue':
    case 'missed':
      // data older than the window's last merge day cannot tell a miss
      if (a.asOf && changes !== 0) return 'unconfirmed';
      // a window without a release fails only when a clone shows there was something to release
      return changes === null ? 'unknown' : changes > 0 ? 'missed' : 'no-changes';
  }
}

/** What the actions of one deliverable ask now, as the status lists it. */
export function dueFromActions(actions: readonly ReleaseAction[]): DueItem[] {
  return actions
    .filter((a) => URGENT.includes(a.state) || a.state === 'open')
    .map((a) => ({
      what: `${actionTitle(a)} (${actionStateText(a)}, ${actionWhen(a)}): ${a.evidence}${a.command ? `; ${a.command}` : ''}`,
      by: a.window.end,
    }));
}
