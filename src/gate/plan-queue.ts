import { addDays, compareDates, daysBetween, type IsoDate } from '../core/dates.js';
import type { CycleEvent, EventScope } from '../calendar/model.js';
import type { Deps } from '../core/deps.js';
import type { SourceAge } from '../sources/age.js';
import type { QueueSample } from './store.js';

/**
 * The gate's load near deadlines (pure): the team's shared queue now, its
 * length over the last weeks beside the cycle's deadlines, how much longer
 * changes took through the gate in the weeks before past milestones, and
 * advice when a team deadline sits too close to a milestone.
 */

/** The weeks before a milestone whose gate times are compared with the rest. */
export const PRE_MILESTONE_DAYS = 14;
/** Slower than this many times the usual is "slow". */
export const SLOW_RATIO = 1.5;
/** Fewer gate runs than this in a window say nothing. */
export const MIN_RUNS = 3;
/** The seed's rule: team deadlines at least a week before a cross-project milestone. */
export const DEADLINE_LEAD_DAYS = 7;

/** Cross-project milestones that load the shared gate. */
const KEY_MILESTONE = /^[a-z]-(1|2|3|ff|final-lib|final-clientlib|rc1)$/;

export interface TeamChange {
  readonly change: number | null;
  readonly patchset: number | null;
  readonly project: string;
  readonly position: number;
  readonly enqueuedAt: string | null;
  /** Minutes in the queue when the sample was taken. */
  readonly ageMinutes: number | null;
  readonly failing: boolean;
  readonly url: string | null;
}

export interface QueueNow {
  readonly name: string;
  readonly length: number;
  readonly oldestAgeMinutes: number | null;
  /** ISO instant of the sample shown. */
  readonly sampledAt: string;
  readonly teamChanges: readonly TeamChange[];
}

export interface QueuePoint {
  readonly at: string;
  readonly queue: string;
  readonly length: number;
  readonly oldestAgeMinutes: number | null;
}

export interface QueueEvent {
  readonly id: string;
  readonly title: string;
  readonly date: IsoDate;
  readonly scope: EventScope;
  readonly series: string;
}

/** Gate times in the weeks before one past milestone, against the usual. */
export interface MilestoneWait {
  readonly id: string;
  readonly title: string;
  readonly date: IsoDate;
  readonly series: string;
  /** Median minutes from entering the gate to the report, in the window; null with too few runs. */
  readonly medianMinutes: number | null;
  readonly runs: number;
  /** Median of every stored run outside the pre-milestone windows. */
  readonly usualMinutes: number | null;
  readonly ratio: number | null;
  /** Mean queue length of the samples in the window, and outside. */
  readonly meanLength: number | null;
  readonly usualLength: number | null;
  readonly lengthRatio: number | null;
  readonly slow: boolean;
}

export interface QueueAdvice {
  readonly deadline: QueueEvent;
  readonly milestone: QueueEvent;
  /** Days from the team deadline to the milestone (0–6). */
  readonly daysBefore: number;
  /** At least a week before the milestone. */
  readonly suggestedDate: IsoDate;
  /** The last past milestone, before which the gate was slow. */
  readonly because: MilestoneWait;
}

export interface GateQueueView {
  readonly team: string;
  readonly date: IsoDate;
  readonly tenant: string;
  readonly pipeline: string;
  readonly projects: readonly string[];
  /** The newest sample up to --date; null when none was ever taken. */
  readonly queue: QueueNow | null;
  /** Samples of the last `weeks` weeks, oldest first. */
  readonly history: readonly QueuePoint[];
  readonly since: IsoDate;
  readonly weeks: number;
  /** Cross-project milestones and team deadlines from `since` to two weeks ahead. */
  readonly events: readonly QueueEvent[];
  /** Past milestones with what the gate did before each, newest first. */
  readonly milestones: readonly MilestoneWait[];
  readonly advice: readonly QueueAdvice[];
  readonly sources: { readonly queue: SourceAge; readonly buildsets: SourceAge };
}

export interface GateQueueInput {
  readonly team: string;
  readonly date: IsoDate;
  readonly tenant: string;
  readonly pipeline: string;
  readonly projects: readonly string[];
  readonly weeks: number;
  readonly latest: QueueSample | undefined;
  /** Every sample up to the end of --date, oldest first. */
  readonly samples: readonly QueueSample[];
  /** Every stored gate run up to the end of --date, oldest first. */
  readonly runs: readonly { readonly endAt: string; readonly waitMinutes: number }[];
  /** Events of the previous, current and next series (cross-project and team). */
  readonly events: readonly CycleEvent[];
  readonly sources: GateQueueView['sources'];
}

const minutesBetween = (from: string, to: string) =>
  Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000));

export function planGateQueue(input: GateQueueInput): GateQueueView {
  const since = addDays(input.date, -(input.weeks * 7 - 1));
  const toEvent = (e: CycleEvent): QueueEvent => ({
    id: e.id,
    title: e.title,
    date: e.date,
    scope: e.scope,
    series: e.series,
  });
  const relevant = uniqueEvents(
    input.events.filter(
      (e) => (e.scope === 'cross-project' && KEY_MILESTONE.test(e.id)) || e.scope === 'team',
    ),
  );
  const milestones = milestoneWaits(
    relevant.filter((e) => e.scope === 'cross-project' && compareDates(e.date, input.date) <= 0),
    input.runs,
    input.samples,
  );
  const latest = input.latest;
  return {
    team: input.team,
    date: input.date,
    tenant: input.tenant,
    pipeline: input.pipeline,
    projects: input.projects,
    queue: latest
      ? {
          name: latest.name,
          length: latest.length,
          oldestAgeMinutes: latest.oldestEnqueuedAt
            ? minutesBetween(latest.oldestEnqueuedAt, latest.takenAt)
            : null,
          sampledAt: latest.takenAt,
          teamChanges: latest.teamItems.map((i) => ({
            ...i,
            ageMinutes: i.enqueuedAt ? minutesBetween(i.enqueuedAt, latest.takenAt) : null,
          })),
        }
      : null,
    history: input.samples
      .filter((s) => s.takenAt.slice(0, 10) >= since)
      .map((s) => ({
        at: s.takenAt,
        queue: s.name,
        length: s.length,
        oldestAgeMinutes: s.oldestEnqueuedAt ? minutesBetween(s.oldestEnqueuedAt, s.takenAt) : null,
      })),
    since,
    weeks: input.weeks,
    events: relevant
      .filter(
        (e) =>
          compareDates(e.date, since) >= 0 && compareDates(e.date, addDays(input.date, 14)) <= 0,
      )
      .map(toEvent),
    milestones,
    advice: queueAdvice(relevant.map(toEvent), milestones, input.date),
    sources: input.sources,
  };
}

/** One event per id and date (a label can close one schedule and open the next). */
function uniqueEvents(events: readonly CycleEvent[]): CycleEvent[] {
  const seen = new Set<string>();
  return [...events]
    .sort((a, b) => compareDates(a.date, b.date) || a.id.localeCompare(b.id))
    .filter((e) => {
      const key = `${e.id}@${e.date}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function mean(xs: readonly number[]): number | null {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

/**
 * For each past milestone with data: the gate in the `PRE_MILESTONE_DAYS`
 * before it against every other stored day. Newest first.
 */
export function milestoneWaits(
  milestones: readonly CycleEvent[],
  runs: readonly { readonly endAt: string; readonly waitMinutes: number }[],
  samples: readonly Pick<QueueSample, 'takenAt' | 'length'>[],
): MilestoneWait[] {
  const windows = milestones.map((m) => ({
    from: addDays(m.date, -PRE_MILESTONE_DAYS),
    to: m.date,
  }));
  const inWindow = (day: string, w: { from: string; to: string }) => day >= w.from && day < w.to;
  const inAny = (day: string) => windows.some((w) => inWindow(day, w));
  const usualRuns = runs.filter((r) => !inAny(r.endAt.slice(0, 10))).map((r) => r.waitMinutes);
  const usualSamples = samples.filter((s) => !inAny(s.takenAt.slice(0, 10))).map((s) => s.length);
  const usualMinutes = usualRuns.length >= MIN_RUNS ? median(usualRuns) : null;
  const usualLength = usualSamples.length >= MIN_RUNS ? mean(usualSamples) : null;
  const out: MilestoneWait[] = [];
  milestones.forEach((m, i) => {
    const w = windows[i] ?? { from: m.date, to: m.date };
    const waits = runs.filter((r) => inWindow(r.endAt.slice(0, 10), w)).map((r) => r.waitMinutes);
    const lengths = samples.filter((s) => inWindow(s.takenAt.slice(0, 10), w)).map((s) => s.length);
    if (waits.length === 0 && lengths.length === 0) return;
    const medianMinutes = waits.length >= MIN_RUNS ? median(waits) : null;
    const meanLength = lengths.length ? mean(lengths) : null;
    const ratio =
      medianMinutes !== null && usualMinutes ? round1(medianMinutes / usualMinutes) : null;
    const lengthRatio =
      meanLength !== null && usualLength ? round1(meanLength / usualLength) : null;
    out.push({
      id: m.id,
      title: m.title,
      date: m.date,
      series: m.series,
      medianMinutes: medianMinutes === null ? null : Math.round(medianMinutes),
      runs: waits.length,
      usualMinutes: usualMinutes === null ? null : Math.round(usualMinutes),
      ratio,
      meanLength: round1(meanLength),
      usualLength: round1(usualLength),
      lengthRatio,
      slow: (ratio ?? lengthRatio ?? 0) >= SLOW_RATIO,
    });
  });
  return out.sort((a, b) => compareDates(b.date, a.date));
}

/**
 * A team deadline less than a week before a cross-project milestone, when
 * the gate was slow before the last past milestone: move it to a week
 * before the milestone (the seed guide asks for feature deadlines at least
 * a week ahead because the integrated gate slows down near milestones).
 */
export function queueAdvice(
  events: readonly QueueEvent[],
  milestones: readonly MilestoneWait[],
  today: IsoDate,
): QueueAdvice[] {
  const last = milestones[0];
  if (!last?.slow) return [];
  const out: QueueAdvice[] = [];
  const ahead = events.filter((e) => compareDates(e.date, today) >= 0);
  const advised = new Set<string>();
  for (const d of ahead.filter((e) => e.scope === 'team')) {
    // a deadline written relative to the schedule recurs every cycle: its next instance says it
    if (advised.has(d.id)) continue;
    const m = ahead.find((e) => {
      if (e.scope !== 'cross-project') return false;
      const days = daysBetween(d.date, e.date);
      return days >= 0 && days < DEADLINE_LEAD_DAYS;
    });
    if (!m) continue;
    advised.add(d.id);
    out.push({
      deadline: d,
      milestone: m,
      daysBefore: daysBetween(d.date, m.date),
      suggestedDate: addDays(m.date, -DEADLINE_LEAD_DAYS),
      because: last,
    });
  }
  return out;
}

declare module '../core/deps.js' {
  interface Views {
    /** `liaison gate --queue`: the shared gate queue, its history and advice. */
    gateQueue(ctx: Deps): Promise<GateQueueView>;
    /** The brief's gate advice (empty without a store). */
    gateAdvice(ctx: Deps): Promise<readonly QueueAdvice[]>;
  }
}
