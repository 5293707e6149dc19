import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { TestRepo } from '../helpers/git-repo.js';
import { RELEASES_DIR } from '../helpers/shared-data.js';

/** The files a small releases checkout needs, plus a few real Glance deliverable files. */
export const CHECKOUT_FILES = [
  'data/series_status.yaml',
  'openstack_releases/schema.yaml',
  'openstack_releases/series_status_schema.yaml',
  'derived/tooling-constants.yaml',
  ...['flamingo', 'gazpacho', 'hibiscus', 'indri'].flatMap((s) => [
    `doc/source/${s}/schedule.yaml`,
    `doc/source/${s}/schedule.rst`,
  ]),
  ...['dalmatian', 'epoxy', 'flamingo', 'gazpacho', 'hibiscus'].flatMap((s) =>
    ['glance', 'glance-store', 'python-glanceclient', 'glance-tempest-plugin'].map(
      (d) => `deliverables/${s}/${d}.yaml`,
    ),
  ),
];

/** A temporary git repository holding real files of openstack/releases, committed once. */
export function releasesCheckout(): TestRepo {
  const repo = TestRepo.create();
  for (const f of CHECKOUT_FILES) {
    mkdirSync(dirname(join(repo.dir, f)), { recursive: true });
    cpSync(join(RELEASES_DIR, f), join(repo.dir, f));
  }
  repo.commit('Import a few real files of openstack/releases');
  return repo;
}

/** Appends a release entry in the upstream layout. */
export function releaseEntry(version: string, repo: string, hash: string): string {
  return `  - version: ${version}\n    projects:\n      - repo: ${repo}\n        hash: ${hash}\n`;
}

/**
 * A git copy of the whole real openstack/releases data (committed once), for
 * tests that edit one real file and validate with `--base HEAD`; `reset`
 * puts the work tree back between cases. Made in a beforeAll, so it cleans
 * up after itself rather than per test.
 */
export interface FullCopy {
  readonly dir: string;
  edit(path: string, change: (text: string) => string): void;
  reset(): void;
  remove(): void;
}

export function fullReleasesCopy(): FullCopy {
  const dir = mkdtempSync(join(tmpdir(), 'liaison-releases-'));
  // the shared data is read-only: copy, then make the copy writable
  execFileSync('cp', ['-R', `${RELEASES_DIR}/.`, dir]);
  execFileSync('chmod', ['-R', 'u+w', dir]);
  // committed on the snapshot's day: the data's date decides what it can know (phases it records without a date)
  const when = '2026-08-21T12:00:00Z';
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GIT_AUTHOR_DATE: when, GIT_COMMITTER_DATE: when },
    });
  git('init', '-q', '-b', 'master');
  git('add', '-A');
  git('commit', '-q', '--no-gpg-sign', '-m', 'Import the real openstack/releases data');
  return {
    dir,
    edit(path, change) {
      const full = join(dir, path);
      writeFileSync(full, change(readFileSync(full, 'utf8')));
    },
    reset() {
      git('checkout', '-q', '--', '.');
      git('clean', '-q', '-fd');
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
