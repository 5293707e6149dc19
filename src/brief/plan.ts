import { addDays, compareDates, daysBetween, type IsoDate } from '../core/dates.js';
import type { CycleEvent, CyclePosition, EventScope } from '../calendar/model.js';
import { seriesHeading, type SeriesHeading, type SeriesStatus } from '../data/releases/series.js';
import type { Deps } from '../core/deps.js';
import type { ReviewSummary } from '../review/plan-summary.js';
import type { PrioritiesSummary } from '../priorities/plan.js';
import type { QueueAdvice } from '../gate/plan-queue.js';
import type { TeamDeliverableView } from '../team/plan.js';
import type { MeetingView } from '../meetings/plan.js';
import { sayItFirst, type ReleaseAction, type TeamActions } from '../actions/plan.js';

export interface BriefEvent {
  readonly id: string;
  readonly title: string;
  readonly date: IsoDate;
  readonly endDate: IsoDate | null;
  readonly week: string | null;
  /** `cross-project` for the whole community, `team` for the team's own. */
  readonly scope: Exclude<EventScope, 'project-specific'> | 'project-specific';
  readonly owner: string | null;
  readonly series: string;
  readonly daysAway: number;
  readonly url: string | null;
}

export interface BriefView {
  readonly team: string;
  readonly date: IsoDate;
  readonly series: SeriesHeading & { readonly status: SeriesStatus };
  readonly week: string;
  readonly weekStart: IsoDate;
  readonly weeksToRelease: number;
  /** The last key cross-project event passed and the next one ahead. */
  readonly phase: { readonly after: BriefEvent | null; readonly before: BriefEvent | null };
  readonly dueThisWeek: readonly BriefEvent[];
  readonly upcoming: readonly BriefEvent[];
  readonly deliverables: readonly {
    readonly name: string;
    readonly model: string | null;
    readonly type: string | null;
    readonly latest: string | null;
    readonly latestSeries: string | null;
    readonly repos: readonly string[];
  }[];
  /** The review desk: release requests waiting for the team; null when never synced. */
  readonly review: ReviewSummary | null;
  /** The team's and the release team's meetings (config `meetings`), each with its next occurrence. */
  readonly meetings: readonly MeetingView[];
  /** The series whose release actions follow (the one at the date, or `--series`). */
  readonly actionsSeries: string;
  /**
   * The team's release actions, said first: overdue, due and proposed, then
   * open by window end, then upcoming, then the settled ones (docs/actions.md).
   */
  readonly actions: readonly ReleaseAction[];
  /** The cycle's priorities at the current milestone; null when the team keeps none (no specs repository, no config). */
  readonly priorities: PrioritiesSummary | null;
  /** Team deadlines too close to a milestone after a slow gate (`liaison gate --queue`). */
  readonly gateAdvice: readonly QueueAdvice[];
  readonly notes: readonly string[];
  readonly dataAsOf: string | null;
  readonly dataSource: string;
}

export interface BriefOptions {
  /** How many weeks ahead `upcoming` lists (default 8). */
  readonly horizonWeeks?: number;
  /** `--series`: the release actions of that series (default: the series at the date). */
  readonly series?: string;
}

declare module '../core/deps.js' {
  interface Views {
    /** `liaison brief`: where the cycle is, what is due, the review desk. */
    brief(ctx: Deps, opts?: BriefOptions): Promise<BriefView>;
  }
}

export interface BriefInput {
  readonly today: IsoDate;
  readonly team: string;
  readonly position: CyclePosition;
  /** The series' status at `today`, from the schedule (calendar/series-status.ts). */
  readonly seriesStatus: SeriesStatus;
  /** Events of the current series and the next one, sorted. */
  readonly events: readonly CycleEvent[];
  readonly deliverables: readonly TeamDeliverableView[];
  readonly horizonWeeks: number;
  readonly review?: ReviewSummary | null;
  readonly meetings?: readonly MeetingView[];
  readonly priorities?: PrioritiesSummary | null;
  readonly gateAdvice?: readonly QueueAdvice[];
  readonly notes?: readonly string[];
  readonly actions?: TeamActions;
  readonly dataAsOf: string | null;
  readonly dataSource: string;
}

/** Milestones and freezes that mark the phases of a cycle. */
const KEY_EVENT = /^[a-z]-(1|2|3|ff|rc1|finalrc|final|final-lib|final-clientlib|cycle-highlights)$/;

export function planBrief(input: BriefInput): BriefView {
  const { today, position } = input;
  const weekEnd = addDays(position.weekStart, 6);
  const horizon = addDays(today, input.horizonWeeks * 7);
  const view = (e: CycleEvent): BriefEvent => ({
    id: e.id,
    title: e.title,
    date: e.date,
    endDate: e.endDate ?? null,
    week: e.week ?? null,
    scope: e.scope,
    owner: e.owner ?? null,
    series: e.series,
    daysAway: daysBetween(today, e.date),
    url: e.url ?? null,
  });
  const unique = dedupe(input.events);
  const dueThisWeek = unique.filter((e) => overlaps(e, position.weekStart, weekEnd)).map(view);
  const upcoming = unique
    .filter(
      (e) => compareDates(e.endDate ?? e.date, today) >= 0 && compareDates(e.date, horizon) <= 0,
    )
    .map(view);
  const keys = unique.filter((e) => e.scope === 'cross-project' && KEY_EVENT.test(e.id));
  const after = [...keys].reverse().find((e) => compareDates(e.date, today) < 0);
  const before = keys.find((e) => compareDates(e.date, today) >= 0);
  return {
    team: input.team,
    date: today,
    series: {
      ...seriesHeading(position.series),
      status: input.seriesStatus,
    },
    week: position.week,
    weekStart: position.weekStart,
    weeksToRelease: position.weeksToRelease,
    phase: { after: after ? view(after) : null, before: before ? view(before) : null },
    dueThisWeek,
    upcoming,
    deliverables: input.deliverables
      .filter((d) => d.releaseManagement === null)
      .map((d) => ({
        name: d.name,
        model: d.model,
        type: d.type,
        latest: d.latest,
        latestSeries: d.latestSeries,
        repos: d.repos,
      })),
    review: input.review ?? null,
    meetings: input.meetings ?? [],
    actionsSeries: input.actions?.series ?? position.series.name,
    actions: sayItFirst(input.actions?.actions ?? []),
    priorities: input.priorities ?? null,
    gateAdvice: input.gateAdvice ?? [],
    notes: input.notes ?? [],
    dataAsOf: input.dataAsOf,
    dataSource: input.dataSource,
  };
}

function overlaps(e: CycleEvent, from: IsoDate, to: IsoDate): boolean {
  return compareDates(e.date, to) <= 0 && compareDates(e.endDate ?? e.date, from) >= 0;
}

/** The same label can close one schedule and open the next (h-final): keep one. */
function dedupe(events: readonly CycleEvent[]): CycleEvent[] {
  const seen = new Set<string>();
  return events.filter((e) => {
    const key = `${e.id}@${e.date}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
