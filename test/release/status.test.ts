import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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
 * (and one unreleased fix on it), then the hibiscus work on master. Only
 * 5.4.0 is tagged in the clone: hibiscus' releases are known from the
 * deliverable file's hashes, as with a clone fetched before the tags.
 */
function glanceStoreUpstream(): { repo: TestRepo; h550: string; h560: string } {
  const r = TestRepo.create();
  commitOn(r.dir, '2026-03-10', 'Gazpacho work');
  gitAt(r.dir, '2026-03-20', 'tag', '-a', '5.4.0', '-m', '5.4.0');
  r.branch('stable/2026.1');
  r.checkout('stable/2026.1');
  commitOn(r.dir, '2026-06-01', 'Backport: fix the rbd driver');
  r.checkout('master');
  commitOn(r.dir, '2026-04-20', 'Add the s3 multipart option');
  const h550 = r.head();
  commitOn(r.dir, '2026-05-20', 'Fix a race in the swift driver');
  r.branch('topic');
  r.checkout('topic');
  commitOn(r.dir, '2026-07-08', 'Drop python 3.9');
  r.checkout('master');
  gitAt(r.dir, '2026-07-09', 'merge', '-q', '--no-ff', '-m', 'Merge topic', 'topic');
  const h560 = r.head();
  commitOn(r.dir, '2026-08-10', 'Update the docs');
  return { repo: r, h550, h560 };
}

function clientUpstream(): { repo: TestRepo; h4120: string } {
  const r = TestRepo.create();
  commitOn(r.dir, '2026-03-01', 'Gazpacho work');
  gitAt(r.dir, '2026-03-05', 'tag', '-a', '4.11.0', '-m', '4.11.0');
  commitOn(r.dir, '2026-04-15', 'Support image tags');
  const h4120 = r.head();
  gitAt(r.dir, '2026-04-30', 'tag', '-a', '4.12.0', '-m', '4.12.0');
  return { repo: r, h4120 };
}

/** Real clones (with origin branches) under one folder, named by repository. */
function clones(): { dir: string; h550: string; h560: string; h4120: string } {
  const dir = tempDir('liaison-clones-');
  const store = glanceStoreUpstream();
  const client = clientUpstream();
  execFileSync('git', ['clone', '-q', store.repo.dir, join(dir, 'glance_store')]);
  execFileSync('git', ['clone', '-q', client.repo.dir, join(dir, 'python-glanceclient')]);
  return { dir, h550: store.h550, h560: store.h560, h4120: client.h4120 };
}

/** A change proposed (authored) on one day and merged into master on another, as Gerrit does. */
function landChange(
  dir: string,
  proposed: string,
  merged: string,
  subject: string,
  edit: () => void,
): void {
  gitAt(dir, proposed, 'checkout', '-q', '-b', 'change');
  edit();
  gitAt(dir, proposed, 'commit', '-q', '-a', '-m', subject);
  gitAt(dir, merged, 'checkout', '-q', 'master');
  gitAt(dir, merged, 'merge', '-q', '--no-ff', '-m', `Merge "${subject}"`, 'change');
  gitAt(dir, merged, 'branch', '-q', '-D', 'change');
}

/**
 * A releases checkout with history: the hibiscus library files start
 * without releases, then each release request lands on its real proposed
 * and merged days (glance_store 5.5.0: proposed 2026-05-19, merged
 * 2026-05-22), with the hashes of the test clones.
 */
function releasesWithHistory(
  c: { h550: string; h560: string; h4120: string },
  asOf = '2026-09-16',
): string {
  const checkout = releasesCheckout();
  const dir = checkout.dir;
  const store = join(dir, 'deliverables/hibiscus/glance-store.yaml');
  const client = join(dir, 'deliverables/hibiscus/python-glanceclient.yaml');
  for (const f of [store, client])
    writeFileSync(f, readFileSync(f, 'utf8').replace(/\nreleases:[\s\S]*$/, '\n'));
  gitAt(dir, '2026-04-09', 'commit', '-q', '-a', '-m', 'Add 2026.2 Hibiscus deliverable files');
  const release = (file: string, version: string, repo: string, hash: string) => () => {
    const text = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      (text.includes('releases:') ? text : `${text}releases:\n`) +
        releaseEntry(version, repo, hash),
    );
  };
  landChange(
    dir,
    '2026-05-11',
    '2026-05-19',
    'Release python-glanceclient 4.12.0',
    release(client, '4.12.0', 'openstack/python-glanceclient', c.h4120),
  );
  landChange(
    dir,
    '2026-05-19',
    '2026-05-22',
    'Release glance_store for Hibiscus-1 milestone',
    release(store, '5.5.0', 'openstack/glance_store', c.h550),
  );
  landChange(
    dir,
    '2026-07-09',
    '2026-07-10',
    'Release glance_store for Hibiscus-2 milestone',
    release(store, '5.6.0', 'openstack/glance_store', c.h560),
  );
  // the checkout is as of its newest commit (it was never fetched): by default current at every test date
  gitAt(dir, asOf, 'commit', '-q', '--allow-empty', '-m', 'Unrelated change');
  return dir;
}

const GOV = ['--governance-repo', GOVERNANCE_DIR];
/** Arguments of `liaison release status|coverage` at a date over a releases checkout and clones. */
const releaseArgs = (
  command: 'status' | 'coverage',
  date: string,
  releases: string,
  clonesDir: string,
  ...more: string[]
) => [
  'release',
  command,
  '--date',
  date,
  '--releases-repo',
  releases,
  ...GOV,
  '--clones',
  clonesDir,
  ...more,
];

describe.runIf(hasSharedData())(
  'release status from the releases history and real clones (needs ../shared/data)',
  () => {
    it('dates releases from the history and counts unreleased commits from the released hashes', async () => {
      const c = clones();
      const checkout = releasesWithHistory(c);
      const r = await runCli(
        releaseArgs('status', '2026-08-21', checkout, c.dir, '--series', 'hibiscus', '--json'),
      );
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const view = JSON.parse(r.stdout) as ReleaseStatusView;
      expect(view.series).toBe('hibiscus');
      expect(view.week).toBe('R-6');
      const store = view.deliverables.find((d) => d.name === 'glance-store');
      expect(store?.releases).toEqual([
        {
          version: '5.5.0',
          date: '2026-05-22',
          dateSource: 'releases-history',
          proposed: '2026-05-19',
          merged: '2026-05-22',
        },
        {
          version: '5.6.0',
          date: '2026-07-10',
          dateSource: 'releases-history',
          proposed: '2026-07-09',
          merged: '2026-07-10',
        },
      ]);
      expect(store?.latestBefore).toEqual({ version: '5.4.0', series: 'gazpacho' });
      expect(store?.stableBranch).toEqual({ name: 'stable/2026.2', inFile: false, inClone: false });
      // the issue: with the tags 5.5.0 and 5.6.0 missing in the clone, the commits they released
      // were counted as unreleased since 5.4.0; the hashes in the file say what was released
      const master = store?.unreleased?.find((u) => u.branch === 'master');
      expect(master).toMatchObject({ repo: 'openstack/glance_store', since: '5.6.0', count: 1 });
      expect(master?.subjects[0]).toMatch(/Update the docs$/);
      expect(store?.unreleased?.find((u) => u.branch === 'stable/2026.1')).toMatchObject({
        since: '5.4.0',
        count: 1,
      });
      const due = store?.due.map((d) => d.what).join('\n') ?? '';
      expect(due).toMatch(/final library release \(due, by Fri 21 Aug 2026\)/);
      expect(due).toMatch(
        /stable release to consider: 1 unreleased commit on stable\/2026.1 since 5.4.0/,
      );
      expect(view.actions.find((a) => a.id === 'glance-store:library:1')).toMatchObject({
        state: 'done',
        releases: [{ version: '5.5.0', proposed: '2026-05-19', merged: '2026-05-22' }],
      });
      const client = view.deliverables.find((d) => d.name === 'python-glanceclient');
      expect(client?.unreleased?.find((u) => u.branch === 'master')).toMatchObject({
        since: '4.12.0',
        count: 0,
      });
      // "no clone" only for the deliverables that have none
      const glance = view.deliverables.find((d) => d.name === 'glance');
      expect(glance?.clone).toBeNull();
      expect(glance?.unreleased).toBeNull();
      expect(view.notes.join('\n')).toMatch(/no clone found for glance, glance-tempest-plugin \(/);
      expect(view.notes.join('\n')).not.toMatch(
        /glance-store.*no clone|python-glanceclient.*no clone/,
      );
      const text = await runCli(releaseArgs('status', '2026-08-21', checkout, c.dir));
      expect(text.stdout).toMatch(/unreleased master\s+1 commit since 5\.6\.0/);
      expect(text.stdout).toMatch(/glance\n(.*\n)*?\s+unreleased\s+no clone/);
    });

    it('finds a clone named after the deliverable', async () => {
      const c = clones();
      renameSync(join(c.dir, 'glance_store'), join(c.dir, 'glance-store'));
      const checkout = releasesWithHistory(c);
      const r = await runCli(releaseArgs('status', '2026-08-21', checkout, c.dir, '--json'));
      const view = JSON.parse(r.stdout) as ReleaseStatusView;
      expect(view.deliverables.find((d) => d.name === 'glance-store')?.clone).toBe(
        join(c.dir, 'glance-store'),
      );
    });

    it('coverage: no MISSED where a release satisfies the window; fails a closed window with unreleased changes', async () => {
      const c = clones();
      const checkout = releasesWithHistory(c);
      const r = await runCli(releaseArgs('coverage', '2026-09-16', checkout, c.dir, '--json'));
      const view = JSON.parse(r.stdout) as CoverageView;
      const store = view.rows.find((x) => x.deliverable === 'glance-store');
      // 5.5.0 was proposed after the milestone-1 week but merged within the week after: it counts
      expect(
        store?.windows.map((w) => [w.label, w.state, w.releases, w.unreleasedChanges]),
      ).toEqual([
        ['start → M1', 'released', ['5.5.0'], null], // gazpacho's real 5.4.0 commit is not in the test clone
        ['M1 → M2', 'released', ['5.6.0'], 1],
        ['final library weeks', 'missed', [], 1],
      ]);
      const client = view.rows.find((x) => x.deliverable === 'python-glanceclient');
      expect(client?.windows.map((w) => w.state)).toEqual(['released', 'no-changes', 'no-changes']);
      expect(view.missed).toBe(1);
      expect(r.code).toBe(1);
      const text = await runCli(releaseArgs('coverage', '2026-09-16', checkout, c.dir));
      expect(text.stdout).toMatch(/start → M1\s+2026-04-06 → 2026-05-15\s+released 5\.5\.0/);
      expect(text.stdout).toMatch(
        /final library weeks\s+2026-08-03 → 2026-08-21\s+MISSED \(1 unreleased commits\)/,
      );
    });

    it('says a clone lacking the released commit is behind, not "no clone"', async () => {
      const c = clones();
      const checkout = releasesWithHistory(c);
      // the clone as fetched before 5.6.0 was made: it lacks the commit 5.6.0 tagged
      const store = join(c.dir, 'glance_store');
      execFileSync('git', ['-C', store, 'reset', '-q', '--hard', c.h550]);
      execFileSync('git', ['-C', store, 'update-ref', '-d', 'refs/remotes/origin/master']);
      execFileSync('git', ['-C', store, 'reflog', 'expire', '--expire=now', '--all']);
      execFileSync('git', ['-C', store, 'gc', '-q', '--prune=now']);
      const r = await runCli(releaseArgs('coverage', '2026-09-16', checkout, c.dir, '--json'));
      expect(r.code).toBe(0);
      const view = JSON.parse(r.stdout) as CoverageView;
      const row = view.rows.find((x) => x.deliverable === 'glance-store');
      expect(row?.windows.map((w) => w.state)).toEqual(['released', 'released', 'unknown']);
      expect(row?.changesUnknown).toEqual({
        reason: 'clone-behind',
        repo: 'openstack/glance_store',
        dir: store,
        hash: c.h560,
        version: '5.6.0',
      });
      const text = await runCli(releaseArgs('coverage', '2026-09-16', checkout, c.dir));
      expect(text.stdout).toContain(
        `glance-store: the clone of openstack/glance_store (${store}) does not have ${c.h560.slice(0, 7)}… released as 5.6.0: fetch it (liaison sync --only git)`,
      );
      expect(text.stdout).not.toMatch(/no clone/);
      // status: the behind clone's counts (from 5.5.0) are not shown as current
      const st = await runCli(releaseArgs('status', '2026-09-16', checkout, c.dir, '--json'));
      const sv = JSON.parse(st.stdout) as ReleaseStatusView;
      const d = sv.deliverables.find((x) => x.name === 'glance-store');
      expect(d?.clone).toBe(store);
      expect(d?.unreleased).toBeNull();
      expect(d?.cloneBehind).toEqual([
        { repo: 'openstack/glance_store', dir: store, hash: c.h560, version: '5.6.0' },
      ]);
      expect(sv.notes.join('\n')).not.toMatch(/no clone found for[^\n]*glance-store/);
      const stText = await runCli(releaseArgs('status', '2026-09-16', checkout, c.dir));
      expect(stText.stdout).toMatch(
        /glance-store\n(.*\n)*?\s+unreleased\s+unknown: the clone of openstack\/glance_store \(.*\) does not have [0-9a-f]{7}… released as 5\.6\.0/,
      );
    });

    it("coverage on data older than a window's last merge day: unconfirmed, not MISSED", async () => {
      const c = clones();
      // data of 2026-08-25: the final library weeks (to 2026-08-21) take merges until 2026-08-28
      const checkout = releasesWithHistory(c, '2026-08-25');
      const r = await runCli(releaseArgs('coverage', '2026-09-16', checkout, c.dir, '--json'));
      expect(r.code).toBe(0);
      const view = JSON.parse(r.stdout) as CoverageView;
      const store = view.rows.find((x) => x.deliverable === 'glance-store');
      expect(store?.windows[2]).toMatchObject({
        label: 'final library weeks',
        state: 'unconfirmed',
        unreleasedChanges: 1,
        asOf: '2026-08-25',
      });
      expect(view.missed).toBe(0);
      const text = await runCli(releaseArgs('coverage', '2026-09-16', checkout, c.dir));
      expect(text.stdout).toMatch(
        /final library weeks\s+2026-08-03 → 2026-08-21\s+no release in the data as of 2026-08-25 \(1 unreleased commits\)/,
      );
    });

    it('reports but does not fail coverage without clones', async () => {
      const c = clones();
      const checkout = releasesWithHistory(c);
      mkdirSync(join(checkout, 'empty'), { recursive: true });
      const r = await runCli(
        releaseArgs('coverage', '2026-09-16', checkout, join(checkout, 'empty'), '--json'),
      );
      expect(r.code).toBe(0);
      const view = JSON.parse(r.stdout) as CoverageView;
      expect(view.missed).toBe(0);
      expect(view.rows.flatMap((x) => x.windows.map((w) => w.state))).toContain('unknown');
      expect(view.rows.map((x) => x.changesUnknown?.reason)).toContain('no-clone');
      const text = await runCli(
        releaseArgs('coverage', '2026-09-16', checkout, join(checkout, 'empty')),
      );
      expect(text.stdout).toMatch(/glance-store: no clone, so unreleased changes are unknown/);
    });
  },
);

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
