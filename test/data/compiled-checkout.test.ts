import { describe, expect, it } from 'vitest';
import { compileGovernance, compileReleases } from '../../src/data/compiled-checkout.js';
import { DiskTree } from '../../src/data/file-tree.js';
import { GovernanceData } from '../../src/data/governance/governance-data.js';
import { ReleasesData } from '../../src/data/releases/releases-data.js';
import { snapshotPart } from '../../src/data/snapshot.js';
import { GOVERNANCE_DIR, hasSharedData, RELEASES_DIR } from '../helpers/shared-data.js';

/**
 * What `liaison sync` compiles beside a managed checkout and what the
 * snapshot script embeds are one code (compileReleases, compileGovernance):
 * on the same data (../shared/data, which the snapshot is built from) the
 * parts are equal, so a command reads the same on either.
 */
describe.runIf(hasSharedData())('compiled parts of a checkout and of the snapshot (needs ../shared/data)', () => {
  const releases = compileReleases(
    new ReleasesData(new DiskTree(RELEASES_DIR, 'releases'), { repo: 'openstack/releases' }),
  );

  it('series and deliverable summaries are the embedded ones', () => {
    expect(releases.series).toEqual(snapshotPart('series'));
    expect(releases.deliverables).toEqual(snapshotPart('deliverables'));
  });

  it('schedules and their labels: every embedded one, equal (a checkout also has older series)', () => {
    const embedded = snapshotPart('schedules');
    expect(Object.keys(embedded).length).toBeGreaterThan(5);
    for (const [name, schedule] of Object.entries(embedded))
      expect(releases.schedules[name], name).toEqual(schedule);
    expect(releases.labels).toEqual(expect.arrayContaining([...snapshotPart('labels')]));
  });

  it('teams are the embedded ones', () => {
    const gov = new GovernanceData(new DiskTree(GOVERNANCE_DIR, 'governance'), {
      repo: 'openstack/governance',
    });
    expect(compileGovernance(gov).teams).toEqual(snapshotPart('teams'));
  });
});
