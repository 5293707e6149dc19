import { describe, expect, it } from 'vitest';
import { migrate, openStore, type Db } from '../../src/store/db.js';
import { ALL_MIGRATIONS } from '../../src/app/migrations.js';
import { readBuild, type Build } from '../../src/sources/zuul/builds.js';
import { nextMonth, readSeries } from '../../src/sources/zuul/series.js';
import { readGateSeries, upsertBuilds } from '../../src/sources/zuul/store.js';
import { nightlyBuilds } from '../helpers/service-stub.js';

const builds = (raw: unknown[]): Build[] =>
  raw.map((b) => readBuild(b, 'openstack', 'test')).filter((b): b is Build => b !== null);
/** Every stored sequence of the tenant, all months. */
const everything = (db: Db) =>
  readSeries(db, {
    tenant: 'openstack',
    projects: [],
    pipelines: [],
    fromMonth: '2000-01',
    toMonth: '2100-12',
  });
const window = (since: string, until: string) => ({
  tenant: 'openstack',
  projects: [],
  pipelines: [],
  since: `${since}T00:00:00.000Z`,
  until: `${until}T00:00:00.000Z`,
});

describe('per-job build sequences kept at sync time', () => {
  it('follow every write: new builds, a retried attempt, a result that changes', () => {
    const db = openStore(':memory:', ALL_MIGRATIONS);
    const nights = nightlyBuilds({
      firstId: 1,
      firstNight: '2026-09-01',
      nights: 3,
      jobs: ['a-tips', 'b-tips'],
    });
    upsertBuilds(db, builds(nights));
    expect(everything(db).map((s) => [s.jobName, s.results.length])).toEqual([
      ['a-tips', 3],
      ['b-tips', 3],
    ]);
    // the last night's a-tips attempt is retried: it stops counting, its retry counts
    const last = nights.filter((b) => b.job_name === 'a-tips').sort((x, y) => y._id - x._id)[0]!;
    const retry = { ...last, _id: 100, uuid: 'f'.repeat(32), result: 'FAILURE' };
    upsertBuilds(db, builds([{ ...last, final: false, result: 'RETRY' }, retry]));
    const [a] = readGateSeries(db, window('2026-09-01', '2026-09-04')).filter(
      (s) => s.jobName === 'a-tips',
    );
    expect(a!.results).toEqual(['FAILURE', 'SUCCESS', 'SUCCESS']);
    // only the first night in the window, and nothing outside it
    expect(readGateSeries(db, window('2026-09-01', '2026-09-02')).map((s) => s.results)).toEqual([
      ['SUCCESS'],
      ['SUCCESS'],
    ]);
    expect(readGateSeries(db, window('2026-08-01', '2026-09-01'))).toEqual([]);
    db.close();
  });

  it('keeps a chunk per month and joins the chunks a window spans, across a year end too', () => {
    expect([nextMonth('2026-09'), nextMonth('2026-12')]).toEqual(['2026-10', '2027-01']);
    const db = openStore(':memory:', ALL_MIGRATIONS);
    upsertBuilds(
      db,
      builds(
        nightlyBuilds({
          firstId: 1,
          firstNight: '2026-12-29',
          nights: 5,
          jobs: ['y'],
          result: (_j, n) => (n % 2 ? 'FAILURE' : 'SUCCESS'),
        }),
      ),
    );
    const chunks = db.prepare('SELECT month, results FROM zuul_series ORDER BY month').all();
    expect(chunks).toEqual([
      { month: '2026-12', results: '["SUCCESS","FAILURE","SUCCESS"]' },
      { month: '2027-01', results: '["FAILURE","SUCCESS"]' },
    ]);
    expect(readGateSeries(db, window('2026-12-30', '2027-01-03'))[0]!.results).toEqual([
      'SUCCESS',
      'FAILURE',
      'SUCCESS',
      'FAILURE',
    ]);
    expect(readGateSeries(db, window('2027-01-02', '2027-01-03'))[0]!.results).toEqual(['SUCCESS']);
    db.close();
  });

  it('merges a job run in two pipelines into one newest-first series', () => {
    const db = openStore(':memory:', ALL_MIGRATIONS);
    const periodic = nightlyBuilds({
      firstId: 1,
      firstNight: '2026-09-01',
      nights: 2,
      jobs: ['x'],
    });
    const weekly = nightlyBuilds({
      firstId: 50,
      firstNight: '2026-09-01',
      nights: 1,
      jobs: ['x'],
    }).map((b) => ({
      ...b,
      pipeline: 'periodic-weekly',
      start_time: '2026-09-01T12:00:00',
      result: 'TIMED_OUT',
    }));
    upsertBuilds(db, builds([...periodic, ...weekly]));
    const [x] = readGateSeries(db, window('2026-09-01', '2026-09-03'));
    expect(x!.results).toEqual(['SUCCESS', 'TIMED_OUT', 'SUCCESS']);
    db.close();
  });

  it('are filled by the migration from builds stored before it', () => {
    const db = openStore(
      ':memory:',
      ALL_MIGRATIONS.filter((m) => m.id !== 'sources-006-zuul-series'),
    );
    const stmt = db.prepare(
      `INSERT INTO zuul_builds (uuid, zuul_id, tenant, project, branch, pipeline, job_name, result, final, voting, start_time)
       VALUES (?, ?, 'openstack', 'openstack/glance', 'master', 'periodic', 'j', ?, ?, 1, ?)`,
    );
    stmt.run('u1', 1, 'SUCCESS', 1, '2026-09-01T02:00:00.000Z');
    stmt.run('u2', 2, 'RETRY', 0, '2026-09-02T02:00:00.000Z');
    stmt.run('u3', 3, 'FAILURE', 1, '2026-09-02T03:00:00.000Z');
    stmt.run('u4', 4, 'SKIPPED', 1, '2026-09-03T02:00:00.000Z');
    expect(migrate(db, ALL_MIGRATIONS)).toEqual(['sources-006-zuul-series']);
    expect(everything(db)).toEqual([
      {
        pipeline: 'periodic',
        project: 'openstack/glance',
        jobName: 'j',
        branch: 'master',
        starts: [Date.parse('2026-09-01T02:00:00.000Z'), Date.parse('2026-09-02T03:00:00.000Z')],
        results: ['SUCCESS', 'FAILURE'],
        ids: [1, 3],
      },
    ]);
    db.close();
  });
});
