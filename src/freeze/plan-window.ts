import { addDays, compareDates, daysBetween, type IsoDate } from '../core/dates.js';
import type { CycleEvent } from '../calendar/model.js';
import type { Deliverable } from '../data/releases/deliverables.js';
import { parsePbrVersion } from '../data/releases/pbr-version.js';

/**
 * The RC period and its discipline, as a pure computation over the series
 * schedule and the release data: when the freeze starts (RC1) and ends
 * (the final release), how many RCs there have been, how long since the
 * last one, and the final-RC deadline.
 */

/** Above this many RCs the team is warned (Glance aims for at most three). */
export const RC_WARN_ABOVE = 3;

export interface RcRelease {
  readonly deliverable: string;
  readonly version: string;
  readonly number: number;
  /** When it was released, if a source knows. */
  readonly date?: IsoDate;
  /** Where the date comes from (`releases git history`, `Launchpad milestone`). */
  readonly dateSource?: string;
}

export interface FreezeDeliverable {
  readonly name: string;
  readonly repos: readonly string[];
  readonly rcs: readonly RcRelease[];
  /** The final version after the RCs, once released. */
  readonly finalVersion?: string;
}

export type FreezePhase = 'before-rc1' | 'rc-period' | 'released';

export interface FreezeWindow {
  readonly series: string;
  readonly seriesId: string;
  /** `stable/2026.2`: the branch RC1 creates. */
  readonly stableBranch: string;
  readonly rc1Date?: IsoDate;
  readonly finalDate?: IsoDate;
  readonly finalRcDeadline?: IsoDate;
  readonly phase: FreezePhase;
  readonly active: boolean;
  readonly deliverables: readonly FreezeDeliverable[];
  readonly rcCount: number;
  readonly lastRc?: RcRelease;
  readonly daysSinceLastRc?: number;
  readonly warnings: readonly string[];
}

export interface FreezeWindowInput {
  readonly series: string;
  readonly seriesId: string;
  /** The schedule events of the series (labels `x-rc1`, `x-finalrc`, `x-final`). */
  readonly events: readonly CycleEvent[];
  /** The final release date of the series (series_status `initial-release`). */
  readonly initialRelease?: IsoDate;
  /** The team's cycle-with-rc deliverables of the series. */
  readonly deliverables: readonly Deliverable[];
  readonly today: IsoDate;
  /** Release date of an RC, when some source knows it. */
  readonly rcDate?: (
    deliverable: string,
    version: string,
    rcNumber: number,
  ) => { date: IsoDate; source: string } | undefined;
}

/** The date of the series' own `<letter>-<suffix>` event (a schedule also lists its neighbours' events). */
function eventDate(
  events: readonly CycleEvent[],
  series: string,
  suffix: string,
): IsoDate | undefined {
  const id = `${series.charAt(0).toLowerCase()}-${suffix}`;
  return (
    events.find((e) => e.id === id && e.series === series)?.date ??
    events.find((e) => e.id === id)?.date
  );
}

export function rcReleases(
  d: Deliverable,
  input: Pick<FreezeWindowInput, 'rcDate'>,
): { rcs: RcRelease[]; finalVersion?: string } {
  const rcs: RcRelease[] = [];
  let finalVersion: string | undefined;
  for (const r of d.releases) {
    const v = parsePbrVersion(r.version);
    if (!v) continue;
    if (v.pre?.kind === 'rc') {
      const known = input.rcDate?.(d.name, r.version, v.pre.number);
      rcs.push({
        deliverable: d.name,
        version: r.version,
        number: v.pre.number,
        ...(known ? { date: known.date, dateSource: known.source } : {}),
      });
    } else if (!v.pre && v.dev === undefined && rcs.length > 0 && finalVersion === undefined) {
      finalVersion = r.version;
    }
  }
  return { rcs, ...(finalVersion ? { finalVersion } : {}) };
}

export function planFreezeWindow(input: FreezeWindowInput): FreezeWindow {
  const rc1Date = eventDate(input.events, input.series, 'rc1');
  const finalDate = eventDate(input.events, input.series, 'final') ?? input.initialRelease;
  // the schedule's "final RCs" week when it has one, else a week before the release
  const finalRcDeadline =
    eventDate(input.events, input.series, 'finalrc') ??
    (finalDate ? addDays(finalDate, -7) : undefined);
  const deliverables: FreezeDeliverable[] = input.deliverables.map((d) => ({
    name: d.name,
    repos: d.repos.filter((r) => !d.retiredRepos.includes(r)),
    ...rcReleases(d, input),
  }));
  const rcCount = Math.max(0, ...deliverables.map((d) => d.rcs.length));
  const allRcs = deliverables.flatMap((d) => d.rcs);
  const lastRc = [...allRcs]
    .sort((a, b) => compareDates(a.date ?? '', b.date ?? '') || a.number - b.number)
    .pop();
  const allFinal =
    deliverables.length > 0 && deliverables.every((d) => d.finalVersion !== undefined);
  const started =
    (rc1Date !== undefined && compareDates(input.today, rc1Date) >= 0) || allRcs.length > 0;
  const ended = allFinal || (finalDate !== undefined && compareDates(input.today, finalDate) >= 0);
  const phase: FreezePhase = ended ? 'released' : started ? 'rc-period' : 'before-rc1';
  const active = phase === 'rc-period' && deliverables.length > 0;
  const daysSinceLastRc = lastRc?.date ? daysBetween(lastRc.date, input.today) : undefined;
  const warnings: string[] = [];
  if (rcCount > RC_WARN_ABOVE) {
    warnings.push(
      `${rcCount} RCs so far: more than the ${RC_WARN_ABOVE} the team aims for; fold pending fixes into one last RC`,
    );
  }
  if (active && rcCount === 0 && rc1Date) {
    warnings.push(
      `RC1 was due on ${rc1Date} but the release data shows no RC yet (stale data, or RC1 is late)`,
    );
  }
  if (active && finalRcDeadline && compareDates(input.today, finalRcDeadline) > 0) {
    warnings.push(
      `the final-RC deadline (${finalRcDeadline}) has passed: a further RC needs the release team's agreement`,
    );
  }
  if (active && daysSinceLastRc !== undefined && daysSinceLastRc < 1) {
    warnings.push(
      `${lastRc?.version} is less than a day old: leave each RC out for at least a day before the next`,
    );
  }
  return {
    series: input.series,
    seriesId: input.seriesId,
    stableBranch: `stable/${input.seriesId}`,
    ...(rc1Date ? { rc1Date } : {}),
    ...(finalDate ? { finalDate } : {}),
    ...(finalRcDeadline ? { finalRcDeadline } : {}),
    phase,
    active,
    deliverables,
    rcCount,
    ...(lastRc ? { lastRc } : {}),
    ...(daysSinceLastRc !== undefined ? { daysSinceLastRc } : {}),
    warnings,
  };
}
