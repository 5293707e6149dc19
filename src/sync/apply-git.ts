import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Deps } from '../core/deps.js';
import { debugLog } from '../core/debug-log.js';
import { git, isGitRepo } from '../git/run.js';
import { cloneDir } from '../git/clones.js';
import { locateSpecsRepo } from '../git/specs-repo.js';

/**
 * The git checkouts `liaison sync` refreshes with `git fetch`: the releases
 * and governance checkouts when given (option, env or config) and the
 * team's project clones when configured. Work trees are never touched:
 * fetch only updates remote-tracking refs.
 */
export interface GitTarget {
  /** Key in `source_sync`: `git:releases`, `git:governance`, `git:specs`, `git:clone:<repository base name>`. */
  readonly name: string;
  readonly dir: string;
}

export function gitTargets(ctx: Deps): GitTarget[] {
  const out: GitTarget[] = [];
  const add = (name: string, dir: string | undefined) => {
    if (!dir) return;
    const full = resolve(ctx.cwd, dir);
    if (out.some((t) => t.dir === full) || !existsSync(full) || !isGitRepo(full)) return;
    out.push({ name, dir: full });
  };
  add('git:releases', ctx.dataLocation.releasesRepo);
  add('git:governance', ctx.dataLocation.governanceRepo);
  try {
    // the team's specs repository (config, environment or managed checkout), for priorities
    add('git:specs', locateSpecsRepo(ctx)?.dir);
  } catch {
    // a configured path that is no checkout: `liaison priorities` names the problem
  }
  if (ctx.config['clones-dir'] || ctx.config.deliverables) {
    for (const d of ctx.team.deliverables)
      add(`git:clone:${d.repos[0]?.split('/').pop() ?? d.name}`, cloneDir(ctx, d.name));
  }
  return out;
}

export interface FetchOutcome {
  readonly changed: boolean;
  readonly summary: string;
}

/** `git fetch --prune` of every remote; says whether any remote-tracking ref moved. */
export async function fetchRepo(dir: string): Promise<FetchOutcome | 'no-remote'> {
  const remotes = (await git(dir, ['remote'])).split('\n').filter((r) => r.trim() !== '');
  if (remotes.length === 0) return 'no-remote';
  const refs = () =>
    git(dir, ['for-each-ref', '--format=%(objectname) %(refname)', 'refs/remotes', 'refs/tags']);
  const before = await refs();
  await git(dir, ['fetch', '--quiet', '--prune', '--tags', '--multiple', ...remotes]);
  const after = await refs();
  const changed = before !== after;
  return {
    changed,
    summary: changed
      ? `fetched new commits from ${remotes.join(', ')}`
      : `up to date with ${remotes.join(', ')}`,
  };
}

/**
 * After the fetch of a project clone: git's commit-graph, with changed-path
 * filters, written when refs moved or when there is none (what `git
 * maintenance` keeps up). It is git's own index of the history, not ours,
 * in the clone's object store; any path-limited `git log` gets faster
 * (`notes report --ignore-cache` on glance: 0.49 → 0.41 s wall, CPU −20%;
 * bench/RESULTS.md) for 0.36 s of writing once per fetch that moved refs.
 * The work tree is not touched; a failure costs only the speed-up, never
 * the sync.
 */
export async function refreshCommitGraph(dir: string, changed: boolean): Promise<boolean> {
  try {
    const paths = await git(dir, [
      'rev-parse',
      '--git-path',
      'objects/info/commit-graph',
      '--git-path',
      'objects/info/commit-graphs/commit-graph-chain',
    ]);
    const present = paths
      .split('\n')
      .filter((p) => p.trim() !== '')
      .some((p) => existsSync(resolve(dir, p.trim())));
    if (present && !changed) return false;
    await git(dir, ['commit-graph', 'write', '--reachable', '--changed-paths']);
    return true;
  } catch (e) {
    debugLog('commit-graph not written', {
      dir,
      error: e instanceof Error ? e.message : String(e),
    });
    return false;
  }
}
