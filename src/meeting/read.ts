import type { Deps } from '../core/deps.js';
import { addDays, compareDates } from '../core/dates.js';
import type { ChecklistItemView } from '../checklist/plan.js';
import type { ReleaseAction } from '../actions/plan.js';
import { URGENT } from '../actions/render.js';
import { teamPeople } from '../team/plan.js';
import {
  MEETING_ACTION_DAYS,
  MEETING_WEEKS,
  SECTION_IDS,
  unavailableSection,
  type MeetingSection,
  type MeetingSectionId,
  type MeetingView,
} from './plan.js';

/**
 * The release section of the weekly meeting: the brief's cycle and
 * deadlines, the checklist, and one section per other capability, each
 * from that capability's own view (`ctx.views`). A missing or failing
 * capability makes its section say so, never the report broken.
 */
export async function buildMeetingView(ctx: Deps): Promise<MeetingView> {
  const soon = addDays(ctx.today, MEETING_ACTION_DAYS);
  const recent = addDays(ctx.today, -MEETING_ACTION_DAYS);
  const [brief, sections, list] = await Promise.all([
    ctx.views.brief(ctx, { horizonWeeks: MEETING_WEEKS }),
    Promise.all(SECTION_IDS.map((id) => sectionOf(ctx, id))),
    ctx.views.checklist(ctx),
  ]);
  const open = list.items.filter((i) => i.state === 'open' || i.state === 'overdue');
  const inReach = (i: ChecklistItemView) =>
    compareDates(i.due, recent) >= 0 && compareDates(i.due, soon) <= 0;
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
    olderOverdue: brief.actions.filter(longOverdue).length,
    actionOwners: liaisons.length
      ? liaisons
      : people.filter((p) => p.role === 'ptl').map((p) => p.name),
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

async function sectionOf(ctx: Deps, id: MeetingSectionId): Promise<MeetingSection> {
  try {
    switch (id) {
      case 'release-status': {
        const v = await ctx.views.releaseStatus(ctx);
        return {
          id,
          available: true,
          note: v.notes.length ? v.notes.join('; ') : null,
          deliverables: v.deliverables.map((d) => ({
            name: d.name,
            latest: d.latestInSeries
              ? { version: d.latestInSeries.version, series: null }
              : d.latestBefore
                ? { version: d.latestBefore.version, series: d.latestBefore.series }
                : null,
            // the lifecycle part of what is due is said first, as release actions
            due: d.due.filter((x) => x.by === null),
          })),
          missedWindows: v.coverage.missed,
        };
      }
      case 'priorities': {
        const summary = await ctx.views.prioritiesSummary(ctx);
        return {
          id,
          available: summary !== null && summary.milestone !== null,
          note: summary
            ? summary.stale.length
              ? summary.stale.join('; ')
              : null
            : 'no priorities: no specs repository (specs-repo) and no config priorities',
          summary,
        };
      }
      case 'gate': {
        const v = await ctx.views.gate(ctx);
        return {
          id,
          available: v.dataAsOf !== null,
          note: v.source.state === 'fresh' ? null : v.source.line,
          gate: v.dataAsOf ? v : null,
        };
      }
      case 'bugs': {
        const v = await ctx.views.bugs(ctx);
        const synced = v.dataAsOf !== null;
        return {
          id,
          available: synced,
          note: v.freshness.state === 'fresh' ? null : v.freshness.line,
          rcTag: v.rcTag,
          counts: synced ? v.counts : null,
          rcBugs: synced
            ? v.bugs
                .filter((b) => b.rcCritical)
                .slice(0, 10)
                .map((b) => ({
                  id: b.id,
                  title: b.title,
                  project: b.project,
                  status: b.status,
                  url: b.url,
                }))
            : [],
        };
      }
      case 'goals': {
        const v = await ctx.views.goals(ctx);
        return {
          id,
          available: true,
          note: v.notes.length ? v.notes.join('; ') : null,
          series: v.series,
          goals: v.goals.map((g) => ({ title: g.title, status: g.status, owner: g.owner })),
        };
      }
    }
  } catch (e) {
    return unavailableSection(id, (e as Error).message);
  }
}
