import type { PageDef, PageId, Panel } from './panel.js';

/** A page whose capability is not built yet: `load: notYet` (its page then says so). */
export const notYet = (): Promise<Panel<unknown> | undefined> => Promise.resolve(undefined);

/**
 * The dashboard's pages, in navigation order. Each page finds its panel by
 * name, lazily: a capability that is not built yet has no panel, and its
 * page says so instead of computing anything of its own.
 */
const asPanel = <V>(p: Panel<V>): Panel<unknown> => p;

export const PAGES: readonly PageDef[] = [
  {
    id: 'overview',
    title: 'Overview',
    path: '/',
    file: 'index.html',
    api: 'brief',
    command: 'brief',
    summary: "where the cycle is, the timeline and this week's brief",
    // not static: the brief reads the store (review desk, priorities, gate advice, open requests)
    load: async () => asPanel((await import('../brief/page.js')).overviewPanel),
  },
  {
    id: 'schedule',
    title: 'Schedule',
    path: '/schedule',
    file: 'schedule.html',
    api: 'schedule',
    command: 'schedule',
    summary: 'the cycle week by week with team deadlines and its calendar feed',
    static: true,
    load: async () => asPanel((await import('../schedule/page.js')).schedulePanel),
  },
  {
    id: 'priorities',
    title: 'Priorities',
    path: '/priorities',
    file: 'priorities.html',
    api: 'priorities',
    command: 'priorities',
    summary:
      "the cycle's priorities per milestone: state, implementing changes, risks and feature-freeze exception drafts",
    load: async () => asPanel((await import('../priorities/page.js')).prioritiesPanel),
  },
  {
    id: 'releases',
    title: 'Releases',
    path: '/releases',
    file: 'releases.html',
    api: 'releases',
    command: 'release status',
    summary:
      'deliverables, latest releases, unreleased commits, milestone coverage and proposed next versions',
    load: async () => asPanel((await import('../release/status/page.js')).releasesPanel),
  },
  {
    id: 'stable',
    title: 'Stable',
    path: '/stable',
    file: 'stable.html',
    api: 'stable',
    command: 'release stable',
    summary:
      'stable branches: merged changes since the last release with their bugs, open backports, what to release',
    load: async () => asPanel((await import('../release/stable/page.js')).stablePanel),
  },
  {
    id: 'notes',
    title: 'Notes',
    path: '/notes',
    file: 'notes.html',
    api: 'notes',
    command: 'notes report',
    summary: "the next release's notes preview",
    load: async () => asPanel((await import('../notes/page.js')).notesPanel),
  },
  {
    id: 'gate',
    title: 'Gate',
    path: '/gate',
    file: 'gate.html',
    api: 'gate',
    command: 'gate',
    summary: 'periodic jobs: job × day heatmap, streaks, flaky jobs and log links',
    load: async () => asPanel((await import('../gate/page.js')).gatePanel),
  },
  {
    id: 'queue',
    title: 'Gate queue',
    path: '/gate-queue',
    file: 'gate-queue.html',
    api: 'gate-queue',
    command: 'gate --queue',
    summary:
      "the shared gate queue: its length and the team's changes in it, history beside the deadlines, slow weeks before milestones",
    load: async () => asPanel((await import('../gate/page-queue.js')).queuePanel),
  },
  {
    id: 'bugs',
    title: 'Bugs',
    path: '/bugs',
    file: 'bugs.html',
    api: 'bugs',
    command: 'bugs',
    summary: 'bugs targeted to the next milestone and release-critical bugs',
    load: async () => asPanel((await import('../bugs/page.js')).bugsPanel),
  },
  {
    id: 'freeze',
    title: 'Freeze',
    path: '/freeze',
    file: 'freeze.html',
    api: 'freeze',
    command: 'freeze',
    summary: 'open changes classified after RC1 and the drafted -2 messages',
    load: async () => asPanel((await import('../freeze/page.js')).freezePanel),
  },
  {
    id: 'goals',
    title: 'Goals',
    path: '/goals',
    file: 'goals.html',
    api: 'goals',
    command: 'goals',
    summary: "the series' community goals and the team's status on each",
    load: async () => asPanel((await import('../goals/page.js')).goalsPanel),
  },
  {
    id: 'checklist',
    title: 'Checklist',
    path: '/checklist',
    file: 'checklist.html',
    api: 'checklist',
    command: 'checklist',
    summary: "the phase checklists with due dates, owners and what's done",
    load: async () => asPanel((await import('../checklist/page.js')).checklistPanel),
  },
  {
    id: 'meeting',
    title: 'Meeting',
    path: '/meeting',
    file: 'meeting.html',
    api: 'meeting',
    command: 'meeting',
    summary: 'the weekly meeting report, ready to paste',
    load: async () => asPanel((await import('../meeting/page.js')).meetingPanel),
  },
  {
    id: 'openstack',
    title: 'OpenStack',
    path: '/openstack',
    file: 'openstack.html',
    api: 'openstack',
    command: 'openstack',
    summary:
      "every team's release actions by state: a team × action heatmap, liaisons, what is overdue",
    load: async () => asPanel((await import('../openstack/page.js')).openstackPanel),
  },
];

export function pageById(id: PageId): PageDef {
  const page = PAGES.find((p) => p.id === id);
  if (!page) throw new Error(`no dashboard page ${id}`);
  return page;
}
