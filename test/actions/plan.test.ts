import { describe, expect, it } from 'vitest';
import {
  conventionsFor,
  openRequestsOf,
  planActions,
  sayItFirst,
  type ActionDeliverable,
  type ActionsCalendar,
  type HistoryRelease,
  type PlanActionsInput,
  type ReleaseAction,
} from '../../src/actions/plan.js';
import { runCli, runJson } from '../helpers/cli.js';

/** Hibiscus' schedule weeks (the real ones), and the next series' trailing deadline. */
const HIBISCUS: ActionsCalendar = {
  name: 'hibiscus',
  releaseId: '2026.2',
  releaseDate: '2026-09-30',
  start: '2026-04-06',
  weeks: [
    { start: '2026-05-11', end: '2026-05-15', xProject: ['h-1'] },
    { start: '2026-06-29', end: '2026-07-03', xProject: ['h-2', 'h-mf'] },
    { start: '2026-08-17', end: '2026-08-21', xProject: ['h-final-lib'] },
    {
      start: '2026-08-24',
      end: '2026-08-28',
      xProject: ['h-3', 'h-ff', 'h-final-clientlib', 'h-soft-sf', 'h-rf'],
    },
    { start: '2026-08-31', end: '2026-09-04', xProject: ['h-cycle-highlights'] },
    { start: '2026-09-07', end: '2026-09-11', xProject: ['h-rc1', 'h-hard-sf'] },
    { start: '2026-09-21', end: '2026-09-25', xProject: ['h-finalrc'] },
    { start: '2026-09-28', end: '2026-10-02', xProject: ['h-final'] },
  ],
  trailingDeadline: { start: '2026-11-30', end: '2026-12-04' },
};

const rel = (
  version: string,
  proposed: string | null,
  merged: string | null,
  hashes: string | null = version,
): HistoryRelease => ({ version, hashes, proposed, merged });

function deliverable(
  name: string,
  model: string,
  type: string,
  releases: HistoryRelease[],
  extra: Partial<ActionDeliverable['file'] & object> = {},
): ActionDeliverable {
  return {
    name,
    model,
    type,
    stableBranchType: null,
    modelFrom: 'hibiscus',
    file: {
      series: 'hibiscus',
      path: `deliverables/hibiscus/${name}.yaml`,
      model,
      type,
      stableBranchType: null,
      releases,
      branches: [],
      highlights: null,
      ...extra,
    },
  };
}

const glance = (releases: HistoryRelease[], extra = {}) =>
  deliverable('glance', 'cycle-with-rc', 'service', releases, extra);
const store = (releases: HistoryRelease[], extra = {}) =>
  deliverable('glance-store', 'cycle-with-intermediary', 'library', releases, extra);

function plan(
  today: string,
  deliverables: ActionDeliverable[],
  more: Partial<PlanActionsInput> = {},
): Map<string, ReleaseAction> {
  const conventions = Object.fromEntries(
    deliverables.map((d) => [
      d.name,
      {
        ...conventionsFor(d, []),
        milestones: d.model === 'cycle-with-rc' ? [2] : [1, 2, 3],
        betaNumbering: 'milestone' as const,
        highlights: true,
      },
    ]),
  );
  const actions = planActions({
    series: HIBISCUS,
    deliverables,
    conventions,
    openRequests: [],
    today,
    ...more,
  });
  return new Map(actions.map((a) => [a.id, a]));
}

describe('release actions (pure planner)', () => {
  it('gives each deliverable its actions with the issue’s shape, ids and windows', () => {
    const a = plan('2026-09-09', [glance([rel('33.0.0.0b2', '2026-07-03', '2026-07-09')])]);
    expect(a.get('glance:rc')).toEqual({
      id: 'glance:rc',
      deliverable: 'glance',
      series: 'hibiscus',
      kind: 'rc',
      milestone: null,
      window: { start: '2026-09-07', end: '2026-09-11' },
      state: 'due',
      releases: [],
      evidence: 'no rc1 in deliverables/hibiscus/glance.yaml',
      command: 'liaison release propose glance rc',
    });
    expect([...a.keys()]).toEqual([
      'glance:milestone:1',
      'glance:milestone:2',
      'glance:milestone:3',
      'glance:rc',
      'glance:stable-branch',
      'glance:final-rc',
      'glance:final',
      'glance:cycle-highlights',
    ]);
    expect(a.get('glance:milestone:2')).toMatchObject({
      state: 'done',
      releases: [{ version: '33.0.0.0b2', proposed: '2026-07-03', merged: '2026-07-09' }],
      command: null,
    });
    expect(a.get('glance:milestone:1')?.state).toBe('not-planned');
    expect(a.get('glance:stable-branch')?.window).toEqual({
      start: '2026-09-07',
      end: '2026-09-25',
    });
    expect(a.get('glance:final-rc')?.window).toEqual({ start: '2026-09-12', end: '2026-09-25' });
    expect(a.get('glance:final')).toMatchObject({ state: 'upcoming', command: null });
    expect(a.get('glance:cycle-highlights')?.window).toEqual({
      start: '2026-08-24',
      end: '2026-09-04',
    });
  });

  it('library windows: milestone to milestone, the final library weeks, the branch after the freeze', () => {
    const a = plan('2026-05-01', [store([])]);
    expect([...a.values()].map((x) => [x.id, x.window.start, x.window.end, x.state])).toEqual([
      ['glance-store:library:1', '2026-04-06', '2026-05-15', 'open'],
      ['glance-store:library:2', '2026-05-16', '2026-07-03', 'upcoming'],
      ['glance-store:final-library', '2026-08-03', '2026-08-21', 'upcoming'],
      ['glance-store:stable-branch', '2026-08-17', '2026-09-11', 'upcoming'],
    ]);
  });

  it('satisfaction: proposed inside the window, or merged by the end of the week after; one release, one window', () => {
    // glance_store 5.5.0: proposed 2026-05-19 (after the milestone-1 week), merged 2026-05-22
    const a = plan('2026-06-01', [store([rel('5.5.0', '2026-05-19', '2026-05-22')])]);
    expect(a.get('glance-store:library:1')?.state).toBe('done');
    // it does not also count for milestone 2, whose window it was proposed in
    expect(a.get('glance-store:library:2')?.state).toBe('open');
    // merged a day later than the week after: not in the window; done late when nothing later takes it
    const late = plan('2026-06-01', [store([rel('5.5.0', '2026-05-18', '2026-05-23')])]);
    expect(late.get('glance-store:library:1')?.state).toBe('overdue');
    expect(late.get('glance-store:library:2')?.state).toBe('done');
    const rc = plan('2026-09-30', [glance([rel('33.0.0.0rc1', '2026-09-15', '2026-09-22')])]);
    expect(rc.get('glance:rc')).toMatchObject({ state: 'done' });
    expect(rc.get('glance:rc')?.evidence).toMatch(/late: proposed after the window/);
  });

  it('states: upcoming, open, due, overdue, then missed once the series is released', () => {
    const d = [glance([])];
    expect(plan('2026-09-06', d).get('glance:rc')?.state).toBe('upcoming');
    expect(plan('2026-09-07', d).get('glance:stable-branch')?.state).toBe('open');
    expect(plan('2026-09-19', d).get('glance:stable-branch')?.state).toBe('due');
    expect(plan('2026-09-12', d).get('glance:rc')?.state).toBe('overdue');
    const missed = plan('2026-10-05', d).get('glance:rc');
    expect(missed?.state).toBe('missed');
    expect(missed?.evidence).toMatch(/when hibiscus was released on 2026-09-30/);
  });

  it('data older than the last merge day of a window: the verdict is as of the data, never a confirmed miss', () => {
    // glance-store's final library weeks end 2026-08-21; a merge until 2026-08-28 satisfies them
    const d = [
      store([rel('5.5.0', '2026-05-19', '2026-05-22'), rel('5.6.0', '2026-07-01', '2026-07-01')]),
    ];
    const at = (today: string, dataAsOf: string) =>
      plan(today, d, { dataAsOf }).get('glance-store:final-library');
    const stale = at('2026-09-09', '2026-08-21');
    expect(stale).toMatchObject({ state: 'overdue', asOf: '2026-08-21' });
    expect(stale?.evidence).toBe(
      'no release in the final library weeks in deliverables/hibiscus/glance-store.yaml; the window closed 2026-08-21; as of the data of 2026-08-21: a request merged by 2026-08-28 still counts (liaison sync)',
    );
    // the data reaches the last merge day: the miss is settled, said as current
    expect(at('2026-09-09', '2026-08-28')).toMatchObject({ state: 'overdue' });
    expect(at('2026-09-09', '2026-08-28')?.asOf).toBeUndefined();
    expect(at('2026-09-09', '2026-08-27')?.asOf).toBe('2026-08-27');
    // data taken on or after the date: exact for the date (only what merged by then counts)
    expect(at('2026-08-24', '2026-08-24')?.asOf).toBeUndefined();
    expect(at('2026-08-24', '2026-09-30')?.asOf).toBeUndefined();
    // without the data's day (the replay: the tree as it was then), nothing is marked
    expect(plan('2026-09-09', d).get('glance-store:final-library')?.asOf).toBeUndefined();
    // missed once released, due and open: marked too; done and upcoming are settled by any data
    const later = plan('2026-10-05', d, { dataAsOf: '2026-08-21' });
    expect(later.get('glance-store:final-library')).toMatchObject({
      state: 'missed',
      asOf: '2026-08-21',
    });
    expect(later.get('glance-store:library:1')).toMatchObject({ state: 'done' });
    expect(later.get('glance-store:library:1')?.asOf).toBeUndefined();
    const g = plan('2026-09-09', [glance([])], { dataAsOf: '2026-08-21' });
    expect(g.get('glance:rc')).toMatchObject({ state: 'due', asOf: '2026-08-21' });
    expect(g.get('glance:final-rc')).toMatchObject({ state: 'upcoming' });
    expect(g.get('glance:final-rc')?.asOf).toBeUndefined();
  });

  it('only what merged by the date counts; proposed by then and merged later is proposed', () => {
    const d = [glance([rel('33.0.0.0rc1', '2026-09-08', '2026-09-11')])];
    expect(plan('2026-09-09', d).get('glance:rc')).toMatchObject({
      state: 'proposed',
      releases: [{ version: '33.0.0.0rc1', proposed: '2026-09-08', merged: null }],
    });
    expect(plan('2026-09-07', d).get('glance:rc')?.state).toBe('due');
    expect(plan('2026-09-11', d).get('glance:rc')?.state).toBe('done');
  });

  it('an open request in openstack/releases makes its action proposed (version and branch)', () => {
    const a = plan('2026-09-09', [glance([])], {
      openRequests: [
        {
          deliverable: 'glance',
          series: 'hibiscus',
          version: '33.0.0.0rc1',
          branches: ['stable/2026.2'],
          highlights: false,
          number: 987654,
          proposed: '2026-09-08',
        },
      ],
    });
    expect(a.get('glance:rc')).toMatchObject({ state: 'proposed' });
    expect(a.get('glance:rc')?.evidence).toBe(
      'request 987654 for 33.0.0.0rc1 proposed 2026-09-08 is open',
    );
    expect(a.get('glance:stable-branch')?.state).toBe('proposed');
    expect(a.get('glance:final-rc')?.state).toBe('upcoming');
  });

  it('a re-tag of an already released hash satisfies nothing new and raises nothing', () => {
    const a = plan('2026-09-09', [
      store([
        rel('5.5.0', '2026-05-11', '2026-05-13', 'abc'),
        rel('5.5.1', '2026-06-01', '2026-06-02', 'abc'),
      ]),
    ]);
    expect(a.get('glance-store:library:1')?.releases.map((r) => r.version)).toEqual(['5.5.0']);
    expect(a.get('glance-store:library:2')?.state).toBe('overdue');
    // the final reuses the last RC's commit: not a re-tag (another kind of release)
    const g = plan('2026-10-05', [
      glance([
        rel('33.0.0.0rc1', '2026-09-08', '2026-09-10', 'x'),
        rel('33.0.0', '2026-09-25', '2026-09-30', 'x'),
      ]),
    ]);
    expect(g.get('glance:final')?.state).toBe('done');
  });

  it('not-planned from the convention and from a clone that shows nothing to release', () => {
    const a = plan('2026-05-05', [store([])], {
      clones: { 'glance-store': { unreleasedMaster: 0, unreleasedStable: null } },
    });
    expect(a.get('glance-store:library:1')).toMatchObject({
      state: 'not-planned',
      evidence: 'the clone shows nothing unreleased on master',
      command: null,
    });
    const closed = plan('2026-06-01', [store([])], {
      clones: {
        'glance-store': {
          unreleasedMaster: 3,
          unreleasedStable: null,
          windowChanges: { 'glance-store:library:1': 0 },
        },
      },
    });
    expect(closed.get('glance-store:library:1')?.state).toBe('not-planned');
  });

  it('trailing deliverables: from the release week to the next series’ trailing deadline, done with the final', () => {
    const kolla = deliverable('kolla', 'cycle-with-rc', 'trailing', [
      rel('21.0.0.0rc1', '2026-10-20', '2026-10-22'),
    ]);
    const a = plan('2026-11-02', [kolla]);
    expect([...a.keys()]).toEqual(['kolla:trailing']);
    expect(a.get('kolla:trailing')).toMatchObject({
      window: { start: '2026-09-28', end: '2026-12-04' },
      state: 'open',
      command: 'liaison release propose kolla rc',
    });
    const done = plan('2026-12-10', [
      {
        ...kolla,
        file: {
          ...kolla.file!,
          releases: [...kolla.file!.releases, rel('21.0.0', '2026-11-20', '2026-11-24')],
        },
      },
    ]);
    expect(done.get('kolla:trailing')?.state).toBe('done');
  });

  it('says it first: due, overdue and proposed, then open by window end, then upcoming', () => {
    const a = [...plan('2026-09-09', [glance([]), store([])]).values()];
    const states = sayItFirst(a).map((x) => x.state);
    const rank = (s: string) =>
      ['overdue', 'due', 'proposed'].includes(s) ? 0 : s === 'open' ? 1 : s === 'upcoming' ? 2 : 3;
    expect(states.map(rank)).toEqual([...states.map(rank)].sort((x, y) => x - y));
  });
});

describe('open requests from the review desk', () => {
  it('each deliverable file a request touches, with the version and branches it adds', () => {
    const requests = openRequestsOf({
      requests: [
        {
          number: 955001,
          created: '2026-09-08',
          deliverables: [
            {
              name: 'glance',
              series: 'hibiscus',
              oldVersion: '33.0.0.0b2',
              newVersion: '33.0.0.0rc1',
              branchesAdded: ['stable/2026.2'],
            },
            // a branch-only change adds no version
            {
              name: 'glance-store',
              series: 'hibiscus',
              oldVersion: '5.6.0',
              newVersion: '5.6.0',
              branchesAdded: ['stable/2026.2'],
            },
          ],
        },
      ],
    });
    expect(requests).toEqual([
      {
        deliverable: 'glance',
        series: 'hibiscus',
        version: '33.0.0.0rc1',
        branches: ['stable/2026.2'],
        highlights: false,
        number: 955001,
        proposed: '2026-09-08',
      },
      {
        deliverable: 'glance-store',
        series: 'hibiscus',
        version: null,
        branches: ['stable/2026.2'],
        highlights: false,
        number: 955001,
        proposed: '2026-09-08',
      },
    ]);
    const a = plan('2026-09-09', [store([rel('5.6.0', '2026-08-18', '2026-08-20')])], {
      openRequests: requests,
    });
    expect(a.get('glance-store:stable-branch')?.state).toBe('proposed');
  });
});

describe('conventions', () => {
  const calendarOf = (name: string, start: string, weeks: ActionsCalendar['weeks']) => ({
    ...HIBISCUS,
    name,
    start,
    weeks,
  });
  const gazpacho = calendarOf('gazpacho', '2025-10-06', [
    { start: '2025-11-10', end: '2025-11-14', xProject: ['g-1'] },
    { start: '2026-01-05', end: '2026-01-09', xProject: ['g-2'] },
    { start: '2026-02-23', end: '2026-02-27', xProject: ['g-3'] },
  ]);
  const flamingo = calendarOf('flamingo', '2025-04-07', [
    { start: '2025-05-12', end: '2025-05-16', xProject: ['f-1'] },
    { start: '2025-06-30', end: '2025-07-04', xProject: ['f-2'] },
    { start: '2025-08-25', end: '2025-08-29', xProject: ['f-3'] },
  ]);
  const epoxy = calendarOf('epoxy', '2024-10-07', [
    { start: '2024-11-11', end: '2024-11-15', xProject: ['e-1'] },
    { start: '2025-01-06', end: '2025-01-10', xProject: ['e-2'] },
    { start: '2025-02-24', end: '2025-02-28', xProject: ['e-3'] },
  ]);
  const file = (series: string, releases: HistoryRelease[]) => ({
    series,
    path: `deliverables/${series}/glance.yaml`,
    model: 'cycle-with-rc',
    type: 'service',
    stableBranchType: null,
    releases,
    branches: [],
    highlights: null,
  });
  const past = [
    { calendar: gazpacho, file: file('gazpacho', [rel('32.0.0.0b2', '2026-01-07', '2026-01-08')]) },
    { calendar: flamingo, file: file('flamingo', []) },
    { calendar: epoxy, file: file('epoxy', [rel('30.0.0.0b2', '2025-01-13', '2025-01-17')]) },
  ];

  it('default: the milestones released in at least 2 of the last 3 series, betas named by milestone', () => {
    const c = conventionsFor(glance([]), past);
    expect(c).toMatchObject({ milestones: [2], betaNumbering: 'milestone', source: 'history' });
    expect(c.basis).toBe('from gazpacho, flamingo, epoxy: betas at milestone 2');
  });

  it('the team config decides where it says so', () => {
    const c = conventionsFor(glance([]), past, { milestones: [3, 1] });
    expect(c).toMatchObject({ milestones: [1, 3], source: 'config' });
  });

  it('libraries release at every milestone unless the config narrows it', () => {
    expect(conventionsFor(store([]), []).milestones).toEqual([1, 2, 3]);
    expect(conventionsFor(store([]), [], { milestones: [2] }).milestones).toEqual([2]);
  });
});

describe('release actions in the brief', () => {
  interface BriefJson {
    actionsSeries: string;
    actions: ReleaseAction[];
  }

  it('RC1 week: the brief says first that glance must propose its RC1 with the stable branch', async () => {
    const r = await runCli(['brief', '--date', '2026-09-09']);
    expect(r.code).toBe(0);
    const firstLines = r.stdout.split('\n').slice(0, 12).join('\n');
    expect(firstLines).toMatch(/Release actions \(hibiscus\)\n {2}Act now/);
    // the embedded data is of 2026-08-21: the RC1 may have been proposed since, so said as of then
    expect(r.stdout).toMatch(
      /due as of 2026-08-21 glance: RC1, by Fri 11 Sep 2026\n.*no rc1 in deliverables\/hibiscus\/glance\.yaml; as of the data of 2026-08-21: a request merged by 2026-09-18 still counts \(liaison sync\)\n\s+\$ liaison release propose glance rc/,
    );
    const b = await runJson<BriefJson>(['brief', '--date', '2026-09-09']);
    expect(b.actions.find((a) => a.id === 'glance:rc')).toMatchObject({
      state: 'due',
      window: { start: '2026-09-07', end: '2026-09-11' },
      command: 'liaison release propose glance rc',
      asOf: '2026-08-21',
    });
    expect(b.actions[0]?.state).toMatch(/^(overdue|due|proposed)$/);
    // the lead's case: final library weeks to 2026-08-21, merges count until 2026-08-28
    expect(b.actions.find((a) => a.id === 'glance-store:final-library')).toMatchObject({
      state: 'overdue',
      asOf: '2026-08-21',
    });
    // a window whose last merge day the data reaches is a settled verdict
    expect(b.actions.find((a) => a.id === 'python-glanceclient:library:2')?.asOf).toBeUndefined();
    const os = await runCli(['openstack', '--date', '2026-09-09', '--team', 'glance']);
    expect(os.stdout).toMatch(
      /overdue\s+glance-store final-library \(2026-08-03 to 2026-08-21; as of the data of 2026-08-21\)/,
    );
    expect(os.stdout).toMatch(
      /overdue\s+python-glanceclient library 2 \(2026-05-16 to 2026-07-03\)\n/,
    );
    const cd = await runCli(['countdown', '--date', '2026-09-09']);
    expect(cd.stdout.replace(/\s+/g, ' ')).toContain(
      'glance-store:final-library (2026-08-03 to 2026-08-21, as of the data of 2026-08-21)',
    );
  });

  it('--series: the last series one week after its release, with the dates of its releases', async () => {
    const b = await runJson<BriefJson>(['brief', '--date', '2026-04-08', '--series', 'gazpacho']);
    expect(b.actionsSeries).toBe('gazpacho');
    const byId = new Map(b.actions.map((a) => [a.id, a]));
    expect(byId.get('glance:rc')).toMatchObject({
      state: 'done',
      releases: [{ version: '32.0.0.0rc1', proposed: '2026-03-09', merged: '2026-03-13' }],
    });
    expect(byId.get('glance:final')?.state).toBe('done');
    expect(byId.get('glance-store:library:1')?.state).toBe('missed');
    const unsettled = b.actions.filter(
      (a) => a.window.end < '2026-04-08' && !['done', 'missed', 'not-planned'].includes(a.state),
    );
    expect(unsettled).toEqual([]);
    const bad = await runCli(['brief', '--series', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--series nope: not a series/);
  });

  it('a series with no deliverable files yet: actions from the previous series’ models', async () => {
    const b = await runJson<BriefJson & { notes: string[] }>(['brief', '--date', '2027-03-01']);
    expect(b.actionsSeries).toBe('indri');
    expect(b.actions.find((a) => a.id === 'glance:rc')).toMatchObject({
      state: 'due',
      window: { start: '2027-03-01', end: '2027-03-05' },
    });
    expect(b.actions.find((a) => a.id === 'glance:rc')?.evidence).toMatch(
      /no deliverables\/indri\/glance\.yaml yet; model from hibiscus/,
    );
  });
});
