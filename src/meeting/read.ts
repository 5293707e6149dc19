import { buildBrief } from '../brief/read.js';
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
  readonly sections: readonly MeetingSection[];
  readonly checklist: {
    readonly overdue: readonly ChecklistItemView[];
    readonly due: readonly ChecklistItemView[];
  };
  readonly scheduleUrl: string;
  readonly dataSource: string;
}

export const MEETING_WEEKS = 3;

export async function buildMeetingView(
  ctx: Context,
  opts: { providers?: Providers } = {},
): Promise<MeetingView> {
  const providers = opts.providers ?? defaultProviders;
  const brief = buildBrief(ctx, { horizonWeeks: MEETING_WEEKS });
  const horizon = addDays(ctx.today, MEETING_WEEKS * 7);
  const [sections, list] = await Promise.all([
    Promise.all(
      (['release-status', 'priorities', 'gate', 'bugs', 'goals'] as const).map((id) =>
        providers.section(ctx, id),
      ),
    ),
    buildChecklist(ctx, { providers }),
  ]);
  const open = list.items.filter((i) => i.state === 'open' || i.state === 'overdue');
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
    sections,
    checklist: {
      overdue: open.filter((i) => i.state === 'overdue'),
      due: open.filter((i) => i.state === 'open' && compareDates(i.due, horizon) <= 0),
    },
    scheduleUrl: `https://releases.openstack.org/${brief.series.name}/schedule.html`,
    dataSource: brief.dataSource,
  };
}
