import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SERIES_STATUSES, type Series } from '../../src/data/releases/series.js';
import type { ReleaseStatusView } from '../../src/release/status/plan.js';
import { dueItems } from '../../src/release/status/plan-due.js';
import { branchPhase, stableReleasable } from '../../src/release/stable/plan-rule.js';
import type { StableView } from '../../src/release/stable/plan.js';
import { runCli } from '../helpers/cli.js';
import { liveWorkspace } from '../helpers/live-workspace.js';
import { addReadinessRoutes, glanceClone } from '../helpers/readiness-stand-in.js';
import type { ServiceStub } from '../helpers/service-stub.js';

const SERIES: Series[] = [
  {
    name: 'hibiscus',
    releaseId: '2026.2',
    status: 'development',
    slurp: false,
    nextPhase: { status: 'maintained', date: '2026-09-30' },
  },
  { name: 'gazpacho', releaseId: '2026.1', status: 'maintained', slurp: true },
  {
    name: 'epoxy',
    releaseId: '2025.1',
    status: 'maintained',
    slurp: true,
    nextPhase: { status: 'unmaintained', date: '2026-10-02' },
  },
  { name: 'dalmatian', releaseId: '2024.2', status: 'end of life', slurp: false },
  { name: 'zed', status: 'unmaintained', slurp: false },
];

describe('the branches a team releases from (one rule)', () => {
  it('says yes only for stable/* of a maintained series', () => {
    const verdicts = SERIES_STATUSES.map((phase) => [
      phase,
      stableReleasable('stable/2026.1', phase).releasable,
      stableReleasable('unmaintained/2026.1', phase).releasable,
    ]);
    expect(verdicts).toEqual([
      ['future', false, false],
      ['development', false, false],
      ['maintained', true, false],
      ['extended maintenance', false, false],
      ['unmaintained', false, false],
      ['end of life', false, false],
    ]);
    expect(stableReleasable('master', 'maintained')).toEqual({
      releasable: false,
      reason: 'not-stable',
    });
    expect(stableReleasable('stable/unknown', null)).toEqual({
      releasable: false,
      reason: 'unknown-series',
    });
    expect(stableReleasable('unmaintained/zed', 'unmaintained').reason).toBe('unmaintained');
  });

  it('takes the phase of the branch’s series at the date asked (next-phase applies on its day)', () => {
    expect(branchPhase('stable/2026.1', SERIES, '2026-09-16')).toBe('maintained');
    expect(branchPhase('stable/2025.1', SERIES, '2026-10-01')).toBe('maintained');
    expect(branchPhase('stable/2025.1', SERIES, '2026-10-02')).toBe('unmaintained');
    expect(branchPhase('unmaintained/zed', SERIES, '2026-09-16')).toBe('unmaintained');
    expect(branchPhase('stable/2024.2', SERIES, '2026-09-16')).toBe('end of life');
    expect(branchPhase('stable/2026.2', SERIES, '2026-09-30')).toBe('maintained');
  });

  it('reads the phase from the schedule (seriesStatusAt), not the status the data recorded later', () => {
    const dated: Series[] = [
      {
        name: 'gazpacho',
        releaseId: '2026.1',
        status: 'maintained',
        slurp: true,
        initialRelease: '2026-04-01',
      },
      {
        name: 'dalmatian',
        releaseId: '2024.2',
        status: 'end of life',
        slurp: false,
        initialRelease: '2024-10-02',
        eolDate: '2026-04-29',
      },
      {
        name: 'caracal',
        releaseId: '2024.1',
        status: 'unmaintained',
        slurp: true,
        initialRelease: '2024-04-03',
        nextPhase: { status: 'end of life' },
      },
    ];
    expect(branchPhase('stable/2026.1', dated, '2026-03-10')).toBe('development');
    expect(branchPhase('stable/2024.2', dated, '2025-06-02')).toBe('maintained');
    expect(branchPhase('stable/2024.2', dated, '2026-04-29')).toBe('end of life');
    // recorded unmaintained without a date: known from the data's day on
    expect(branchPhase('stable/2024.1', dated, '2024-06-03', '2026-08-21')).toBe('maintained');
    expect(branchPhase('stable/2024.1', dated, '2026-08-21', '2026-08-21')).toBe('unmaintained');
  });

  it('status due items: a stable release only where the rule allows it', () => {
    const u = (branch: string, count: number) => ({
      repo: 'openstack/glance',
      branch,
      since: 'x',
      count,
      subjects: [],
    });
    const due = dueItems({
      name: 'glance',
      model: 'cycle-with-rc',
      type: 'service',
      seriesName: 'hibiscus',
      stableBranch: 'stable/2026.2',
      releases: [],
      unreleased: [
        u('master', 3),
        u('stable/2026.2', 2),
        u('stable/2026.1', 1),
        u('stable/2025.1', 4),
        u('unmaintained/zed', 5),
        u('stable/2024.2', 6),
      ],
      events: [],
      today: '2026-10-05',
      series: SERIES,
    });
    // 2026-10-05: hibiscus is maintained (its first stable release is due), epoxy unmaintained
    expect(due.map((d) => d.what)).toEqual([
      'stable release to consider: 2 unreleased commits on stable/2026.2 since x (openstack/glance)',
      'stable release to consider: 1 unreleased commit on stable/2026.1 since x (openstack/glance)',
    ]);
  });
});

const live = liveWorkspace('liaison-stable-', {
  retries: 1,
  'retry-delay-ms': 10,
  'min-interval-ms': 0,
  'timeout-seconds': 5,
});
let stub: ServiceStub;
let db: string;
let config: string;
beforeEach(async () => {
  ({ stub, db, config } = await live.start());
  addReadinessRoutes(stub);
});
afterEach(() => live.stop());

const cli = (...args: string[]) =>
  runCli([...args, '--date', '2026-09-16', '--db', db, '--config', config], {
    env: stub.env(),
    now: new Date('2026-09-16T08:00:00Z'),
  });
async function json<T>(...args: string[]): Promise<T> {
  const r = await cli(...args, '--json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as T;
}

describe('stable branches in release status and release stable', () => {
  it('never suggests unmaintained/* or end-of-life branches; lists them as such, with unreleased fixes and bug links', async () => {
    const clones = glanceClone();
    const status = await json<ReleaseStatusView>('release', 'status', '--clones', clones);
    const glance = status.deliverables.find((d) => d.name === 'glance')!;
    const due = glance.due.map((d) => d.what);
    expect(due.filter((d) => d.startsWith('stable release'))).toEqual([
      'stable release to consider: 2 unreleased commits on stable/2026.1 since 32.0.0 (openstack/glance)',
    ]);
    // the branches are in the clone with unreleased commits: only the rule keeps them out
    expect(glance.unreleased?.find((u) => u.branch === 'unmaintained/zed')?.count).toBe(1);
    const rows = status.stable.filter((s) => s.deliverable === 'glance');
    expect(
      rows.map((s) => [s.branch, s.phase, s.releasable, s.suggest, s.unreleased?.count ?? null]),
    ).toEqual([
      ['stable/2026.1', 'maintained', true, true, 2],
      ['stable/2025.2', 'maintained', true, false, 0],
      ['stable/2024.2', 'end of life', false, false, 1],
      ['unmaintained/zed', 'unmaintained', false, false, 1],
      ['unmaintained/yoga', 'unmaintained', false, false, 1],
    ]);
    const g26 = rows[0]!;
    expect(g26.nextVersion).toBe('32.0.1');
    expect(g26.unreleased?.changes.map((c) => [c.subject, c.bugLinks])).toEqual([
      [
        'Fix two races in the rbd driver',
        ['https://bugs.launchpad.net/bugs/2160002', 'https://bugs.launchpad.net/bugs/2160003'],
      ],
      [
        'Fix image import status after staging failure',
        ['https://bugs.launchpad.net/bugs/2157431'],
      ],
    ]);
    expect(rows.find((s) => s.branch === 'unmaintained/zed')?.reason).toBe('unmaintained');
    expect(rows.find((s) => s.branch === 'stable/2024.2')?.reason).toBe('end-of-life');
    const text = (await cli('release', 'status', '--clones', clones)).stdout;
    expect(text).not.toMatch(/due: stable release to consider: .* on unmaintained\//);
    expect(text).toMatch(
      /stable\/2026\.1\s+maintained\s+2 since 32\.0\.0\s+not synced\s+release 32\.0\.1/,
    );
  });

  it('open backports from Gerrit; /api/stable is `release stable --json` and the page lists fixes with their bug links', async () => {
    const clones = glanceClone();
    config = live.writeConfig(`clones-dir: ${clones}\n`);
    const sync = await cli('sync', '--only', 'stable', '--json');
    expect(sync.code, sync.stderr).toBe(0);
    const v = await json<StableView>('release', 'stable');
    const row = v.branches.find((b) => b.deliverable === 'glance' && b.branch === 'stable/2026.1')!;
    expect(row.openBackports).toEqual([
      expect.objectContaining({
        number: 1000601,
        bugs: [2157431],
        url: expect.stringMatching(/\/c\/openstack\/glance\/\+\/1000601$/) as string,
      }),
    ]);
    expect(
      v.branches.find((b) => b.deliverable === 'glance-store' && b.branch === 'stable/2025.2')
        ?.openBackports,
    ).toEqual([expect.objectContaining({ number: 1000602 })]);
    expect(v.counts).toMatchObject({ suggested: 1, unreleased: 2 });
    // nothing new since: one conditional request
    const before = stub.requests.length;
    const again = await json<{ sources: { status: string; requests: number }[] }>(
      'sync',
      '--only',
      'stable',
    );
    expect(again.sources[0]).toMatchObject({ status: 'unchanged', requests: 1 });
    expect(stub.requests.slice(before).map((r) => r.status)).toEqual([304]);
    const { withDashboard } = await import('../web/dashboard.js');
    await withDashboard({ options: { db, config }, env: stub.env() }, async (d) => {
      expect(await (await d.app.request('/api/stable?date=2026-09-16')).json()).toEqual(v);
      const html = await (await d.app.request('/stable?date=2026-09-16')).text();
      expect(html).toContain('yes: 32.0.1');
      expect(html).toContain('href="https://bugs.launchpad.net/bugs/2157431"');
      expect(html).toContain('unmaintained: never released from');
    });
  });
});
