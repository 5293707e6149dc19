import { cpSync, mkdirSync } from 'node:fs';
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
