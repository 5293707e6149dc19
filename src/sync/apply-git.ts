import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Deps } from '../core/deps.js';
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
