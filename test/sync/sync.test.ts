import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Context } from '../../src/cli/context.js';
import { main } from '../../src/cli/main.js';
import type { SourceEntry } from '../../src/sources/registry.js';
import { runSync, type SyncView } from '../../src/sync/apply.js';
import { openStore } from '../../src/store/db.js';
import { ALL_MIGRATIONS } from '../../src/app/migrations.js';
import { runCli } from '../helpers/cli.js';
import { TestRepo } from '../helpers/git-repo.js';
import { liveWorkspace } from '../helpers/live-workspace.js';
import { nightlyBuilds, type ServiceStub } from '../helpers/service-stub.js';

const live = liveWorkspace('liaison-sync-', {
  retries: 1,
  'retry-delay-ms': 10,
  'min-interval-ms': 0,
  'timeout-seconds': 1,
});
let stub: ServiceStub;
let dir: string;
let db: string;
let config: string;
beforeEach(async () => {
  ({ stub, dir, db, config } = await live.start());
});
afterEach(() => live.stop());
const writeConfig = live.writeConfig;

const args = (...more: string[]) => [
  ...more,
  '--db',
  db,
  '--config',
  config,
  '--date',
  '2026-09-16',
];
async function sync(...more: string[]): Promise<SyncView & { code: number }> {
  const r = await runCli(args('sync', '--only', 'zuul', '--json', ...more), { env: stub.env() });
  expect(r.stderr).toBe('');
  return { ...(JSON.parse(r.stdout) as SyncView), code: r.code };
}
const zuulOf = (v: SyncView) => v.sources.find((s) => s.name === 'zuul')!;
const storedBuilds = () => {
  const d = openStore(db, ALL_MIGRATIONS);
  try {
    return (d.prepare('SELECT count(*) AS n FROM zuul_builds').get() as { n: number }).n;
  } finally {
    d.close();
  }
};

describe('liaison sync: Zuul builds through the loopback stand-in', () => {
  it('stores the builds, then makes one conditional request when nothing is new, then only what is new', async () => {
    const first = await sync();
    expect(zuulOf(first)).toMatchObject({
      status: 'updated',
      summary: '31 new builds',
      requests: 1,
      error: null,
    });
    expect(storedBuilds()).toBe(31);
    const q = stub.requests[0]!.query;
    expect(q.getAll('project')).toEqual(
      expect.arrayContaining([
        'openstack/glance',
        'openstack/glance_store',
        'openstack/python-glanceclient',
      ]),
    );
    expect([q.get('pipeline'), q.get('complete'), q.get('exclude_result')]).toEqual([
      'periodic',
      'true',
      'SKIPPED',
    ]);

    const second = await sync();
    expect(zuulOf(second)).toMatchObject({
      status: 'unchanged',
      summary: 'nothing new',
      requests: 1,
    });
    expect(stub.requests.at(-1)!.status).toBe(304);

    stub.addBuilds(
      nightlyBuilds({
        firstId: 52731600,
        firstNight: '2026-09-17',
        nights: 1,
        jobs: ['glance-tox-py313-oslo-tips', 'openstack-tox-py312'],
      }),
    );
    const third = await sync();
    expect(zuulOf(third)).toMatchObject({
      status: 'updated',
      summary: '2 new builds',
      requests: 1,
    });
    expect(storedBuilds()).toBe(33);
  });

  it('pages back by idx_max on the first sync and stops at known builds afterwards', async () => {
    config = writeConfig('gate:\n  page-size: 10\n');
    expect(zuulOf(await sync())).toMatchObject({ summary: '31 new builds', requests: 4 });
    stub.addBuilds(
      nightlyBuilds({
        firstId: 52731600,
        firstNight: '2026-09-17',
        nights: 1,
        jobs: ['a-tips', 'b-tips', 'c-tips'],
      }),
    );
    const before = stub.requests.length;
    expect(zuulOf(await sync())).toMatchObject({ summary: '3 new builds', requests: 1 });
    expect(stub.requests.slice(before).map((r) => r.query.get('idx_max'))).toEqual([null]);
  });

  it('stops at the history horizon on a first sync of a long history', async () => {
    config = writeConfig('gate:\n  page-size: 50\n  history-days: 10\n');
    stub.zuul.builds = nightlyBuilds({
      firstId: 1000,
      firstNight: '2026-06-01',
      nights: 108,
      jobs: ['a-tips', 'b-tips', 'c-tips'],
    });
    const v = await sync();
    // 10 days of 3 builds fit in one page of 50: the second page is not needed
    expect(zuulOf(v).requests).toBe(1);
    expect(storedBuilds()).toBe(50);
  });

  it('reports a failing source, keeps its data, exits 0 (3 with --strict) and works again afterwards', async () => {
    await sync();
    stub.fault({ path: /\/builds$/, kind: 'status', status: 500 });
    const failed = await sync();
    expect(failed.code).toBe(0);
    expect(zuulOf(failed)).toMatchObject({ status: 'failed', requests: 2 });
    expect(zuulOf(failed).error).toMatch(/answered HTTP 500/);
    expect(zuulOf(failed).summary).toMatch(/^kept the data of 2026-09-16 /);
    expect((await sync('--strict')).code).toBe(3);
    expect(storedBuilds()).toBe(31);

    const text = await runCli(args('sync', '--only', 'zuul'), { env: stub.env() });
    expect(text.stdout).toMatch(
      /✗\s+zuul\s+2 requests\s+failed: 127\.0\.0\.1:\d+\/zuul\/api\/tenant\/openstack\/builds answered HTTP 500/,
    );
    expect(text.stdout).toContain('1 source failed; views show their previous data as stale.');

    stub.clearFaults();
    expect(zuulOf(await sync())).toMatchObject({ status: 'unchanged', error: null });
  });

  it.each([
    ['a timeout', 'hang', /did not answer within 1 s/],
    ['truncated JSON', 'truncate', /expected JSON, got malformed or truncated JSON/],
    ['an HTML error page', 'html', /expected JSON, got an HTML page/],
  ] as const)('survives %s', async (_name, kind, message) => {
    stub.fault({ path: /\/builds$/, kind });
    const v = await sync();
    expect(v.code).toBe(0);
    expect(zuulOf(v).status).toBe('failed');
    expect(zuulOf(v).error).toMatch(message);
    expect(storedBuilds()).toBe(0);
    const d = openStore(db, ALL_MIGRATIONS);
    expect(d.prepare('SELECT count(*) AS n FROM http_cache').get()).toEqual({ n: 0 });
    d.close();
  });

  it('rejects an unknown --only name as a usage error', async () => {
    const r = await runCli(args('sync', '--only', 'jenkins'), { env: stub.env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--only jenkins: unknown source; expected zuul, .*git/);
  });

  it('refuses a base URL that is not http(s), naming where it came from', async () => {
    const r = await runCli(args('sync', '--only', 'zuul'), {
      env: { ...stub.env(), LIAISON_ZUUL_URL: 'ftp://zuul.example.org' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'liaison: LIAISON_ZUUL_URL: expected an http(s) URL, got "ftp://zuul.example.org"\n',
    );
    config = writeConfig('  zuul:\n    url: zuul.example.org\n');
    const bad = await runCli(args('sync', '--only', 'zuul'), { env: {} });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /liaison\.yaml:\d+: sources\.zuul\.url: expected an http\(s\) base URL without query/,
    );
  });

  it('prints progress on a terminal only, and nothing under --json', async () => {
    let err = '';
    const io = (isTTY: boolean) => ({
      stdout: () => undefined,
      stderr: (t: string) => (err += t),
      env: { NO_COLOR: '1', ...stub.env() },
      cwd: dir,
      now: () => new Date('2026-09-16T07:00:00Z'),
      isTTY,
    });
    await main(args('sync', '--only', 'zuul'), io(true));
    expect(err).toMatch(
      /^zuul: syncing Zuul periodic builds…\nzuul: page 1, 31 builds\nzuul: 31 new builds\n$/,
    );
    err = '';
    await main(args('sync', '--only', 'zuul', '--json'), io(true));
    await main(args('sync', '--only', 'zuul'), io(false));
    const ci = io(true);
    await main(args('sync', '--only', 'zuul'), { ...ci, env: { ...ci.env, CI: 'true' } });
    expect(err).toBe('');
  });
});

describe('sync runner', () => {
  it('goes on with the other sources when one throws, and records each outcome', async () => {
    const broken: SourceEntry = {
      name: 'broken',
      load: () =>
        Promise.resolve({
          name: 'broken',
          title: 'always fails',
          sync: () => Promise.reject(new Error('boom')),
        }),
    };
    const { zuulSource } = await import('../../src/sources/zuul/source.js');
    const ctx = new Context(
      { db, config, date: '2026-09-16' },
      {
        stdout: () => undefined,
        stderr: () => undefined,
        env: stub.env(),
        cwd: dir,
        now: () => new Date('2026-09-16T07:00:00Z'),
        isTTY: false,
      },
    );
    try {
      const view = await runSync(ctx, {
        only: ['services'],
        sources: [broken, { name: 'zuul', load: () => Promise.resolve(zuulSource) }],
      });
      expect(view.sources.map((s) => [s.name, s.status])).toEqual([
        ['broken', 'failed'],
        ['zuul', 'updated'],
      ]);
      expect(view.sources[0]!.error).toBe('internal error (a bug in release-liaison): boom');
      const rows = (await ctx.store())
        .prepare('SELECT source, last_status, last_success_at FROM source_sync ORDER BY source')
        .all();
      expect(rows).toEqual([
        { source: 'broken', last_status: 'failed', last_success_at: null },
        { source: 'zuul', last_status: 'ok', last_success_at: '2026-09-16T07:00:00.000Z' },
      ]);
    } finally {
      ctx.close();
    }
  });
});

describe('sync of git checkouts', () => {
  it("fetches the team's clones, skips one without remote, reports a broken one, and still syncs Zuul", async () => {
    const upstream = TestRepo.create();
    upstream.commit('initial', { 'README.rst': 'glance\n' });
    const clones = join(dir, 'clones');
    execFileSync('git', ['clone', '-q', upstream.dir, join(clones, 'glance')]);
    TestRepo.create().commit('x'); // unrelated repo: must not be touched
    const local = new TestRepo(join(clones, 'glance_store'));
    execFileSync('git', ['init', '-q', local.dir]);
    const broken = join(clones, 'python-glanceclient');
    execFileSync('git', ['clone', '-q', upstream.dir, broken]);
    execFileSync('git', ['-C', broken, 'remote', 'set-url', 'origin', join(dir, 'gone')]);
    config = writeConfig(`clones-dir: ${clones}\n`);
    const newSha = upstream.commit('upstream moves on');
    stub.fault({ path: /\/builds$/, kind: 'status', status: 500 });

    const r = await runCli(args('sync', '--only', 'zuul,git', '--json'), { env: stub.env() });
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout) as SyncView;
    const by = Object.fromEntries(v.sources.map((s) => [s.name, s]));
    expect(by.zuul!.status).toBe('failed');
    expect(by['git:clone:glance']).toMatchObject({ status: 'updated' });
    expect(
      execFileSync('git', ['-C', join(clones, 'glance'), 'rev-parse', 'origin/master'], {
        encoding: 'utf8',
      }).trim(),
    ).toBe(newSha);
    expect(by['git:clone:glance_store']).toMatchObject({
      status: 'skipped',
      summary: 'no remote to fetch from',
    });
    expect(by['git:clone:python-glanceclient']!.status).toBe('failed');
    expect(by['git:clone:python-glanceclient']!.error).toMatch(
      /git fetch failed in .*python-glanceclient/,
    );

    const again = JSON.parse(
      (await runCli(args('sync', '--only', 'git', '--json'), { env: stub.env() })).stdout,
    ) as SyncView;
    expect(again.sources.find((s) => s.name === 'git:clone:glance')).toMatchObject({
      status: 'unchanged',
    });
    expect(
      (await runCli(args('sync', '--only', 'git', '--strict'), { env: stub.env() })).code,
    ).toBe(3);
  });

  it("writes git's commit-graph into a project clone after a fetch, and a failed write never fails the sync", async () => {
    const upstream = TestRepo.create();
    upstream.commit('initial', { 'releasenotes/notes/a.yaml': 'features:\n  - a\n' });
    const clones = join(dir, 'clones');
    const glance = join(clones, 'glance');
    const store = join(clones, 'glance_store');
    execFileSync('git', ['clone', '-q', upstream.dir, glance]);
    execFileSync('git', ['clone', '-q', upstream.dir, store]);
    const gitPath = (repo: string, p: string) =>
      join(
        repo,
        execFileSync('git', ['-C', repo, 'rev-parse', '--git-path', p], {
          encoding: 'utf8',
        }).trim(),
      );
    // git takes a lock file next to the graph: one that exists already makes the write fail
    mkdirSync(gitPath(store, 'objects/info/commit-graph.lock'), { recursive: true });
    config = writeConfig(`clones-dir: ${clones}\n`);
    const sha = upstream.commit('upstream moves on', {
      'releasenotes/notes/b.yaml': 'fixes:\n  - b\n',
    });

    const r = await runCli(args('sync', '--only', 'git', '--json'), { env: stub.env() });
    expect(r.code).toBe(0);
    const by = Object.fromEntries(
      (JSON.parse(r.stdout) as SyncView).sources.map((s) => [s.name, s]),
    );
    expect(by['git:clone:glance']).toMatchObject({ status: 'updated', error: null });
    expect(by['git:clone:glance']!.summary).toMatch(/; commit-graph written$/);
    const graph = gitPath(glance, 'objects/info/commit-graph');
    expect(existsSync(graph)).toBe(true);
    // with changed-path (Bloom) filters, which is what path-limited logs use
    expect(readFileSync(graph).includes('BIDX')).toBe(true);
    execFileSync('git', ['-C', glance, 'commit-graph', 'verify']);
    // the failed write: the fetch still counts, nothing about a graph is claimed
    expect(by['git:clone:glance_store']).toMatchObject({ status: 'updated', error: null });
    expect(by['git:clone:glance_store']!.summary).not.toMatch(/commit-graph/);
    expect(existsSync(gitPath(store, 'objects/info/commit-graph'))).toBe(false);
    expect(
      execFileSync('git', ['-C', store, 'rev-parse', 'origin/master'], { encoding: 'utf8' }).trim(),
    ).toBe(sha);

    // nothing fetched and a graph present: not written again
    const before = statSync(graph).mtimeMs;
    const again = JSON.parse(
      (await runCli(args('sync', '--only', 'git', '--json'), { env: stub.env() })).stdout,
    ) as SyncView;
    const g = again.sources.find((s) => s.name === 'git:clone:glance')!;
    expect(g).toMatchObject({ status: 'unchanged' });
    expect(g.summary).not.toMatch(/commit-graph/);
    expect(statSync(graph).mtimeMs).toBe(before);
  });

  it('fetches the releases and governance checkouts given on the command line or in the environment', async () => {
    const releases = TestRepo.create();
    releases.commit('releases', { 'README.rst': 'releases\n' });
    const governance = TestRepo.create();
    governance.commit('governance', { 'README.rst': 'governance\n' });
    const rClone = join(dir, 'releases');
    const gClone = join(dir, 'governance');
    execFileSync('git', ['clone', '-q', releases.dir, rClone]);
    execFileSync('git', ['clone', '-q', governance.dir, gClone]);
    const sha = releases.commit('new deliverable file');
    const r = await runCli(args('sync', '--only', 'git', '--json', '--releases-repo', rClone), {
      env: { ...stub.env(), LIAISON_GOVERNANCE_REPO: gClone },
    });
    const v = JSON.parse(r.stdout) as SyncView;
    expect(v.sources.map((s) => [s.name, s.status])).toEqual([
      ['git:releases', 'updated'],
      ['git:governance', 'unchanged'],
    ]);
    expect(
      execFileSync('git', ['-C', rClone, 'rev-parse', 'origin/master'], {
        encoding: 'utf8',
      }).trim(),
    ).toBe(sha);
    // the work tree is left alone: only remote-tracking refs move
    expect(
      execFileSync('git', ['-C', rClone, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim(),
    ).not.toBe(sha);
    expect(stub.requests).toHaveLength(0);
  });
});
