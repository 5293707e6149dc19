import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CoverageView, ReleaseStatusView } from '../../src/release/status/plan.js';
import { runCli } from '../helpers/cli.js';
import { TestRepo } from '../helpers/git-repo.js';
import { GOVERNANCE_DIR, hasSharedData } from '../helpers/shared-data.js';
import { tempDir } from '../helpers/tmp.js';
import { releaseEntry, releasesCheckout } from './validate-helpers.js';

/** Runs git in `dir` with author, committer and tagger dates on `day` (noon UTC). */
function gitAt(dir: string, day: string, ...args: string[]): string {
  const date = `${day}T12:00:00Z`;
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    stdio: ['ignore', 'pipe', 'pipe'],
  }).trim();
}

function commitOn(dir: string, day: string, subject: string): void {
  gitAt(dir, day, 'commit', '-q', '--allow-empty', '-m', subject);
}

/**
 * A project history: gazpacho's last release 5.4.0 with its stable branch
 * (and one unreleased fix on it), then hibiscus releases on master.
 */
function glanceStoreUpstream(): TestRepo {
  const r = TestRepo.create();
  commitOn(r.dir, '2026-03-10', 'Gazpacho work');
  gitAt(r.dir, '2026-03-20', 'tag', '-a', '5.4.0', '-m', '5.4.0');
  r.branch('stable/2026.1');
  r.checkout('stable/2026.1');
  commitOn(r.dir, '2026-06-01', 'Backport: fix the rbd driver');
  r.checkout('master');
  commitOn(r.dir, '2026-04-20', 'Add the s3 multipart option');
  gitAt(r.dir, '2026-05-01', 'tag', '-a', '5.5.0', '-m', '5.5.0');
  commitOn(r.dir, '2026-05-20', 'Fix a race in the swift driver');
  r.branch('topic');
  r.checkout('topic');
  commitOn(r.dir, '2026-07-08', 'Drop python 3.9');
  r.checkout('master');
  gitAt(r.dir, '2026-07-09', 'merge', '-q', '--no-ff', '-m', 'Merge topic', 'topic');
  gitAt(r.dir, '2026-07-10', 'tag', '-a', '5.6.0', '-m', '5.6.0');
  commitOn(r.dir, '2026-08-10', 'Update the docs');
  return r;
}

function clientUpstream(): TestRepo {
  const r = TestRepo.create();
  commitOn(r.dir, '2026-03-01', 'Gazpacho work');
  gitAt(r.dir, '2026-03-05', 'tag', '-a', '4.11.0', '-m', '4.11.0');
  commitOn(r.dir, '2026-04-15', 'Support image tags');
  gitAt(r.dir, '2026-04-30', 'tag', '-a', '4.12.0', '-m', '4.12.0');
  return r;
}

/** Real clones (with origin branches) under one folder, named by repository. */
function clonesDir(): string {
  const dir = tempDir('liaison-clones-');
  const store = glanceStoreUpstream();
  const client = clientUpstream();
  execFileSync('git', ['clone', '-q', store.dir, join(dir, 'glance_store')]);
  execFileSync('git', ['clone', '-q', client.dir, join(dir, 'python-glanceclient')]);
  return dir;
}

const GOV = ['--governance-repo', GOVERNANCE_DIR];
/** Arguments of `liaison release status|coverage` on 2026-08-21 over a releases checkout and clones. */
const releaseArgs = (
  command: 'status' | 'coverage',
  releases: string,
  clones: string,
  ...more: string[]
) => [
  'release',
  command,
  '--date',
  '2026-08-21',
  '--releases-repo',
  releases,
  ...GOV,
  '--clones',
  clones,
  ...more,
];

describe.runIf(hasSharedData())('release status with real clones and a releases checkout', () => {
  it('reports releases with tag dates, branches, unreleased commits and what is due', async () => {
    const checkout = releasesCheckout();
    appendFileSync(
      join(checkout.dir, 'deliverables/hibiscus/glance.yaml'),
      releaseEntry('33.0.0.0rc1', 'openstack/glance', 'c'.repeat(40)),
    );
    gitAt(
      checkout.dir,
      '2026-08-19',
      'commit',
      '-q',
      '-a',
      '-m',
      'Release glance RC1 for 2026.2 Hibiscus',
    );
    const clones = clonesDir();
    const r = await runCli(
      releaseArgs('status', checkout.dir, clones, '--series', 'hibiscus', '--json'),
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const view = JSON.parse(r.stdout) as ReleaseStatusView;
    expect(view.series).toBe('hibiscus');
    expect(view.week).toBe('R-6');
    const store = view.deliverables.find((d) => d.name === 'glance-store');
    expect(store?.releases).toEqual([
      { version: '5.5.0', date: '2026-05-01', dateSource: 'tag' },
      { version: '5.6.0', date: '2026-07-10', dateSource: 'tag' },
    ]);
    expect(store?.latestBefore).toEqual({ version: '5.4.0', series: 'gazpacho' });
    expect(store?.stableBranch).toEqual({ name: 'stable/2026.2', inFile: false, inClone: false });
    const master = store?.unreleased?.find((u) => u.branch === 'master');
    expect(master).toMatchObject({ repo: 'openstack/glance_store', since: '5.6.0', count: 1 });
    expect(master?.subjects[0]).toMatch(/Update the docs$/);
    expect(store?.unreleased?.find((u) => u.branch === 'stable/2026.1')).toMatchObject({
      since: '5.4.0',
      count: 1,
    });
    expect(store?.due.map((d) => d.what).join('\n')).toMatch(
      /release before Final release for non-client libraries: 1 unreleased commit on master/,
    );
    expect(store?.due.map((d) => d.what).join('\n')).toMatch(
      /stable release to consider: 1 unreleased commit on stable\/2026.1 since 5.4.0/,
    );
    const client = view.deliverables.find((d) => d.name === 'python-glanceclient');
    expect(client?.unreleased?.find((u) => u.branch === 'master')).toMatchObject({
      since: '4.12.0',
      count: 0,
    });
    // no clone of glance: dates from the releases history, unreleased work unknown
    const glance = view.deliverables.find((d) => d.name === 'glance');
    expect(glance?.clone).toBeNull();
    expect(glance?.unreleased).toBeNull();
    expect(glance?.releases.find((x) => x.version === '33.0.0.0rc1')).toEqual({
      version: '33.0.0.0rc1',
      date: '2026-08-19',
      dateSource: 'releases-history',
    });
    expect(view.notes.join('\n')).toMatch(/no clone for glance/);
    // the text form says the same
    const text = await runCli(releaseArgs('status', checkout.dir, clones));
    expect(text.stdout).toMatch(/unreleased master\s+1 commit since 5\.6\.0/);
    expect(text.stdout).toMatch(/unreleased\s+no clone/);
  });

  it('fails coverage when a closed milestone window had changes but no release', async () => {
    const checkout = releasesCheckout();
    const clones = clonesDir();
    const r = await runCli(releaseArgs('coverage', checkout.dir, clones, '--json'));
    expect(r.code).toBe(1);
    const view = JSON.parse(r.stdout) as CoverageView;
    const store = view.rows.find((x) => x.deliverable === 'glance-store');
    expect(store?.windows.map((w) => [w.label, w.state, w.releases, w.unreleasedChanges])).toEqual([
      ['start → M1', 'released', ['5.5.0'], 0],
      ['M1 → M2', 'missed', [], 1],
      ['M2 → final-lib', 'released', ['5.6.0'], 1],
    ]);
    const client = view.rows.find((x) => x.deliverable === 'python-glanceclient');
    expect(client?.windows.map((w) => w.state)).toEqual(['released', 'no-changes', 'open']);
    expect(view.missed).toBe(1);
    const text = await runCli(releaseArgs('coverage', checkout.dir, clones));
    expect(text.stdout).toMatch(
      /M1 → M2\s+2026-05-14 → 2026-07-02\s+MISSED \(1 unreleased commits\)/,
    );
  });

  it('reports but does not fail coverage without clones', async () => {
    const checkout = releasesCheckout();
    mkdirSync(join(checkout.dir, 'empty'), { recursive: true });
    const r = await runCli(
      releaseArgs('coverage', checkout.dir, join(checkout.dir, 'empty'), '--json'),
    );
    expect(r.code).toBe(0);
    const view = JSON.parse(r.stdout) as CoverageView;
    expect(view.missed).toBe(0);
    expect(view.rows.flatMap((x) => x.windows.map((w) => w.unreleasedChanges))).toContain(null);
    expect(view.notes.join('\n')).toMatch(/no clone, so unreleased changes are unknown/);
  });
});

describe('release status on the embedded snapshot', () => {
  it('lists the Glance deliverables with their latest releases and says there is no clone', async () => {
    const r = await runCli(['release', 'status', '--date', '2026-08-21', '--json']);
    expect(r.code).toBe(0);
    const view = JSON.parse(r.stdout) as ReleaseStatusView;
    expect(view.deliverables.map((d) => [d.name, d.latestInSeries?.version])).toEqual([
      ['glance', '33.0.0.0b2'],
      ['glance-tempest-plugin', '0.16.0'],
      ['glance-store', '5.6.0'],
      ['python-glanceclient', '4.12.0'],
    ]);
    expect(view.deliverables.every((d) => d.unreleased === null)).toBe(true);
  });

  it('refuses an unknown series', async () => {
    const r = await runCli(['release', 'status', '--series', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--series nope: not a series/);
  });
});
