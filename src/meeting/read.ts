import { buildFullBrief } from '../brief/read.js';
import type { ReleaseAction } from '../actions/plan.js';
import { URGENT } from '../actions/render.js';
import { teamPeople } from '../team/plan.js';
import type { BriefEvent } from '../brief/plan.js';
import type { Context } from '../cli/context.js';
import { addDays, compareDates, type IsoDate } from '../core/dates.js';
import { buildChecklist } from '../checklist/read.js';
import type { ChecklistItemView } from '../checklist/model.js';
import { defaultProviders, type MeetingSection, type Providers } from '../app/providers.js';

/**
 * The release section of the team's weekly meeting, as one view model: the
 * CLI renders it for IRC or Markdown and the dashboard reuses it. Each live
 * part comes from its own capability's builder; a missing or stale one is a
 * section saying so.
 */
export interface MeetingView {
  readonly team: string;
  readonly date: IsoDate;
  readonly series: {
    readonly name: string;
    readonly releaseId: string | null;
    readonly releaseDate: IsoDate | null;
  };
  readonly week: string;
  readonly weeksToRelease: number;
  readonly phase: { readonly after: BriefEvent | null; readonly before: BriefEvent | null };
  /** Cross-project events and team deadlines from today to three weeks ahead. */
  readonly deadlines: readonly BriefEvent[];
  /** The series of the release actions. */
  readonly actionsSeries: string;
  /**
   * Release actions said first: overdue, due and proposed; then open ones
   * ending within two weeks; then those starting within two weeks.
   */
  readonly actions: readonly ReleaseAction[];
  /** Actions overdue for more than two weeks (the brief lists them). */
  readonly olderOverdue: number;
  /** Who acts on them: the release liaisons (else the PTL). */
  readonly actionOwners: readonly string[];
  readonly sections: readonly MeetingSection[];
  /** Checklist items due from two weeks ago to two weeks ahead, not ticked. */
  readonly checklist: {
    readonly overdue: readonly ChecklistItemView[];
    readonly due: readonly ChecklistItemView[];
    /** Unticked items due earlier than that (`liaison checklist` lists them). */
    readonly olderOpen: number;
  };
  readonly scheduleUrl: string;
  readonly dataSource: string;
}

export const MEETING_WEEKS = 3;
/** Actions and checklist items the meeting lists: due within this many days either side. */
export const MEETING_ACTION_DAYS = 14;

export async function buildMeetingView(
  ctx: Context,
  opts: { providers?: Providers } = {},
): Promise<MeetingView> {
  const providers = opts.providers ?? defaultProviders;
  const brief = await buildFullBrief(ctx, { horizonWeeks: MEETING_WEEKS });
  const soon = addDays(ctx.today, MEETING_ACTION_DAYS);
  const recent = addDays(ctx.today, -MEETING_ACTION_DAYS);
  const longOverdue = (a: ReleaseAction) =>
    a.state === 'overdue' && compareDates(a.window.end, recent) < 0;
  const actions = brief.actions.filter(
    (a) =>
      (URGENT.includes(a.state) && !longOverdue(a)) ||
      (a.state === 'open' && compareDates(a.window.end, soon) <= 0) ||
      (a.state === 'upcoming' && compareDates(a.window.start, soon) <= 0),
  );
  const people = teamPeople(ctx.team, ctx.config);
  const liaisons = people.filter((p) => p.role === 'release-liaison').map((p) => p.name);
  const owners = liaisons.length
    ? liaisons
    : people.filter((p) => p.role === 'ptl').map((p) => p.name);
  const [sections, list] = await Promise.all([
    Promise.all(
      (['release-status', 'gate', 'bugs', 'goals'] as const).map((id) =>
        providers.section(ctx, id),
      ),
    ),
    buildChecklist(ctx, { providers }),
  ]);
  const open = list.items.filter((i) => i.state === 'open' || i.state === 'overdue');
  const inReach = (i: ChecklistItemView) =>
    compareDates(i.due, recent) >= 0 && compareDates(i.due, soon) <= 0;
  return {
    team: brief.team,
    date: ctx.today,
    series: {
      name: brief.series.name,
      releaseId: brief.series.releaseId,
      releaseDate: brief.series.releaseDate,
    },
    week: brief.week,
    weeksToRelease: brief.weeksToRelease,
    phase: brief.phase,
    deadlines: brief.upcoming,
    actionsSeries: brief.actionsSeries,
    actions,
    actionOwners: owners,
    olderOverdue: brief.actions.filter(longOverdue).length,
    sections,
    checklist: {
      overdue: open.filter((i) => i.state === 'overdue' && inReach(i)),
      due: open.filter((i) => i.state === 'open' && inReach(i)),
      olderOpen: open.filter((i) => compareDates(i.due, recent) < 0).length,
    },
    scheduleUrl: `https://releases.openstack.org/${brief.series.name}/schedule.html`,
    dataSource: brief.dataSource,
  };
}
