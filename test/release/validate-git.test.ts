import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ValidateView } from '../../src/release/validate/plan.js';
import { runCli } from '../helpers/cli.js';
import { TestRepo } from '../helpers/git-repo.js';
import { GOVERNANCE_DIR, hasSharedData } from '../helpers/shared-data.js';
import { tempDir } from '../helpers/tmp.js';
import { releaseEntry, releasesCheckout } from './validate-helpers.js';

const FILE = 'deliverables/hibiscus/glance-store.yaml';

function storeFile(releases: string): string {
  return `---\ninclude-pypi-link: true\nlaunchpad: glance-store\nrelease-model: cycle-with-intermediary\nteam: glance\ntype: library\nrepository-settings:\n  openstack/glance_store: {}\nreleases:\n${releases}`;
}

describe.runIf(hasSharedData())(
  'release validate --git (clone checks on real repositories) (needs ../shared/data)',
  () => {
    it('checks tags, commits, branch membership and branch points against a clone', async () => {
      const project = TestRepo.create();
      const first = project.commit('Start');
      project.tag('5.5.0');
      const second = project.commit('Feature');
      project.tag('5.6.0');
      project.branch('side', first);
      project.checkout('side');
      const offMaster = project.commit('Work that never merged');
      project.checkout('master');
      const head = project.commit('More work');
      const clones = tempDir('liaison-clones-');
      execFileSync('git', ['clone', '-q', project.dir, join(clones, 'glance_store')]);

      const checkout = releasesCheckout();
      writeFileSync(
        join(checkout.dir, FILE),
        storeFile(
          releaseEntry('5.5.0', 'openstack/glance_store', first) +
            releaseEntry('5.6.0', 'openstack/glance_store', second),
        ),
      );
      checkout.commit('glance-store as in the clone');
      const run = async (releases: string) => {
        writeFileSync(join(checkout.dir, FILE), storeFile(releases));
        const r = await runCli([
          'release',
          'validate',
          FILE,
          '--git',
          '--clones',
          clones,
          '--base',
          'HEAD',
          '--releases-repo',
          checkout.dir,
          '--governance-repo',
          GOVERNANCE_DIR,
          '--json',
        ]);
        return { code: r.code, view: JSON.parse(r.stdout) as ValidateView };
      };
      const history =
        releaseEntry('5.5.0', 'openstack/glance_store', first) +
        releaseEntry('5.6.0', 'openstack/glance_store', second);

      const good = await run(history + releaseEntry('5.7.0', 'openstack/glance_store', head));
      expect(good.view.findings.filter((f) => f.level === 'error')).toEqual([]);
      expect(good.code).toBe(0);

      const offBranch = await run(
        history + releaseEntry('5.7.0', 'openstack/glance_store', offMaster),
      );
      expect(offBranch.view.findings).toContainEqual(
        expect.objectContaining({ check: 'branch-membership', level: 'error' }),
      );
      expect(offBranch.code).toBe(1);

      const unknown = await run(
        history + releaseEntry('5.7.0', 'openstack/glance_store', 'd'.repeat(40)),
      );
      expect(unknown.view.findings).toContainEqual(
        expect.objectContaining({ check: 'sha-exists', level: 'error' }),
      );

      const moved = await run(
        releaseEntry('5.5.0', 'openstack/glance_store', first) +
          releaseEntry('5.6.0', 'openstack/glance_store', head),
      );
      expect(moved.view.findings).toContainEqual(
        expect.objectContaining({
          check: 'existing-tags',
          level: 'error',
          field: 'releases[1].projects[0].hash',
        }),
      );

      const branch = await run(
        history +
          releaseEntry('5.7.0', 'openstack/glance_store', head) +
          'branches:\n  - name: stable/2026.2\n    location: 5.7.0\n',
      );
      expect(branch.view.findings.filter((f) => f.level === 'error')).toEqual([]);
    });

    it('reports a repository without a clone as an error naming where it looked', async () => {
      const checkout = releasesCheckout();
      const clones = tempDir('liaison-clones-');
      const r = await runCli([
        'release',
        'validate',
        FILE,
        '--git',
        '--clones',
        clones,
        '--releases-repo',
        checkout.dir,
        '--governance-repo',
        GOVERNANCE_DIR,
      ]);
      expect(r.code).toBe(1);
      expect(r.stdout).toContain(
        `${FILE}: [error] no local clone of openstack/glance_store under ${clones}`,
      );
    });
  },
);
