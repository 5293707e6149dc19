import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { runCli } from '../helpers/cli.js';
import { TestRepo } from '../helpers/git-repo.js';
import { GOVERNANCE_DIR, RELEASES_DIR } from '../helpers/shared-data.js';
import { tempDir } from '../helpers/tmp.js';
import { testDashboard } from '../web/dashboard.js';

/**
 * `liaison sync` keeps checkouts of openstack/releases and governance in
 * the data directory; the remotes here are local bare repositories made
 * from the shared data (real git, no network).
 */

interface Warning {
  kind: string;
  source: string;
  origin: string;
  asOf: string | null;
  ageDays: number | null;
  hint: string;
  error: string | null;
}
interface Report {
  name: string;
  status: string;
  summary: string;
  error: string | null;
  lastSuccessAt: string | null;
}

/** A work repository with some of the shared files, and a bare clone of it to serve as the remote. */
function origin(root: string, paths: readonly string[]): { work: TestRepo; bare: string } {
  const work = TestRepo.create();
  for (const p of paths) {
    mkdirSync(join(work.dir, p, '..'), { recursive: true });
    cpSync(join(root, p), join(work.dir, p), { recursive: true });
  }
  work.commit('data as of the test');
  const bare = join(tempDir('liaison-remote-'), 'remote.git');
  execFileSync('git', ['clone', '-q', '--bare', work.dir, bare]);
  work.git('remote', 'add', 'origin', bare);
  return { work, bare };
}

function setup() {
  const releases = origin(RELEASES_DIR, [
    'data/series_status.yaml',
    'doc/source/hibiscus',
    'doc/source/indri',
    'doc/source/gazpacho',
    'deliverables/hibiscus',
  ]);
  const governance = origin(GOVERNANCE_DIR, ['reference', 'goals']);
  const home = tempDir('liaison-data-home-');
  const dir = tempDir('liaison-cfg-');
  const config = join(dir, 'liaison.yaml');
  const write = (releasesUrl: string) => {
    writeFileSync(
      config,
      `team: glance\nsources:\n  releases:\n    url: ${releasesUrl}\n  governance:\n    url: file://${governance.bare}\n`,
    );
  };
  write(`file://${releases.bare}`);
  const env = { XDG_DATA_HOME: home };
  const run = (args: string[]) => runCli([...args, '--config', config], { env });
  const json = async <T>(args: string[]): Promise<T> => {
    const r = await run([...args, '--json']);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as T;
  };
  const checkout = join(home, 'release-liaison', 'checkouts', 'openstack-releases');
  return { releases, governance, home, config, write, env, run, json, checkout };
}

describe('liaison sync keeps the releases and governance checkouts', () => {
  it('clones on the first sync (governance shallow), then fetches; commands use them', async () => {
    const t = setup();
    const first = await t.json<{ sources: Report[] }>([
      'sync',
      '--only',
      'data',
      '--date',
      '2026-09-24',
    ]);
    expect(first.sources.map((s) => [s.name, s.status])).toEqual([
      ['releases', 'updated'],
      ['governance', 'updated'],
    ]);
    expect(first.sources[0]?.summary).toMatch(/^cloned file:\/\//);
    expect(existsSync(join(t.checkout, 'data/series_status.yaml'))).toBe(true);
    const govDir = join(t.home, 'release-liaison', 'checkouts', 'openstack-governance');
    expect(
      execFileSync('git', ['-C', govDir, 'rev-parse', '--is-shallow-repository'], {
        encoding: 'utf8',
      }).trim(),
    ).toBe('true');

    // the commits are of 2026-01-05, the fetch of 2026-09-24: the data is current, no warning
    const b = await t.json<{ dataSource: string; dataWarnings: Warning[] }>([
      'brief',
      '--date',
      '2026-09-24',
    ]);
    // sync compiled the fetched commit once: commands read no more YAML than on the snapshot
    expect(existsSync(join(t.checkout, '..', 'openstack-releases.compiled.json'))).toBe(true);
    expect(b.dataSource).toContain(
      `releases: checkout kept by liaison sync ${t.releases.work.head().slice(0, 10)} of 2026-01-05`,
    );
    expect(b.dataSource).toContain('governance: checkout kept by liaison sync');
    expect(b.dataWarnings).toEqual([]);

    // a new release upstream: the next sync brings it, the status shows it
    const file = 'deliverables/hibiscus/glance.yaml';
    const text = readFileSync(join(t.releases.work.dir, file), 'utf8');
    t.releases.work.commit('Release glance 33.0.0.0rc1', {
      [file]: `${text}  - version: 33.0.0.0rc1\n    projects:\n      - repo: openstack/glance\n        hash: ${'a'.repeat(40)}\n`,
    });
    t.releases.work.git('push', '-q', 'origin', 'HEAD:master');
    const second = await t.json<{ sources: Report[] }>([
      'sync',
      '--only',
      'releases',
      '--date',
      '2026-09-25',
    ]);
    expect(second.sources[0]).toMatchObject({ name: 'releases', status: 'updated' });
    const again = await t.json<{ sources: Report[] }>([
      'sync',
      '--only',
      'releases',
      '--date',
      '2026-09-25',
    ]);
    expect(again.sources[0]?.status).toBe('unchanged');
    const status = await t.json<{
      deliverables: { name: string; latestInSeries: { version: string } | null }[];
    }>(['release', 'status', '--date', '2026-09-25']);
    expect(status.deliverables.find((d) => d.name === 'glance')?.latestInSeries?.version).toBe(
      '33.0.0.0rc1',
    );
  });

  it('warns when the kept data is older than --date by more than 7 days, and says to sync', async () => {
    const t = setup();
    await t.json(['sync', '--only', 'data', '--date', '2026-09-24']);
    const b = await t.json<{ dataWarnings: Warning[] }>(['brief', '--date', '2026-10-10']);
    expect(b.dataWarnings).toContainEqual(
      expect.objectContaining({
        kind: 'old',
        source: 'openstack/releases',
        origin: 'managed',
        asOf: '2026-09-24',
        ageDays: 16,
        hint: 'liaison sync',
      }),
    );
    const text = await t.run(['brief', '--date', '2026-10-10']);
    expect(text.stdout.split('\n')[0]).toMatch(
      /^warning: openstack\/releases and openstack\/governance data are from 2026-09-24 .*16 days before 2026-10-10.*`liaison sync`/,
    );
    // a view of a day before the data was taken does not warn
    const past = await t.json<{ dataWarnings: Warning[] }>(['brief', '--date', '2026-09-01']);
    expect(past.dataWarnings).toEqual([]);
  });

  it('a failed fetch keeps the checkout and marks the views stale, never broken', async () => {
    const t = setup();
    await t.json(['sync', '--only', 'data', '--date', '2026-09-24']);
    renameSync(t.releases.bare, `${t.releases.bare}.gone`);
    const r = await t.run(['sync', '--only', 'releases', '--date', '2026-09-26', '--json']);
    expect(r.code).toBe(0);
    const failed = (JSON.parse(r.stdout) as { sources: Report[] }).sources[0];
    expect(failed).toMatchObject({ name: 'releases', status: 'failed' });
    expect(failed?.summary).toBe('kept the checkout of 2026-09-24');
    expect(failed?.lastSuccessAt?.slice(0, 10)).toBe('2026-09-24');
    expect((await t.run(['sync', '--only', 'releases', '--strict'])).code).toBe(3);

    const b = await t.json<{ dataWarnings: Warning[]; dataSource: string }>([
      'brief',
      '--date',
      '2026-09-26',
    ]);
    expect(b.dataSource).toContain('checkout kept by liaison sync');
    const stale = b.dataWarnings.find((w) => w.kind === 'stale');
    expect(stale).toMatchObject({ source: 'openstack/releases', asOf: '2026-09-24' });
    expect(stale?.error).toMatch(/git fetch failed/);
    const page = await t.run(['site', 'build', join(tempDir(), 'site'), '--date', '2026-09-26']);
    expect(page.code, page.stderr).toBe(0);
  });

  it('--offline touches no remote and reports what is kept', async () => {
    const t = setup();
    await t.json(['sync', '--only', 'data', '--date', '2026-09-24']);
    renameSync(t.releases.bare, `${t.releases.bare}.gone`);
    const off = await t.json<{ sources: Report[]; failed: number }>([
      'sync',
      '--offline',
      '--date',
      '2026-09-30',
    ]);
    expect(off.failed).toBe(0);
    expect(off.sources.every((s) => s.status === 'skipped')).toBe(true);
    expect(off.sources.find((s) => s.name === 'releases')?.summary).toMatch(
      /^offline: kept the data of 2026-09-24/,
    );
  });

  it('an explicit --releases-repo wins: the managed releases checkout is neither made nor used', async () => {
    const t = setup();
    const mine = join(tempDir(), 'releases');
    execFileSync('git', ['clone', '-q', t.releases.bare, mine]);
    const s = await t.json<{ sources: Report[] }>([
      'sync',
      '--only',
      'data',
      '--releases-repo',
      mine,
    ]);
    expect(s.sources[0]).toMatchObject({ name: 'releases', status: 'skipped' });
    expect(existsSync(t.checkout)).toBe(false);
    // a fresh clone: its data is as old as the clone, not as its 2026-01-05 commit
    const today = new Date().toISOString().slice(0, 10);
    const b = await t.json<{ dataSource: string; dataWarnings: Warning[] }>([
      'brief',
      '--releases-repo',
      mine,
      '--date',
      today,
    ]);
    expect(b.dataSource).toContain(`releases: checkout ${t.releases.work.head().slice(0, 10)}`);
    expect(b.dataWarnings.filter((w) => w.kind !== 'fallback')).toEqual([]);
    // an older commit checked out on purpose is as old as that commit
    const older = t.releases.work.commit('later change');
    t.releases.work.git('push', '-q', 'origin', 'HEAD:master');
    execFileSync('git', ['-C', mine, 'pull', '-q', '--ff-only']);
    execFileSync('git', ['-C', mine, 'checkout', '-q', `${older}~1`]);
    const old = await t.json<{ dataWarnings: Warning[] }>([
      'brief',
      '--releases-repo',
      mine,
      '--date',
      '2026-03-01',
    ]);
    expect(old.dataWarnings).toContainEqual(
      expect.objectContaining({ kind: 'old', origin: 'checkout', asOf: '2026-01-05' }),
    );
    expect(old.dataWarnings.find((w) => w.origin === 'checkout')?.hint).toBe(
      `git -C ${mine} pull --ff-only`,
    );
  });

  it('shows git progress on a terminal only', async () => {
    const t = setup();
    const io = (isTTY: boolean) => {
      let stderr = '';
      return {
        io: {
          stdout: () => undefined,
          stderr: (s: string) => (stderr += s),
          env: { NO_COLOR: '1', ...t.env },
          cwd: process.cwd(),
          now: () => new Date('2026-09-24T08:00:00Z'),
          isTTY,
        },
        err: () => stderr,
      };
    };
    const tty = io(true);
    await main(['sync', '--only', 'releases', '--config', t.config], tty.io);
    expect(tty.err()).toMatch(/releases: cloning file:\/\//);
    expect(tty.err()).toMatch(/releases: (receiving|counting|compressing) objects \d+%/);
    const pipe = io(false);
    await main(['sync', '--only', 'releases', '--config', t.config], pipe.io);
    expect(pipe.err()).toBe('');
  });

  it('the dashboard picks up a sync made while it runs, and its banner says when data is stale', async () => {
    const t = setup();
    await t.json(['sync', '--only', 'data', '--date', '2026-09-24']);
    const d = testDashboard({ options: { config: t.config }, env: t.env });
    try {
      type Status = { deliverables: { name: string; releases: { version: string }[] }[] };
      const glance = async () =>
        (
          (await (await d.app.request('/api/releases?date=2026-09-25')).json()) as Status
        ).deliverables
          .find((x) => x.name === 'glance')
          ?.releases.map((r) => r.version);
      expect(await glance()).not.toContain('33.0.0.0rc1');
      const file = 'deliverables/hibiscus/glance.yaml';
      const text = readFileSync(join(t.releases.work.dir, file), 'utf8');
      t.releases.work.commit('Release glance 33.0.0.0rc1', {
        [file]: `${text}  - version: 33.0.0.0rc1\n    projects:\n      - repo: openstack/glance\n        hash: ${'a'.repeat(40)}\n`,
      });
      t.releases.work.git('push', '-q', 'origin', 'HEAD:master');
      await t.json(['sync', '--only', 'releases', '--date', '2026-09-25']);
      expect(await glance()).toContain('33.0.0.0rc1');

      renameSync(t.releases.bare, `${t.releases.bare}.gone`);
      await t.run(['sync', '--only', 'releases', '--date', '2026-09-26']);
      const html = await (await d.app.request('/?date=2026-09-26')).text();
      expect(html).toMatch(
        /class="banner"[^]*openstack\/releases data is stale: the last refresh failed/,
      );
    } finally {
      d.close();
    }
  });
});
