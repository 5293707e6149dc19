import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { LiaisonError } from '../core/errors.js';
import {
  MANAGED,
  managedDir,
  presentCheckout,
  readManagedStates,
  writeManagedState,
  type ManagedName,
} from '../data/managed.js';
import { git } from '../git/run.js';
import {
  compileGovernance,
  compileReleases,
  readCompiled,
  writeCompiled,
} from '../data/compiled-checkout.js';
import { DiskTree } from '../data/file-tree.js';
import { GovernanceData } from '../data/governance/governance-data.js';
import { ReleasesData } from '../data/releases/releases-data.js';

/**
 * The checkouts of openstack/releases and openstack/governance that sync
 * keeps in the data directory: cloned on the first sync (governance
 * shallow: only its current files are read), then fetched and moved to the
 * remote's default branch. A clone is made in a temporary folder and
 * renamed into place, so a killed sync never leaves half a checkout that
 * commands would read; a failed fetch keeps the previous checkout, and the
 * recorded failure makes the views say their data is stale.
 */

export interface CheckoutRun {
  readonly name: ManagedName;
  readonly url: string;
  readonly dataDir: string;
  /** The instant recorded as the fetch time (the run's clock). */
  readonly at: string;
  /** Progress lines for a terminal; undefined when quiet. */
  readonly progress?: (line: string) => void;
}

export interface CheckoutOutcome {
  readonly status: 'updated' | 'unchanged' | 'failed';
  readonly summary: string;
  readonly error: string | null;
  readonly dir: string;
  /** The last successful fetch after this run (the data's age). */
  readonly fetchedAt: string | null;
}

export async function syncCheckout(run: CheckoutRun): Promise<CheckoutOutcome> {
  const spec = MANAGED[run.name];
  const dir = managedDir(run.dataDir, run.name);
  const previous = readManagedStates(run.dataDir)[run.name];
  const present = presentCheckout(run.dataDir, run.name);
  const onStderr = progressReader(run.name, run.progress);
  try {
    const before = present ? await head(present) : null;
    if (present) await update(present, run.url, spec.shallow, onStderr);
    else await cloneInto(dir, run.url, spec.shallow, onStderr);
    const [after, commitDate] = (await git(dir, ['log', '-1', '--format=%H%x1f%cs']))
      .trim()
      .split('\x1f');
    if (!after) throw new Error(`no commit checked out in ${dir}`);
    // compiled once per commit, so commands read no more YAML than on the snapshot
    if (!readCompiled(run.dataDir, run.name, after)) compile(run.name, run.dataDir, dir, after);
    writeManagedState(run.dataDir, run.name, {
      url: run.url,
      head: after,
      commitDate: commitDate ?? null,
      fetchedAt: run.at,
      lastAttemptAt: run.at,
      error: null,
    });
    const short = after.slice(0, 10);
    return {
      status: before === after ? 'unchanged' : 'updated',
      summary: !present
        ? `cloned ${run.url} into ${dir} (${short})`
        : before === after
          ? `up to date with ${run.url} (${short})`
          : `fetched ${run.url}: ${before?.slice(0, 10) ?? '?'} → ${short}`,
      error: null,
      dir,
      fetchedAt: run.at,
    };
  } catch (e) {
    const error = e instanceof LiaisonError || e instanceof Error ? e.message : String(e);
    writeManagedState(run.dataDir, run.name, {
      url: run.url,
      head: previous?.head ?? null,
      commitDate: previous?.commitDate ?? null,
      fetchedAt: previous?.fetchedAt ?? null,
      lastAttemptAt: run.at,
      error,
    });
    return {
      status: 'failed',
      summary: present
        ? `kept the checkout of ${previous?.fetchedAt ? previous.fetchedAt.slice(0, 10) : 'before'}`
        : 'no checkout yet: commands keep using the embedded snapshot',
      error,
      dir,
      fetchedAt: previous?.fetchedAt ?? null,
    };
  }
}

async function head(dir: string): Promise<string> {
  return (await git(dir, ['rev-parse', 'HEAD'])).trim();
}

function compile(name: ManagedName, dataDir: string, dir: string, commit: string): void {
  const stamp = { repo: MANAGED[name].repo, commit };
  const tree = new DiskTree(dir, `${name} checkout ${dir}`);
  try {
    const parts =
      name === 'releases'
        ? compileReleases(new ReleasesData(tree, stamp))
        : compileGovernance(new GovernanceData(tree, stamp));
    writeCompiled(dataDir, name, commit, parts);
  } catch {
    // a file our readers refuse: commands read the files and name it; the fetch itself worked
  }
}

async function cloneInto(
  dir: string,
  url: string,
  shallow: boolean,
  onStderr: ((chunk: string) => void) | undefined,
): Promise<void> {
  const parent = dirname(dir);
  mkdirSync(parent, { recursive: true });
  const tmp = `${dir}.partial`;
  rmSync(tmp, { recursive: true, force: true });
  await git(
    parent,
    [
      'clone',
      onStderr ? '--progress' : '--quiet',
      ...(shallow ? ['--depth', '1'] : []),
      '--',
      url,
      tmp,
    ],
    onStderr ? { onStderr } : {},
  );
  // a folder left by an interrupted clone of an older version is not a checkout: replace it
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
}

async function update(
  dir: string,
  url: string,
  shallow: boolean,
  onStderr: ((chunk: string) => void) | undefined,
): Promise<void> {
  // the config may name another remote since the clone
  await git(dir, ['remote', 'set-url', 'origin', url]);
  await git(
    dir,
    [
      'fetch',
      onStderr ? '--progress' : '--quiet',
      '--prune',
      ...(shallow ? ['--depth', '1'] : []),
      'origin',
    ],
    onStderr ? { onStderr } : {},
  );
  const branch = await defaultBranch(dir);
  // ours alone: nobody edits a managed checkout, so it simply follows the remote
  await git(dir, ['reset', '--hard', '--quiet', `refs/remotes/origin/${branch}`]);
}

/** The remote's default branch as the clone recorded it (origin/HEAD), else master. */
async function defaultBranch(dir: string): Promise<string> {
  const out = await git(dir, ['symbolic-ref', '--quiet', 'refs/remotes/origin/HEAD'], {
    okCodes: [1, 128],
  });
  return out.trim().replace(/^refs\/remotes\/origin\//, '') || 'master';
}

/**
 * Turns git's progress output ("Receiving objects:  42% (…)\r") into a
 * line per phase and tenth: enough to see a 33 MB clone move, without
 * flooding the terminal.
 */
function progressReader(
  name: string,
  progress: ((line: string) => void) | undefined,
): ((chunk: string) => void) | undefined {
  if (!progress) return undefined;
  const shown = new Map<string, number>();
  return (chunk) => {
    for (const part of chunk.split(/[\r\n]/)) {
      const m = /^(?:remote: )?([A-Za-z ]+):\s+(\d+)%/.exec(part.trim());
      if (!m) continue;
      const phase = (m[1] ?? '').toLowerCase();
      const tenth = Math.floor(Number(m[2]) / 10);
      if ((shown.get(phase) ?? -1) >= tenth) continue;
      shown.set(phase, tenth);
      progress(`${name}: ${phase} ${tenth * 10}%`);
    }
  };
}
