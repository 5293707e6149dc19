import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { SourceUnavailableError } from '../core/errors.js';
import { gitSync } from '../git/run.js';
import { checkoutFetchedAt } from './age/read.js';
import type { DataOrigin } from './age/plan.js';
import { recordFallback } from './age/track.js';
import { DiskTree, MemoryTree } from './file-tree.js';
import { GovernanceData } from './governance/governance-data.js';
import { readCompiled, type CompiledParts } from './compiled-checkout.js';
import {
  checkedOutCommit,
  MANAGED,
  presentCheckout,
  readManagedStates,
  type ManagedName,
  type ManagedStates,
} from './managed.js';
import { ReleasesData } from './releases/releases-data.js';
import { seriesDeliverables, type SeriesDeliverables } from './releases/series-deliverables.js';
import {
  embeddedCompiled,
  embeddedReleaseDates,
  snapshotPart,
  type SourceStamp,
} from './snapshot.js';

export interface DataLocations {
  /** A checkout of openstack/releases given by the user (option, env, config). */
  readonly releasesRepo?: string;
  /** A checkout of openstack/governance given by the user. */
  readonly governanceRepo?: string;
  /**
   * The data directory whose checkouts `liaison sync` keeps; used for what
   * no explicit checkout gives. The embedded snapshot when neither exists.
   */
  readonly dataDir?: string;
}

export interface DataSources {
  readonly releases: ReleasesData;
  readonly governance: GovernanceData;
  /** Human line: which data the command runs on. */
  readonly describe: string;
  /** Date of the newest data used (commit date of the releases data). */
  readonly dataAsOf?: string;
  readonly embedded: boolean;
  /** Where each of the two data sets came from and when it was taken (data age). */
  readonly origins: readonly DataOrigin[];
  /**
   * The deliverable files of a series with the fallback to the previous
   * series' models (series-deliverables.ts); memoized. A fallback is
   * recorded for the view being built, whose envelope then says so.
   */
  seriesDeliverables(series: string): SeriesDeliverables;
}

type Kind = DataOrigin['origin'];

interface Opened<T> {
  readonly data: T;
  readonly origin: DataOrigin;
}

export function openDataSources(loc: DataLocations): DataSources {
  const states = loc.dataDir ? readManagedStates(loc.dataDir) : {};
  const rel = openOne(
    loc,
    'releases',
    loc.releasesRepo,
    states,
    // the embedded snapshot stores the release dates; a checkout reads them from its git history
    (tree, stamp, compiled) =>
      new ReleasesData(
        tree,
        stamp,
        compiled,
        compiled === embeddedCompiled ? embeddedReleaseDates : undefined,
      ),
  );
  const gov = openOne(
    loc,
    'governance',
    loc.governanceRepo,
    states,
    (tree, stamp, compiled) => new GovernanceData(tree, stamp, compiled),
  );
  const embedded = rel.origin.origin === 'embedded' || gov.origin.origin === 'embedded';
  const describe = [
    describeStamp('releases', rel.data.stamp, rel.origin.origin),
    describeStamp('governance', gov.data.stamp, gov.origin.origin),
  ].join('; ');
  const memo = new Map<string, SeriesDeliverables>();
  const releases = rel.data;
  return {
    releases,
    governance: gov.data,
    describe,
    ...(releases.stamp.date ? { dataAsOf: releases.stamp.date } : {}),
    embedded,
    origins: [rel.origin, gov.origin],
    seriesDeliverables(series) {
      let s = memo.get(series);
      if (!s) {
        s = seriesDeliverables(releases, releases.series(), series);
        memo.set(series, s);
      }
      if (s.fallback) recordFallback(s);
      return s;
    },
  };
}

/** One data set: the explicit checkout, else the managed one, else the embedded snapshot. */
function openOne<T extends { readonly stamp: SourceStamp }>(
  loc: DataLocations,
  name: ManagedName,
  explicit: string | undefined,
  states: ManagedStates,
  make: (tree: DiskTree | MemoryTree, stamp: SourceStamp, compiled: CompiledParts | undefined) => T,
): Opened<T> {
  const repo = MANAGED[name].repo;
  if (explicit) {
    const root = checkoutRoot(explicit, name);
    const stamp = checkoutStamp(root, repo, undefined);
    return {
      data: make(new DiskTree(root, `${name} checkout ${root}`), stamp, undefined),
      origin: origin(repo, 'checkout', stamp, null, `git -C ${root} pull --ff-only`),
    };
  }
  const managed = loc.dataDir ? presentCheckout(loc.dataDir, name) : undefined;
  if (managed && loc.dataDir) {
    const state = states[name];
    // what sync recorded of the commit still checked out: no git call, and its compiled parts
    const head = checkedOutCommit(managed);
    const known = head !== undefined && state?.head === head && state.commitDate && state.fetchedAt;
    const stamp: SourceStamp = known
      ? { repo, commit: head, date: state.commitDate ?? '', takenAt: state.fetchedAt ?? '', takenFrom: 'fetch' }
      : checkoutStamp(managed, repo, state);
    const compiled = known ? readCompiled(loc.dataDir, name, head) : undefined;
    const failure =
      state?.error != null ? { at: state.lastAttemptAt, error: state.error } : null;
    return {
      data: make(
        new DiskTree(managed, `${name} checkout ${managed} (liaison sync)`),
        stamp,
        compiled,
      ),
      origin: origin(repo, 'managed', stamp, failure, 'liaison sync'),
    };
  }
  const files = () => snapshotPart('files');
  const stamp = snapshotPart('stamps')[name];
  const tree = new MemoryTree(() => files()[name], `embedded ${name} snapshot`);
  return {
    data: make(tree, stamp, embeddedCompiled),
    origin: origin(repo, 'embedded', stamp, null, 'liaison sync'),
  };
}

function origin(
  source: string,
  kind: Kind,
  stamp: SourceStamp,
  failure: DataOrigin['failure'],
  hint: string,
): DataOrigin {
  return { source, origin: kind, asOf: stamp.takenAt ?? stamp.date ?? null, failure, hint };
}

/**
 * A checkout the command was told to read. Missing, a file, or not a
 * checkout of the right repository (found on first read): a required data
 * source is unavailable, exit 3, as README's exit-code table says.
 */
function checkoutRoot(dir: string, what: string): string {
  const root = resolve(dir);
  if (!existsSync(root))
    throw new SourceUnavailableError(`--${what}-repo ${dir}: no such directory`, what);
  if (!statSync(root).isDirectory())
    throw new SourceUnavailableError(`--${what}-repo ${dir}: not a directory`, what);
  return root;
}

/**
 * A checkout's stamp, with when its data was taken: the fetch sync recorded
 * (managed checkouts, when it is still the commit checked out), else the
 * checkout's own last fetch of the commit it is on, else the commit date.
 */
export function checkoutStamp(
  dir: string,
  repo: string,
  state?: { readonly head: string | null; readonly fetchedAt: string | null },
): SourceStamp {
  const stamp = stampOf(dir, repo);
  if (!stamp.commit) return stamp;
  if (state?.fetchedAt && state.head === stamp.commit)
    return { ...stamp, takenAt: state.fetchedAt, takenFrom: 'fetch' };
  const fetched = existsSync(resolve(dir, '.git')) ? checkoutFetchedAt(dir, stamp.commit) : undefined;
  return fetched
    ? { ...stamp, takenAt: fetched, takenFrom: 'fetch' }
    : { ...stamp, ...(stamp.date ? { takenAt: stamp.date } : {}), takenFrom: 'commit' };
}

function describeStamp(what: string, stamp: SourceStamp, kind: Kind): string {
  const commit = stamp.commit ? ` ${stamp.commit.slice(0, 10)}` : '';
  const date = stamp.date ? ` of ${stamp.date}` : '';
  const source = {
    embedded: 'embedded snapshot',
    managed: 'checkout kept by liaison sync',
    checkout: 'checkout',
    store: 'store',
  }[kind];
  return `${what}: ${source}${commit}${date}`;
}

/**
 * Commit and commit date of a checkout, from git when it is a repository,
 * else from the "Commit" rows of a data README (as in ../shared/data).
 */
export function stampOf(dir: string, repo: string): SourceStamp {
  // only a checkout's own .git counts: a data folder inside another repository is not one
  if (existsSync(resolve(dir, '.git'))) {
    try {
      const [commit, date] = gitSync(dir, ['log', '-1', '--format=%H%x1f%cs'])
        .trim()
        .split('\x1f');
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
