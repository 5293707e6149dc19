import { describe, expect, it } from 'vitest';
import type { CycleEvent } from '../../src/calendar/model.js';
import type { PlanActionsInput } from '../../src/actions/plan.js';
import type { Series } from '../../src/data/releases/series.js';
import {
  coverageStarts,
  planReleaseStatus,
  wantedBranches,
  type DeliverableFacts,
  type StatusInput,
} from '../../src/release/status/plan.js';

/** `release status` planned from plain facts: no git, no files (read.ts reads them beforehand). */
const hibiscus: Series = {
  name: 'hibiscus',
  releaseId: '2026.2',
  status: 'development',
  slurp: false,
};
const gazpacho: Series = {
  name: 'gazpacho',
  releaseId: '2026.1',
  status: 'maintained',
  slurp: true,
};

const event = (id: string, date: string): CycleEvent => ({
  id,
  title: id,
  date,
  weekStart: date,
  scope: 'cross-project',
  series: 'hibiscus',
});

const lib: DeliverableFacts = {
  name: 'glance-store',
  file: 'deliverables/hibiscus/glance-store.yaml',
  model: 'cycle-with-intermediary',
  type: 'library',
  repos: ['openstack/glance_store'],
  releases: [
    { version: '5.1.0', tagDate: '2026-05-20', proposed: '2026-05-19', merged: '2026-05-21' },
  ],
  fileBranches: [],
  latestBefore: { version: '5.0.0', series: 'gazpacho' },
  clone: { dir: '/clones/glance_store', branches: ['master'], tags: ['5.0.0', '5.1.0'] },
  cloneBehind: [],
  unreleased: [
    {
      repo: 'openstack/glance_store',
      branch: 'master',
      since: '5.1.0',
      count: 2,
      subjects: ['a', 'b'],
    },
  ],
  // master commits after each release, by day
  masterCommitDays: { '5.0.0': ['2026-07-01', '2026-05-10'], '5.1.0': ['2026-07-01'] },
};

/** The release actions' input: hibiscus' schedule weeks and glance-store's file with its dates. */
const actions: PlanActionsInput = {
  series: {
    name: 'hibiscus',
    releaseId: '2026.2',
    releaseDate: '2026-09-30',
    start: '2026-04-06',
    weeks: [
      { start: '2026-05-11', end: '2026-05-15', xProject: ['h-1'] },
      { start: '2026-06-29', end: '2026-07-03', xProject: ['h-2'] },
      { start: '2026-08-17', end: '2026-08-21', xProject: ['h-final-lib'] },
      { start: '2026-08-24', end: '2026-08-28', xProject: ['h-3', 'h-final-clientlib'] },
      { start: '2026-09-07', end: '2026-09-11', xProject: ['h-rc1'] },
      { start: '2026-09-21', end: '2026-09-25', xProject: ['h-finalrc'] },
      { start: '2026-09-28', end: '2026-10-02', xProject: ['h-final'] },
    ],
    trailingDeadline: null,
  },
  deliverables: [
    {
      name: 'glance-store',
      model: 'cycle-with-intermediary',
      type: 'library',
      stableBranchType: null,
      modelFrom: 'hibiscus',
      file: {
        series: 'hibiscus',
        path: 'deliverables/hibiscus/glance-store.yaml',
        model: 'cycle-with-intermediary',
        type: 'library',
        stableBranchType: null,
        releases: [
          { version: '5.1.0', hashes: 'aaaa', proposed: '2026-05-19', merged: '2026-05-21' },
        ],
        branches: [],
        highlights: null,
      },
    },
  ],
  conventions: {},
  openRequests: [],
  today: '2026-08-01',
};

function input(deliverables: DeliverableFacts[]): StatusInput {
  return {
    today: '2026-08-01',
    team: 'glance',
    series: hibiscus,
    allSeries: [hibiscus, gazpacho],
    dataDate: '2026-08-01',
    week: 'R-9',
    events: [
      event('h-1', '2026-06-04'),
      event('h-2', '2026-07-16'),
      event('h-final-lib', '2026-08-27'),
    ],
    start: '2026-04-06',
    deliverables,
    actions,
    actionNotes: [],
    releasesLabel: 'releases checkout',
    clonesLooked: 'under /clones',
    seriesHasFiles: true,
    stable: [],
    dataSource: 'test',
  };
}

describe('release status plan (pure)', () => {
  it('counts each window of the library actions from the facts: released, missed, open', () => {
    const v = planReleaseStatus(input([lib]));
    const row = v.coverage.rows[0];
    // 5.1.0 was proposed after the milestone-1 week and merged within the week after: it counts
    expect(row?.windows.map((w) => [w.label, w.state, w.unreleasedChanges])).toEqual([
      ['start → M1', 'released', 1],
      ['M1 → M2', 'missed', 1],
      ['final library weeks', 'open', null],
    ]);
    expect(v.coverage.missed).toBe(1);
    expect(v.deliverables[0]?.latestInSeries).toEqual({
      version: '5.1.0',
      date: '2026-05-21',
      dateSource: 'releases-history',
      proposed: '2026-05-19',
      merged: '2026-05-21',
    });
    expect(v.actions.find((a) => a.id === 'glance-store:library:2')?.state).toBe('overdue');
    expect(v.deliverables[0]?.stableBranch).toEqual({
      name: 'stable/2026.2',
      inFile: false,
      inClone: false,
    });
  });

  it('without a clone the windows are unknown and the note says why', () => {
    const v = planReleaseStatus(
      input([{ ...lib, clone: null, unreleased: null, masterCommitDays: {} }]),
    );
    expect(v.coverage.rows[0]?.windows.map((w) => [w.state, w.unreleasedChanges])).toEqual([
      ['released', null],
      ['unknown', null],
      ['open', null],
    ]);
    expect(v.coverage.missed).toBe(0);
    expect(v.notes).toContain(
      'no clone found for glance-store (looked under /clones): unreleased commits unknown',
    );
  });

  it('a clone behind the releases is no "no clone": the reason names the missing commit', () => {
    const behind = {
      repo: 'openstack/glance_store',
      dir: '/clones/glance_store',
      hash: 'a'.repeat(40),
      version: '5.1.0',
    };
    const v = planReleaseStatus(
      input([{ ...lib, cloneBehind: [behind], unreleased: null, masterCommitDays: {} }]),
    );
    expect(v.coverage.rows[0]?.windows.map((w) => w.state)).toEqual([
      'released',
      'unknown',
      'open',
    ]);
    expect(v.coverage.rows[0]?.changesUnknown).toEqual({ reason: 'clone-behind', ...behind });
    expect(v.deliverables[0]?.cloneBehind).toEqual([behind]);
    expect(v.notes.join('\n')).not.toMatch(/no clone/);
    // with no clone at all, and with every window's changes known
    const none = planReleaseStatus(
      input([{ ...lib, clone: null, unreleased: null, masterCommitDays: {} }]),
    );
    expect(none.coverage.rows[0]?.changesUnknown).toEqual({ reason: 'no-clone' });
    expect(planReleaseStatus(input([lib])).coverage.rows[0]?.changesUnknown).toBeNull();
  });

  it('says which facts to read: branches and the tags windows can start from', () => {
    expect(wantedBranches([hibiscus, gazpacho], hibiscus)).toEqual([
      'master',
      'stable/2026.2',
      'unmaintained/2026.2',
      'stable/2026.1',
      'unmaintained/2026.1',
    ]);
    expect(coverageStarts(lib.releases, lib.latestBefore)).toEqual(['5.1.0', '5.0.0']);
    expect(coverageStarts([], null)).toEqual(['']);
  });
});
