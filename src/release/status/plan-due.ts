import { addDays, compareDates, type IsoDate } from '../../core/dates.js';
import type { CycleEvent } from '../../calendar/model.js';
import type { Series } from '../../data/releases/series.js';
import { branchPhase, stableReleasable } from '../stable/plan-rule.js';
import type { DueItem, ReleaseFact, RepoUnreleased } from './plan.js';

/** How far ahead a deadline makes a release "due". */
export const DUE_HORIZON_DAYS = 14;

export interface DueInput {
  readonly name: string;
  readonly model: string | null;
  readonly type: string | null;
  readonly seriesName: string;
  readonly stableBranch: string;
  readonly releases: readonly ReleaseFact[];
  /** null: no clone, so unreleased work is unknown. */
  readonly unreleased: readonly RepoUnreleased[] | null;
  readonly events: readonly CycleEvent[];
  readonly today: IsoDate;
  /** Every series (series_status.yaml): the phase of a branch's series decides stable releases. */
  readonly series: readonly Series[];
  /** The day the data was taken (`branchPhase`). */
  readonly dataDate?: IsoDate;
}

/**
 * Whether a release is due (pure): libraries with unreleased commits before
 * a milestone or their freeze; RC1 of cycle-with-rc deliverables in the RC1
 * week; a further RC when the new stable branch moved; stable releases when
 * branches the team releases from (`stableReleasable`: `stable/*` of a
 * maintained series, never `unmaintained/*` or end of life) carry
 * unreleased fixes.
 */
export function dueItems(d: DueInput): DueItem[] {
  const l = d.seriesName.charAt(0);
  const soon = (e: CycleEvent) =>
    compareDates(e.date, addDays(d.today, -6)) >= 0 &&
    compareDates(e.date, addDays(d.today, DUE_HORIZON_DAYS)) <= 0;
  const event = (id: string) =>
    d.events.find((e) => e.id === `${l}-${id}` && e.scope === 'cross-project');
  const masterCount =
    d.unreleased === null ? null : sum(d.unreleased.filter((u) => u.branch === 'master'));
  const out: DueItem[] = [];
  const commits = (n: number | null) =>
    n === null
      ? 'unreleased commits unknown (no clone)'
      : `${n} unreleased commit${n === 1 ? '' : 's'} on master`;
  if (
    d.model === 'cycle-with-intermediary' &&
    (d.type === 'library' || d.type === 'client-library')
  ) {
    // libraries freeze before M3 (final-lib), client libraries at M3 (final-clientlib)
    const ids = d.type === 'library' ? ['1', '2', 'final-lib'] : ['1', '2', 'final-clientlib'];
    const near = ids
      .map(event)
      .filter((e): e is CycleEvent => e !== undefined && soon(e))
      .sort((a, b) => compareDates(a.date, b.date));
    const next = near.find((e) => compareDates(e.date, d.today) >= 0) ?? near[near.length - 1];
    if (next && masterCount !== 0)
      out.push({ what: `release before ${next.title}: ${commits(masterCount)}`, by: next.date });
  }
  if (d.model === 'cycle-with-rc') {
    const rc1 = event('rc1');
    const hasRc = d.releases.some((r) => r.version.includes('rc'));
    const hasFinal = d.releases.some((r) => /^\d+\.\d+\.\d+$/.test(r.version));
    if (rc1 && soon(rc1) && !hasRc)
      out.push({ what: `RC1 (with ${d.stableBranch}) for ${rc1.title}`, by: rc1.date });
    const finalRc = event('finalrc');
    const onStable =
      d.unreleased === null ? null : sum(d.unreleased.filter((u) => u.branch === d.stableBranch));
    if (
      hasRc &&
      !hasFinal &&
      finalRc &&
      compareDates(d.today, finalRc.date) <= 0 &&
      onStable !== null &&
      onStable > 0
    ) {
      out.push({
        what: `a new RC: ${onStable} unreleased commit${onStable === 1 ? '' : 's'} on ${d.stableBranch} since the last RC`,
        by: finalRc.date,
      });
    }
    for (const id of ['1', '2', '3']) {
      const m = event(id);
      if (m && soon(m) && masterCount !== 0)
        out.push({
          what: `optional milestone beta for ${m.title} (${commits(masterCount)})`,
          by: m.date,
        });
    }
  }
  for (const u of d.unreleased ?? []) {
    if (u.count === 0) continue;
    // the series' own new branch in development is released through RCs (above)
    if (
      !stableReleasable(u.branch, branchPhase(u.branch, d.series, d.today, d.dataDate)).releasable
    )
      continue;
    out.push({
      what: `stable release to consider: ${u.count} unreleased commit${u.count === 1 ? '' : 's'} on ${u.branch}${u.since ? ` since ${u.since}` : ''} (${u.repo})`,
      by: null,
    });
  }
  return out;
}

function sum(list: readonly RepoUnreleased[]): number {
  return list.reduce((n, u) => n + u.count, 0);
}
