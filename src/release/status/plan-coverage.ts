import { addDays, compareDates, type IsoDate } from '../../core/dates.js';
import type { CycleEvent } from '../../calendar/model.js';
import type { CoverageWindow, ReleaseFact, WindowState } from './plan.js';

/**
 * Milestone coverage (pure): was a library released at least once in each
 * milestone window of the series — start → M1, M1 → M2, M2 → M3 (client
 * libraries) or the non-client library freeze (libraries)?
 */

export interface WindowBounds {
  readonly label: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** The windows of a series from its start and schedule events; fewer when the schedule lacks milestones. */
export function milestoneWindows(
  seriesName: string,
  start: IsoDate,
  events: readonly CycleEvent[],
  type: string,
): WindowBounds[] {
  const l = seriesName.charAt(0);
  const at = (id: string) =>
    events.find((e) => e.id === `${l}-${id}` && e.scope === 'cross-project')?.date;
  const m1 = at('1');
  const m2 = at('2');
  const last =
    type === 'library' ? (at('final-lib') ?? at('3')) : (at('final-clientlib') ?? at('3'));
  const lastLabel = type === 'library' && at('final-lib') ? 'final-lib' : 'M3';
  const out: WindowBounds[] = [];
  if (m1) out.push({ label: 'start → M1', from: start, to: m1 });
  if (m1 && m2) out.push({ label: 'M1 → M2', from: m1, to: m2 });
  if (m2 && last) out.push({ label: `M2 → ${lastLabel}`, from: m2, to: last });
  return out;
}

/** True when `date` falls in the window: the first includes its start day, the others start the day after. */
export function inWindow(date: IsoDate, w: WindowBounds, first: boolean): boolean {
  const from = first ? w.from : addDays(w.from, 1);
  return compareDates(date, from) >= 0 && compareDates(date, w.to) <= 0;
}

/** The newest release dated on or before `day` (file order breaks ties), or null. */
export function lastReleaseBy(releases: readonly ReleaseFact[], day: IsoDate): ReleaseFact | null {
  let best: ReleaseFact | null = null;
  for (const r of releases) {
    if (
      r.date &&
      compareDates(r.date, day) <= 0 &&
      (!best?.date || compareDates(r.date, best.date) >= 0)
    )
      best = r;
  }
  return best;
}

/**
 * One window's verdict. `unreleasedChanges` is the number of commits made in
 * the window that no release before its end contained (null: no clone).
 */
export function judgeWindow(
  w: WindowBounds,
  first: boolean,
  releases: readonly ReleaseFact[],
  unreleasedChanges: number | null,
  today: IsoDate,
): CoverageWindow {
  const inside = releases.filter((r) => r.date && inWindow(r.date, w, first)).map((r) => r.version);
  const closed = compareDates(today, w.to) > 0;
  const undated = releases.some((r) => !r.date);
  let state: WindowState;
  if (inside.length > 0) state = 'released';
  else if (!closed) state = 'open';
  else if (unreleasedChanges === null || undated) state = 'unknown';
  else state = unreleasedChanges > 0 ? 'missed' : 'no-changes';
  return {
    label: w.label,
    from: w.from,
    to: w.to,
    closed,
    releases: inside,
    unreleasedChanges,
    state,
  };
}
