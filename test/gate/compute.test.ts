import { describe, expect, it } from 'vitest';
import { computeGateJobs, linkedBuilds, wantedSeries } from '../../src/gate/plan.js';
import { openStore } from '../../src/store/db.js';
import { ALL_MIGRATIONS } from '../../src/app/migrations.js';
import { readBuild, type Build } from '../../src/sources/zuul/builds.js';
import { readBuildRefs, readGateSeries, upsertBuilds } from '../../src/sources/zuul/store.js';
import { nightlyBuilds, sampleJson } from '../helpers/service-stub.js';

const opts = { zuulBase: 'https://zuul.opendev.org', tenant: 'openstack' };

/** Through a real (in-memory) SQLite store, as `liaison gate` reads it. */
function computeGate(builds: readonly Build[], jobs: readonly string[] | null = null) {
  const db = openStore(':memory:', ALL_MIGRATIONS);
  try {
    upsertBuilds(db, builds);
    const series = wantedSeries(
      readGateSeries(db, {
        tenant: 'openstack',
        projects: [],
        pipelines: [],
        since: '2000-01-01T00:00:00.000Z',
        until: '2100-01-01T00:00:00.000Z',
      }),
      jobs,
    );
    return computeGateJobs(series, readBuildRefs(db, linkedBuilds(series)), opts);
  } finally {
    db.close();
  }
}
const read = (raw: unknown[]): Build[] =>
  raw
    .map((b) => readBuild(b, 'openstack', 'test'))
    .filter((b): b is Build => b !== null)
    .sort((a, b) => b.startTime.localeCompare(a.startTime));
const recorded = () => read(sampleJson('zuul-builds-periodic-glance.json') as unknown[]);

describe('gate computation over the recorded periodic builds', () => {
  const jobs = computeGate(recorded());
  const job = (name: string) => jobs.find((j) => j.name === name)!;

  it('groups by job and branch, leaving out the superseded RETRY attempt', () => {
    expect(jobs).toHaveLength(12);
    // 4 rows in the sample, one of them the non-final RETRY of 2026-09-14
    expect(job('glance-tox-functional-py313-oslo-tips')).toMatchObject({
      project: 'openstack/glance',
      branch: 'master',
      latest: 'FAILURE',
      runs: 3,
      passRate: 0.333,
      streak: { result: 'FAILURE', length: 2 },
      flaky: false,
      history: ['SUCCESS', 'FAILURE', 'FAILURE'],
    });
  });

  it('gives the first failure of the current failing streak with its log link', () => {
    const f = job('glance-tox-functional-py313-oslo-tips').failingSince!;
    expect(f.at).toBe('2026-09-15T02:00:41.000Z');
    expect(f.log).toMatch(
      /^https:\/\/storage\.bhs\.cloud\.ovh\.net\/.*\/7db7b4de000079ae38242d51dec91ae0\/$/,
    );
    expect(f.build).toBe(
      'https://zuul.opendev.org/t/openstack/build/7db7b4de000079ae38242d51dec91ae0',
    );
    expect(job('glance-tox-py313-keystone-tips').failingSince).toBeNull();
  });

  it('counts every non-SUCCESS final result as a failure (POST_FAILURE, RETRY_LIMIT, TIMED_OUT, NODE_FAILURE)', () => {
    expect(job('glance-multistore-cinder-import-fips')).toMatchObject({
      latest: 'POST_FAILURE',
      passRate: 0,
      streak: { result: 'FAILURE', length: 2 },
    });
    expect(job('glance-multistore-cinder-import-fips').failingSince!.result).toBe('RETRY_LIMIT');
    expect(job('tempest-integrated-storage-rbac-old-defaults')).toMatchObject({
      latest: 'TIMED_OUT',
      passRate: 0.5,
    });
  });

  it('marks alternating results as flaky', () => {
    expect(job('glance-tox-py313-cursive-tips')).toMatchObject({
      latest: 'SUCCESS',
      flaky: true,
      flips: 2,
      history: ['SUCCESS', 'NODE_FAILURE', 'SUCCESS'],
      streak: { result: 'SUCCESS', length: 1 },
    });
    // the NODE_FAILURE build had no logs: lastLog falls back to the build page for the latest build only
    expect(job('glance-tox-py313-cursive-tips').lastLog).toMatch(/^https:\/\/storage\./);
  });

  it('puts failing jobs first (longest streak first), then flaky ones', () => {
    expect(jobs.slice(0, 4).map((j) => [j.name, j.streak.result, j.flaky])).toEqual([
      ['glance-multistore-cinder-import-fips', 'FAILURE', false],
      ['glance-tox-functional-py313-oslo-tips', 'FAILURE', false],
      ['tempest-integrated-storage-rbac-old-defaults', 'FAILURE', false],
      ['glance-tox-py313-cursive-tips', 'SUCCESS', true],
    ]);
  });

  it('limits to configured jobs', () => {
    expect(computeGate(recorded(), ['openstack-tox-py312']).map((j) => j.name)).toEqual([
      'openstack-tox-py312',
    ]);
  });
});

describe('gate computation rules', () => {
  it('ignores SKIPPED, keeps branches apart, and never links a non-http log URL', () => {
    const master = nightlyBuilds({
      firstId: 1,
      firstNight: '2026-09-01',
      nights: 4,
      jobs: ['x-tips'],
      result: (_j, n) => (n === 2 ? 'SKIPPED' : 'SUCCESS'),
    });
    const stable = nightlyBuilds({
      firstId: 100,
      firstNight: '2026-09-01',
      nights: 2,
      jobs: ['x-tips'],
      branch: 'stable/2026.2',
      result: () => 'FAILURE',
    }).map((b) => ({ ...b, log_url: 'javascript:alert(1)' }));
    const jobs = computeGate(read([...master, ...stable]));
    expect(jobs.map((j) => [j.branch, j.runs, j.latest])).toEqual([
      ['stable/2026.2', 2, 'FAILURE'],
      ['master', 3, 'SUCCESS'],
    ]);
    expect(jobs[0]!.lastLog).toBe(jobs[0]!.lastBuild);
    expect(jobs[0]!.failingSince!.log).toBeNull();
  });

  it('keeps any stored result string intact and orders builds of the same start by Zuul id', () => {
    const hostile = 'FAIL","x\u0000,]\n<b>';
    const [older, newer] = nightlyBuilds({
      firstId: 1,
      firstNight: '2026-09-01',
      nights: 2,
      jobs: ['z'],
    }).sort((x, y) => x._id - y._id);
    const builds = read([
      { ...older!, result: 'SUCCESS' },
      { ...newer!, start_time: older!.start_time, result: hostile },
    ]);
    const [job] = computeGate(builds);
    // the higher Zuul id is the newer build although both started at the same second
    expect(job).toMatchObject({ latest: hostile, history: ['SUCCESS', hostile], runs: 2 });
    expect(job!.failingSince!.result).toBe(hostile);
  });

  it('reads project and branch from the top level for older Zuul servers', () => {
    const old = {
      ...nightlyBuilds({ firstId: 1, firstNight: '2026-09-01', nights: 1, jobs: ['y'] })[0]!,
      project: 'openstack/glance_store',
      branch: 'master',
    };
    delete (old as Record<string, unknown>).ref;
    expect(read([old])[0]).toMatchObject({ project: 'openstack/glance_store', branch: 'master' });
  });
});
