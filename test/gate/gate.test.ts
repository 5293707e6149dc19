import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GateView } from '../../src/gate/plan.js';
import { openStore } from '../../src/store/db.js';
import { ALL_MIGRATIONS } from '../../src/app/migrations.js';
import { runCli, runJson } from '../helpers/cli.js';
import { liveWorkspace } from '../helpers/live-workspace.js';
import { nightlyBuilds, type ServiceStub } from '../helpers/service-stub.js';

const live = liveWorkspace('liaison-gate-', {
  retries: 0,
  'min-interval-ms': 0,
  'timeout-seconds': 1,
});
let stub: ServiceStub;
let db: string;
let config: string;
beforeEach(async () => {
  ({ stub, db, config } = await live.start());
});
afterEach(() => live.stop());
const writeConfig = live.writeConfig;
const args = (date = '2026-09-16') => ['--db', db, '--config', config, '--date', date];
const env = () => ({ ...stub.env() });
const now = new Date('2026-11-27T06:30:00Z');
const sync = () => runCli(['sync', '--only', 'zuul', ...args()], { env: env(), now });
const gate = (...more: string[]) => runCli(['gate', ...args(), ...more], { env: env(), now });

describe('liaison gate', () => {
  it('says there is no data (exit 0, 3 with --strict) before any sync', async () => {
    const r = await gate();
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Zuul: no data — never synced; run `liaison sync`');
    const v = JSON.parse((await gate('--json')).stdout) as GateView;
    expect(v).toMatchObject({ dataAsOf: null, jobs: [], source: { state: 'never' } });
    expect((await gate('--strict')).code).toBe(3);
  });

  it('shows each job with latest result, pass rate, streak, flakiness and log link in the stable JSON shape', async () => {
    await sync();
    const v = await runJson<GateView>(['gate', ...args()], { env: env(), now });
    // the sync ran "on" 2026-09-16 (--date), at the clock's time of day
    expect(v.dataAsOf).toBe('2026-09-16T06:30:00.000Z');
    expect(v.jobs).toHaveLength(12);
    const oslo = v.jobs.find((j) => j.name === 'glance-tox-functional-py313-oslo-tips')!;
    expect(oslo).toMatchObject({
      project: 'openstack/glance',
      branch: 'master',
      latest: 'FAILURE',
      passRate: 0.333,
      streak: { result: 'FAILURE', length: 2 },
      flaky: false,
    });
    expect(oslo.lastLog).toMatch(
      /^https:\/\/storage\.bhs\.cloud\.ovh\.net\/.*\/9a131e92907cc55e8a571591aaf8bd56\/$/,
    );
    expect(v.jobs.find((j) => j.name === 'glance-tox-py313-cursive-tips')!.flaky).toBe(true);
    expect(v.counts).toEqual({ jobs: 12, passing: 9, failing: 3, flaky: 1 });

    const text = (await gate()).stdout;
    expect(text).toContain('Zuul data as of 2026-09-16 06:30 UTC');
    expect(text).toMatch(
      /glance-tox-functional-py313-oslo-tips\s+glance\s+master\s+FAILURE\s+33% of 3\s+2× fail/,
    );
    expect(text).toMatch(
      /glance-tox-py313-cursive-tips\s+glance\s+master\s+SUCCESS\s+67% of 3\s+1× pass\s+flaky/,
    );
    expect(text).toContain(
      'glance-tox-functional-py313-oslo-tips (master) failing since 2026-09-15 02:00 UTC: https://storage.bhs',
    );
  });

  it('writes the meeting paragraph for IRC and Markdown', async () => {
    await sync();
    const irc = (await gate('--format', 'irc')).stdout.trimEnd().split('\n');
    expect(irc[0]).toBe(
      'Periodic jobs (last 14 days, data as of 2026-09-16 06:30 UTC): 12 jobs, 3 failing, 1 flaky.',
    );
    expect(irc).toContain(
      '- glance-tox-functional-py313-oslo-tips (master) FAILURE, failing 2 runs in a row since 2026-09-15: ' +
        'https://storage.bhs.cloud.ovh.net/v1/AUTH_dcaab5e32b234d56b626f72581e3644c/zuul_opendev_logs_7db/openstack/7db7b4de000079ae38242d51dec91ae0/',
    );
    expect(irc.at(-1)).toBe(
      '- glance-tox-py313-cursive-tips (master) is flaky: 67% pass over 3 runs',
    );
    const md = (await gate('--format', 'md')).stdout;
    expect(md).toContain(
      '- glance-multistore-cinder-import-fips (master): **POST\\_FAILURE**, failing 2 runs in a row since 2026-09-15 ([first failure](https://',
    );
    expect((await gate('--format', 'html')).code).toBe(2);
  });

  it('honours --days and the configured job list', async () => {
    await sync();
    const one = await runJson<GateView>(['gate', ...args(), '--days', '1'], { env: env(), now });
    expect(one.since).toBe('2026-09-16');
    expect(one.jobs.find((j) => j.name === 'glance-tox-functional-py313-oslo-tips')).toMatchObject({
      passRate: 0,
      streak: { length: 1 },
    });
    expect((await gate('--days', '0')).stderr).toContain(
      '--days: expected a whole number from 1 to 365',
    );
    config = writeConfig(
      'gate:\n  jobs: [glance-tox-py313-keystone-tips, glance-tox-py313-no-such-tips]\n',
    );
    const v = await runJson<GateView>(['gate', ...args()], { env: env(), now });
    expect(v.jobs.map((j) => j.name)).toEqual(['glance-tox-py313-keystone-tips']);
    expect(v.missing).toEqual(['glance-tox-py313-no-such-tips']);
  });

  it('shows stored data as stale when Zuul is down, and old data as stale later', async () => {
    await sync();
    stub.fault({ path: /\/builds$/, kind: 'status', status: 503 });
    await runCli(['sync', '--only', 'zuul', ...args('2026-09-17')], { env: env(), now });
    const r = await runCli(['gate', ...args('2026-09-17')], { env: env(), now });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Zuul: stale since 2026-09-16 06:30 UTC — last sync 2026-09-17 06:30 UTC failed: .*answered HTTP 503/,
    );
    expect(r.stdout).toMatch(/glance-tox-functional-py313-oslo-tips\s+glance\s+master\s+FAILURE/);
    expect(
      (await runCli(['gate', '--strict', ...args('2026-09-17')], { env: env(), now })).code,
    ).toBe(3);

    stub.clearFaults();
    await sync();
    const later = await runJson<GateView>(['gate', ...args('2026-09-25')], { env: env(), now });
    expect(later.source).toMatchObject({ state: 'stale', ageDays: 9 });
    expect(later.source.line).toBe(
      'Zuul: stale since 2026-09-16 06:30 UTC (9 days old); run `liaison sync`',
    );
  });

  it('stores hostile strings as received and shows them as inert text', async () => {
    const nasty = `<script>alert(1)</script>\u001b[31mred\r\u0007${'x'.repeat(1_000_000)}`;
    const [build] = nightlyBuilds({
      firstId: 52731700,
      firstNight: '2026-09-16',
      nights: 1,
      jobs: [nasty],
      result: () => 'FAILURE',
    });
    stub.addBuilds([{ ...build!, log_url: 'javascript:alert(1)', error_detail: '<b>bold</b>' }]);
    const s = await sync();
    expect(s.code).toBe(0);
    const store = openStore(db, ALL_MIGRATIONS);
    const row = store
      .prepare('SELECT job_name FROM zuul_builds WHERE zuul_id = 52731700')
      .get() as { job_name: string };
    store.close();
    expect(row.job_name).toBe(nasty);

    const v = await runJson<GateView>(['gate', ...args()], { env: env(), now });
    const job = v.jobs.find((j) => j.name === nasty)!;
    expect(job.lastLog).toBe(job.lastBuild);
    expect(job.lastLog).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/zuul\/t\/openstack\/build\/[0-9a-f]{32}$/,
    );

    const text = (await gate()).stdout;
    expect(text).not.toContain('\u001b');
    expect(text).not.toContain('\r');
    expect(text).toContain('<script>alert(1)</script>\\x1b[31mred\\x0d\\x07xxx');
    expect(text.length).toBeLessThan(20_000);
    expect(text).not.toContain('javascript:');
  });
});
