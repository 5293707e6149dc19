import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CycleEvent } from '../../src/calendar/model.js';
import {
  milestoneWaits,
  queueAdvice,
  type GateQueueView,
  type QueueEvent,
} from '../../src/gate/plan-queue.js';
import { readTeamQueue } from '../../src/gate/read-queue-status.js';
import type { SyncView } from '../../src/sync/apply.js';
import { runCli } from '../helpers/cli.js';
import { liveWorkspace } from '../helpers/live-workspace.js';
import {
  addReadinessRoutes,
  gateBuildsets,
  statusWithQueue,
  type ReadinessState,
} from '../helpers/readiness-stand-in.js';
import { sampleJson, type ServiceStub } from '../helpers/service-stub.js';

const GLANCE = ['openstack/glance', 'openstack/glance_store', 'openstack/python-glanceclient'];

describe("the team's gate queue in Zuul's status", () => {
  it('finds the integrated queue by the team’s change in it, counts live items and their order', () => {
    const q = readTeamQueue(sampleJson('zuul-status.json'), {
      url: 'status',
      pipeline: 'gate',
      projects: GLANCE,
      fallback: 'integrated',
    });
    expect(q).toEqual({
      pipeline: 'gate',
      name: 'integrated',
      length: 3,
      oldestEnqueuedAt: '2026-09-16T12:44:05.000Z',
      teamItems: [
        {
          change: 998431,
          patchset: 3,
          project: 'openstack/glance',
          position: 2,
          enqueuedAt: '2026-09-16T12:59:05.000Z',
          // the recorded item has a failing job: it will be dequeued
          failing: true,
          url: expect.stringContaining('998431') as string,
        },
      ],
    });
  });

  it('an empty queue is left out of the document: length 0 under the name seen last', () => {
    const q = readTeamQueue(statusWithQueue(0), {
      url: 'status',
      pipeline: 'gate',
      projects: GLANCE,
      previous: 'integrated',
      fallback: 'other',
    });
    expect(q).toMatchObject({
      name: 'integrated',
      length: 0,
      oldestEnqueuedAt: null,
      teamItems: [],
    });
    expect(() =>
      readTeamQueue(
        { zuul_version: 'x' },
        { url: 'u', pipeline: 'gate', projects: GLANCE, fallback: 'i' },
      ),
    ).toThrow(/pipelines/);
  });
});

describe('slow weeks before milestones and deadline advice (pure)', () => {
  const ev = (
    id: string,
    date: string,
    scope: CycleEvent['scope'] = 'cross-project',
  ): CycleEvent => ({
    id,
    title: id,
    date,
    weekStart: date,
    scope,
    series: 'hibiscus',
  });
  const runs = [
    ...Array.from({ length: 20 }, (_, i) => ({
      endAt: `2026-06-${String(i + 1).padStart(2, '0')}T12:00:00.000Z`,
      waitMinutes: 100,
    })),
    ...Array.from({ length: 10 }, (_, i) => ({
      endAt: `2026-08-${String(i + 14).padStart(2, '0')}T12:00:00.000Z`,
      waitMinutes: 300,
    })),
  ];

  it('compares the two weeks before each past milestone with the usual time through the gate', () => {
    const m = milestoneWaits([ev('h-2', '2026-07-02'), ev('h-3', '2026-08-27')], runs, []);
    expect(m.map((x) => [x.id, x.medianMinutes, x.usualMinutes, x.ratio, x.slow])).toEqual([
      ['h-3', 300, 100, 3, true],
      ['h-2', 100, 100, 1, false],
    ]);
  });

  it('advises moving a team deadline that sits less than a week before a milestone, after a slow one', () => {
    const m = milestoneWaits([ev('h-3', '2026-08-27')], runs, []);
    const events: QueueEvent[] = [
      {
        id: 'late-deadline',
        title: 'Team feature deadline',
        date: '2026-09-07',
        scope: 'team',
        series: 'hibiscus',
      },
      {
        id: 'ok-deadline',
        title: 'Prelude',
        date: '2026-09-03',
        scope: 'team',
        series: 'hibiscus',
      },
      { id: 'h-rc1', title: 'RC1', date: '2026-09-10', scope: 'cross-project', series: 'hibiscus' },
    ];
    const advice = queueAdvice(events, m, '2026-09-02');
    expect(
      advice.map((a) => [a.deadline.id, a.milestone.id, a.daysBefore, a.suggestedDate]),
    ).toEqual([['late-deadline', 'h-rc1', 3, '2026-09-03']]);
    // a gate that was not slow gives no advice
    expect(
      queueAdvice(events, milestoneWaits([ev('h-2', '2026-07-02')], runs, []), '2026-09-02'),
    ).toEqual([]);
  });
});

const live = liveWorkspace('liaison-queue-', {
  retries: 1,
  'retry-delay-ms': 10,
  'min-interval-ms': 0,
  'timeout-seconds': 5,
});
let stub: ServiceStub;
let db: string;
let config: string;
let state: ReadinessState;

beforeEach(async () => {
  ({ stub, db } = await live.start());
  state = addReadinessRoutes(stub);
  config = live.writeConfig(
    'deadlines:\n  - id: late-feature-deadline\n    title: Glance feature deadline\n    when: h-rc1 -3d\n',
  );
});
afterEach(() => live.stop());

const at = (instant: string) => ({ env: stub.env(), now: new Date(instant) });
const cli = (day: string, ...args: string[]) =>
  runCli([...args, '--date', day, '--db', db, '--config', config], at(`${day}T14:00:00Z`));
const syncQueue = async (day: string, only = 'gate-queue,gate-buildsets') => {
  const r = await cli(day, 'sync', '--only', only, '--json');
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as SyncView;
};

describe('liaison gate --queue over the stand-in', () => {
  it('shows the integrated queue now, and after three syncs its history', async () => {
    for (const [day, n] of [
      ['2026-09-02', 12],
      ['2026-09-09', 25],
    ] as const) {
      state.status = statusWithQueue(n);
      await syncQueue(day, 'gate-queue');
    }
    state.status = sampleJson('zuul-status.json');
    await syncQueue('2026-09-16', 'gate-queue');
    const r = await cli('2026-09-16', 'gate', '--queue', '--json');
    expect(r.code, r.stderr).toBe(0);
    const v = JSON.parse(r.stdout) as GateQueueView;
    expect(v.queue).toEqual({
      name: 'integrated',
      length: 3,
      oldestAgeMinutes: 76,
      sampledAt: '2026-09-16T14:00:00.000Z',
      teamChanges: [
        expect.objectContaining({ change: 998431, patchset: 3, position: 2, ageMinutes: 61 }),
      ],
    });
    expect(v.history.map((h) => [h.at.slice(0, 10), h.length])).toEqual([
      ['2026-09-02', 12],
      ['2026-09-09', 25],
      ['2026-09-16', 3],
    ]);
    const text = (await cli('2026-09-16', 'gate', '--queue')).stdout;
    expect(text).toContain('integrated: 3 changes in the queue, the oldest for 1 h 16 min');
    expect(text).toContain('2026-09-02 12 · 2026-09-09 25 · 2026-09-16 3');
  });

  it('from gate buildsets: slow before the last milestone, advice for a deadline too close to RC1, incremental sync', async () => {
    state.gateBuildsets = gateBuildsets({
      from: '2026-05-01',
      to: '2026-09-02',
      perDay: 2,
      // two weeks before the feature freeze (2026-08-27) the gate takes three times as long
      minutes: (day) => (day >= '2026-08-13' && day < '2026-08-27' ? 360 : 120),
    });
    state.status = statusWithQueue(8);
    const first = await syncQueue('2026-09-02');
    expect(first.sources.find((s) => s.name === 'gate-buildsets')?.summary).toBe(
      `${state.gateBuildsets.length} new gate buildsets`,
    );
    const v = JSON.parse(
      (await cli('2026-09-02', 'gate', '--queue', '--json')).stdout,
    ) as GateQueueView;
    const ff = v.milestones.find((m) => m.id === 'h-ff')!;
    expect(ff).toMatchObject({
      date: '2026-08-27',
      medianMinutes: 360,
      usualMinutes: 120,
      ratio: 3,
      slow: true,
    });
    expect(v.milestones.find((m) => m.id === 'h-2')).toMatchObject({ ratio: 1, slow: false });
    expect(
      v.advice.map((a) => [a.deadline.id, a.deadline.date, a.milestone.id, a.suggestedDate]),
    ).toEqual([['late-feature-deadline', '2026-09-07', 'h-rc1', '2026-09-03']]);
    const text = (await cli('2026-09-02', 'gate', '--queue')).stdout;
    expect(text).toContain(
      'Advice: Move "Glance feature deadline" (2026-09-07) to 2026-09-03 or earlier: it is 3 days before',
    );
    const brief = JSON.parse((await cli('2026-09-02', 'brief', '--json')).stdout) as {
      gateAdvice: { deadline: { id: string }; suggestedDate: string }[];
    };
    expect(brief.gateAdvice.map((a) => [a.deadline.id, a.suggestedDate])).toEqual([
      ['late-feature-deadline', '2026-09-03'],
    ]);
    expect((await cli('2026-09-02', 'brief')).stdout).toMatch(
      /Gate load near deadlines\n {2}Move "Glance feature deadline" \(2026-09-07\) to 2026-09-03 or earlier/,
    );
    // nothing new: one conditional request answered 304
    const before = stub.requests.length;
    const again = await syncQueue('2026-09-02', 'gate-buildsets');
    expect(again.sources[0]).toMatchObject({ status: 'unchanged', requests: 1 });
    expect(stub.requests.slice(before).map((r) => r.status)).toEqual([304]);
    // three new ones: only they are read
    state.gateBuildsets.push(
      ...gateBuildsets({
        from: '2026-09-02',
        to: '2026-09-03',
        perDay: 3,
        minutes: () => 90,
        firstId: 30_000_000,
      }),
    );
    stub.touch();
    const more = await syncQueue('2026-09-03', 'gate-buildsets');
    expect(more.sources[0]).toMatchObject({ summary: '3 new gate buildsets', requests: 1 });
  });

  it('/api/gate-queue is `gate --queue --json`; the Gate page carries the queue panel, /api/gate stays `gate --json`', async () => {
    await syncQueue('2026-09-16');
    const { withDashboard } = await import('../web/dashboard.js');
    await withDashboard({ options: { db, config }, env: stub.env() }, async (d) => {
      const api = async (name: string) =>
        (await d.app.request(`/api/${name}?date=2026-09-16`)).json();
      const json = async (...args: string[]) =>
        JSON.parse((await cli('2026-09-16', ...args, '--json')).stdout) as unknown;
      expect(await api('gate-queue')).toEqual(await json('gate', '--queue'));
      expect(await api('gate')).toEqual(await json('gate'));
      const html = await (await d.app.request('/gate?date=2026-09-16')).text();
      expect(html).toContain('The integrated queue');
      expect(html).toMatch(
        /href="https:\/\/review\.opendev\.org\/c\/openstack\/glance\/\+\/998431"/,
      );
      expect(html).toContain('History before past milestones');
    });
  });
});
