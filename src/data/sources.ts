import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { SourceUnavailableError } from '../core/errors.js';
import { gitSync } from '../git/run.js';
import { DiskTree, MemoryTree } from './file-tree.js';
import { GovernanceData } from './governance/governance-data.js';
import { ReleasesData } from './releases/releases-data.js';
import { embeddedCompiled, snapshotPart, type SourceStamp } from './snapshot.js';

export interface DataLocations {
  /** A checkout of openstack/releases; the embedded snapshot when absent. */
  readonly releasesRepo?: string;
  /** A checkout of openstack/governance; the embedded snapshot when absent. */
  readonly governanceRepo?: string;
}

export interface DataSources {
  readonly releases: ReleasesData;
  readonly governance: GovernanceData;
  /** Human line: which data the command runs on. */
  readonly describe: string;
  /** Date of the newest data used (commit date of the releases data). */
  readonly dataAsOf?: string;
  readonly embedded: boolean;
}

export function openDataSources(loc: DataLocations): DataSources {
  const releases = loc.releasesRepo
    ? new ReleasesData(checkoutTree(loc.releasesRepo, 'releases'), stampOf(loc.releasesRepo, 'openstack/releases'))
    : undefined;
  const governance = loc.governanceRepo
    ? new GovernanceData(checkoutTree(loc.governanceRepo, 'governance'), stampOf(loc.governanceRepo, 'openstack/governance'))
    : undefined;
  const embedded = !releases || !governance;
  // embedded: each part of the snapshot is read only when a reader needs it
  const files = () => snapshotPart('files');
  const rel =
    releases ??
    new ReleasesData(
      new MemoryTree(() => files().releases, 'embedded releases snapshot'),
      snapshotPart('stamps').releases,
      embeddedCompiled,
    );
  const gov =
    governance ??
    new GovernanceData(
      new MemoryTree(() => files().governance, 'embedded governance snapshot'),
      snapshotPart('stamps').governance,
      embeddedCompiled,
    );
  const describe = [describeStamp('releases', rel.stamp, !releases), describeStamp('governance', gov.stamp, !governance)].join('; ');
  return { releases: rel, governance: gov, describe, ...(rel.stamp.date ? { dataAsOf: rel.stamp.date } : {}), embedded };
}

/**
 * A checkout the command was told to read. Missing, a file, or not a
 * checkout of the right repository (found on first read): a required data
 * source is unavailable, exit 3, as README's exit-code table says.
 */
function checkoutTree(dir: string, what: string): DiskTree {
  const root = resolve(dir);
  if (!existsSync(root))
    throw new SourceUnavailableError(`--${what}-repo ${dir}: no such directory`, what);
  if (!statSync(root).isDirectory())
    throw new SourceUnavailableError(`--${what}-repo ${dir}: not a directory`, what);
  return new DiskTree(root, `${what} checkout ${root}`);
}

function describeStamp(what: string, stamp: SourceStamp, embedded: boolean): string {
  const commit = stamp.commit ? ` ${stamp.commit.slice(0, 10)}` : '';
  const date = stamp.date ? ` of ${stamp.date}` : '';
  return `${what}: ${embedded ? 'embedded snapshot' : 'checkout'}${commit}${date}`;
}

/**
 * Commit and commit date of a checkout, from git when it is a repository,
 * else from the "Commit" rows of a data README (as in ../shared/data).
 */
export function stampOf(dir: string, repo: string): SourceStamp {
  // only a checkout's own .git counts: a data folder inside another repository is not one
  if (existsSync(resolve(dir, '.git'))) {
    try {
      const [commit, date] = gitSync(dir, ['log', '-1', '--format=%H%x1f%cs']).trim().split('\x1f');
      if (commit && date) return { repo, commit, date };
    } catch {
      // an empty or broken repository: fall back to the README
    }
  }
  const readme = new DiskTree(resolve(dir), repo).read('README.md') ?? '';
  const commit = /\|\s*Commit\s*\|\s*`([0-9a-f]{40})`/.exec(readme)?.[1];
  const date = /\|\s*Commit date\s*\|\s*(\d{4}-\d{2}-\d{2})/.exec(readme)?.[1];
  return { repo, ...(commit ? { commit } : {}), ...(date ? { date } : {}) };
}
